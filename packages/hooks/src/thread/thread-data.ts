/**
 * The per-provider cache of what a thread view loads: each thread's history pages (per paging
 * options) and its metadata. Plain requests through the thread's `ThreadBackend`, no query
 * library: one request per thread at a time however many components show it, the loaded pages
 * kept across remounts and thread switches, and a request aborted once nothing shows its thread.
 */
import type { ThreadMetadata } from "@threadkit/core";
import type { ItemsPage } from "../internal/history-source";

/** How a load stands. */
export type LoadStatus = "pending" | "success" | "error";

/** What the cache holds of one thread's history under one paging option. */
export interface ThreadPagesSnapshot {
  /** The loaded pages, newest first for `desc` (the order they were requested in). */
  readonly pages: readonly ItemsPage[];
  readonly status: LoadStatus;
  readonly error: Error | null;
  /** Whether a page after the last loaded one is being requested (`loadOlder`). */
  readonly fetchingOlder: boolean;
}

/** What the cache holds of one thread's metadata. */
export interface ThreadDetailSnapshot {
  readonly thread: ThreadMetadata | null;
  readonly status: LoadStatus;
  readonly error: Error | null;
}

/** Requests one page: the cursor of the page before (`null` for the first) and a signal. */
export type PageFetcher = (after: string | null, signal: AbortSignal) => Promise<ItemsPage>;

/** Called with each page that arrived, `first` for the page requested without a cursor. */
export type PageSink = (page: ItemsPage, first: boolean, since: number | undefined) => void;

/** @internal What the thread data and the thread lists share: a snapshot, its subscribers, one request. */
export interface Subscribable<T> {
  snapshot: T;
  readonly listeners: Set<() => void>;
  controller: AbortController | null;
  inflight: Promise<void> | null;
  /** Reload on the next `load` (invalidated while nothing showed it). */
  stale: boolean;
  removed: boolean;
}

/** What a shown entry loads with (the newest given), so an invalidation can reload it. */
interface PagesLoader {
  readonly fetch: PageFetcher;
  readonly sink: PageSink;
  readonly liveVersion: () => number;
}

interface PagesEntry extends Subscribable<ThreadPagesSnapshot> {
  readonly threadId: string;
  loader: PagesLoader | null;
  handle?: PagesHandle;
}

interface DetailEntry extends Subscribable<ThreadDetailSnapshot> {
  loader: {
    readonly fetch: (signal: AbortSignal) => Promise<ThreadMetadata>;
    readonly current: () => ThreadMetadata | null;
  } | null;
  handle?: DetailHandle;
}

/** Options of {@link createThreadDataCache}. */
export interface ThreadDataCacheOptions {
  /** The first pages a thread starts with (primed or hydrated), looked up when first read. */
  readonly initialPages?: (
    threadId: string,
    options: { pageSize: number; order: "asc" | "desc" },
  ) => readonly ItemsPage[] | undefined;
}

/** @internal The cache a `ThreadkitProvider` keeps for `useThreadItems` and `useThread`. */
export interface ThreadDataCache {
  /** One thread's pages under one paging option (created empty, or with its primed pages). */
  pages(threadId: string, pageSize: number, order: "asc" | "desc"): PagesHandle;
  /** One thread's metadata. */
  detail(threadId: string): DetailHandle;
  /** Writes metadata a stream or a rename brought into the thread's cached detail. */
  writeThread(thread: ThreadMetadata): void;
  /**
   * Reloads the thread's loaded pages (and metadata) where something shows them; the others
   * reload when next shown.
   */
  invalidate(threadId: string): Promise<void>;
  /** Drops everything cached about the thread (it was deleted), aborting its requests. */
  remove(threadId: string): void;
}

/** @internal One entry of the cache: its snapshot, subscription and loads. */
export interface Handle<T> {
  getSnapshot(): T;
  /** Subscribes; once the last subscriber left, a request in flight is aborted. */
  subscribe(listener: () => void): () => void;
}

/** @internal */
export interface PagesHandle extends Handle<ThreadPagesSnapshot> {
  /** Loads the first page unless it is loaded (or loading); reloads after an error. */
  load(fetch: PageFetcher, sink: PageSink, liveVersion: () => number): Promise<void>;
  /** Loads the page after the last one, when there is one and nothing is loading. */
  loadOlder(fetch: PageFetcher, sink: PageSink, liveVersion: () => number): Promise<void>;
  /** Reloads every loaded page from the first one on. */
  refetch(fetch: PageFetcher, sink: PageSink, liveVersion: () => number): Promise<void>;
}

