import {
  type InfiniteData,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
} from "@tanstack/react-query";
import type { ThreadMetadata } from "@threadkit/core";
import { useMemo } from "react";
import { getHistorySource, type ThreadsPage } from "../internal/history-source";
import { useThreadkitQueryClient } from "../provider/query-client";
import { useThreadkitContext } from "../provider/threadkit-context";
import { threadkitKeys } from "../query-keys";
import { patchThreadLists, writeThreadMetadata } from "./thread-metadata";

/** Options of {@link useThreads}. */
export interface UseThreadsOptions {
  /** Threads per page. @default 20 */
  pageSize?: number;
  /** `"desc"` lists the newest thread first. @default "desc" */
  order?: "asc" | "desc";
  /** Set `false` to skip loading. @default true */
  enabled?: boolean;
}

/** What {@link useThreads} returns. */
export interface UseThreadsResult {
  /** Threads of every loaded page, in order. */
  threads: readonly ThreadMetadata[];
  /** Whether another page can be loaded. */
  hasMore: boolean;
  /** Loads the next page. */
  fetchMore(): Promise<void>;
  /** Whether the next page is loading. */
  isFetchingMore: boolean;
  /** `pending` until the first page arrives, then `success` or `error`. */
  status: "pending" | "success" | "error";
  /** The load error, or `null`. */
  error: Error | null;
  /** Reloads every loaded page. */
  refetch(): Promise<void>;
}

/**
 * The thread history, cursor-paged (protocol `threads.list`).
 *
 * @example
 * ```tsx
 * const { threads, hasMore, fetchMore } = useThreads({ pageSize: 30 });
 * ```
 */
export function useThreads(options: UseThreadsOptions = {}): UseThreadsResult {
  const { pageSize = 20, order = "desc", enabled = true } = options;
  const context = useThreadkitContext("useThreads");
  const queryClient = useThreadkitQueryClient();
  const query = useInfiniteQuery<
    ThreadsPage,
    Error,
    InfiniteData<ThreadsPage>,
    QueryKey,
    string | null
  >(
    {
      queryKey: threadkitKeys.threadList({ pageSize, order }),
      enabled,
      initialPageParam: null,
      getNextPageParam: (last) => last.nextCursor,
      queryFn: ({ pageParam, signal }) =>
        getHistorySource(context.clients, "useThreads").listThreads({
          limit: pageSize,
          order,
          after: pageParam,
          signal,
        }),
    },
    queryClient,
  );
  const pages = query.data?.pages;
  const threads = useMemo(() => pages?.flatMap((page) => page.threads) ?? [], [pages]);
  return {
    threads,
    hasMore: query.hasNextPage,
    fetchMore: async () => {
      if (query.hasNextPage && !query.isFetchingNextPage) await query.fetchNextPage();
    },
    isFetchingMore: query.isFetchingNextPage,
    status: query.status,
    error: query.error,
    refetch: async () => {
      await query.refetch();
    },
  };
}

/**
 * Deletes a thread. The thread leaves every cached list at once (no refetch) and comes back if
 * the server refuses.
 *
 * @example
 * ```tsx
 * const remove = useDeleteThread();
 * <button onClick={() => remove.mutate(thread.id)}>Delete</button>
 * ```
 */
export function useDeleteThread() {
  const context = useThreadkitContext("useDeleteThread");
  const queryClient = useThreadkitQueryClient();
  return useMutation(
    {
      mutationFn: (threadId: string) =>
        getHistorySource(context.clients, "useDeleteThread").deleteThread(threadId),
      onMutate: async (threadId: string) => {
        await queryClient.cancelQueries({ queryKey: threadkitKeys.threads() });
        return patchThreadLists(queryClient, (threads) => threads.filter((t) => t.id !== threadId));
      },
      onError: (error, _threadId, previous) => {
        for (const [key, data] of previous ?? []) queryClient.setQueryData(key, data);
        context.reportError(error);
        // The lists were rolled back; read them again in case the thread changed meanwhile.
        void queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() });
      },
      onSuccess: (_data, threadId) => {
        queryClient.removeQueries({ queryKey: threadkitKeys.thread(threadId) });
        context.threadData.remove(threadId);
      },
    },
    queryClient,
  );
}

/**
 * Renames a thread (`threads.update`). The new title shows at once everywhere the thread's
 * metadata shows — `useThread` (a header), the thread's live store, every cached history list —
 * without a refetch, and is rolled back everywhere if the server refuses.
 */
export function useRenameThread() {
  const context = useThreadkitContext("useRenameThread");
  const queryClient = useThreadkitQueryClient();
  return useMutation(
    {
      mutationFn: ({ threadId, title }: { threadId: string; title: string }) =>
        getHistorySource(context.clients, "useRenameThread").renameThread(threadId, title),
      onMutate: async ({ threadId, title }) => {
        const detailKey = threadkitKeys.threadDetail(threadId);
        await queryClient.cancelQueries({ queryKey: threadkitKeys.threads() });
        await queryClient.cancelQueries({ queryKey: detailKey });
        const previousDetail = queryClient.getQueryData<ThreadMetadata>(detailKey);
        const store = context.stores.peek(threadId);
        const previousLive = store?.getState().thread ?? null;
        const previousLists = patchThreadLists(queryClient, (threads) =>
          threads.map((t) => (t.id === threadId ? { ...t, title } : t)),
        );
        if (previousDetail) queryClient.setQueryData(detailKey, { ...previousDetail, title });
        const previousLoaded = context.threadData.detail(threadId).getSnapshot().thread;
        if (previousLoaded) context.threadData.writeThread({ ...previousLoaded, title });
        if (previousLive) store?.getState().setThread({ ...previousLive, title });
        return { previousDetail, previousLive, previousLists, previousLoaded };
      },
      onError: (error, { threadId }, snapshot) => {
        // The store first: its change writes through to the cache, which the snapshots then set.
        if (snapshot?.previousLive) {
          context.stores.peek(threadId)?.getState().setThread(snapshot.previousLive);
        }
        for (const [key, data] of snapshot?.previousLists ?? [])
          queryClient.setQueryData(key, data);
        if (snapshot?.previousLoaded) context.threadData.writeThread(snapshot.previousLoaded);
        if (snapshot?.previousDetail) {
          queryClient.setQueryData(threadkitKeys.threadDetail(threadId), snapshot.previousDetail);
        }
        context.reportError(error);
        void queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() });
      },
      onSuccess: (thread, { threadId, title }) => {
        const store = context.stores.peek(threadId);
        const live = store?.getState().thread ?? null;
        const renamed =
          thread ??
          queryClient.getQueryData<ThreadMetadata>(threadkitKeys.threadDetail(threadId)) ??
          (live ? { ...live, title } : null);
        if (renamed === null) return;
        if (live) store?.getState().setThread({ ...live, ...renamed });
        writeThreadMetadata(queryClient, renamed);
        context.threadData.writeThread(renamed);
      },
    },
    queryClient,
  );
}
