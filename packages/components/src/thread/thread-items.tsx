import { useVirtualizer } from "@tanstack/react-virtual";
import { LoaderCircle } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useSyncExternalStore,
} from "react";
import { useThreadUI } from "../context";
import { composeRefs } from "../internal/compose-refs";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import { ThreadItem } from "../thread-item/thread-item";
import { type ThreadContextValue, useThreadContext } from "./thread-context";
import { ThreadRunStatus } from "./thread-run-status";
import type { ThreadSource } from "./thread-source";

/** Above this many items, `virtualize="auto"` virtualizes. */
export const VIRTUALIZE_THRESHOLD = 60;

const noopSubscribe = () => () => {};
function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

/** Props of {@link ThreadItems}. */
export interface ThreadItemsProps extends ComponentPropsWithoutRef<"div"> {
  /** Estimated height (px) of an item not yet measured. @default 96 */
  estimateSize?: number;
  /** Items rendered beyond the visible range on each side. @default 6 */
  overscan?: number;
  /**
   * What follows the last item: by default `<Thread.RunStatus />` (the thread's notices, live
   * progress and run error, when the source has them). Pass another element to replace it, or
   * `false` to render nothing there (e.g. to place `<Thread.RunStatus />` elsewhere).
   * @default <Thread.RunStatus />
   */
  runStatus?: ReactNode;
}

/**
 * One row: subscribes to its own item, so a delta re-renders only the row whose item changed.
 * @selector [data-tk-part="thread-row"][data-index]
 */
const ThreadRow = memo(function ThreadRow({ id, source }: { id: string; source: ThreadSource }) {
  const getItem = () => source.getItem(id);
  const getStatus = () => source.getStatus(id);
  const getProgress = () => source.getImageProgress?.(id);
  const item = useSyncExternalStore(source.subscribe, getItem, getItem);
  const status = useSyncExternalStore(source.subscribe, getStatus, getStatus);
  const progress = useSyncExternalStore(source.subscribe, getProgress, getProgress);
  if (!item) return null;
  return (
    <ThreadItem item={item} status={status} {...(progress !== undefined ? { progress } : {})} />
  );
});

function OlderItems({ ctx }: { ctx: ThreadContextValue }) {
  const { t } = useThreadUI();
  if (!ctx.hasOlder) return null;
  return (
    <div data-tk-part="thread-older">
      {ctx.loadingOlder ? (
        <span data-tk-part="thread-older-loading" role="status">
          <LoaderCircle aria-hidden size={16} data-tk-part="spinner" />
          {t("thread.loadingOlder")}
        </span>
      ) : (
        <button
          type="button"
          data-tk-part="button"
          data-variant="ghost"
          onClick={() => ctx.loadOlder?.()}
          disabled={!ctx.loadOlder}
        >
          {t("thread.loadOlder")}
        </button>
      )}
    </div>
  );
}

/** Follows the bottom while stuck, keeps the visible item in place when older items are prepended. */
function useScrollKeeper(
  ctx: ThreadContextValue,
  ids: readonly string[],
  listRef: { current: HTMLElement | null },
  prependOffset: (previousFirstIndex: number) => number | undefined,
) {
  const { viewportRef, stickRef } = ctx;
  const previous = useRef<readonly string[] | null>(null);
  const snapshot = useRef<{ height: number; top: number } | null>(null);
  const viewport = viewportRef.current;
  if (previous.current !== ids && viewport) {
    snapshot.current = { height: viewport.scrollHeight, top: viewport.scrollTop };
  }

  useIsomorphicLayoutEffect(() => {
    const prev = previous.current;
    previous.current = ids;
    const el = viewportRef.current;
    if (!el) return;
    if (prev === null || stickRef.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const oldFirst = prev[0];
    if (oldFirst === undefined || ids[0] === oldFirst) return;
    const index = ids.indexOf(oldFirst);
    if (index <= 0) return;
    const offset = prependOffset(index);
    if (offset !== undefined) el.scrollTop = (snapshot.current?.top ?? el.scrollTop) + offset;
    else if (snapshot.current) {
      el.scrollTop = snapshot.current.top + (el.scrollHeight - snapshot.current.height);
    }
  }, [ids]);

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const el = viewportRef.current;
      if (el && stickRef.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, viewportRef, stickRef]);
}

