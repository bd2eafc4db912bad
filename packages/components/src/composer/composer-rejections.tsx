import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { useThreadUI } from "../context";
import { useAttachmentLists, useComposerContext } from "./composer";

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
    const lists = useAttachmentLists(ctx.rejections.length > 0, ctx.onAddFiles !== undefined);
    if (!ctx.onAddFiles && ctx.rejections.length === 0) return null;
    return (
      <div data-tk-part="composer-rejections" role="status" aria-live="polite" {...props} ref={ref}>
        {ctx.rejections.length === 0 ? null : lists ? (
          <lists.RejectionItems
            rejections={ctx.rejections}
            onDismiss={ctx.onDismissRejections}
            t={t}
          />
        ) : (
          <ul data-tk-part="composer-rejections-list" aria-busy>
            {ctx.rejections.map((rejection, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
              <li key={index} data-tk-part="composer-rejection" data-reason={rejection.reason}>
                {rejection.name}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  },
);
ComposerRejections.displayName = "Composer.Rejections";
