import type { AttachmentRejection, ComposerAttachment } from "@threadkit/hooks";
import { CircleAlert, FileText, X } from "lucide-react";
import type { ThreadUIContextValue } from "../context";
import type { MessageKey } from "../i18n/messages";
import type { safeUrl } from "../internal/safe-url";
import type { fileTypeLabel } from "../items/user-message";

/**
 * What the lists use from the modules every page already has, passed in so that this chunk
 * imports none of them (and the bundler keeps them where they are).
 */
export interface AttachmentListDeps {
  t: ThreadUIContextValue["t"];
  allowDataImages: boolean;
  safeUrl: typeof safeUrl;
  fileTypeLabel: typeof fileTypeLabel;
}

/**
 * The entries of `Composer.Attachments` and `Composer.Rejections`: loaded once the composer
 * accepts files (on idle) or has an entry to show, so a composer that never attaches does not
 * carry their code.
 */

/** The chips of `Composer.Attachments`: thumbnail or icon, name, type, progress, remove. */
export function AttachmentItems({
  attachments,
  onRemove,
  deps: { t, allowDataImages, safeUrl, fileTypeLabel },
}: {
  attachments: readonly ComposerAttachment[];
  onRemove: ((id: string) => void) | undefined;
  deps: AttachmentListDeps;
}) {
  return attachments.map((attachment) => {
    const status = attachment.status ?? "done";
    const percent = Math.round(Math.min(1, Math.max(0, attachment.progress ?? 0)) * 100);
    const preview = attachment.previewUrl?.startsWith("blob:")
      ? attachment.previewUrl
      : safeUrl(attachment.previewUrl, "image", { allowDataImages });
    return (
      <li key={attachment.id} data-tk-part="composer-attachment" data-status={status}>
        {preview ? (
          <img data-tk-part="composer-attachment-thumbnail" src={preview} alt="" />
        ) : (
          <span data-tk-part="attachment-icon" aria-hidden>
            <FileText size={16} />
          </span>
        )}
        <span data-tk-part="attachment-meta">
          <span data-tk-part="attachment-name">{attachment.name}</span>
          <span data-tk-part="attachment-type">
            {status === "error"
              ? t("composer.uploadFailed", { name: attachment.name })
              : fileTypeLabel(attachment.name, attachment.mimeType)}
          </span>
          {status === "error" && attachment.error ? (
            <span data-tk-part="composer-attachment-error" title={attachment.error}>
              {attachment.error}
            </span>
          ) : null}
        </span>
        {status === "uploading" ? (
          <span
            data-tk-part="composer-attachment-progress"
            role="progressbar"
            aria-label={t("composer.uploading", { name: attachment.name, percent })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            style={{ ["--tk-progress" as string]: `${percent}%` }}
          />
        ) : null}
        {onRemove ? (
          <button
            type="button"
            data-tk-part="composer-attachment-remove"
            aria-label={t("composer.remove", { name: attachment.name })}
            onClick={() => onRemove(attachment.id)}
          >
            <X aria-hidden size={12} />
          </button>
        ) : null}
      </li>
    );
  });
}

const REASON_KEYS = {
  disabled: "composer.rejectedDisabled",
  too_many: "composer.rejectedTooMany",
  too_large: "composer.rejectedTooLarge",
  type: "composer.rejectedType",
} as const satisfies Record<AttachmentRejection["reason"], MessageKey>;

/** The refused files of `Composer.Rejections`, one line each, and its dismiss button. */
export function RejectionItems({
  rejections,
  onDismiss,
  t,
}: {
  rejections: readonly AttachmentRejection[];
  onDismiss: (() => void) | undefined;
  t: ThreadUIContextValue["t"];
}) {
  return (
    <>
      <ul data-tk-part="composer-rejections-list">
        {rejections.map((rejection, index) => (
          <li
            // Two refusals of the same name and reason read the same: the index is enough.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
            key={index}
            data-tk-part="composer-rejection"
            data-reason={rejection.reason}
          >
            <CircleAlert aria-hidden size={14} />
            <span>{rejectionText(rejection, t)}</span>
          </li>
        ))}
      </ul>
      {onDismiss ? (
        <button
          type="button"
          data-tk-part="composer-rejections-dismiss"
          aria-label={t("composer.dismissRejections")}
          title={t("composer.dismissRejections")}
          onClick={onDismiss}
        >
          <X aria-hidden size={14} />
        </button>
      ) : null}
    </>
  );
}

function rejectionText(rejection: AttachmentRejection, t: ThreadUIContextValue["t"]): string {
  const text = t(REASON_KEYS[rejection.reason], { name: rejection.name });
  const { limit } = rejection;
  if (limit === undefined || limit === "") return text;
  switch (rejection.reason) {
    case "too_many":
      return `${text} ${t("composer.limitCount", { count: Number(limit) })}`;
    case "too_large":
      return `${text} ${t("composer.limitSize", { limit })}`;
    case "type":
      return `${text} ${t("composer.limitType", { limit })}`;
    default:
      return text;
  }
}
