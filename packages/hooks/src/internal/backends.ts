/**
 * What the hooks need for the hosted ChatKit REST API and the Assistants API (their history
 * sources and Assistants runs), loaded as one chunk on first use: a ChatKit-only app bundles none
 * of it, nor core's REST and Assistants code.
 */
export { runAssistant } from "../run/assistants-run";
export { assistantsHistorySource } from "./history-source-assistants";
export { restHistorySource } from "./history-source-rest";