/** @internal */
export interface DetailHandle extends Handle<ThreadDetailSnapshot> {
  /**
   * Loads the metadata unless it is loaded or loading. `current` reads the live version: when
   * it changed while the request was out, the answer (read before that change) is dropped.
   */
  load(
    fetch: (signal: AbortSignal) => Promise<ThreadMetadata>,
    current: () => ThreadMetadata | null,
  ): Promise<void>;
}

/** @internal */
export const toError = (error: unknown) =>
  error instanceof Error ? error : new Error(String(error));

/** @internal Sets the entry's snapshot and tells its subscribers. */
export function notify<T>(entry: Subscribable<T>, next: T) {
  entry.snapshot = next;
  for (const listener of [...entry.listeners]) listener();
}

/** @internal A subscribe function; `onIdle` runs once the last subscriber left during a request. */
export function subscribeTo<T>(entry: Subscribable<T>, onIdle: () => void) {
  return (listener: () => void) => {
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      // A component that moves (StrictMode, a key change) subscribes again in the same task:
      // only abort once nothing took the entry up again.
      queueMicrotask(() => {
        if (entry.listeners.size === 0 && entry.controller !== null) onIdle();
      });
    };
  };
}

/** @internal Runs `work` as the entry's one request (abortable), unless one is in flight. */
export function run<T>(entry: Subscribable<T>, work: (signal: AbortSignal) => Promise<void>) {
  if (entry.inflight) return entry.inflight;
  const controller = new AbortController();
  entry.controller = controller;
  const done = work(controller.signal).finally(() => {
    if (entry.controller === controller) entry.controller = null;
    if (entry.inflight === done) entry.inflight = null;
  });
  entry.inflight = done;
  return done;
}

/**
 * Creates the cache a `ThreadkitProvider` keeps (one per provider mount).
 * @internal
 */
