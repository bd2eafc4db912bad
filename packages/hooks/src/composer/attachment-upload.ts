/**
 * Attachment limits and uploads for the composer: the two-phase upload of the ChatKit protocol
 * (`attachments.create`, then the bytes to `upload_descriptor`) and the direct upload
 * (multipart `file` field to an upload URL that answers with the attachment).
 */
import type { Attachment, ChatSessionFileUpload, UploadDescriptor } from "@threadkit/core";
import type { ProtocolClient } from "../provider/clients";

/** Attachment limits; each one left out is not enforced. */
export interface AttachmentLimits {
  /** Whether attachments are allowed at all. @default true */
  enabled?: boolean;
  /** Most files per message. */
  maxFiles?: number;
  /** Largest file in bytes. */
  maxSize?: number;
  /**
   * Accepted types: MIME types (`image/png`), wildcards (`image/*`) or extensions (`.pdf`).
   */
  accept?: readonly string[];
}

/**
 * Reads the limits of a session's `chatkit_configuration.file_upload` (sizes in megabytes).
 *
 * @example
 * useComposer({ limits: limitsFromFileUpload(session.chatkit_configuration.file_upload) });
 */
export function limitsFromFileUpload(config: Partial<ChatSessionFileUpload>): AttachmentLimits {
  const limits: AttachmentLimits = { enabled: config.enabled ?? false };
  if (config.max_files != null) limits.maxFiles = config.max_files;
  if (config.max_file_size != null) limits.maxSize = config.max_file_size * 1024 * 1024;
  return limits;
}

/** Why a file was not attached. */
export interface AttachmentRejection {
  /** The file's name. */
  readonly name: string;
  readonly reason: "disabled" | "too_many" | "too_large" | "type";
  /** A sentence to show the user. */
  readonly message: string;
}

/** Formats a byte count for messages: `512 KB`, `12.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

function accepts(file: { name: string; type: string }, accept: readonly string[]): boolean {
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accept.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (p.startsWith(".")) return name.endsWith(p);
    if (p.endsWith("/*")) return type.startsWith(p.slice(0, -1));
    return p === type;
  });
}

/**
 * Splits `files` into those that fit `limits` (given `existing` attachments already added) and
 * rejections with a message each.
 */
export function checkAttachmentLimits(
  files: readonly File[],
  existing: number,
  limits: AttachmentLimits,
): { accepted: File[]; rejected: AttachmentRejection[] } {
  const accepted: File[] = [];
  const rejected: AttachmentRejection[] = [];
  for (const file of files) {
    if (limits.enabled === false) {
      rejected.push({
        name: file.name,
        reason: "disabled",
        message: "Attachments are turned off.",
      });
    } else if (limits.accept && limits.accept.length > 0 && !accepts(file, limits.accept)) {
      rejected.push({
        name: file.name,
        reason: "type",
        message: `"${file.name}" is not an accepted file type (${limits.accept.join(", ")}).`,
      });
    } else if (limits.maxSize !== undefined && file.size > limits.maxSize) {
      rejected.push({
        name: file.name,
        reason: "too_large",
        message: `"${file.name}" is ${formatBytes(file.size)}; files can be at most ${formatBytes(limits.maxSize)}.`,
      });
    } else if (limits.maxFiles !== undefined && existing + accepted.length >= limits.maxFiles) {
      rejected.push({
        name: file.name,
        reason: "too_many",
        message: `"${file.name}" was not added: at most ${limits.maxFiles} ${limits.maxFiles === 1 ? "file" : "files"} per message.`,
      });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, rejected };
}

/** How attachments are uploaded. */
export type UploadStrategy =
  /** `attachments.create` on the protocol client, then the bytes to `upload_descriptor`. */
  | { type: "two_phase" }
  /** A multipart `file` POST to `uploadUrl`, which answers with the attachment JSON. */
  | { type: "direct"; uploadUrl: string; headers?: Record<string, string> }
  /** Your own uploader. */
  | { type: "custom"; upload: UploadFile };

/** Uploads one file and resolves with its attachment. */
export type UploadFile = (
  file: File,
  options: { onProgress: (fraction: number) => void; signal: AbortSignal },
) => Promise<Attachment>;

function parseAttachment(json: unknown): Attachment {
  const value = json as Partial<Attachment> | null;
  if (
    !value ||
    typeof value.id !== "string" ||
    typeof value.name !== "string" ||
    typeof value.mime_type !== "string" ||
    (value.type !== "file" && value.type !== "image")
  ) {
    throw new TypeError("The upload answer is not an attachment (id, name, mime_type, type)");
  }
  return value as Attachment;
}

/** Sends `body`, reporting upload progress when the runtime can (XMLHttpRequest). */
function sendWithProgress(
  method: string,
  url: string,
  body: Blob | FormData,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<{ status: number; text: string }> {
  if (typeof XMLHttpRequest === "undefined") {
    return fetch(url, { method, body, headers, signal }).then(async (response) => ({
      status: response.status,
      text: await response.text(),
    }));
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [key, value] of Object.entries(headers)) xhr.setRequestHeader(key, value);
    xhr.upload?.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => resolve({ status: xhr.status, text: xhr.responseText }));
    xhr.addEventListener("error", () => reject(new Error(`Upload to ${url} failed`)));
    xhr.addEventListener("abort", () => {
      const error = new Error("The upload was cancelled");
      error.name = "AbortError";
      reject(error);
    });
    signal.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

async function uploadBytes(
  descriptor: UploadDescriptor,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const headers = { ...(descriptor.headers ?? {}) };
  let body: Blob | FormData = file;
  if (descriptor.method === "POST") {
    const form = new FormData();
    form.append("file", file, file.name);
    body = form;
  } else if (file.type) {
    headers["content-type"] ??= file.type;
  }
  const { status } = await sendWithProgress(
    descriptor.method,
    descriptor.url,
    body,
    headers,
    onProgress,
    signal,
  );
  if (status < 200 || status >= 300)
    throw new Error(`Uploading "${file.name}" failed with HTTP ${status}`);
}

/** The uploader for `strategy`. */
export function createUploader(
  strategy: UploadStrategy,
  getProtocol: () => ProtocolClient | undefined,
): UploadFile {
  switch (strategy.type) {
    case "custom":
      return strategy.upload;
    case "direct":
      return async (file, { onProgress, signal }) => {
        const form = new FormData();
        form.append("file", file, file.name);
        const { status, text } = await sendWithProgress(
          "POST",
          strategy.uploadUrl,
          form,
          strategy.headers ?? {},
          onProgress,
          signal,
        );
        if (status < 200 || status >= 300) {
          throw new Error(`Uploading "${file.name}" failed with HTTP ${status}`);
        }
        return parseAttachment(JSON.parse(text));
      };
    case "two_phase":
      return async (file, { onProgress, signal }) => {
        const protocol = getProtocol();
        if (!protocol) {
          throw new Error("Two-phase uploads need a `protocol` client in `ThreadkitProvider`");
        }
        const created = parseAttachment(
          await protocol.request(
            "attachments.create",
            {
              name: file.name,
              size: file.size,
              mime_type: file.type || "application/octet-stream",
            },
            { signal },
          ),
        );
        if (created.upload_descriptor) {
          await uploadBytes(created.upload_descriptor, file, onProgress, signal);
        }
        onProgress(1);
        const { upload_descriptor: _descriptor, ...attachment } = created;
        return attachment as Attachment;
      };
  }
}
