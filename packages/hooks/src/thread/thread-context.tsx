import type { ThreadItem } from "@threadkit/core";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from "react";
import { useStore } from "zustand";
import { ThreadkitContext } from "../provider/threadkit-context";
import { selectThreadItem } from "./thread-state";
import type { ThreadStore, ThreadStoreActions, ThreadStoreState } from "./thread-store";

interface ThreadContextValue {
  readonly threadId: string | null;
  readonly store: ThreadStore;
}

const ThreadContext = createContext<ThreadContextValue | null>(null);

/** @internal The raw thread context (null outside `ThreadProvider`). */
export const ThreadContextInternal = ThreadContext;

/** Props of {@link ThreadProvider}. */
export interface ThreadProviderProps {
  /** The thread to show, or `null` for a new thread (its first message creates it). */
  threadId: string | null;
  /** Use this store instead of the provider's store for `threadId` (tests, stories). */
  store?: ThreadStore;
  children?: ReactNode;
}

/**
 * Makes one thread current for the hooks and components below it (`useThreadItem`,
 * `useThreadItems`, `Thread.Root`). Every subtree showing the same thread shares one store.
 */
export function ThreadProvider({ threadId, store, children }: ThreadProviderProps) {
  const resolved = useResolvedThreadStore(threadId, store, "ThreadProvider");
  const value = useMemo(() => ({ threadId, store: resolved }), [threadId, resolved]);
  return <ThreadContext.Provider value={value}>{children}</ThreadContext.Provider>;
}

/**
 * The store for `threadId` from the provider's registry (or `store` when given). With no
 * `ThreadkitProvider` above, a given `store` still works.
 * @internal
 */
export function useResolvedThreadStore(
  threadId: string | null,
  store: ThreadStore | undefined,
  hookName: string,
): ThreadStore {
  const registry = useOptionalRegistry();
  // A `null` thread follows its draft store after the server created the thread (the store is
  // re-keyed under the new id); a different `threadId` starts over.
  const followed = useRef<{ threadId: string | null; store: ThreadStore } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => registry?.subscribe(listener) ?? (() => {}),
    [registry],
  );
  const getStore = useCallback(() => {
    if (store) return store;
    if (!registry) {
      throw new Error(`\`${hookName}\` must be used within \`ThreadkitProvider\` or get a store`);
    }
    const current = followed.current;
    if (threadId === null && current !== null && current.threadId === null) return current.store;
    const resolved = registry.get(threadId);
    followed.current = { threadId, store: resolved };
    return resolved;
  }, [registry, store, threadId, hookName]);
  const resolved = useSyncExternalStore(subscribe, getStore, getStore);
  // While mounted, the thread's store stays in the registry (an idle one may be dropped).
  useEffect(() => {
    if (store || !registry || threadId === null) return;
    return registry.retain(threadId);
  }, [registry, store, threadId]);
  return resolved;
}

function useOptionalRegistry() {
  return useContext(ThreadkitContext)?.stores ?? null;
}

/**
 * The current thread's id and store, from the nearest {@link ThreadProvider}.
 *
 * @param hookName - the calling hook, named in the error
 */
export function useThreadContext(hookName = "useThreadContext"): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (value === null) {
    throw new Error(`\`${hookName}\` must be used within \`ThreadProvider\` (or \`Thread.Root\`)`);
  }
  return value;
}

/**
 * The current thread's store. Pass `threadId` to read another thread's store from the
 * provider instead.
 */
export function useThreadStore(threadId?: string | null): ThreadStore {
  const context = useContext(ThreadContext);
  if (threadId === undefined && context === null) {
    throw new Error("`useThreadStore` must be used within `ThreadProvider` (or `Thread.Root`)");
  }
  const fromContext = context !== null && (threadId === undefined || context.threadId === threadId);
  return useResolvedThreadStore(
    fromContext ? context.threadId : (threadId ?? null),
    fromContext ? context.store : undefined,
    "useThreadStore",
  );
}

/**
 * Selects a slice of the current thread's state. Re-renders only when the selected value
 * changes (`Object.is`), so select the narrowest value you need.
 *
 * @example
 * const progress = useThreadState((state) => state.progress);
 */
export function useThreadState<T>(
  selector: (state: ThreadStoreState & ThreadStoreActions) => T,
): T {
  return useStore(useThreadContext("useThreadState").store, selector);
}

/**
 * One item of the current thread, by id. Re-renders only when that item changes (a delta to
 * another item, or items added to the list, leave it alone).
 *
 * @example
 * function Row({ id }: { id: string }) {
 *   const item = useThreadItem(id);
 *   return item?.type === "assistant_message" ? <p>{item.content[0]?.text}</p> : null;
 * }
 */
export function useThreadItem(id: string): ThreadItem | undefined {
  const { store } = useThreadContext("useThreadItem");
  return useStore(store, (state) => selectThreadItem(state, id));
}
