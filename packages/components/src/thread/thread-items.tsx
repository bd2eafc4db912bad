import { defaultRangeExtractor, type Range, type VirtualItem } from "@tanstack/react-virtual";
import { LoaderCircle } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useThreadUI } from "../context";
import { composeRefs } from "../internal/compose-refs";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import { ThreadItem } from "../thread-item/thread-item";
import { BOTTOM_THRESHOLD, type ThreadContextValue, useThreadContext } from "./thread-context";
import { ThreadRunStatus } from "./thread-run-status";
import type { ThreadSource } from "./thread-source";
import { useRowVirtualizer } from "./use-row-virtualizer";

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
  /**
   * Whether a reply that grows while it streams keeps the view at the bottom when the reader is
   * there (ChatKit's `thread.autoScroll`). With `false`, opening the thread and a new item still
   * scroll down to it, but a reply growing below the view does not pull the reader along.
   * @default true
   */
  autoScroll?: boolean;
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

/** A row's distance (px) from the viewport's top edge. */
function offsetFromViewportTop(row: Element, viewport: HTMLElement): number {
  return row.getBoundingClientRect().top - viewport.getBoundingClientRect().top;
}

/** The first row whose bottom is below the viewport's top edge, and its offset from that edge. */
function readAnchor(
  viewport: HTMLElement | null,
  sizer: HTMLElement | null,
): { row: Element; top: number } | null {
  if (!viewport || !sizer || sizer.children.length === 0) return null;
  const rows = sizer.children;
  const viewTop = viewport.getBoundingClientRect().top;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((rows[mid] as Element).getBoundingClientRect().bottom > viewTop) high = mid;
    else low = mid + 1;
  }
  const row = rows[low] as Element;
  return { row, top: row.getBoundingClientRect().top - viewTop };
}

/** Where the rows start inside the viewport's scrolled content (px). */
function contentOffset(element: HTMLElement, viewport: HTMLElement): number {
  return offsetFromViewportTop(element, viewport) + viewport.scrollTop;
}

/**
 * Follows the bottom while stuck. Otherwise keeps the first visible row where it was on screen when
 * the items change (older pages prepended, items appended below): TanStack Virtual keeps it for
 * measured rows (`anchorTo: "end"`); for static rows it is read before the commit and restored
 * after it. Either way, a change in the height of what sits above the rows (the "load earlier"
 * button, its spinner) is taken out of the scroll position too.
 */
function useScrollKeeper(
  ctx: ThreadContextValue,
  ids: readonly string[],
  measured: boolean,
  listRef: { current: HTMLElement | null },
  sizerRef: { current: HTMLElement | null },
  onRowsOffset: (offset: number) => void,
  autoScroll: boolean,
) {
  const { viewportRef, viewport: mountedViewport, stickRef, hasOlder, loadingOlder } = ctx;
  const previous = useRef<readonly string[] | null>(null);
  const anchor = useRef<{ row: Element; top: number } | null>(null);
  const rowsOffset = useRef<number | null>(null);
  // Where following the bottom last left the view. A view above it, away from the bottom, was
  // scrolled up by the user (a scrollbar drag whose scroll event has not fired yet): stop
  // following instead of pulling it back down.
  const followedTo = useRef<number | null>(null);
  const follow = useCallback(
    (el: HTMLElement) => {
      const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
      if (
        followedTo.current !== null &&
        el.scrollTop < followedTo.current - 2 &&
        distance > BOTTOM_THRESHOLD
      ) {
        stickRef.current = false;
        followedTo.current = null;
        return;
      }
      el.scrollTop = el.scrollHeight;
      followedTo.current = el.scrollTop;
    },
    [stickRef],
  );
  // Read during render: the layout effect below only sees the DOM after the commit.
  anchor.current =
    !measured && previous.current !== null && previous.current !== ids && !stickRef.current
      ? readAnchor(viewportRef.current, sizerRef.current)
      : null;

  useIsomorphicLayoutEffect(() => {
    const viewport = viewportRef.current;
    const sizer = sizerRef.current;
    // Before the viewport mounts, nothing scrolls: its first commit counts as the first.
    if (!viewport || !sizer) return;
    const prior = previous.current;
    const first = prior === null;
    const idsChanged = prior !== ids;
    // A new list with the same ids (a static source rebuilt on each delta) is no new item.
    const newItem =
      prior !== null &&
      idsChanged &&
      (autoScroll || prior.length !== ids.length || prior.some((id, index) => id !== ids[index]));
    previous.current = ids;
    const held = anchor.current;
    anchor.current = null;
    const before = rowsOffset.current;
    const after = contentOffset(sizer, viewport);
    rowsOffset.current = after;
    onRowsOffset(after);
    if (first || stickRef.current) {
      if (first || newItem) follow(viewport);
      if (stickRef.current) return;
    }
    if (held && idsChanged) {
      if (held.row.isConnected) {
        viewport.scrollTop += offsetFromViewportTop(held.row, viewport) - held.top;
      }
    } else if (before !== null && Math.abs(after - before) >= 0.5) {
      viewport.scrollTop += after - before;
    }
  }, [ids, measured, hasOlder, loadingOlder, mountedViewport]);

  // Without autoScroll, the rows settling (measured heights, images) still follow the bottom, but
  // a reply growing while it streams does not.
  const holdWhileStreaming = useRef({ autoScroll, ids });
  holdWhileStreaming.current = { autoScroll, ids };
  const { source } = ctx;
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const el = viewportRef.current;
      if (!el || !stickRef.current) return;
      const { autoScroll: follows, ids: current } = holdWhileStreaming.current;
      if (!follows && current.some((id) => source.getStatus(id) === "streaming")) return;
      follow(el);
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, viewportRef, stickRef, follow, source]);
}

