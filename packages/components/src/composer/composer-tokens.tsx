import { X } from "lucide-react";
import {
  type Dispatch,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  type SetStateAction,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import type { ThreadUIContextValue } from "../context";
import { EntityPreviewBody, previewShown, useEntityPreview } from "../internal/entity-preview";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import type { ComposerEntity, MentionState } from "./mention-state";
import { deleteToken, findTagTokens, type TagToken, tokenInside } from "./tag-tokens";

/**
 * What the tokens take from the composer's static code instead of importing it, so that their
 * lazy chunk reaches no module of the page's first chunks but a few small ones.
 */
export interface TokenLayerDeps {
  t: ThreadUIContextValue["t"];
}

/** The parts of the composer's state the tokens use. */
interface Context {
  value: string;
  setValue: (value: string) => void;
  valueRef: { current: string };
  inputRef: { current: HTMLTextAreaElement | null };
  pendingCaret: { current: number | null };
  tags: readonly ComposerEntity[];
  mentions: MentionState | undefined;
  onTagPreview: ((tag: ComposerEntity) => Promise<ReactNode>) | undefined;
  onTagClick: ((tag: ComposerEntity) => void) | undefined;
}

interface Geometry {
  /** The token's first line box, relative to the frame. */
  left: number;
  top: number;
  /** The end of its last line box. */
  endLeft: number;
  endTop: number;
  frameHeight: number;
}

/** What `Composer.Input` wires into its frame and textarea to show tags as inline tokens. */
export interface TokenLayer {
  /** The chip backgrounds, drawn under the textarea's text. */
  underlay: ReactNode;
  /** The remove button and preview of the token under the pointer or at the caret. */
  overlay: ReactNode;
  /** Id of the preview shown for the token at the caret, for `aria-describedby`. */
  describedBy: string | undefined;
  /** Keeps the underlay's width and scroll in step with the textarea. */
  sync(): void;
  /** Backspace and Delete remove a whole token; returns whether the key was handled. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  onSelect(): void;
  onFocus(): void;
  onBlur(): void;
  onClick(event: MouseEvent<HTMLTextAreaElement>): void;
  onFrameMouseMove(event: MouseEvent<HTMLElement>): void;
  onFrameMouseLeave(): void;
}

/**
 * Tags as tokens in the text: each tag's `@title` in the textarea gets a chip drawn under it (a
 * mirror of the text with the same metrics), moves and deletes as one piece, and shows its
 * preview while hovered or while the caret is at it. The text itself stays in the textarea, so
 * typing, input methods, undo and screen readers work as in any textarea.
 */
export function useTokenLayer(
  ctx: Context,
  frameRef: RefObject<HTMLDivElement | null>,
  { t }: TokenLayerDeps,
): TokenLayer {
  const underlayRef = useRef<HTMLDivElement | null>(null);
  const tokens = useMemo(() => findTagTokens(ctx.value, ctx.tags), [ctx.value, ctx.tags]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  // The layer may arrive after the textarea took focus.
  const [focused, setFocused] = useState(
    () =>
      ctx.inputRef.current !== null &&
      ctx.inputRef.current.ownerDocument.activeElement === ctx.inputRef.current,
  );
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  const previousCaret = useRef(0);
  const previewId = useId();

  const atCaret =
    focused && selection
      ? tokens.findIndex((token) =>
          selection.start === selection.end
            ? selection.start === token.end
            : selection.start === token.start && selection.end === token.end,
        )
      : -1;
  const shown =
    hovered !== null && hovered < tokens.length ? hovered : atCaret >= 0 ? atCaret : null;
  const shownToken = shown === null ? undefined : tokens[shown];
  const preview = useEntityPreview(
    shownToken && shownToken.tag.interactive !== false ? shownToken.tag.id : null,
    ctx.onTagPreview
      ? (id) => {
          const tag = ctx.tags.find((item) => item.id === id);
          return tag ? ctx.onTagPreview?.(tag) : null;
        }
      : undefined,
  );

  const sync = useCallback(() => {
    const input = ctx.inputRef.current;
    const underlay = underlayRef.current;
    if (!input || !underlay) return;
    underlay.style.width = `${input.clientWidth}px`;
    underlay.scrollTop = input.scrollTop;
  }, [ctx.inputRef]);

  useIsomorphicLayoutEffect(() => {
    sync();
    const frame = frameRef.current;
    const element =
      shown === null
        ? null
        : underlayRef.current?.querySelector<HTMLElement>(`[data-token-index="${shown}"]`);
    if (!frame || !element) {
      setGeometry(null);
      return;
    }
    const box = frame.getBoundingClientRect();
    const rects = element.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return setGeometry(null);
    setGeometry({
      left: first.left - box.left,
      top: first.top - box.top,
      endLeft: last.right - box.left,
      endTop: last.top - box.top,
      frameHeight: box.height,
    });
  }, [shown, ctx.value, sync, frameRef]);

  const setText = useCallback(
    (text: string, caret: number) => {
      ctx.setValue(text);
      ctx.pendingCaret.current = caret;
      ctx.mentions?.update(text, caret);
    },
    [ctx],
  );

  const remove = useCallback(
    (token: TagToken) => {
      const next = deleteToken(ctx.valueRef.current, [token], token.start, "forward");
      if (!next) return;
      setHovered(null);
      setText(next.text, next.caret);
      ctx.inputRef.current?.focus();
    },
    [ctx, setText],
  );

  const tokenAtPoint = (x: number, y: number) => {
    const elements = underlayRef.current?.querySelectorAll<HTMLElement>("[data-token-index]");
    for (const element of elements ?? []) {
      for (const rect of element.getClientRects()) {
        const inside = x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
        if (inside && rect.width > 0 && rect.height > 0) {
          return Number(element.dataset.tokenIndex);
        }
      }
    }
    return null;
  };

  const underlay =
    tokens.length > 0 ? (
      <div ref={underlayRef} data-tk-part="composer-tokens" aria-hidden>
        {segments(ctx.value, tokens, shown)}
      </div>
    ) : null;

  const overlay =
    shownToken && geometry ? (
      <>
        {hovered !== null ? (
          <button
            type="button"
            tabIndex={-1}
            data-tk-part="composer-token-remove"
            aria-label={t("composer.remove", { name: shownToken.tag.title })}
            title={t("composer.remove", { name: shownToken.tag.title })}
            style={{ left: geometry.endLeft, top: geometry.endTop }}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => remove(shownToken)}
          >
            <X aria-hidden size={10} strokeWidth={3} />
          </button>
        ) : null}
        {previewShown(preview) ? (
          <div
            id={previewId}
            role="tooltip"
            data-tk-part="composer-tag-preview"
            data-status={preview.status}
            // Clear of the remove button, which sits on the token's top corner.
            style={{
              left: geometry.left,
              bottom: geometry.frameHeight - geometry.top + (hovered !== null ? 12 : 6),
            }}
          >
            <EntityPreviewBody preview={preview} t={t} />
          </div>
        ) : null}
      </>
    ) : null;

  return {
    underlay,
    overlay,
    describedBy: atCaret >= 0 && shown === atCaret && previewShown(preview) ? previewId : undefined,
    sync,
    onKeyDown(event) {
      if (event.key !== "Backspace" && event.key !== "Delete") return false;
      const input = event.currentTarget;
      if (input.selectionStart !== input.selectionEnd || event.nativeEvent.isComposing) {
        return false;
      }
      const direction = event.key === "Backspace" ? "backward" : "forward";
      const next = deleteToken(input.value, tokens, input.selectionStart, direction);
      if (!next) return false;
      event.preventDefault();
      setText(next.text, next.caret);
      return true;
    },
    onSelect() {
      const input = ctx.inputRef.current;
      if (!input) return;
      const { selectionStart: start, selectionEnd: end } = input;
      // The caret never stops inside a token: it jumps over it, the way it came.
      const inside = start === end ? tokenInside(tokens, start) : undefined;
      if (inside) {
        const caret = previousCaret.current >= inside.end ? inside.start : inside.end;
        input.setSelectionRange(caret, caret);
        previousCaret.current = caret;
        setSelection({ start: caret, end: caret });
        return;
      }
      previousCaret.current = end;
      setSelection((current) =>
        current?.start === start && current.end === end ? current : { start, end },
      );
    },
    onFocus() {
      setFocused(true);
    },
    onBlur() {
      setFocused(false);
    },
    onClick(event) {
      const index = tokenAtPoint(event.clientX, event.clientY);
      const token = index === null ? undefined : tokens[index];
      const input = event.currentTarget;
      if (!token || input.selectionStart !== input.selectionEnd) return;
      // A click on a token selects it whole: typing replaces it, Backspace removes it.
      input.setSelectionRange(token.start, token.end);
      previousCaret.current = token.end;
      setSelection({ start: token.start, end: token.end });
      ctx.onTagClick?.(token.tag);
    },
    onFrameMouseMove(event) {
      const target = event.target as HTMLElement;
      if (target.closest('[data-tk-part="composer-token-remove"]')) return;
      const index = tokenAtPoint(event.clientX, event.clientY);
      setHovered((current) => (current === index ? current : index));
    },
    onFrameMouseLeave() {
      setHovered(null);
    },
  };
}

/**
 * The token layer of a `Composer.Input`, loaded with the composer's tag features: draws the chips
 * in the frame (before the textarea, so the text paints over them), puts the remove button and
 * preview after the textarea, and hands the layer's handlers to the input through `layerRef`.
 */
export function TokenLayerHost({
  ctx,
  frameRef,
  layerRef,
  onDescribedBy,
  deps,
}: {
  ctx: Context;
  deps: TokenLayerDeps;
  frameRef: RefObject<HTMLDivElement | null>;
  layerRef: { current: TokenLayer | null };
  onDescribedBy: Dispatch<SetStateAction<string | undefined>>;
}) {
  const layer = useTokenLayer(ctx, frameRef, deps);
  useIsomorphicLayoutEffect(() => {
    layerRef.current = layer;
  });
  useIsomorphicLayoutEffect(
    () => () => {
      layerRef.current = null;
    },
    [layerRef],
  );
  const describedBy = layer.describedBy;
  useIsomorphicLayoutEffect(() => {
    onDescribedBy(describedBy);
    return () => onDescribedBy(undefined);
  }, [describedBy, onDescribedBy]);
  // The overlay only shows once measured (after mount), so the frame is there to hold it.
  const frame = frameRef.current;
  return (
    <>
      {layer.underlay}
      {layer.overlay && frame ? createPortal(layer.overlay, frame) : null}
    </>
  );
}

/** The text with each token wrapped, the rest as plain (transparent) text. */
function segments(text: string, tokens: readonly TagToken[], shown: number | null): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  tokens.forEach((token, index) => {
    if (token.start > at) parts.push(text.slice(at, token.start));
    parts.push(
      <span
        key={token.tag.id}
        data-tk-part="composer-token"
        data-token-index={index}
        data-active={index === shown ? "" : undefined}
      >
        {text.slice(token.start, token.end)}
      </span>,
    );
    at = token.end;
  });
  // A trailing line break needs a character after it to take up its line.
  parts.push(`${text.slice(at)}\u200b`);
  return parts;
}
