export {
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
} from "./client";
export { type CursorParams, nextCursorParams, PagePromise } from "./pagination";
export { canReportUploadProgress, type UploadProgress } from "./upload";
