export {
  type AssistantObjects,
  normalizeAssistantMessage,
  normalizeAssistantObjects,
  normalizeAssistantRunStep,
  normalizeAssistantThread,
  normalizeRequiredAction,
} from "./assistants";
export {
  type NormalizedPage,
  type NormalizeRestOptions,
  normalizeChatKitRestItem,
  normalizeChatKitRestItemsPage,
  normalizeChatKitRestThread,
  normalizeChatKitRestThreadsPage,
} from "./chatkit-rest";
export { unixToIso } from "./shared";
