/**
 * @threadkit/core/assistants — the OpenAI Assistants API (beta): wire types, parsers, the client,
 * the run stream reader and reducer, and the normalisation into ChatKit thread items.
 */
export {
  type AssistantFileSource,
  type AssistantRunToThreadItemsOptions,
  assistantRunToThreadItems,
  convertAssistantText,
} from "./assistant-run-to-thread-items";
export {
  type AssistantStreamBody,
  type AssistantsClient,
  type AssistantsClientOptions,
  createAssistantsClient,
  type ListResult,
  type RunStepInclude,
} from "./client";
export {
  type AssistantObjects,
  normalizeAssistantMessage,
  normalizeAssistantObjects,
  normalizeAssistantRunStep,
  normalizeAssistantThread,
  normalizeRequiredAction,
} from "./normalize";
export * from "./parse";
export {
  isKnownAssistantStreamEvent,
  isUnknownAssistantStreamEvent,
  type ParsedAssistantStreamEvent,
  parseAssistantStreamEvent,
} from "./parse-stream-event";
export {
  type AssistantStreamMalformedEvent,
  type AssistantStreamReaderEvent,
  readAssistantStream,
  readAssistantStreamBatches,
} from "./read-assistant-stream";
export {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
  reduceAssistantRunEvents,
} from "./reduce-assistant-run";
export type * from "./types";