/** Below the threshold every measured row stays mounted. */
const everyIndex = (range: Range) => Array.from({ length: range.count }, (_, index) => index);

const rowStyle = {
  position: "absolute",
  top: 0,
  insetInlineStart: 0,
  width: "100%",
} as const;

/**
 * The list of items. Above {@link VIRTUALIZE_THRESHOLD} items (or with `virtualize`), only the
 * visible rows are mounted (@tanstack/react-virtual, measured heights). Crossing the threshold only
 * changes which rows are mounted: rows are keyed by item id, so a row that stays keeps its state
 * (an open tool call, a draft, feedback). Prepending older pages, or anything else that changes
 * the items while the view is scrolled up, keeps the first visible row in place. Each row
 * subscribes to its own item. After the last item it renders `runStatus` (the thread's notices,
 * progress and run error by default).
 *
 * @selector [data-tk-part="thread-items"][data-virtualized]
 */
export const ThreadItems = forwardRef<HTMLDivElement, ThreadItemsProps>(function ThreadItems(
  { runStatus = <ThreadRunStatus />, estimateSize = 96, overscan = 6, autoScroll = true, ...props },
  ref,
): ReactNode {
  const ctx = useThreadContext("Thread.Items");
  const { source, virtualize, viewportRef, stickRef } = ctx;
  const ids = useSyncExternalStore(source.subscribe, source.getItemIds, source.getItemIds);
  const hydrated = useHydrated();
  // Rows are measured and positioned by the virtualizer once hydrated (the server renders them in
  // flow); windowing only narrows the mounted range, so the tree is the same on both sides of the
  // threshold.
  const measured = hydrated && virtualize !== false;
  const windowed = measured && (virtualize === true || ids.length > VIRTUALIZE_THRESHOLD);
  const listRef = useRef<HTMLDivElement | null>(null);
  const sizerRef = useRef<HTMLDivElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const virtualizer = useRowVirtualizer({
    count: ids.length,
    enabled: measured,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => estimateSize,
    getItemKey,
    overscan,
    rangeExtractor: windowed ? defaultRangeExtractor : everyIndex,
    // The rows start below the "load earlier" button and the list's padding.
    scrollMargin,
    // Keeps the first visible row in place when rows are prepended.
    anchorTo: "end",
    // At the end, the virtualizer itself follows a growing row; without autoScroll it must not.
    ...(autoScroll ? {} : { scrollEndThreshold: -1 }),
    initialOffset: () =>
      stickRef.current
        ? Number.MAX_SAFE_INTEGER
        : (viewportRef.current?.scrollTop ?? Number.MAX_SAFE_INTEGER),
    // Rows fill the viewport from the top; the list itself is measured, never the window.
    initialRect: { width: 0, height: 800 },
  });
  const onRowsOffset = useCallback((offset: number) => {
    setScrollMargin((current) => (Math.abs(current - offset) < 0.5 ? current : offset));
  }, []);
  useScrollKeeper(ctx, ids, measured, listRef, sizerRef, onRowsOffset, autoScroll);
  const listRefs = useMemo(() => composeRefs(listRef, ref), [ref]);
  const { containerRef } = virtualizer;
  const sizerRefs = useMemo(() => composeRefs(sizerRef, containerRef), [containerRef]);
  let rows: readonly VirtualItem[] | null = measured ? virtualizer.getVirtualItems() : null;
  // Below the threshold every row is mounted, even while the viewport has no size yet (hidden).
  if (rows && !windowed && rows.length !== ids.length) {
    const all = virtualizer.measurementsCache;
    rows = ids.map((_, index) => all[index]).filter((row) => row !== undefined);
  }
  return (
    <div
      data-tk-part="thread-items"
      data-virtualized={windowed ? "" : undefined}
      {...props}
      ref={listRefs}
    >
      <OlderItems ctx={ctx} />
      <div
        data-tk-part="thread-items-sizer"
        ref={sizerRefs}
        style={rows ? { height: virtualizer.getTotalSize(), position: "relative" } : undefined}
      >
        {rows
          ? rows.map((row) => {
              const id = ids[row.index];
              if (id === undefined) return null;
              return (
                <div
                  key={id}
                  data-tk-part="thread-row"
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  style={{
                    ...rowStyle,
                    // The same form the virtualizer writes when it moves a row directly.
                    transform: `translate3d(0, ${row.start - scrollMargin}px, 0)`,
                  }}
                >
                  <ThreadRow id={id} source={ctx.source} />
                </div>
              );
            })
          : ids.map((id, index) => (
              <div key={id} data-tk-part="thread-row" data-index={index}>
                <ThreadRow id={id} source={ctx.source} />
              </div>
            ))}
      </div>
      {runStatus}
    </div>
  );
});
ThreadItems.displayName = "Thread.Items";
