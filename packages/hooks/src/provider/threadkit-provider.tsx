import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { createThreadStore, type ThreadStore } from "../thread/thread-store";
import type { ThreadkitClients } from "./clients";
import {
  type ThreadkitCallbacks,
  ThreadkitContext,
  type ThreadkitContextValue,
  type ThreadStoreRegistry,
} from "./threadkit-context";

/** Props of {@link ThreadkitProvider}. */
export interface ThreadkitProviderProps extends ThreadkitCallbacks {
  /** The clients to talk to; any subset of protocol, REST and Assistants. */
  clients?: ThreadkitClients;
  /**
   * The QueryClient that owns requests and cached pages. When absent the provider creates one
   * (once per mount) and provides it.
   */
  queryClient?: QueryClient;
  /**
   * BCP 47 locale for dates and messages, e.g. `"fr-FR"` (read by components through
   * `useThreadkitContext().locale`). Clients send no `Accept-Language` on their own: give them
   * `headers: { "Accept-Language": locale }` when the server localizes.
   */
  locale?: string;
  children?: ReactNode;
}

const NO_CLIENTS: ThreadkitClients = {};

/** Creates the per-provider registry of thread stores. */
export function createThreadStoreRegistry(): ThreadStoreRegistry {
  const stores = new Map<string, ThreadStore>();
  const listeners = new Set<() => void>();
  let draft: ThreadStore | null = null;
  return {
    get(threadId) {
      if (threadId === null) {
        draft ??= createThreadStore(null);
        return draft;
      }
      let store = stores.get(threadId);
      if (store === undefined) {
        store = createThreadStore(threadId);
        stores.set(threadId, store);
      }
      return store;
    },
    adoptDraft(store, threadId) {
      if (!stores.has(threadId)) stores.set(threadId, store);
      if (draft === store) draft = null;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Supplies clients, the QueryClient, locale, callbacks and the per-thread stores to every
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
  const { clients, queryClient, locale, onError, onEffect, onLog, children } = props;
  const [ownQueryClient] = useState(() => (queryClient ? null : new QueryClient()));
  const [stores] = useState(createThreadStoreRegistry);
  // Callbacks are read through a ref so a new inline function never re-renders the tree.
  const callbacks = useRef<ThreadkitCallbacks>({});
  callbacks.current = { onError, onEffect, onLog };

  const value = useMemo<ThreadkitContextValue>(
    () => ({
      clients: clients ?? NO_CLIENTS,
      locale,
      stores,
      reportError: (error) => callbacks.current.onError?.(error),
      reportEffect: (effect) => callbacks.current.onEffect?.(effect),
      log: (name, data) =>
        callbacks.current.onLog?.(data === undefined ? { name } : { name, data }),
    }),
    [clients, locale, stores],
  );

  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient!}>
      <ThreadkitContext.Provider value={value}>{children}</ThreadkitContext.Provider>
    </QueryClientProvider>
  );
}
