/**
 * @threadkit/core/chatkit — the ChatKit protocol: wire types, valibot schemas and parsers, the
 * protocol client, the thread stream reader and widgets.
 */
export type {
  ThreadBackend,
  ThreadBackendCallOptions,
  ThreadBackendCapabilities,
  ThreadBackendListOptions,
  ThreadBackendTranscribeInput,
  ThreadBackendUploadOptions,
  ThreadRunBatch,
  ThreadRunIncompleteInfo,
  ThreadRunOperation,
  ThreadRunOptions,
} from "./backend";
export { type ChatKitBackendOptions, createChatKitBackend } from "./chatkit-backend";
export {
  type ChatKitCallOptions,
  type ChatKitClient,
  type ChatKitClientOptions,
  createChatKitClient,
  type UploadAttachmentOptions,
  type UploadStrategy,
} from "./client";
export { parseAssistantMessageContent, parseChatKitRequest } from "./parse-request";
export {
  isUnknownStreamEvent,
  type ParsedThreadStreamEvent,
  parseThreadStreamEvent,
  type UnknownStreamEvent,
} from "./parse-stream-event";
export {
  parseAttachment,
  parseThread,
  parseThreadItem,
  parseThreadItemsPage,
  parseThreadsPage,
  toUnknownThreadItem,
} from "./parse-thread-item";
export {
  type ReadStreamOptions,
  readThreadStream,
  readThreadStreamBatches,
  type ThreadStreamReaderEvent,
} from "./read-thread-stream";
export * from "./requests";
export type * from "./stream-event";
export type { StreamMalformedEvent, ThreadStreamReadEvent } from "./stream-events";
export type * from "./thread";
export * from "./thread-item";
export * from "./widgets";
export * from "./widgets/types";
