import {
  type InfiniteData,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { ThreadMetadata } from "@threadkit/core";
import { useMemo } from "react";
import { useStore } from "zustand";
import { getHistorySource, type ThreadsPage } from "../internal/history-source";
import { useThreadkitContext } from "../provider/threadkit-context";
import { threadkitKeys } from "../query-keys";
import { useResolvedThreadStore } from "../thread/thread-context";

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
  const query = useInfiniteQuery<
    ThreadsPage,
    Error,
    InfiniteData<ThreadsPage>,
    QueryKey,
    string | null
  >({
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
  });
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

/** What {@link useThread} returns. */
export interface UseThreadResult {
  /** The thread's metadata: the live version from its stream when there is one, else the loaded one. */
  thread: ThreadMetadata | null;
  status: "pending" | "success" | "error";
  error: Error | null;
}

/**
 * One thread's metadata (title, status), loaded with `threads.get_by_id` and kept current by
 * `thread.updated` events of its streams.
 */
export function useThread(threadId: string | null): UseThreadResult {
  const context = useThreadkitContext("useThread");
  const store = useResolvedThreadStore(threadId, undefined, "useThread");
  const live = useStore(store, (state) => state.thread);
  const query = useQuery({
    queryKey: threadkitKeys.threadDetail(threadId ?? ""),
    enabled: threadId !== null,
    queryFn: ({ signal }) =>
      getHistorySource(context.clients, "useThread").getThread(threadId!, signal),
  });
  return {
    thread: live ?? query.data ?? null,
    status: threadId === null ? "success" : live ? "success" : query.status,
    error: query.error,
  };
}

type ThreadListData = InfiniteData<ThreadsPage, string | null>;

/** Applies `change` to every cached thread list; returns the previous data for rollback. */
function patchThreadLists(
  queryClient: ReturnType<typeof useQueryClient>,
  change: (threads: readonly ThreadMetadata[]) => readonly ThreadMetadata[],
) {
  const previous = queryClient.getQueriesData<ThreadListData>({
    queryKey: threadkitKeys.threads(),
  });
  queryClient.setQueriesData<ThreadListData>({ queryKey: threadkitKeys.threads() }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, threads: change(page.threads) })) }
      : data,
  );
  return previous;
}

/**
 * Deletes a thread. The thread leaves every cached list at once and comes back if the server
 * refuses.
 *
 * @example
 * ```tsx
 * const remove = useDeleteThread();
 * <button onClick={() => remove.mutate(thread.id)}>Delete</button>
 * ```
 */
export function useDeleteThread() {
  const context = useThreadkitContext("useDeleteThread");
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (threadId: string) =>
      getHistorySource(context.clients, "useDeleteThread").deleteThread(threadId),
    onMutate: async (threadId: string) => {
      await queryClient.cancelQueries({ queryKey: threadkitKeys.threads() });
      return patchThreadLists(queryClient, (threads) => threads.filter((t) => t.id !== threadId));
    },
    onError: (error, _threadId, previous) => {
      for (const [key, data] of previous ?? []) queryClient.setQueryData(key, data);
      context.reportError(error);
    },
    onSuccess: (_data, threadId) => {
      queryClient.removeQueries({ queryKey: threadkitKeys.thread(threadId) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() }),
  });
}

/**
 * Renames a thread (`threads.update`). The new title shows at once and is rolled back if the
 * server refuses.
 */
export function useRenameThread() {
  const context = useThreadkitContext("useRenameThread");
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, title }: { threadId: string; title: string }) =>
      getHistorySource(context.clients, "useRenameThread").renameThread(threadId, title),
    onMutate: async ({ threadId, title }) => {
      await queryClient.cancelQueries({ queryKey: threadkitKeys.threads() });
      const detailKey = threadkitKeys.threadDetail(threadId);
      const previousDetail = queryClient.getQueryData<ThreadMetadata>(detailKey);
      if (previousDetail) queryClient.setQueryData(detailKey, { ...previousDetail, title });
      const previousLists = patchThreadLists(queryClient, (threads) =>
        threads.map((t) => (t.id === threadId ? { ...t, title } : t)),
      );
      return { previousDetail, previousLists };
    },
    onError: (error, { threadId }, snapshot) => {
      for (const [key, data] of snapshot?.previousLists ?? []) queryClient.setQueryData(key, data);
      if (snapshot?.previousDetail) {
        queryClient.setQueryData(threadkitKeys.threadDetail(threadId), snapshot.previousDetail);
      }
      context.reportError(error);
    },
    onSuccess: (thread, { threadId }) => {
      if (thread) queryClient.setQueryData(threadkitKeys.threadDetail(threadId), thread);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() }),
  });
}
