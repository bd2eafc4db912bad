export { describeValue, isJsonObject } from "./issues";
export { parseJsonText } from "./parse-json";
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
