export * from "./parse";
export {
  isKnownAssistantStreamEvent,
  isUnknownAssistantStreamEvent,
  type ParsedAssistantStreamEvent,
  parseAssistantStreamEvent,
} from "./parse-stream-event";
export type * from "./types";
