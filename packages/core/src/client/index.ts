export {
  type ChatKitCallOptions,
  type ChatKitClient,
  type ChatKitClientOptions,
  type ChatKitJsonResponseMap,
  createChatKitClient,
  type JsonRequestType,
  type ProtocolPage,
  parseAttachment,
  type UploadAttachmentOptions,
  type UploadStrategy,
} from "./chatkit-client";
export {
  type AcceptLanguageOption,
  buildUrl,
  createHttpClient,
  failedBeforeSending,
  type HeadersLike,
  type HeadersOption,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  isEventStream,
  isRetryableStatus,
  type RequestOptions,
  retryAfterMs,
} from "./http";
export { type CursorParams, nextCursorParams, PagePromise } from "./pagination";
export { canReportUploadProgress, type UploadProgress } from "./upload";