export function createThreadDataCache(options: ThreadDataCacheOptions = {}): ThreadDataCache {
  const pagesEntries = new Map<string, PagesEntry>();
  const detailEntries = new Map<string, DetailEntry>();

  const pagesHandle = (entry: PagesEntry): PagesHandle => {
    // Takes a page list and requests pages following cursors: from the first (`count` pages) or
    // after the last. Aborted or dropped: nothing lands.
    const request = async (
      signal: AbortSignal,
      fetch: PageFetcher,
      sink: PageSink,
      liveVersion: () => number,
      from: "first" | "older",
      count: number,
    ) => {
      const pages: ItemsPage[] = from === "first" ? [] : [...entry.snapshot.pages];
      let after = from === "first" ? null : (pages.at(-1)?.nextCursor ?? null);
      for (let index = 0; index < count; index += 1) {
        const since = liveVersion();
        const page = await fetch(after, signal);
        if (signal.aborted || entry.removed) return null;
        sink(page, from === "first" && index === 0, since);
        pages.push(page);
        after = page.nextCursor;
        if (after === null) break;
      }
      return pages;
    };
    // Aborted: back to what the entry showed before the request (a first load shows pending).
    const settleAbort = () => {
      entry.controller?.abort();
      entry.controller = null;
      entry.inflight = null;
      const { snapshot } = entry;
      if (snapshot.fetchingOlder) notify(entry, { ...snapshot, fetchingOlder: false });
      else if (snapshot.pages.length === 0 && snapshot.status === "pending") entry.stale = true;
    };
    const loadFirst = (count: number, fetch: PageFetcher, sink: PageSink, live: () => number) =>
      run(entry, async (signal) => {
        entry.stale = false;
        try {
          const pages = await request(signal, fetch, sink, live, "first", count);
          if (pages === null) return;
          notify(entry, { pages, status: "success", error: null, fetchingOlder: false });
        } catch (error) {
          if (signal.aborted || entry.removed) return;
          notify(entry, { ...entry.snapshot, status: "error", error: toError(error) });
        }
      });
    return {
      getSnapshot: () => entry.snapshot,
      subscribe: subscribeTo(entry, settleAbort),
      load(fetch, sink, live) {
        entry.loader = { fetch, sink, liveVersion: live };
        const { status } = entry.snapshot;
        if (status === "success" && !entry.stale) return entry.inflight ?? Promise.resolve();
        if (status === "error" && entry.inflight === null && entry.snapshot.pages.length === 0) {
          notify(entry, { ...entry.snapshot, status: "pending", error: null });
        }
        return loadFirst(Math.max(1, entry.snapshot.pages.length), fetch, sink, live);
      },
      loadOlder(fetch, sink, live) {
        const { snapshot } = entry;
        const last = snapshot.pages.at(-1);
        if (entry.inflight !== null || !last?.nextCursor) {
          return entry.inflight ?? Promise.resolve();
        }
        notify(entry, { ...snapshot, fetchingOlder: true });
        return run(entry, async (signal) => {
          try {
            const pages = await request(signal, fetch, sink, live, "older", 1);
            if (pages === null) return;
            notify(entry, { pages, status: "success", error: null, fetchingOlder: false });
          } catch (error) {
            if (signal.aborted || entry.removed) return;
            notify(entry, {
              ...entry.snapshot,
              status: "error",
              error: toError(error),
              fetchingOlder: false,
            });
          }
        });
      },
      refetch(fetch, sink, live) {
        entry.loader = { fetch, sink, liveVersion: live };
        if (entry.inflight !== null) return entry.inflight;
        return loadFirst(Math.max(1, entry.snapshot.pages.length), fetch, sink, live);
      },
    };
  };

  const detailHandle = (entry: DetailEntry): DetailHandle => ({
    getSnapshot: () => entry.snapshot,
    subscribe: subscribeTo(entry, () => {
      entry.controller?.abort();
      entry.controller = null;
      entry.inflight = null;
      if (entry.snapshot.status !== "success") entry.stale = true;
    }),
    load(fetch, current) {
      entry.loader = { fetch, current };
      const { status } = entry.snapshot;
      if (status === "success" && !entry.stale) return entry.inflight ?? Promise.resolve();
      return run(entry, async (signal) => {
        entry.stale = false;
        const before = current();
        try {
          const loaded = await fetch(signal);
          if (signal.aborted || entry.removed) return;
          const now = current();
          // A stream or rename changed the thread while the request was out: keep that.
          const thread = now !== before && now !== null ? now : loaded;
          notify(entry, { thread, status: "success", error: null });
        } catch (error) {
          if (signal.aborted || entry.removed) return;
          notify(entry, { ...entry.snapshot, status: "error", error: toError(error) });
        }
      });
    },
  });

  const pagesKey = (threadId: string, pageSize: number, order: string) =>
    JSON.stringify([threadId, pageSize, order]);

  return {
    pages(threadId, pageSize, order) {
      const key = pagesKey(threadId, pageSize, order);
      let entry = pagesEntries.get(key);
      if (entry === undefined) {
        const primed = options.initialPages?.(threadId, { pageSize, order });
        entry = {
          threadId,
          snapshot: {
            pages: primed ?? [],
            status: primed && primed.length > 0 ? "success" : "pending",
            error: null,
            fetchingOlder: false,
          },
          listeners: new Set(),
          controller: null,
          inflight: null,
          stale: false,
          removed: false,
          loader: null,
        };
        pagesEntries.set(key, entry);
      }
      entry.handle ??= pagesHandle(entry);
      return entry.handle;
    },
    detail(threadId) {
      let entry = detailEntries.get(threadId);
      if (entry === undefined) {
        entry = {
          snapshot: { thread: null, status: "pending", error: null },
          listeners: new Set(),
          controller: null,
          inflight: null,
          stale: false,
          removed: false,
          loader: null,
        };
        detailEntries.set(threadId, entry);
      }
      entry.handle ??= detailHandle(entry);
      return entry.handle;
    },
    writeThread(thread) {
      const entry = detailEntries.get(thread.id);
      if (entry === undefined) return;
      const previous = entry.snapshot.thread;
      notify(entry, {
        ...entry.snapshot,
        thread: previous ? { ...previous, ...thread } : thread,
      });
    },
    async invalidate(threadId) {
      const loads: Promise<void>[] = [];
      const detail = detailEntries.get(threadId);
      if (detail) {
        detail.stale = true;
        // Shown: reload now (a request in flight read before the change; it is replaced).
        if (detail.listeners.size > 0 && detail.loader !== null) {
          detail.controller?.abort();
          detail.inflight = null;
          loads.push(detail.handle!.load(detail.loader.fetch, detail.loader.current));
        }
      }
      for (const entry of pagesEntries.values()) {
        if (entry.threadId !== threadId) continue;
        entry.stale = true;
        if (entry.listeners.size > 0 && entry.loader !== null) {
          const { fetch, sink, liveVersion } = entry.loader;
          if (entry.inflight !== null) {
            entry.controller?.abort();
            entry.inflight = null;
            if (entry.snapshot.fetchingOlder) {
              notify(entry, { ...entry.snapshot, fetchingOlder: false });
            }
          }
          loads.push(entry.handle!.refetch(fetch, sink, liveVersion));
        }
      }
      await Promise.all(loads);
    },
    remove(threadId) {
      const detail = detailEntries.get(threadId);
      if (detail) {
        detail.removed = true;
        detail.controller?.abort();
        detailEntries.delete(threadId);
      }
      for (const [key, entry] of pagesEntries) {
        if (entry.threadId !== threadId) continue;
        entry.removed = true;
        entry.controller?.abort();
        pagesEntries.delete(key);
      }
    },
  };
}
