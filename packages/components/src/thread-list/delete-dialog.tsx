import { AlertDialog } from "radix-ui";
import type { LazyDialogProps } from "../internal/lazy-dialog-props";

/** Props of the lazily loaded delete confirmation (see `thread-list.tsx`). */
export interface DeleteDialogProps extends LazyDialogProps {
  description: string;
  cancelLabel: string;
  deleteLabel: string;
  onConfirm: () => void;
}

/** The Radix alert dialog confirming a thread's deletion, loaded on first use. */
export function DeleteDialog({
  open,
  onOpenChange,
  contentId,
  triggerRef,
  portalContainer,
  themeProps,
  title,
  description,
  cancelLabel,
  deleteLabel,
  onConfirm,
}: DeleteDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal container={portalContainer ?? undefined}>
        <AlertDialog.Overlay data-tk-part="dialog-overlay" {...themeProps} />
        <AlertDialog.Content
          id={contentId}
          data-tk-part="dialog"
          onCloseAutoFocus={(event) => {
            // The trigger is ours, not an AlertDialog.Trigger: return focus to it as Radix would.
            event.preventDefault();
            triggerRef.current?.focus();
          }}
          {...themeProps}
        >
          <AlertDialog.Title data-tk-part="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description data-tk-part="dialog-description">
            {description}
          </AlertDialog.Description>
          <div data-tk-part="dialog-actions">
            <AlertDialog.Cancel data-tk-part="button" data-variant="secondary">
              {cancelLabel}
            </AlertDialog.Cancel>
            <AlertDialog.Action data-tk-part="button" data-variant="danger" onClick={onConfirm}>
              {deleteLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
