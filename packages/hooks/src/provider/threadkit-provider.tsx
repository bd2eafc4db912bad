// Types only: threadkit loads nothing through TanStack Query. An app's QueryClient is read for
// the pages primed into it (`primeThreadItems`); `useThreadkitQueryClient` alone creates one.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ThreadItem, ThreadMetadata } from "@threadkit/core";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { runtimeThreadEvents } from "../engine/load-run-runtime";
import type { ItemsPage } from "../internal/history-source";
import { threadkitKeys } from "../query-keys";
import { createThreadDataCache, type ThreadDataCache } from "../thread/thread-data";
import type { ThreadStore } from "../thread/thread-store";
import { buildThreadStore } from "../thread/thread-store-core";
import type { ThreadListCache } from "../threads/thread-lists";
import type { ThreadkitClients } from "./clients";
import {
  type ThreadkitCallbacks,
  ThreadkitContext,
  type ThreadkitContextValue,
  type ThreadStoreRegistry,
} from "./threadkit-context";

/** Props of {@link ThreadkitProvider}. */
export interface ThreadkitProviderProps extends ThreadkitCallbacks {
  /** The clients to talk to: any subset of protocol, REST and Assistants, or a `backend` of your own. */
  clients?: ThreadkitClients;
  /**
   * An app's TanStack QueryClient, for server rendering: the pages primed into it with
   * `primeThreadItems` (or hydrated into it) are what threads start with. What the provider
   * loads (thread lists, threads' pages and metadata) lives in a cache of its own, kept as long
   * as this QueryClient (a remounted provider with the same one finds it again), else as long
   * as the provider's mount. Nothing needs one: without it, no TanStack Query code loads. The
   * provider renders no `QueryClientProvider`.
   */
  queryClient?: QueryClient;
  /**
   * BCP 47 locale for dates and messages, e.g. `"fr-FR"` (read by components through
   * `useThreadkitContext().locale`). Clients send no `Accept-Language` on their own: give them
   * `headers: { "Accept-Language": locale }` when the server localizes.
   */
  locale?: string;
  /**
   * How many stores of threads that nothing shows any more stay in memory (see
   * `createThreadStoreRegistry`). Read once, on mount. @default 20
   */
  maxIdleThreadStores?: number;
  /**
   * Maps an OpenAI file id (Assistants images, code interpreter charts) to a URL the browser may
   * load, for the history that `useThreadItems` reads through the `assistants` client. The
   * OpenAI API serves file content only with the API key, so this usually points at your own
   * proxy. Runs take theirs from `useRunStream`'s `assistant.fileUrl`.
   */
  assistantFileUrl?: (fileId: string) => string;
  /**
   * How long a run's stream may go without an event before the run fails with a timeout (and
   * offers its retry), in milliseconds; `0` or `Infinity` never times out. `useRunStream`'s
   * `idleTimeoutMs` overrides it. @default 60000
   */
  streamIdleTimeoutMs?: number;
  children?: ReactNode;
}

const NO_CLIENTS: ThreadkitClients = {};

/** Options of {@link createThreadStoreRegistry}. */
export interface ThreadStoreRegistryOptions {
  /**
   * How many stores of threads that nothing shows any more are kept (most recently used first),
   * so going back to a recent thread is instant. Older ones are dropped; the thread then loads
   * from the provider's cache or the server again. A store still streaming a response is never
   * dropped. @default 20
   */
  maxIdleStores?: number;
  /**
   * The items a thread's store starts with when it is created (a first page prefetched on the
   * server), so the first render shows them on the server and in the browser alike.
   */
  initialItems?: (threadId: string) => readonly ThreadItem[] | undefined;
  /**
   * Called when the metadata of a thread in one of the stores changes (`thread.created`,
   * `thread.updated`, a rename), with `created` set when the store's thread was just created by
   * its first message. The provider keeps the loaded thread detail and history lists current with it.
   */
  onThreadMetadata?: (thread: ThreadMetadata, created: boolean) => void;
}

/** The items of a thread's first cached page (primed or hydrated), oldest first. */
function cachedFirstPage(
  queryClient: QueryClient | undefined,
  threadId: string,
): readonly ThreadItem[] | undefined {
  if (queryClient === undefined) return undefined;
  const cached = queryClient.getQueriesData<InfiniteData<ItemsPage>>({
    queryKey: [...threadkitKeys.thread(threadId), "items"],
  });
  for (const [, data] of cached) {
    const first = data?.pages[0];
    if (first) return first.items;
  }
  return undefined;
}

