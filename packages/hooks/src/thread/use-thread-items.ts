import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { getHistorySource, type ItemsPage } from "../internal/history-source";
import { useThreadkitContext } from "../provider/threadkit-context";
import { useResolvedThreadStore } from "./thread-context";
import type { PageFetcher, PageSink, ThreadPagesSnapshot } from "./thread-data";
import type { ThreadStore } from "./thread-store";

const mergedPages = new WeakMap<ThreadStore, WeakSet<ItemsPage>>();

/** Merges a page into the store once (a page object is merged at most once per store). */
function mergePage(
  store: ThreadStore,
  page: ItemsPage,
  order: "asc" | "desc",
  first: boolean,
  since?: number,
) {
  let merged = mergedPages.get(store);
  if (!merged) {
    merged = new WeakSet();
    mergedPages.set(store, merged);
  }
  if (merged.has(page)) return;
  merged.add(page);
  store.getState().mergeItems(page.items, order === "desc" || first ? "prepend" : "append", since);
}

/** Options of {@link useThreadItems}. */
export interface UseThreadItemsOptions {
  /**
   * Items per page.
   * @default 20
   */
  pageSize?: number;
  /**
   * `"desc"` loads the newest page first and older pages before it (chat history);
   * `"asc"` loads from the oldest item on, appending each page.
   * @default "desc"
   */
  order?: "asc" | "desc";
  /** Set `false` to skip loading (the live items still show). @default true */
  enabled?: boolean;
}

/** What {@link useThreadItems} returns. */
export interface UseThreadItemsResult {
  /** Item ids in display order: loaded pages and live items, deduplicated. Stable between renders until items are added or removed. */
  itemIds: readonly string[];
  /** Whether another page can be loaded. */
  hasOlder: boolean;
  /** Loads the next page (older items with `order: "desc"`). */
  fetchOlder(): Promise<void>;
  /** Whether a page load from `fetchOlder` is in flight. */
  isFetchingOlder: boolean;
  /**
   * Loads every loaded page again, from the newest on, and merges them into the thread (items
   * changed on the server show; live items a stream changed since keep their live version).
   */
  refetch(): Promise<void>;
  /** `pending` until the first page arrives (or right away for a new thread), then `success` or `error`. */
  status: "pending" | "success" | "error";
  /** The load error, or `null`. */
  error: Error | null;
}

const IDLE: ThreadPagesSnapshot = Object.freeze({
  pages: [],
  status: "success",
  error: null,
  fetchingOlder: false,
});
const noSubscription = () => () => {};

/**
 * The items of a thread: pages loaded through the provider's client (protocol `items.list`,
 * hosted REST or Assistants messages) with plain requests, normalized and merged with live
 * stream items in the thread's store. Re-renders only when the id list or the load state
 * changes; render each item with `useThreadItem(id)` inside `ThreadProvider`.
 *
 * Every component showing the same thread shares one request and the loaded pages, which the
 * provider keeps across remounts and thread switches (going back to a thread shows its pages
 * without a request). Switching `threadId`, or unmounting the last component showing a thread,
 * aborts its page request. Deleting the thread (`useDeleteThread`) drops its pages.
 *
 * @example
 * ```tsx
 * const { itemIds, hasOlder, fetchOlder } = useThreadItems(threadId);
 * return itemIds.map((id) => <Item key={id} id={id} />);
 * ```
 */
export function useThreadItems(
  threadId: string | null,
  options: UseThreadItemsOptions = {},
): UseThreadItemsResult {
  const { pageSize = 20, order = "desc", enabled = true } = options;
  const context = useThreadkitContext("useThreadItems");
  const store = useResolvedThreadStore(threadId, undefined, "useThreadItems");
  const itemIds = useStore(store, (state) => state.itemIds);
  const active = enabled && threadId !== null;
  const handle = active ? context.threadData.pages(threadId, pageSize, order) : null;
  const snapshot = useSyncExternalStore(
    handle?.subscribe ?? noSubscription,
    handle?.getSnapshot ?? (() => IDLE),
    handle?.getSnapshot ?? (() => IDLE),
  );

  const { clients, assistantFileUrl } = context;
  const fetch = useCallback<PageFetcher>(
    (after, signal) =>
      getHistorySource(clients, "useThreadItems", { assistantFileUrl }).listItems(threadId!, {
        limit: pageSize,
        order,
        after,
        signal,
      }),
    [clients, assistantFileUrl, threadId, pageSize, order],
  );
  const sink = useCallback<PageSink>(
    (page, first, since) => mergePage(store, page, order, first, since),
    [store, order],
  );
  const liveVersion = useCallback(() => store.getState().liveVersion(), [store]);

  // Load on mount and thread change; reload after an error when shown again.
  useEffect(() => {
    if (handle === null) return;
    handle.load(fetch, sink, liveVersion).catch(() => {});
  }, [handle, fetch, sink, liveVersion]);

  // Pages cached before this store existed (a store dropped while idle, then recreated) still
  // reach it.
  const { pages } = snapshot;
  useEffect(() => {
    pages.forEach((page, index) => {
      mergePage(store, page, order, index === 0);
    });
  }, [pages, store, order]);

  const last = pages.at(-1);
  const hasOlder = active && last !== undefined && last.nextCursor !== null;
  return {
    itemIds,
    hasOlder,
    fetchOlder: async () => {
      await handle?.loadOlder(fetch, sink, liveVersion);
    },
    isFetchingOlder: snapshot.fetchingOlder,
    refetch: async () => {
      await handle?.refetch(fetch, sink, liveVersion);
    },
    status: active ? snapshot.status : "success",
    error: active ? snapshot.error : null,
  };
}
