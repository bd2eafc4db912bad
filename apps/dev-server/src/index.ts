/**
 * @threadkit/dev-server — a local server that speaks the ChatKit protocol, the hosted ChatKit
 * REST API and the Assistants API, with a scripted assistant and fault injection. No API key,
 * no network.
 */
export { type AppOptions, createApp, isLocalOrigin } from "./app";
export { createDevChatKitServer } from "./chatkit";
export { FAULT_HEADER, type FaultSpec, parseFaultSpec, parseMessageFaults } from "./faults";
export { FAULT_WORDS, matchKeyword, SCRIPT_KEYWORDS, type ScriptKeyword } from "./script";
export { createDevServer, DEFAULT_DATA_DIR, type DevServer, type DevServerOptions } from "./server";
export { type DevContext, type DevServices, userContext } from "./services";
export type { ChatSession } from "./sessions";
export { DevStore } from "./store";
export { type Clock, systemClock } from "./util";
