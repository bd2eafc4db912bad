import type { ReactNode } from "react";
import { useLayoutEffect } from "react";
import { createPortal } from "react-dom";
import type { ThreadUIContextValue } from "../context";
import { EntityPreviewBody, previewShown, useEntityPreview } from "../internal/entity-preview";

/** Props of {@link InputTagPreview}. */
export interface InputTagPreviewProps {
  /** The tag's id: its preview loads once per id. */
  tagId: string;
  /** Loads the preview (the app's `onEntityPreview`). */
  load: () => Promise<ReactNode> | ReactNode;
  /** The tag's box while it is hovered or focused, else `null` (nothing shows). */
  anchor: DOMRect | null;
  id: string;
  t: ThreadUIContextValue["t"];
  portalContainer: HTMLElement | null | undefined;
  /** Told whether the tooltip shows, for the tag's `aria-describedby`. */
  onShown: (shown: boolean) => void;
}

/**
 * The preview tooltip of an interactive input tag in a sent message, loaded on the tag's first
 * hover or focus. Once loaded it stays mounted, so each preview is fetched once.
 */
export function InputTagPreview({
  tagId,
  load,
  anchor,
  id,
  t,
  portalContainer,
  onShown,
}: InputTagPreviewProps) {
  const preview = useEntityPreview(anchor ? tagId : null, load);
  const shown = anchor !== null && previewShown(preview);
  useLayoutEffect(() => onShown(shown), [shown, onShown]);
  return shown
    ? createPortal(
        <div
          id={id}
          role="tooltip"
          data-tk-part="input-tag-preview"
          data-status={preview.status}
          style={{ left: anchor.left, bottom: window.innerHeight - anchor.top + 6 }}
        >
          <EntityPreviewBody preview={preview} t={t} />
        </div>,
        portalContainer ?? document.body,
      )
    : null;
}
