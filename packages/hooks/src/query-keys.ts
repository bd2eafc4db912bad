/**
 * Query key factories for every TanStack Query cache entry threadkit writes. Use them to read,
 * invalidate or prefetch threadkit data from application code.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() });
 * ```
 */
export const threadkitKeys = {
  /** Root of every threadkit key. */
  all: ["threadkit"] as const,
  /** Every thread list (any page size or order). */
  threads: () => [...threadkitKeys.all, "threads"] as const,
  /** One thread list with its paging options. */
  threadList: (options: { pageSize: number; order: "asc" | "desc" }) =>
    [...threadkitKeys.threads(), "list", options] as const,
  /** Everything cached about one thread. */
  thread: (threadId: string) => [...threadkitKeys.all, "thread", threadId] as const,
  /** One thread's metadata (title, status). */
  threadDetail: (threadId: string) => [...threadkitKeys.thread(threadId), "detail"] as const,
  /** One thread's item pages with their paging options. */
  threadItems: (threadId: string, options: { pageSize: number; order: "asc" | "desc" }) =>
    [...threadkitKeys.thread(threadId), "items", options] as const,
} as const;
