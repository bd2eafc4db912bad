import { Check, X } from "lucide-react";
import { AlertDialog } from "radix-ui";
import { useEffect, useRef } from "react";
import type { LazyDialogProps } from "../internal/lazy-dialog-props";

/**
 * Moves focus once a deleted thread's row left the list `nav`: its row (with the focused trigger
 * or dialog) is gone, so focus fell to the body. The entry now at `index` takes it (the last one
 * when the deleted thread was last, the list when none is left); focus the user has moved
 * elsewhere meanwhile is left alone.
 */
export function focusAfterDeletion(nav: HTMLElement, index: number): void {
  const focused = nav.ownerDocument.activeElement;
  if (focused && focused !== nav.ownerDocument.body && !nav.contains(focused)) return;
  const triggers = nav.querySelectorAll<HTMLElement>('[data-tk-part="thread-list-trigger"]');
  const next = triggers[Math.min(index, triggers.length - 1)] ?? nav;
  next.focus();
}

/** Props of the lazily loaded rename form (see `thread-list.tsx`). */
export interface RenameFormProps {
  value: string;
  onValueChange: (value: string) => void;
  /** Leaves the form, saving the value or not (Escape and the cancel button do not). */
  onFinish: (save: boolean) => void;
  label: string;
  saveLabel: string;
  cancelLabel: string;
}

/** A thread list entry's inline rename form, loaded on first use with the delete dialog. */
export function RenameForm({
  value,
  onValueChange,
  onFinish,
  label,
  saveLabel,
  cancelLabel,
}: RenameFormProps) {
  const inputRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    inputRef.current?.select();
  }, []);
  return (
    <form
      data-tk-part="thread-list-rename"
      onSubmit={(event) => {
        event.preventDefault();
        onFinish(true);
      }}
    >
      <input
        ref={inputRef}
        data-tk-part="thread-list-rename-input"
        aria-label={label}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onFinish(false);
          }
        }}
      />
      <button type="submit" data-tk-part="icon-button" aria-label={saveLabel}>
        <Check aria-hidden size={14} />
      </button>
      <button
        type="button"
        data-tk-part="icon-button"
        aria-label={cancelLabel}
        onClick={() => onFinish(false)}
      >
        <X aria-hidden size={14} />
      </button>
    </form>
  );
}

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
