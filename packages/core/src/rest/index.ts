export {
  type ChatKitRestClient,
  type ChatKitRestClientOptions,
  createChatKitRestClient,
} from "./client";
export * from "./types";
