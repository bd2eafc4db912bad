/**
 * The protocol client's `attachments.upload`, loaded with the answer checks it always waits for
 * (`./parse-thread-item` re-exports it; see `loadResponseParsers` in `./client`), so a page that
 * only shows a thread does not carry the upload code in its first chunks.
 */
import { parseJsonText } from "../errors/parse-json";
import { applyAcceptLanguage, type HttpClient } from "../http/client";
import { uploadBytes } from "../http/upload";
import type {
  ChatKitCallOptions,
  ChatKitClientOptions,
  UploadAttachmentOptions,
} from "./client-options";
import type { ChatKitRequestMap } from "./requests";
import type { Attachment } from "./thread-item";

/** What an upload needs of its client. */
export interface UploadContext {
  http: HttpClient;
  options: ChatKitClientOptions;
  /** The client's `attachments.create`. */
  create(
    params: ChatKitRequestMap["attachments.create"],
    call: ChatKitCallOptions,
  ): Promise<Attachment>;
  /** Checks a direct upload's answer. */
  parseAttachment(json: unknown): Attachment;
}

function fileName(file: Blob, name: string | undefined): string {
  if (name) return name;
  const own = (file as Blob & { name?: unknown }).name;
  return typeof own === "string" && own !== "" ? own : "file";
}

/** Uploads a file (two-phase or direct) and resolves with its `Attachment`. */
export async function uploadAttachment(
  { http, options, create, parseAttachment }: UploadContext,
  file: Blob,
  call: UploadAttachmentOptions = {},
): Promise<Attachment> {
  const strategy = call.strategy ?? { type: "two_phase" };
  const name = fileName(file, call.name);
  const form = new FormData();
  form.append("file", file, name);
  const upload = (url: string, method: "POST" | "PUT", body: FormData | Blob, headers: Headers) =>
    uploadBytes(http, {
      url,
      method,
      body,
      size: file.size,
      headers,
      onProgress: call.onProgress,
      signal: call.signal,
      timeoutMs: call.timeoutMs ?? options.timeoutMs,
    });
  if (strategy.type === "direct") {
    const headers = new Headers(
      typeof options.headers === "function" ? await options.headers() : options.headers,
    );
    if (call.headers)
      new Headers(call.headers).forEach((value, key) => {
        headers.set(key, value);
      });
    applyAcceptLanguage(headers, options.acceptLanguage);
    const response = await upload(strategy.uploadUrl, "POST", form, headers);
    return parseAttachment(parseJsonText(await response.text(), "upload response JSON"));
  }
  const created = await create(
    { name, size: file.size, mime_type: file.type || "application/octet-stream" },
    call,
  );
  const descriptor = created.upload_descriptor;
  if (!descriptor) return created;
  const headers = applyAcceptLanguage(
    new Headers(descriptor.headers ?? {}),
    options.acceptLanguage,
  );
  await upload(
    descriptor.url,
    descriptor.method,
    descriptor.method === "PUT" ? file : form,
    headers,
  );
  return created;
}
