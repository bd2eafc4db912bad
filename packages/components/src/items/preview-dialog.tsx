import { type ComponentPropsWithoutRef, type ReactNode, useId, useRef, useState } from "react";
import { useThemeProps, useThreadUI } from "../context";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import type { PreviewDialogContentProps } from "./preview-dialog-content";

/** The Radix dialog (focus scope, scroll lock, dismissable layer), loaded on first use. */
export const previewDialogModule = lazyModule(() =>
  import("../internal/overlays").then((overlays) => overlays.previewDialog),
);

interface PreviewDialogProps
  extends Omit<ComponentPropsWithoutRef<"button">, "children" | "title">,
    Pick<PreviewDialogContentProps, "title" | "titleHidden" | "src" | "alt"> {
  children: ReactNode;
}

/**
 * An image preview: a trigger button with the markup and ARIA of `Dialog.Trigger`
 * (`aria-haspopup="dialog"`, `aria-expanded`, `aria-controls`, `data-state`) and a dialog whose
 * Radix code is loaded on first pointerenter, focus or click. A click before the code has
 * arrived opens the dialog as soon as it does.
 */
export function PreviewDialog({
  title,
  titleHidden,
  src,
  alt,
  children,
  onClick,
  onPointerEnter,
  onFocus,
  ...rest
}: PreviewDialogProps) {
  const { t, portalContainer } = useThreadUI();
  const themeProps = useThemeProps();
  const loaded = useLazyModule(previewDialogModule);
  const [open, setOpen] = useState(false);
  const contentId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const preload = () => {
    previewDialogModule.preload().catch(() => {});
  };
  const Content = loaded?.PreviewDialogContent;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={contentId}
        data-state={open ? "open" : "closed"}
        {...rest}
        ref={triggerRef}
        onPointerEnter={(event) => {
          onPointerEnter?.(event);
          preload();
        }}
        onFocus={(event) => {
          onFocus?.(event);
          preload();
        }}
        onClick={(event) => {
          onClick?.(event);
          if (event.defaultPrevented) return;
          preload();
          setOpen((was) => !was);
        }}
      >
        {children}
      </button>
      {Content ? (
        <Content
          open={open}
          onOpenChange={setOpen}
          contentId={contentId}
          triggerRef={triggerRef}
          portalContainer={portalContainer}
          themeProps={themeProps}
          title={title}
          titleHidden={titleHidden}
          src={src}
          alt={alt}
          closeLabel={t("attachment.close")}
        />
      ) : null}
    </>
  );
}
