export type {
  AcceptLanguageOption,
  HeadersLike,
  HeadersOption,
  HttpClientOptions,
  RequestOptions,
} from "./client";
export { PagePromise } from "./pagination";
export type { UploadProgress } from "./upload";
