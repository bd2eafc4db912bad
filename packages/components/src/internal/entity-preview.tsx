import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { ThreadUIContextValue } from "../context";

/** A preview being loaded, shown, or failed. */
export type EntityPreviewState =
  | { status: "loading" }
  | { status: "ready"; content: ReactNode }
  | { status: "error"; message: string };

/**
 * Loads the preview of whatever `key` names with `load`, once per key: the answer is kept for
 * the next time the same key is shown. A load that throws or rejects becomes an error state.
 */
export function useEntityPreview(
  key: string | null,
  load: ((key: string) => Promise<ReactNode> | ReactNode) | undefined,
): EntityPreviewState | null {
  const cache = useRef(new Map<string, EntityPreviewState>());
  const [, rerender] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // A load that settles after the key changed still fills the cache, and shows if it is back.
  const refresh = useCallback(() => {
    if (mounted.current) rerender((n) => n + 1);
  }, []);
  useEffect(() => {
    if (key === null || !loadRef.current || cache.current.has(key)) return;
    cache.current.set(key, { status: "loading" });
    refresh();
    Promise.resolve()
      .then(() => loadRef.current?.(key))
      .then(
        (content) => cache.current.set(key, { status: "ready", content: content ?? null }),
        (reason: unknown) =>
          cache.current.set(key, {
            status: "error",
            message: reason instanceof Error ? reason.message : String(reason),
          }),
      )
      .then(refresh);
  }, [key, refresh]);
  if (key === null || !load) return null;
  return cache.current.get(key) ?? { status: "loading" };
}

/** Whether a preview has something to show (a ready preview of `null` shows nothing). */
export function previewShown(preview: EntityPreviewState | null): preview is EntityPreviewState {
  return preview !== null && !(preview.status === "ready" && preview.content == null);
}

/** What a preview tooltip says: loading, the content, or why it failed. */
export function EntityPreviewBody({
  preview,
  t,
}: {
  preview: EntityPreviewState;
  t: ThreadUIContextValue["t"];
}) {
  return preview.status === "loading"
    ? t("composer.previewLoading")
    : preview.status === "error"
      ? t("composer.previewFailed", { message: preview.message })
      : preview.content;
}
