import type { ThreadMetadata } from "@threadkit/core";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { whenIdle } from "../engine/load-run-runtime";
import { getHistorySource } from "../internal/history-source";
import { type ThreadkitContextValue, useThreadkitContext } from "../provider/threadkit-context";
import {
  createThreadListCache,
  type ThreadListCache,
  type ThreadsPageFetcher,
} from "./thread-lists";
import type { ThreadMutationDeps } from "./thread-mutations";
import {
  type ThreadMutationCallbacks,
  type ThreadMutationResult,
  useMutationState,
} from "./use-mutation-state";

export type { ThreadMutationCallbacks, ThreadMutationResult };

/** The provider's history lists, created on first use. */
const listsOf = (context: ThreadkitContextValue): ThreadListCache =>
  context.threadLists(createThreadListCache)!;

/** Options of {@link useThreads}. */
export interface UseThreadsOptions {
  /** Threads per page. @default 20 */
  pageSize?: number;
  /** `"desc"` lists the newest thread first. @default "desc" */
  order?: "asc" | "desc";
  /** Set `false` to skip loading (a list loaded before still shows). @default true */
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
  /**
   * `pending` until the first page arrives, then `success`, or `error` when the last load failed
   * (the pages loaded before stay in `threads`).
   */
  status: "pending" | "success" | "error";
  /** The load error, or `null`. */
  error: Error | null;
  /** Reloads every loaded page. */
  refetch(): Promise<void>;
}

/** Whether the page can be seen (no document, e.g. on the server: yes). */
const visible = () => typeof document === "undefined" || document.visibilityState !== "hidden";

/**
 * The thread history, cursor-paged (protocol `threads.list`), loaded with plain requests into a
 * cache the provider keeps: one request per list (page size and order) however many components
 * show it, the pages kept across remounts. A component showing it mounts, or the window comes
 * back into view: the loaded pages reload in the background. Streams (a thread created by its
 * first message, a new title) and the mutations below change the list without a refetch.
 *
 * @example
 * ```tsx
 * const { threads, hasMore, fetchMore } = useThreads({ pageSize: 30 });
 * ```
 */
export function useThreads(options: UseThreadsOptions = {}): UseThreadsResult {
  const { pageSize = 20, order = "desc", enabled = true } = options;
  const context = useThreadkitContext("useThreads");
  const { clients } = context;
  const handle = listsOf(context).list(pageSize, order);
  const snapshot = useSyncExternalStore(handle.subscribe, handle.getSnapshot, handle.getSnapshot);
  const request = (after: string | null, signal: AbortSignal) =>
    getHistorySource(clients, "useThreads").listThreads({ limit: pageSize, order, after, signal });
  // Read through a ref: new clients (an inline `clients` object) must not reload the list.
  const requestRef = useRef(request);
  requestRef.current = request;
  const fetch = useCallback<ThreadsPageFetcher>(
    (after, signal) => requestRef.current(after, signal),
    [],
  );
  useEffect(() => {
    if (!enabled) return;
    // Shown (again): load, or reload the loaded pages behind what shows.
    handle.load(fetch, true).catch(() => {});
    if (typeof document === "undefined") return;
    const onVisible = () => {
      if (visible()) handle.load(fetch, true).catch(() => {});
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [handle, fetch, enabled]);
  const { pages, fetchingMore } = snapshot;
  const threads = useMemo(() => pages.flatMap((page) => page.threads), [pages]);
  const hasMore = (pages.at(-1)?.nextCursor ?? null) !== null;
  return {
    threads,
    hasMore,
    fetchMore: async () => {
      if (hasMore && !fetchingMore) await handle.loadMore(fetch);
    },
    isFetchingMore: fetchingMore,
    status: snapshot.status,
    error: snapshot.error,
    refetch: () => handle.refetch(fetch),
  };
}

/** What {@link useDeleteThread} returns; `mutate(threadId)`. */
export type UseDeleteThreadResult = ThreadMutationResult<string, void>;

/** What {@link useRenameThread} sends. */
export interface RenameThreadInput {
  threadId: string;
  title: string;
}

/**
 * What {@link useRenameThread} returns; `mutate({ threadId, title })`, `data` is the renamed
 * thread as the server returned it (`null` when it returned none).
 */
export type UseRenameThreadResult = ThreadMutationResult<RenameThreadInput, ThreadMetadata | null>;

/** What `thread-mutations.ts` exports. */
type ThreadMutations = typeof import("./thread-mutations");

let mutations: ThreadMutations | null = null;
let loadingMutations: Promise<ThreadMutations> | null = null;

/** An `Error` saying the thread mutations' code did not load (the network, a deploy). */
export class ThreadMutationsLoadError extends Error {
  constructor(options: { cause: unknown }) {
    super("threadkit: the thread mutations' code failed to load; nothing was changed", options);
    this.name = "ThreadMutationsLoadError";
  }
}

/** Loads the mutations' code once; a failed load rejects and is tried again on the next call. */
function loadThreadMutations(): Promise<ThreadMutations> {
  if (mutations !== null) return Promise.resolve(mutations);
  loadingMutations ??= import("./thread-mutations").then(
    (loaded) => {
      mutations = loaded;
      return loaded;
    },
    (cause: unknown) => {
      loadingMutations = null;
      throw new ThreadMutationsLoadError({ cause });
    },
  );
  return loadingMutations;
}

/**
 * A mutation of the history, its code loaded on the first call (or once the browser is idle after
 * it mounted): `pending` at once; once loaded, optimistic, rolled back and reported when the
 * server refuses. A failed load is reported and changes nothing.
 */
function useThreadMutation<TVariables, TData>(
  context: ThreadkitContextValue,
  run: (loaded: ThreadMutations, deps: ThreadMutationDeps, variables: TVariables) => Promise<TData>,
): ThreadMutationResult<TVariables, TData> {
  useEffect(
    () =>
      mutations === null ? whenIdle(() => void loadThreadMutations().catch(() => {})) : undefined,
    [],
  );
  return useMutationState(
    async (variables: TVariables) =>
      // Loaded: the optimistic change shows in the same task as the call.
      run(
        mutations ?? (await loadThreadMutations()),
        { context, lists: listsOf(context), historySource: getHistorySource },
        variables,
      ),
    context.reportError,
  );
}

/**
 * Deletes a thread. The thread leaves every loaded history list at once (no refetch) and comes
 * back if the server refuses; once deleted, everything loaded of it is dropped.
 *
 * @example
 * ```tsx
 * const remove = useDeleteThread();
 * <button onClick={() => remove.mutate(thread.id)}>Delete</button>
 * ```
 */
export function useDeleteThread(): UseDeleteThreadResult {
  const context = useThreadkitContext("useDeleteThread");
  return useThreadMutation(context, (loaded, deps, threadId: string) =>
    loaded.deleteThread(deps, threadId),
  );
}

/**
 * Renames a thread (`threads.update`). The new title shows at once everywhere the thread's
 * metadata shows — `useThread` (a header), the thread's live store, every loaded history list —
 * without a refetch, and is rolled back everywhere if the server refuses.
 *
 * @example
 * ```tsx
 * const rename = useRenameThread();
 * rename.mutate({ threadId: thread.id, title: "Trip to Lisbon" });
 * ```
 */
export function useRenameThread(): UseRenameThreadResult {
  const context = useThreadkitContext("useRenameThread");
  return useThreadMutation(context, (loaded, deps, input: RenameThreadInput) =>
    loaded.renameThread(deps, input),
  );
}
