/**
 * The per-provider cache of the thread history (`useThreads`): each list's pages per paging
 * option, beside the thread data of `thread/thread-data.ts` and on the same machinery. Plain
 * requests through the history source, no query library: one request per list at a time however
 * many components show it, the pages kept across remounts, and the one write path of a thread's
 * metadata into every list (a stream's `thread.created` / `thread.updated`, a rename, a delete)
 * without refetching the history.
 */
import type { ThreadMetadata } from "@threadkit/core";
import type { ThreadsPage } from "../internal/history-source";
import {
  type Handle,
  type LoadStatus,
  notify,
  run,
  type Subscribable,
  subscribeTo,
  toError,
} from "../thread/thread-data";

/** What the cache holds of one history list (one page size and order). */
export interface ThreadListSnapshot {
  /** The loaded pages, in the order they were requested in. */
  readonly pages: readonly ThreadsPage[];
  readonly status: LoadStatus;
  readonly error: Error | null;
  /** Whether the page after the last loaded one is being requested (`loadMore`). */
  readonly fetchingMore: boolean;
}

/** Requests one page of the history: the cursor of the page before (`null` for the first). */
export type ThreadsPageFetcher = (
  after: string | null,
  signal: AbortSignal,
) => Promise<ThreadsPage>;

/** @internal One history list of the cache. */
export interface ThreadListHandle extends Handle<ThreadListSnapshot> {
  /**
   * Loads the first page unless it is loaded (or loading); reloads after an error or an
   * invalidation. With `refresh`, a loaded list reloads its pages in the background (a component
   * showing it mounted, the window came back into view): the pages stay shown meanwhile.
   */
  load(fetch: ThreadsPageFetcher, refresh?: boolean): Promise<void>;
  /** Loads the page after the last one, when there is one and nothing is loading. */
  loadMore(fetch: ThreadsPageFetcher): Promise<void>;
  /** Reloads every loaded page from the first one on. */
  refetch(fetch: ThreadsPageFetcher): Promise<void>;
}

/** @internal The history lists a `ThreadkitProvider` keeps for `useThreads` and the mutations. */
export interface ThreadListCache {
  /** The list of one paging option (created empty). */
  list(pageSize: number, order: "asc" | "desc"): ThreadListHandle;
  /**
   * Applies `change` to the threads of every loaded list (a rename or a delete shown before the
   * server answered); a request in flight, which read before the change, is dropped. Returns
   * the function that puts every list back as it was (the server refused).
   */
  patch(change: (threads: readonly ThreadMetadata[]) => readonly ThreadMetadata[]): () => void;
  /**
   * Writes a thread's metadata into every loaded list that holds it. A thread that was just
   * `created` joins each list where a new thread belongs: first in a newest-first list, last in
   * an oldest-first list whose last page is loaded. Other threads missing from a list are left
   * out (they belong to an unloaded page).
   */
  write(thread: ThreadMetadata, options?: { created?: boolean }): void;
  /** Reloads every list something shows; the others reload when next shown. */
  invalidate(): Promise<void>;
}

interface ListEntry extends Subscribable<ThreadListSnapshot> {
  readonly order: "asc" | "desc";
  loader: ThreadsPageFetcher | null;
  handle?: ThreadListHandle;
}

/**
 * Creates the history lists a `ThreadkitProvider` keeps (one per provider mount, or per
 * `queryClient` when one is given).
 * @internal
 */
