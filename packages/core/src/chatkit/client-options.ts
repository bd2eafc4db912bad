/**
 * The options of the ChatKit protocol client (`./client`) and of its upload
 * (`./upload-attachment`), apart from both.
 */
import type { HttpClientOptions, RequestOptions } from "../http/client";
import type { UploadProgress } from "../http/upload";
import type { JsonObject } from "./thread-item";

/** Options of `createChatKitClient` (`./client`). */
export interface ChatKitClientOptions extends HttpClientOptions {
  /** The ChatKit server endpoint (ChatKit.js's `api.url`). */
  url: string;
  /** Sent as the request's `metadata` unless a call gives its own. */
  metadata?: JsonObject;
}

/** Options of one protocol call. */
export interface ChatKitCallOptions extends RequestOptions {
  /** The request's `metadata` (default: the client's, else omitted). */
  metadata?: JsonObject;
}

/** Where attachment bytes go. */
export type UploadStrategy =
  /** `attachments.create`, then the bytes go to the returned `upload_descriptor`. */
  | { type: "two_phase" }
  /** A multipart `POST` with a `file` field to `uploadUrl`, which answers the `Attachment`. */
  | { type: "direct"; uploadUrl: string };

/** Options of `ChatKitClient.attachments.upload` (`./client`). */
export interface UploadAttachmentOptions extends ChatKitCallOptions {
  /** @default { type: "two_phase" } */
  strategy?: UploadStrategy;
  /** File name when `file` is a `Blob` without one. */
  name?: string;
  /**
   * Called as bytes go out. Progress is reported while uploading only where `XMLHttpRequest`
   * exists (browsers); elsewhere it is called once, when the upload is done.
   */
  onProgress?: (progress: UploadProgress) => void;
}
