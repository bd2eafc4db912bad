import type { QueryClient } from "@tanstack/react-query";
import type { ThreadItem } from "@threadkit/core";
import type { ItemsPage } from "./internal/history-source";
import { threadkitKeys } from "./query-keys";

/** A page of a thread's items as the ChatKit protocol's `items.list` returns it. */
export interface ThreadItemsListPage {
  /** The items in the order they were requested in. */
  readonly data: readonly ThreadItem[];
  readonly has_more: boolean;
  /** Cursor of the next page. */
  readonly after?: string | null;
}

/** Options of {@link primeThreadItems}: the paging `useThreadItems` (and `Thread.Root`) uses. */
export interface PrimeThreadItemsOptions {
  /** @default 20 */
  readonly pageSize?: number;
  /** The order the page was requested in. @default "desc" */
  readonly order?: "asc" | "desc";
}

/**
 * Puts a thread's first page, fetched ahead (on the server: `items.list` with core's ChatKit
 * client), into a QueryClient under the key `useThreadItems` reads. The thread then renders those
 * items on its first render, on the server and in the browser alike, so the server's HTML holds
 * them and hydration matches; later pages load as usual. Prime the QueryClient before
 * `ThreadkitProvider` renders (in `useState`'s initializer), or prime one on the server and pass
 * `dehydrate(queryClient)` to TanStack Query's `HydrationBoundary`.
 *
 * @example
 * ```tsx
 * // A Server Component: fetch the newest page, hand it to the client as plain JSON.
 * const page = await createChatKitClient({ url }).request("items.list", {
 *   thread_id: threadId, limit: 20, order: "desc",
 * });
 * return <Chat threadId={threadId} firstPage={page} />;
 *
 * // "use client": the Chat component.
 * const [queryClient] = useState(() => {
 *   const client = new QueryClient();
 *   primeThreadItems(client, threadId, firstPage);
 *   return client;
 * });
 * return <ThreadkitProvider clients={clients} queryClient={queryClient}>…</ThreadkitProvider>;
 * ```
 */
export function primeThreadItems(
  queryClient: QueryClient,
  threadId: string,
  page: ThreadItemsListPage,
  options: PrimeThreadItemsOptions = {},
): void {
  const { pageSize = 20, order = "desc" } = options;
  const first: ItemsPage = {
    // Pages are kept oldest first, whatever the order they were requested in.
    items: order === "desc" ? [...page.data].reverse() : [...page.data],
    nextCursor: page.has_more ? (page.after ?? null) : null,
  };
  queryClient.setQueryData(threadkitKeys.threadItems(threadId, { pageSize, order }), {
    pages: [first],
    pageParams: [null],
  });
}
