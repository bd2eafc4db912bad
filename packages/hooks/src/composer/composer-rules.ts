/**
 * The composer's rules, one set for `useComposer` and every `Composer.Root` (plain, connected and
 * `<ChatKit>`'s): the attachment type, what may be sent, attachment limits per MIME type, and the
 * draft that leaves on a send and comes back when the send fails. No React here.
 */
import type { Attachment, ChatSessionFileUpload } from "@threadkit/core";

/** Where an attachment's upload stands: `uploading`, `done` (the server has it) or `error`. */
export type ComposerAttachmentStatus = "uploading" | "done" | "error";

/**
 * One attachment in the composer, before or after its upload. `useComposer` fills every field;
 * an app that drives `Composer.Root` itself gives at least `id`, `name` and `mimeType`.
 */
export interface ComposerAttachment {
  /** Local id, stable while the attachment is in the composer. */
  readonly id: string;
  /** The file's name. */
  readonly name: string;
  /** The file's MIME type (`application/octet-stream` when the browser did not tell). */
  readonly mimeType: string;
  /** @default "done" */
  readonly status?: ComposerAttachmentStatus | undefined;
  /** Upload progress from 0 to 1. */
  readonly progress?: number | undefined;
  /** Thumbnail URL for images (http/https, `blob:` or configured `data:`). */
  readonly previewUrl?: string | null | undefined;
  /** Why the upload failed, a sentence to show (with `status: "error"`). */
  readonly error?: string | null | undefined;
  /** The picked file, while the composer uploads it. */
  readonly file?: File | undefined;
  /** The server's attachment once uploaded (what is sent with the message). */
  readonly attachment?: Attachment | null | undefined;
}

/** What {@link canSubmitDraft} looks at. */
export interface ComposerDraft {
  /** The draft text (blank text counts as none). */
  text: string;
  attachments: readonly ComposerAttachment[];
  /** A response is streaming (or the send is being made). */
  running?: boolean;
  /** The composer is disabled (a locked or closed thread, or the app's reason). */
  disabled?: boolean;
}

/** Whether any attachment is still uploading. */
export function hasPendingUpload(attachments: readonly ComposerAttachment[]): boolean {
  return attachments.some((entry) => entry.status === "uploading");
}

/**
 * Whether a draft may be sent: it has text or attachments, nothing is running or uploading, the
 * composer is enabled, and no attachment failed (remove it first, so the message never goes out
 * silently without a file the user attached).
 */
export function canSubmitDraft(draft: ComposerDraft): boolean {
  return (
    draft.disabled !== true &&
    draft.running !== true &&
    !hasPendingUpload(draft.attachments) &&
    !draft.attachments.some((entry) => entry.status === "error") &&
    (draft.text.trim() !== "" || draft.attachments.length > 0)
  );
}

/** The text once a send of `sent` left the composer: cleared, unless a new draft was typed. */
export function clearSentText(current: string, sent: string): string {
  return current === sent ? "" : current;
}

/**
 * The draft text (or tag list) after a send failed: the sent one comes back for another try,
 * unless the user started a new one meanwhile (only an empty draft is replaced).
 */
export function restoreDraft<T extends string | readonly unknown[]>(current: T, sent: T): T {
  return current.length === 0 ? sent : current;
}

/**
 * The attachments after a send failed: the sent ones come back in front, except those still (or
 * again) in the composer.
 */
export function restoreDraftAttachments(
  current: readonly ComposerAttachment[],
  sent: readonly ComposerAttachment[],
): readonly ComposerAttachment[] {
  return [...sent.filter((entry) => !current.some((item) => item.id === entry.id)), ...current];
}

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

/**
 * Why a file was not attached: attachments are off (or the backend takes none), too many files,
 * a file too large, or a type not accepted.
 */
export type AttachmentRejectionReason = "disabled" | "too_many" | "too_large" | "type";

/**
 * A file the composer refused: the one rejection type of `useComposer`, `checkAttachmentLimits`
 * and `Composer.Rejections` (which shows `reason` and `limit` in the UI's language).
 */
export interface AttachmentRejection {
  /** The file's name. */
  readonly name: string;
  /** Why it was refused. */
  readonly reason: AttachmentRejectionReason;
  /**
   * The limit that was hit, ready to show: the most files per message (`3`) for `too_many`, the
   * largest size (`"10 MB"`) for `too_large`, the accepted types (`"image/*, .pdf"`) for `type`.
   */
  readonly limit?: string | number;
  /** The size limit (bytes) the file went over, for `too_large`. */
  readonly maxSize?: number;
  /**
   * An English sentence to show the user (`checkAttachmentLimits` and `useComposer` always set
   * it; `Composer.Rejections` builds its own from `reason` and `limit`).
   */
  readonly message?: string;
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
        limit: limits.accept.join(", "),
        message: `"${file.name}" is not an accepted file type (${limits.accept.join(", ")}).`,
      });
    } else if (maxSize !== undefined && file.size > maxSize) {
      rejected.push({
        name: file.name,
        reason: "too_large",
        limit: formatBytes(maxSize),
        maxSize,
        message: `"${file.name}" is ${formatBytes(file.size)}; files can be at most ${formatBytes(maxSize)}.`,
      });
    } else if (limits.maxFiles !== undefined && existing + accepted.length >= limits.maxFiles) {
      rejected.push({
        name: file.name,
        reason: "too_many",
        limit: limits.maxFiles,
        message: `"${file.name}" was not added: at most ${limits.maxFiles} ${limits.maxFiles === 1 ? "file" : "files"} per message.`,
      });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, rejected };
}

/** The size limit of a file: its exact type, then its `type/*` pattern, then `"*"`, then `maxSize`. */
function maxSizeFor(file: { type: string }, limits: AttachmentLimits): number | undefined {
  const byType = limits.maxSizeByType;
  if (!byType) return limits.maxSize;
  const type = (file.type || "").toLowerCase();
  const slash = type.indexOf("/");
  for (const key of [type, slash > 0 ? `${type.slice(0, slash)}/*` : "", "*", ""]) {
    if ((key !== "" || !type) && Object.hasOwn(byType, key)) return byType[key];
  }
  return Object.hasOwn(byType, "") ? byType[""] : limits.maxSize;
}
