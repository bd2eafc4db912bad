/**
 * @threadkit/core/assistants — the OpenAI Assistants API (beta): wire types, parsers, the client,
 * the run stream reader and reducer, the normalisation into ChatKit thread items, the translation
 * of run streams into ChatKit thread stream events, and the `ThreadBackend` adapter.
 */
export {
  type AssistantFileSource,
  type AssistantRunToThreadItemsOptions,
  assistantRunToThreadItems,
  convertAssistantText,
} from "./assistant-run-to-thread-items";
export {
  type AssistantStreamTranslator,
  type AssistantStreamTranslatorOptions,
  createAssistantStreamTranslator,
} from "./assistant-stream-to-thread-events";
export {
  type AssistantsBackendOptions,
  createAssistantsBackend,
  NoPendingToolCallError,
  toolOutputText,
} from "./assistants-backend";
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
