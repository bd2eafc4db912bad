/**
 * Attachment limits and uploads for the composer. Uploads go through the protocol client
 * (two-phase or direct) or the app's own uploader.
 */
import type { Attachment, ChatSessionFileUpload } from "@threadkit/core";
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
   * Largest file in bytes per MIME type (`"image/png"`) or pattern (`"image/*"`), over `maxSize`:
   * an exact type wins over a pattern, and `"*"` (or `""`) stands for every other type.
   */
  maxSizeByType?: Readonly<Record<string, number>>;
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
  /** The size limit (bytes) the file went over, for `too_large`. */
  readonly maxSize?: number;
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
    const maxSize = maxSizeFor(file, limits);
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
    } else if (maxSize !== undefined && file.size > maxSize) {
      rejected.push({
        name: file.name,
        reason: "too_large",
        maxSize,
        message: `"${file.name}" is ${formatBytes(file.size)}; files can be at most ${formatBytes(maxSize)}.`,
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

/** The size limit of a file: its exact type, then its `type/*` pattern, then `"*"`, then `maxSize`. */
function maxSizeFor(file: File, limits: AttachmentLimits): number | undefined {
  const byType = limits.maxSizeByType;
  if (!byType) return limits.maxSize;
  const type = (file.type || "").toLowerCase();
  const slash = type.indexOf("/");
  for (const key of [type, slash > 0 ? `${type.slice(0, slash)}/*` : "", "*", ""]) {
    if ((key !== "" || !type) && Object.hasOwn(byType, key)) return byType[key];
  }
  return Object.hasOwn(byType, "") ? byType[""] : limits.maxSize;
}

/** How attachments are uploaded. */
export type UploadStrategy =
  /** `attachments.create` on the protocol client, then the bytes to `upload_descriptor`. */
  | { type: "two_phase" }
  /** A multipart `file` POST to `uploadUrl`, which answers with the attachment JSON. */
  | { type: "direct"; uploadUrl: string }
  /** Your own uploader. */
  | { type: "custom"; upload: UploadFile };

/** Uploads one file and resolves with its attachment. */
export type UploadFile = (
  file: File,
  options: { onProgress: (fraction: number) => void; signal: AbortSignal },
) => Promise<Attachment>;

/** The uploader for `strategy` (two-phase and direct go through the protocol client). */
export function createUploader(
  strategy: UploadStrategy,
  getProtocol: () => ProtocolClient | undefined,
): UploadFile {
  if (strategy.type === "custom") return strategy.upload;
  return async (file, { onProgress, signal }) => {
    const protocol = getProtocol();
    if (!protocol) {
      throw new Error("Attachment uploads need a `protocol` client in `ThreadkitProvider`");
    }
    const attachment = await protocol.attachments.upload(file, {
      strategy,
      name: file.name,
      signal,
      onProgress: ({ loaded, total }) => {
        const size = total ?? file.size;
        if (size > 0) onProgress(Math.min(1, loaded / size));
      },
    });
    onProgress(1);
    return attachment;
  };
}
