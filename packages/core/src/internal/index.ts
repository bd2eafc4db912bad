/**
 * @threadkit/core/internal — plumbing shared by threadkit's own packages: the fetch layer, cursor
 * paging, index bounds, the persistent map and small JSON helpers. Not a public API: anything
 * here may change in any release.
 */
export { chatKitBackendCalls } from "../chatkit/chatkit-backend-calls";
export { runChatKitStream } from "../chatkit/chatkit-run";
export { unixToIso } from "../chatkit/item-origin";
export { describeValue, isJsonObject } from "../errors/issues";
export { parseJsonText } from "../errors/parse-json";
export {
  buildUrl,
  createHttpClient,
  failedBeforeSending,
  type HttpClient,
  type HttpRequest,
  isEventStream,
  isRetryableStatus,
  retryAfterMs,
} from "../http/client";
export { type CursorParams, nextCursorParams } from "../http/pagination";
export { canReportUploadProgress } from "../http/upload";
export { isIndexInBounds, MAX_INDEX_GAP } from "../state/index-bounds";
export { type LazyValue, PersistentMap } from "../state/persistent-map";
