import { type InfiniteData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useStore } from "zustand";
import { getHistorySource, type ItemsPage } from "../internal/history-source";
import { useThreadkitContext } from "../provider/threadkit-context";
import { threadkitKeys } from "../query-keys";
import { useResolvedThreadStore } from "./thread-context";
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
  /** `pending` until the first page arrives (or right away for a new thread), then `success` or `error`. */
  status: "pending" | "success" | "error";
  /** The load error, or `null`. */
  error: Error | null;
}

/**
 * The items of a thread: pages loaded through the provider's client (protocol `items.list`,
 * hosted REST or Assistants messages), normalized and merged with live stream items in the
 * thread's store. Re-renders only when the id list changes; render each item with
 * `useThreadItem(id)` inside `ThreadProvider`. Switching `threadId` aborts the old thread's
 * page requests.
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

  const query = useInfiniteQuery<
    ItemsPage,
    Error,
    InfiniteData<ItemsPage>,
    readonly unknown[],
    string | null
  >({
    queryKey: threadkitKeys.threadItems(threadId ?? "", { pageSize, order }),
    enabled: enabled && threadId !== null,
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    // The store holds the live version; cached pages only need loading once.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    queryFn: async ({ pageParam, signal }) => {
      const source = getHistorySource(context.clients, "useThreadItems", {
        assistantFileUrl: context.assistantFileUrl,
      });
      const since = store.getState().liveVersion();
      const page = await source.listItems(threadId!, {
        limit: pageSize,
        order,
        after: pageParam,
        signal,
      });
      if (!signal.aborted) mergePage(store, page, order, pageParam === null, since);
      return page;
    },
  });

  // Pages cached by a QueryClient that outlived the store (provider remount) still reach it.
  const pages = query.data?.pages;
  useEffect(() => {
    if (!pages) return;
    pages.forEach((page, index) => {
      mergePage(store, page, order, index === 0);
    });
  }, [pages, store, order]);

  return {
    itemIds,
    hasOlder: query.hasNextPage,
    fetchOlder: async () => {
      if (query.hasNextPage && !query.isFetchingNextPage) await query.fetchNextPage();
    },
    isFetchingOlder: query.isFetchingNextPage,
    status: threadId === null || !enabled ? "success" : query.status,
    error: query.error,
  };
}
