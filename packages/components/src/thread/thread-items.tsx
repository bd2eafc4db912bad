import type { VirtualItem } from "@tanstack/react-virtual";
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
import { useVirtualEngine } from "./load-virtual-engine";
import { BOTTOM_THRESHOLD, type ThreadContextValue, useThreadContext } from "./thread-context";
import { ThreadLoadError } from "./thread-load-error";
import { ThreadRunStatus } from "./thread-run-status";
import type { ThreadSource } from "./thread-source";
import { type RowVirtualizer, useRowVirtualizer } from "./use-row-virtualizer";

/** Above this many items, `virtualize="auto"` virtualizes. */
export const VIRTUALIZE_THRESHOLD = 60;
/** From this many items on, the virtualizer is loaded ahead of the threshold. */
const PRELOAD_AT = Math.floor(VIRTUALIZE_THRESHOLD / 2);
/**
 * While the virtualizer loads, a thread longer than this mounts only its last this-many rows (the
 * ones a thread opened at the bottom shows), in flow.
 */
const PLAIN_LIMIT = 2 * VIRTUALIZE_THRESHOLD;

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
   * What shows above the items when the thread's history (or an earlier page) failed to load:
   * by default `<Thread.LoadError />` (the alert with "Try again"). Pass another element to
   * replace it, or `false` to render nothing there.
   * @default <Thread.LoadError />
   */
  loadError?: ReactNode;
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

/** A row kept in place on screen: the row, its item id and its offset from the viewport's top. */
interface Anchor {
  row: Element;
  id: string | undefined;
  top: number;
}

/** The first row whose bottom is below the viewport's top edge, and its offset from that edge. */
function readAnchor(
  viewport: HTMLElement | null,
  sizer: HTMLElement | null,
  ids: readonly string[],
): Anchor | null {
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
  const id = ids[Number(row.getAttribute("data-index"))];
  return { row, id, top: row.getBoundingClientRect().top - viewTop };
}

/** Where the rows start inside the viewport's scrolled content (px). */
function contentOffset(element: HTMLElement, viewport: HTMLElement): number {
  return offsetFromViewportTop(element, viewport) + viewport.scrollTop;
}

/**
 * Follows the bottom while stuck. Otherwise keeps the first visible row where it was on screen when
 * the items change (older pages prepended, items appended below): TanStack Virtual keeps it for
 * windowed rows (`anchorTo: "end"`); for plain rows, and when plain rows become windowed, it is
 * read before the commit and restored after it. Either way, a change in the height of what sits
 * above the rows (the "load earlier" button, its spinner) is taken out of the scroll position too.
 * Returns the anchor read for this render, if any.
 */
function useScrollKeeper(
  ctx: ThreadContextValue,
  ids: readonly string[],
  windowed: boolean,
  listRef: { current: HTMLElement | null },
  sizerRef: { current: HTMLElement | null },
  onRowsOffset: (offset: number) => void,
  autoScroll: boolean,
  onAnchored?: (scrollTop: number) => void,
) {
  const { viewportRef, viewport: mountedViewport, stickRef, hasOlder, loadingOlder } = ctx;
  const previous = useRef<readonly string[] | null>(null);
  const wasWindowed = useRef(false);
  const anchor = useRef<Anchor | null>(null);
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
    !wasWindowed.current &&
    previous.current !== null &&
    (previous.current !== ids || windowed) &&
    !stickRef.current
      ? readAnchor(viewportRef.current, sizerRef.current, previous.current)
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
    wasWindowed.current = windowed;
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
    if (held) {
      if (held.row.isConnected) {
        viewport.scrollTop += offsetFromViewportTop(held.row, viewport) - held.top;
        onAnchored?.(viewport.scrollTop);
      }
    } else if (before !== null && Math.abs(after - before) >= 0.5) {
      viewport.scrollTop += after - before;
      onAnchored?.(viewport.scrollTop);
    }
  }, [ids, windowed, hasOlder, loadingOlder, mountedViewport]);

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
  return anchor.current;
}

const rowStyle = {
  position: "absolute",
  top: 0,
  insetInlineStart: 0,
  width: "100%",
} as const;

/**
 * The list of items. Short threads render plain rows in flow. Above {@link VIRTUALIZE_THRESHOLD}
 * items (or with `virtualize`), only the visible rows are mounted (TanStack Virtual, measured
 * heights, loaded on demand when a thread nears the threshold). Crossing the threshold only
 * changes which rows are mounted and how they are placed: rows are keyed by item id and keep their
 * element, so a row that stays keeps its state (an open tool call, a draft, feedback) and focus,
 * and the rows already laid out hand their heights to the virtualizer, so nothing moves on screen.
 * Prepending older pages, or anything else that changes the items while the view is scrolled up,
 * keeps the first visible row in place. Each row subscribes to its own item. After the last item
 * it renders `runStatus` (the thread's notices, progress and run error by default); above the
 * first, `loadError` (a failed history load with its retry, by default).
 *
 * @selector [data-tk-part="thread-items"][data-virtualized]
 */
