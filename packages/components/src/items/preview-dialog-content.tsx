import { X } from "lucide-react";
import { Dialog, VisuallyHidden } from "radix-ui";
import type { LazyDialogProps } from "../internal/lazy-dialog-props";

/** Props of the lazily loaded preview dialog (see `preview-dialog.tsx`). */
export interface PreviewDialogContentProps extends LazyDialogProps {
  /** Visually hidden title (the generated image) or a visible one with `attachment-preview-title`. */
  titleHidden: boolean;
  src: string;
  alt: string;
  closeLabel: string;
}

/** The Radix dialog of an image preview, loaded on first use with its focus scope and scroll lock. */
export function PreviewDialogContent({
  open,
  onOpenChange,
  contentId,
  triggerRef,
  portalContainer,
  themeProps,
  title,
  titleHidden,
  src,
  alt,
  closeLabel,
}: PreviewDialogContentProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={portalContainer ?? undefined}>
        <Dialog.Overlay data-tk-part="dialog-overlay" {...themeProps} />
        <Dialog.Content
          id={contentId}
          data-tk-part="attachment-preview"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            // The trigger is ours, not a Dialog.Trigger: return focus to it as Radix would.
            event.preventDefault();
            triggerRef.current?.focus();
          }}
          {...themeProps}
        >
          {titleHidden ? (
            <VisuallyHidden.Root asChild>
              <Dialog.Title>{title}</Dialog.Title>
            </VisuallyHidden.Root>
          ) : (
            <Dialog.Title data-tk-part="attachment-preview-title">{title}</Dialog.Title>
          )}
          <img
            data-tk-part="attachment-preview-image"
            src={src}
            alt={alt}
            referrerPolicy="no-referrer"
          />
          <Dialog.Close data-tk-part="dialog-close" aria-label={closeLabel}>
            <X aria-hidden size={18} />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