/**
 * What a provider loads: threads' pages and metadata, and the history lists, which `useThreads`
 * or a mutation creates on first use (so a thread view does not carry their code).
 */
interface ProviderCache {
  readonly threadData: ThreadDataCache;
  threadLists: ThreadListCache | undefined;
}

const cacheByQueryClient = new WeakMap<QueryClient, ProviderCache>();

/** A cache whose threads start with the pages primed into `queryClient()`. */
function createProviderCache(queryClient: () => QueryClient | undefined): ProviderCache {
  return {
    threadData: createThreadDataCache({
      // Pages primed (or hydrated) into the app's QueryClient with `primeThreadItems`.
      initialPages: (threadId, paging) =>
        queryClient()?.getQueryData<InfiniteData<ItemsPage>>(
          threadkitKeys.threadItems(threadId, paging),
        )?.pages,
    }),
    threadLists: undefined,
  };
}

/** The cache that lives with `queryClient`. */
function cacheOf(queryClient: QueryClient): ProviderCache {
  let cache = cacheByQueryClient.get(queryClient);
  if (cache === undefined) {
    cache = createProviderCache(() => queryClient);
    cacheByQueryClient.set(queryClient, cache);
  }
  return cache;
}

/** Whether a run or response is working on the store (it must not be dropped then). */
function isBusy(store: ThreadStore): boolean {
  const state = store.getState();
  return state.runsInFlight > 0 || state.allowCancel || state.streamingItemIds.length > 0;
}

/**
 * Creates the per-provider registry of thread stores. Stores that a mounted hook uses are
 * retained; the others are idle, and once one is released only the `maxIdleStores` most recently
 * used idle stores stay.
 */
