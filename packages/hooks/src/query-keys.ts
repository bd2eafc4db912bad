/**
 * Query key factories of threadkit data in a TanStack QueryClient. threadkit itself loads
 * nothing through TanStack Query (its thread lists, threads' pages and metadata live in the
 * provider's own cache); the one key it reads is `threadItems`, under which `primeThreadItems`
 * primes a thread's first page. Invalidating `threads()` or `thread(id)` reloads nothing: call
 * `useThreadkitContext().invalidateThreads()` or `invalidateThread(id)`.
 *
 * @example
 * ```ts
 * queryClient.getQueryData(threadkitKeys.threadItems(threadId, { pageSize: 20, order: "desc" }));
 * ```
 */
export const threadkitKeys = {
  /** Root of every threadkit key. */
  all: ["threadkit"] as const,
  /** Every thread list (any page size or order). Not written by threadkit. */
  threads: () => [...threadkitKeys.all, "threads"] as const,
  /** One thread list with its paging options. Not written by threadkit. */
  threadList: (options: { pageSize: number; order: "asc" | "desc" }) =>
    [...threadkitKeys.threads(), "list", options] as const,
  /** Everything cached about one thread. */
  thread: (threadId: string) => [...threadkitKeys.all, "thread", threadId] as const,
  /** One thread's metadata (title, status). Not written by threadkit. */
  threadDetail: (threadId: string) => [...threadkitKeys.thread(threadId), "detail"] as const,
  /** One thread's first item pages with their paging options, as `primeThreadItems` primes them. */
  threadItems: (threadId: string, options: { pageSize: number; order: "asc" | "desc" }) =>
    [...threadkitKeys.thread(threadId), "items", options] as const,
} as const;