export const ThreadItems = forwardRef<HTMLDivElement, ThreadItemsProps>(function ThreadItems(
  {
    runStatus = <ThreadRunStatus />,
    loadError = <ThreadLoadError />,
    estimateSize = 96,
    overscan = 6,
    autoScroll = true,
    ...props
  },
  ref,
): ReactNode {
  const ctx = useThreadContext("Thread.Items");
  const { source, virtualize, viewportRef, stickRef } = ctx;
  const ids = useSyncExternalStore(source.subscribe, source.getItemIds, source.getItemIds);
  const hydrated = useHydrated();
  // The server and the hydration render lay every row out in flow.
  const long = virtualize === true || (virtualize === "auto" && ids.length > VIRTUALIZE_THRESHOLD);
  const { engine, failed } = useVirtualEngine(
    hydrated && (virtualize === true || (virtualize === "auto" && ids.length >= PRELOAD_AT)),
  );
  const windowed = hydrated && long && engine !== null;
  const listRef = useRef<HTMLDivElement | null>(null);
  const sizerRef = useRef<HTMLDivElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const onRowsOffset = useCallback((offset: number) => {
    setScrollMargin((current) => (Math.abs(current - offset) < 0.5 ? current : offset));
  }, []);
  // Before the virtualizer: its scroll position is read after the anchor is restored.
  const virtualizerRef = useRef<RowVirtualizer | null>(null);
  const anchor = useScrollKeeper(
    ctx,
    ids,
    windowed,
    listRef,
    sizerRef,
    onRowsOffset,
    autoScroll,
    (scrollTop) => virtualizerRef.current?.syncScrollOffset(scrollTop),
  );
  // Heights of plain rows, read when they become windowed: the virtualizer starts from the layout
  // on screen instead of estimates.
  const laidOut = useRef(new Map<string, number>());
  const committed = useRef({ ids, windowed });
  if (windowed && !committed.current.windowed)
    engine?.readRowHeights(sizerRef.current, committed.current.ids, laidOut.current);
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const virtualizer = useRowVirtualizer(engine, {
    count: ids.length,
    enabled: windowed,
    getScrollElement: () => viewportRef.current,
    estimateSize: (index) => laidOut.current.get(ids[index] as string) ?? estimateSize,
    getItemKey,
    overscan,
    ...(engine ? { rangeExtractor: engine.defaultRangeExtractor } : {}),
    // The rows start below the "load earlier" button and the list's padding.
    scrollMargin,
    // Keeps the first visible row in place when rows are prepended.
    anchorTo: "end",
    // At the end, the virtualizer itself follows a growing row; without autoScroll it must not.
    ...(autoScroll ? {} : { scrollEndThreshold: -1 }),
    initialOffset: () => {
      const viewport = viewportRef.current;
      if (stickRef.current || !viewport) return Number.MAX_SAFE_INTEGER;
      // Plain rows becoming windowed: where the row kept in place will be.
      const index = anchor?.id === undefined ? -1 : ids.indexOf(anchor.id);
      const item = index >= 0 ? virtualizer?.measurementsCache[index] : undefined;
      return item && anchor ? item.start - anchor.top : viewport.scrollTop;
    },
    // Rows fill the viewport from the top; the list itself is measured, never the window.
    initialRect: { width: 0, height: 800 },
  });
  virtualizerRef.current = virtualizer;
  useIsomorphicLayoutEffect(() => {
    committed.current = { ids, windowed };
  });
  const listRefs = useMemo(() => composeRefs(listRef, ref), [ref]);
  const containerRef = virtualizer?.containerRef;
  const sizerRefs = useMemo(() => composeRefs(sizerRef, containerRef), [containerRef]);
  const rows: readonly VirtualItem[] | null =
    windowed && virtualizer ? virtualizer.getVirtualItems() : null;
  // Still loading the virtualizer for a long thread: the last rows only, as a thread opens there.
  // If it cannot load, every row (a long list still beats missing items).
  const plainFrom =
    rows === null && hydrated && long && !failed ? Math.max(0, ids.length - PLAIN_LIMIT) : 0;
  return (
    <div
      data-tk-part="thread-items"
      data-virtualized={rows ? "" : undefined}
      {...props}
      ref={listRefs}
    >
      <OlderItems ctx={ctx} />
      {loadError}
      <div
        data-tk-part="thread-items-sizer"
        ref={sizerRefs}
        style={
          rows && virtualizer
            ? { height: virtualizer.getTotalSize(), position: "relative" }
            : undefined
        }
      >
        {rows && virtualizer
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
          : (plainFrom > 0 ? ids.slice(plainFrom) : ids).map((id, offset) => (
              <div key={id} data-tk-part="thread-row" data-index={plainFrom + offset}>
                <ThreadRow id={id} source={ctx.source} />
              </div>
            ))}
      </div>
      {runStatus}
    </div>
  );
});
ThreadItems.displayName = "Thread.Items";