export function createThreadListCache(): ThreadListCache {
  const entries = new Map<string, ListEntry>();

  // Drops the entry's request: what it read is older than a change just written.
  const drop = (entry: ListEntry) => {
    if (entry.inflight === null) return;
    entry.controller?.abort();
    entry.controller = null;
    entry.inflight = null;
    if (entry.snapshot.fetchingMore) notify(entry, { ...entry.snapshot, fetchingMore: false });
    else if (entry.snapshot.pages.length === 0) entry.stale = true;
  };

  const handleOf = (entry: ListEntry): ThreadListHandle => {
    const request = async (
      signal: AbortSignal,
      fetch: ThreadsPageFetcher,
      from: "first" | "more",
      count: number,
    ) => {
      const pages: ThreadsPage[] = from === "first" ? [] : [...entry.snapshot.pages];
      let after = from === "first" ? null : (pages.at(-1)?.nextCursor ?? null);
      for (let index = 0; index < count; index += 1) {
        const page = await fetch(after, signal);
        if (signal.aborted) return null;
        pages.push(page);
        after = page.nextCursor;
        if (after === null) break;
      }
      return pages;
    };
    const loadFirst = (count: number, fetch: ThreadsPageFetcher) =>
      run(entry, async (signal) => {
        entry.stale = false;
        try {
          const pages = await request(signal, fetch, "first", count);
          if (pages === null) return;
          notify(entry, { pages, status: "success", error: null, fetchingMore: false });
        } catch (error) {
          if (signal.aborted) return;
          notify(entry, { ...entry.snapshot, status: "error", error: toError(error) });
        }
      });
    const reload = (fetch: ThreadsPageFetcher) =>
      loadFirst(Math.max(1, entry.snapshot.pages.length), fetch);
    return {
      getSnapshot: () => entry.snapshot,
      subscribe: subscribeTo(entry, () => drop(entry)),
      load(fetch, refresh = false) {
        entry.loader = fetch;
        const { status } = entry.snapshot;
        if (status === "success" && !entry.stale) {
          if (refresh && entry.inflight === null) return reload(fetch);
          return entry.inflight ?? Promise.resolve();
        }
        if (status === "error" && entry.inflight === null && entry.snapshot.pages.length === 0) {
          notify(entry, { ...entry.snapshot, status: "pending", error: null });
        }
        return reload(fetch);
      },
      loadMore(fetch) {
        const { snapshot } = entry;
        const last = snapshot.pages.at(-1);
        if (entry.inflight !== null || !last?.nextCursor) {
          return entry.inflight ?? Promise.resolve();
        }
        notify(entry, { ...snapshot, fetchingMore: true });
        return run(entry, async (signal) => {
          try {
            const pages = await request(signal, fetch, "more", 1);
            if (pages === null) return;
            notify(entry, { pages, status: "success", error: null, fetchingMore: false });
          } catch (error) {
            if (signal.aborted) return;
            notify(entry, {
              ...entry.snapshot,
              status: "error",
              error: toError(error),
              fetchingMore: false,
            });
          }
        });
      },
      refetch(fetch) {
        entry.loader = fetch;
        return entry.inflight ?? reload(fetch);
      },
    };
  };

  const setThreads = (entry: ListEntry, pages: readonly ThreadsPage[]) =>
    notify(entry, { ...entry.snapshot, pages });

  return {
    list(pageSize, order) {
      const key = JSON.stringify([pageSize, order]);
      let entry = entries.get(key);
      if (entry === undefined) {
        entry = {
          order,
          snapshot: { pages: [], status: "pending", error: null, fetchingMore: false },
          listeners: new Set(),
          controller: null,
          inflight: null,
          stale: false,
          removed: false,
          loader: null,
        };
        entries.set(key, entry);
      }
      entry.handle ??= handleOf(entry);
      return entry.handle;
    },
    patch(change) {
      const previous = new Map<ListEntry, readonly ThreadsPage[]>();
      for (const entry of entries.values()) {
        if (entry.snapshot.pages.length === 0) continue;
        drop(entry);
        previous.set(entry, entry.snapshot.pages);
        setThreads(
          entry,
          entry.snapshot.pages.map((page) => ({ ...page, threads: change(page.threads) })),
        );
      }
      return () => {
        for (const [entry, pages] of previous) setThreads(entry, pages);
      };
    },
    write(thread, options = {}) {
      for (const entry of entries.values()) {
        const { pages } = entry.snapshot;
        if (pages.length === 0) continue;
        const listed = pages.some((page) => page.threads.some((t) => t.id === thread.id));
        let next: ThreadsPage[];
        if (listed) {
          next = pages.map((page) =>
            page.threads.some((t) => t.id === thread.id)
              ? {
                  ...page,
                  threads: page.threads.map((t) => (t.id === thread.id ? { ...t, ...thread } : t)),
                }
              : page,
          );
        } else if (!options.created) {
          continue;
        } else if (entry.order === "desc") {
          const [first, ...rest] = pages;
          next = [{ ...first!, threads: [thread, ...first!.threads] }, ...rest];
        } else {
          const last = pages[pages.length - 1]!;
          if (last.nextCursor !== null) continue;
          next = [...pages.slice(0, -1), { ...last, threads: [...last.threads, thread] }];
        }
        // A load still in flight read the list before this change: it must not land on top.
        drop(entry);
        setThreads(entry, next);
      }
    },
    async invalidate() {
      const loads: Promise<void>[] = [];
      for (const entry of entries.values()) {
        entry.stale = true;
        if (entry.listeners.size === 0 || entry.loader === null) continue;
        drop(entry);
        loads.push(entry.handle!.refetch(entry.loader));
      }
      await Promise.all(loads);
    },
  };
}
