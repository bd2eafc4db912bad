/**
 * The one write path of a thread's metadata (title, status): the TanStack Query cache (the
 * thread's detail and every cached history list) and the thread's live store agree after each
 * stream event, rename and delete, without refetching the history.
 */
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ThreadMetadata } from "@threadkit/core";
import type { ThreadsPage } from "../internal/history-source";
import { threadkitKeys } from "../query-keys";

type ThreadListData = InfiniteData<ThreadsPage, string | null>;

/** What a cached history list was loaded with (the last part of its key). */
function listOrder(queryKey: readonly unknown[]): "asc" | "desc" {
  const options = queryKey[queryKey.length - 1];
  return typeof options === "object" && options !== null && "order" in options
    ? (options as { order: "asc" | "desc" }).order
    : "desc";
}

/** Applies `change` to every cached thread list; returns the previous data for rollback. */
export function patchThreadLists(
  queryClient: QueryClient,
  change: (threads: readonly ThreadMetadata[]) => readonly ThreadMetadata[],
): [readonly unknown[], ThreadListData | undefined][] {
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
 * Writes a thread's metadata into the query cache: its detail, and its entry in every cached
 * history list. A thread that was just `created` and is not listed yet joins each list where a
 * new thread belongs: first in a newest-first list, last in an oldest-first list whose last page
 * is loaded. Other threads missing from a list are left out (they belong to an unloaded page).
 */
export function writeThreadMetadata(
  queryClient: QueryClient,
  thread: ThreadMetadata,
  options: { created?: boolean } = {},
): void {
  const detailKey = threadkitKeys.threadDetail(thread.id);
  // A load still in flight read the thread before this change: it must not land on top of it.
  // Cancelling (synchronously) puts back the state from before that load; then this one goes in.
  void queryClient.cancelQueries({ queryKey: detailKey, exact: true });
  void queryClient.cancelQueries({
    queryKey: threadkitKeys.threads(),
    predicate: (query) => query.state.data !== undefined,
  });
  queryClient.setQueryData<ThreadMetadata>(detailKey, (old) =>
    old ? { ...old, ...thread } : thread,
  );
  for (const [queryKey, data] of queryClient.getQueriesData<ThreadListData>({
    queryKey: threadkitKeys.threads(),
  })) {
    if (!data) continue;
    const listed = data.pages.some((page) => page.threads.some((t) => t.id === thread.id));
    let pages: ThreadsPage[];
    if (listed) {
      pages = data.pages.map((page) =>
        page.threads.some((t) => t.id === thread.id)
          ? {
              ...page,
              threads: page.threads.map((t) => (t.id === thread.id ? { ...t, ...thread } : t)),
            }
          : page,
      );
    } else if (!options.created || data.pages.length === 0) {
      continue;
    } else if (listOrder(queryKey) === "desc") {
      const [first, ...rest] = data.pages;
      pages = [{ ...first!, threads: [thread, ...first!.threads] }, ...rest];
    } else {
      const last = data.pages[data.pages.length - 1]!;
      if (last.nextCursor !== null) continue;
      pages = [...data.pages.slice(0, -1), { ...last, threads: [...last.threads, thread] }];
    }
    queryClient.setQueryData<ThreadListData>(queryKey, { ...data, pages });
  }
}
