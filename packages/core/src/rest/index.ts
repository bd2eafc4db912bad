/**
 * @threadkit/core/rest — the hosted ChatKit REST API (`/v1/chatkit/…`): wire types, the client,
 * and the normalisation of its threads and items into the ChatKit protocol's shapes.
 */
export {
  type ChatKitRestClient,
  type ChatKitRestClientOptions,
  createChatKitRestClient,
} from "./client";
export {
  type NormalizedPage,
  type NormalizeRestOptions,
  normalizeChatKitRestItem,
  normalizeChatKitRestItemsPage,
  normalizeChatKitRestThread,
  normalizeChatKitRestThreadsPage,
} from "./normalize";
export { type ChatKitRestBackendOptions, createChatKitRestBackend } from "./rest-backend";
export * from "./types";
