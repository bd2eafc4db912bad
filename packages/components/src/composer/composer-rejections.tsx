import type { AttachmentRejection } from "@threadkit/hooks";
import { CircleAlert, X } from "lucide-react";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { type ThreadUIContextValue, useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { useComposerContext } from "./composer";

const REASON_KEYS = {
  disabled: "composer.rejectedDisabled",
  too_many: "composer.rejectedTooMany",
  too_large: "composer.rejectedTooLarge",
  type: "composer.rejectedType",
} as const satisfies Record<AttachmentRejection["reason"], MessageKey>;

/**
 * The files the composer refused (too large, wrong type, too many, attachments off), one line
 * each with the limit that was hit, and a dismiss button when the composer has
 * `onDismissRejections`. The connected composer fills it from `useComposer` and clears it on the
 * next pick. It is a polite live region, present (empty) whenever the composer accepts files,
 * so screen readers announce refusals as they appear.
 *
 * @selector [data-tk-part="composer-rejections"] the live region
 * @selector [data-tk-part="composer-rejection"][data-reason="disabled"|"too_many"|"too_large"|"type"] one refused file
 * @selector [data-tk-part="composer-rejections-dismiss"] the dismiss button
 */
export const ComposerRejections = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<"div">>(
  function ComposerRejections(props, ref) {
    const ctx = useComposerContext("Composer.Rejections");
    const { t } = useThreadUI();
    if (!ctx.onAddFiles && ctx.rejections.length === 0) return null;
    return (
      <div data-tk-part="composer-rejections" role="status" aria-live="polite" {...props} ref={ref}>
        {ctx.rejections.length > 0 ? (
          <>
            <ul data-tk-part="composer-rejections-list">
              {ctx.rejections.map((rejection, index) => (
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
            {ctx.onDismissRejections ? (
              <button
                type="button"
                data-tk-part="composer-rejections-dismiss"
                aria-label={t("composer.dismissRejections")}
                title={t("composer.dismissRejections")}
                onClick={ctx.onDismissRejections}
              >
                <X aria-hidden size={14} />
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    );
  },
);
ComposerRejections.displayName = "Composer.Rejections";

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
