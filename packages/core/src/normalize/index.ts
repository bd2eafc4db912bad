export {
  type NormalizedPage,
  type NormalizeRestOptions,
  normalizeChatKitRestItem,
  normalizeChatKitRestItemsPage,
  normalizeChatKitRestThread,
  normalizeChatKitRestThreadsPage,
} from "./chatkit-rest";
export {
  normalizeAssistantMessage,
  normalizeAssistantRunStep,
  normalizeAssistantThread,
  normalizeRequiredAction,
} from "./assistants";
export { unixToIso } from "./shared";