export function createThreadStoreRegistry(
  options: ThreadStoreRegistryOptions = {},
): ThreadStoreRegistry {
  const maxIdle = Math.max(0, options.maxIdleStores ?? 20);
  const stores = new Map<string, ThreadStore>();
  const retained = new Map<string, number>();
  // Idle thread ids, least recently used first (a Map keeps insertion order).
  const idle = new Map<string, true>();
  const listeners = new Set<() => void>();
  let draft: ThreadStore | null = null;
  const onThreadMetadata = options.onThreadMetadata;
  const initialItems = options.initialItems;
  const create = (threadId: string | null) => {
    // Stream events reach these stores only from a run, so they take the stream reducer from
    // the run engine's runtime (loaded before any run streams) rather than loading it up front.
    const store = buildThreadStore(
      threadId,
      (threadId === null ? undefined : initialItems?.(threadId)) ?? [],
      runtimeThreadEvents,
    );
    if (onThreadMetadata) {
      store.subscribe((state, previous) => {
        if (state.thread === previous.thread || state.thread === null) return;
        onThreadMetadata(state.thread, previous.threadId === null && state.threadId !== null);
      });
    }
    return store;
  };

  // Marks a store as used just now (most recent in the idle order).
  const touch = (threadId: string) => {
    if (retained.has(threadId)) return;
    idle.delete(threadId);
    idle.set(threadId, true);
  };
  // Drops the least recently used idle stores. It runs in a microtask after a release, so the
  // hooks of a commit that switched threads have retained their new stores by then.
  let trimScheduled = false;
  const trim = () => {
    trimScheduled = false;
    for (const id of idle.keys()) {
      if (idle.size <= maxIdle) break;
      const store = stores.get(id);
      if (store !== undefined && isBusy(store)) continue;
      idle.delete(id);
      stores.delete(id);
    }
  };
  const scheduleTrim = () => {
    if (trimScheduled || idle.size <= maxIdle) return;
    trimScheduled = true;
    queueMicrotask(trim);
  };

  return {
    get(threadId) {
      if (threadId === null) {
        draft ??= create(null);
        return draft;
      }
      let store = stores.get(threadId);
      if (store === undefined) {
        store = create(threadId);
        stores.set(threadId, store);
      }
      touch(threadId);
      return store;
    },
    peek(threadId) {
      return stores.get(threadId);
    },
    adoptDraft(store, threadId) {
      if (!stores.has(threadId)) stores.set(threadId, store);
      touch(threadId);
      scheduleTrim();
      if (draft === store) draft = null;
      for (const listener of listeners) listener();
    },
    retain(threadId) {
      retained.set(threadId, (retained.get(threadId) ?? 0) + 1);
      idle.delete(threadId);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const count = (retained.get(threadId) ?? 1) - 1;
        if (count > 0) {
          retained.set(threadId, count);
          return;
        }
        retained.delete(threadId);
        if (!stores.has(threadId)) return;
        touch(threadId);
        scheduleTrim();
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Supplies clients, locale, callbacks, the per-thread stores and the loaded history to every
 * threadkit hook and component below it. Safe to render on the server: nothing here reads
 * `window` or `document`.
 *
 * @example
 * ```tsx
 * <ThreadkitProvider clients={{ protocol: createChatKitClient({ url: "/chatkit" }) }}>
 *   <App />
 * </ThreadkitProvider>
 * ```
 */
export function ThreadkitProvider(props: ThreadkitProviderProps) {
  const {
    clients,
    queryClient,
    locale,
    maxIdleThreadStores,
    assistantFileUrl,
    streamIdleTimeoutMs,
    onError,
    onEffect,
    onLog,
    onSessionExpired,
    children,
  } = props;
  // Read through a ref like the callbacks: an inline function must not refetch history.
  const fileUrl = useRef(assistantFileUrl);
  fileUrl.current = assistantFileUrl;
  const hasFileUrl = assistantFileUrl !== undefined;
  // The QueryClient `useThreadkitQueryClient` made when the app gave none (`query-client.ts`).
  const ownQueryClient = useRef<QueryClient | undefined>(undefined);
  const queryClientRef = useRef<QueryClient | undefined>(queryClient);
  queryClientRef.current = queryClient ?? ownQueryClient.current;
  const [ownCache] = useState(() => createProviderCache(() => queryClientRef.current));
  // With the app's QueryClient, what was loaded lives as long as that client (a remounted
  // provider finds it again, another client starts its own); without one, as long as the mount.
  const cache = queryClient ? cacheOf(queryClient) : ownCache;
  const { threadData } = cache;
  const cacheRef = useRef(cache);
  cacheRef.current = cache;
  const [stores] = useState(() =>
    createThreadStoreRegistry({
      ...(maxIdleThreadStores === undefined ? {} : { maxIdleStores: maxIdleThreadStores }),
      // A thread whose first page is already cached (primed or hydrated) starts with it.
      initialItems: (threadId) => cachedFirstPage(queryClientRef.current, threadId),
      // Streams keep the cached thread detail and history lists current, without refetching.
      onThreadMetadata: (thread, created) => {
        cacheRef.current.threadData.writeThread(thread);
        cacheRef.current.threadLists?.write(thread, { created });
      },
    }),
  );
  // Callbacks are read through a ref so a new inline function never re-renders the tree.
  const callbacks = useRef<ThreadkitCallbacks>({});
  callbacks.current = { onError, onEffect, onLog, onSessionExpired };
  const hasSessionHook = onSessionExpired !== undefined;

  const value = useMemo<ThreadkitContextValue>(
    () => ({
      clients: clients ?? NO_CLIENTS,
      locale,
      stores,
      threadData,
      threadLists: (create) => {
        if (cache.threadLists === undefined && create !== undefined) cache.threadLists = create();
        return cache.threadLists;
      },
      invalidateThread: (threadId) => threadData.invalidate(threadId),
      invalidateThreads: async () => {
        await cache.threadLists?.invalidate();
      },
      queryClient: (create) => {
        if (queryClientRef.current === undefined && create !== undefined) {
          ownQueryClient.current = create();
          queryClientRef.current = ownQueryClient.current;
        }
        return queryClientRef.current;
      },
      assistantFileUrl: hasFileUrl
        ? (fileId) => (fileUrl.current ? fileUrl.current(fileId) : `openai-file:${fileId}`)
        : undefined,
      reportError: (error) => callbacks.current.onError?.(error),
      reportEffect: (effect) => callbacks.current.onEffect?.(effect),
      log: (name, data) =>
        callbacks.current.onLog?.(data === undefined ? { name } : { name, data }),
      streamIdleTimeoutMs,
      sessionExpired: hasSessionHook
        ? async () => {
            await callbacks.current.onSessionExpired?.();
          }
        : undefined,
    }),
    [clients, locale, stores, cache, threadData, hasFileUrl, streamIdleTimeoutMs, hasSessionHook],
  );

  return <ThreadkitContext.Provider value={value}>{children}</ThreadkitContext.Provider>;
}