const StaticList = forwardRef<
  HTMLDivElement,
  ThreadItemsProps & { ids: readonly string[]; ctx: ThreadContextValue }
>(function StaticList({ ids, ctx, estimateSize: _e, overscan: _o, runStatus, ...props }, ref) {
  const listRef = useRef<HTMLDivElement | null>(null);
  useScrollKeeper(ctx, ids, listRef, () => undefined);
  return (
    <div data-tk-part="thread-items" {...props} ref={composeRefs(listRef, ref)}>
      <OlderItems ctx={ctx} />
      {ids.map((id, index) => (
        <div key={id} data-tk-part="thread-row" data-index={index}>
          <ThreadRow id={id} source={ctx.source} />
        </div>
      ))}
      {runStatus}
    </div>
  );
});

const VirtualList = forwardRef<
  HTMLDivElement,
  ThreadItemsProps & { ids: readonly string[]; ctx: ThreadContextValue }
>(function VirtualList({ ids, ctx, estimateSize = 96, overscan = 6, runStatus, ...props }, ref) {
  const listRef = useRef<HTMLDivElement | null>(null);
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => ctx.viewportRef.current,
    estimateSize: () => estimateSize,
    getItemKey,
    overscan,
    initialOffset: () => Number.MAX_SAFE_INTEGER,
    // Rows fill the viewport from the top; the list itself is measured, never the window.
    initialRect: { width: 0, height: 800 },
  });
  useScrollKeeper(ctx, ids, listRef, (index) => virtualizer.getOffsetForIndex(index, "start")?.[0]);
  const rows = virtualizer.getVirtualItems();
  return (
    <div data-tk-part="thread-items" data-virtualized="" {...props} ref={composeRefs(listRef, ref)}>
      <OlderItems ctx={ctx} />
      <div
        data-tk-part="thread-items-sizer"
        style={{ height: virtualizer.getTotalSize(), position: "relative" }}
      >
        {rows.map((row) => {
          const id = ids[row.index];
          if (id === undefined) return null;
          return (
            <div
              key={row.key as string}
              data-tk-part="thread-row"
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{
                position: "absolute",
                top: 0,
                insetInlineStart: 0,
                width: "100%",
                transform: `translateY(${row.start}px)`,
              }}
            >
              <ThreadRow id={id} source={ctx.source} />
            </div>
          );
        })}
      </div>
      {runStatus}
    </div>
  );
});

/**
 * The list of items. Above {@link VIRTUALIZE_THRESHOLD} items (or with `virtualize`), only the
 * visible rows are mounted (@tanstack/react-virtual, measured heights); prepending older pages
 * keeps the visible item in place. Each row subscribes to its own item. After the last item it
 * renders `runStatus` (the thread's notices, progress and run error by default).
 *
 * @selector [data-tk-part="thread-items"][data-virtualized]
 */
export const ThreadItems = forwardRef<HTMLDivElement, ThreadItemsProps>(function ThreadItems(
  { runStatus = <ThreadRunStatus />, ...props },
  ref,
): ReactNode {
  const ctx = useThreadContext("Thread.Items");
  const { source, virtualize } = ctx;
  const ids = useSyncExternalStore(source.subscribe, source.getItemIds, source.getItemIds);
  const hydrated = useHydrated();
  const virtual =
    hydrated &&
    (virtualize === true || (virtualize === "auto" && ids.length > VIRTUALIZE_THRESHOLD));
  return virtual ? (
    <VirtualList {...props} runStatus={runStatus} ids={ids} ctx={ctx} ref={ref} />
  ) : (
    <StaticList {...props} runStatus={runStatus} ids={ids} ctx={ctx} ref={ref} />
  );
});
ThreadItems.displayName = "Thread.Items";
