export { describeValue, isJsonObject } from "./issues";
export { parseJsonText } from "./parse-json";
export { parseAssistantMessageContent, parseChatKitRequest } from "./parse-request";
export {
  isUnknownStreamEvent,
  type ParsedThreadStreamEvent,
  parseThreadStreamEvent,
  type UnknownStreamEvent,
} from "./parse-stream-event";
export {
  parseThread,
  parseThreadItem,
  parseThreadItemsPage,
  parseThreadsPage,
  toUnknownThreadItem,
} from "./parse-thread-item";
