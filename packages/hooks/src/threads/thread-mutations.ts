/**
 * What the thread mutations do (`useDeleteThread`, `useRenameThread`): the optimistic change, the
 * request, and the rollback when the server refuses. Loaded with one `import()` on the first call
 * of either, or when the browser is idle after one of them mounted, so a page that only lists the
 * history does not carry it.
 */
import type { ThreadMetadata } from "@threadkit/core";
import type { getHistorySource } from "../internal/history-source";
import type { ThreadkitContextValue } from "../provider/threadkit-context";
import type { ThreadListCache } from "./thread-lists";

/**
 * What the mutations work with. The history source comes from the caller rather than an import:
 * importing it here would make this chunk share a module with the pages' first chunks, and the
 * bundler would split those differently (more files, more bytes up front).
 */
export interface ThreadMutationDeps {
  readonly context: ThreadkitContextValue;
  readonly lists: ThreadListCache;
  readonly historySource: typeof getHistorySource;
}

interface MutationSteps<TVariables, TData, TSnapshot> {
  /** Shows the change at once; returns what `rollback` needs. */
  optimistic(variables: TVariables): TSnapshot;
  request(variables: TVariables): Promise<TData>;
  rollback(snapshot: TSnapshot, variables: TVariables): void;
  settle(data: TData, variables: TVariables): void;
}

/** Runs a mutation of the history: optimistic, rolled back when the server refuses. */
async function mutate<TVariables, TData, TSnapshot>(
  { lists }: ThreadMutationDeps,
  steps: MutationSteps<TVariables, TData, TSnapshot>,
  variables: TVariables,
): Promise<TData> {
  const snapshot = steps.optimistic(variables);
  let data: TData;
  try {
    data = await steps.request(variables);
  } catch (error) {
    steps.rollback(snapshot, variables);
    // The lists were put back; read them again in case the thread changed meanwhile.
    void lists.invalidate();
    throw error;
  }
  steps.settle(data, variables);
  return data;
}

/**
 * Deletes a thread: it leaves every loaded history list at once and comes back if the server
 * refuses; once deleted, everything loaded of it is dropped.
 */
export function deleteThread(deps: ThreadMutationDeps, threadId: string): Promise<void> {
  const { context, lists, historySource } = deps;
  return mutate(
    deps,
    {
      optimistic: (id: string) => lists.patch((threads) => threads.filter((t) => t.id !== id)),
      request: (id) => historySource(context.clients, "useDeleteThread").deleteThread(id),
      rollback: (restore) => restore(),
      settle: (_data, id) => context.threadData.remove(id),
    },
    threadId,
  );
}

/**
 * Renames a thread: the title shows at once in the thread's live store, its loaded metadata and
 * every loaded list, and is rolled back everywhere if the server refuses.
 */
export function renameThread(
  deps: ThreadMutationDeps,
  input: { threadId: string; title: string },
): Promise<ThreadMetadata | null> {
  const { context, lists, historySource } = deps;
  return mutate(
    deps,
    {
      optimistic: ({ threadId, title }: { threadId: string; title: string }) => {
        const store = context.stores.peek(threadId);
        const previousLive = store?.getState().thread ?? null;
        const restoreLists = lists.patch((threads) =>
          threads.map((t) => (t.id === threadId ? { ...t, title } : t)),
        );
        const previousLoaded = context.threadData.detail(threadId).getSnapshot().thread;
        if (previousLoaded) context.threadData.writeThread({ ...previousLoaded, title });
        if (previousLive) store?.getState().setThread({ ...previousLive, title });
        return { previousLive, restoreLists, previousLoaded };
      },
      request: ({ threadId, title }) =>
        historySource(context.clients, "useRenameThread").renameThread(threadId, title),
      rollback: (snapshot, { threadId }) => {
        // The store first: its change writes through to the lists, which the snapshot then sets.
        if (snapshot.previousLive) {
          context.stores.peek(threadId)?.getState().setThread(snapshot.previousLive);
        }
        snapshot.restoreLists();
        if (snapshot.previousLoaded) context.threadData.writeThread(snapshot.previousLoaded);
      },
      settle: (thread, { threadId, title }) => {
        const store = context.stores.peek(threadId);
        const live = store?.getState().thread ?? null;
        const renamed =
          thread ??
          context.threadData.detail(threadId).getSnapshot().thread ??
          (live ? { ...live, title } : null);
        if (renamed === null) return;
        if (live) store?.getState().setThread({ ...live, ...renamed });
        lists.write(renamed);
        context.threadData.writeThread(renamed);
      },
    },
    input,
  );
}
