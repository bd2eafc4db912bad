export {
  type AssistantStreamBody,
  type AssistantsClient,
  type AssistantsClientOptions,
  createAssistantsClient,
  type ListResult,
  type RunStepInclude,
} from "./client";
export * from "./parse";
export {
  isKnownAssistantStreamEvent,
  isUnknownAssistantStreamEvent,
  type ParsedAssistantStreamEvent,
  parseAssistantStreamEvent,
} from "./parse-stream-event";
export type * from "./types";
