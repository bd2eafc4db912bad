/**
 * The thread store's implementation, without the stream reducer: it takes what only a run does
 * (`applyStoreEvents` over core's `applyThreadEvents`, and `completeThreadToolCall`) from a
 * {@link ThreadEventsSource}. The public `createThreadStore` passes them in (always there); the
 * provider's stores take them from the run engine's runtime, the only producer of their stream
 * events, so a page that only shows a thread never loads the reducer.
 */
import type { ThreadItem } from "@threadkit/core";
import { createStore } from "zustand/vanilla";
import {
  acknowledgeThreadEffects,
  addOptimisticThreadMessage,
  createThreadState,
  dismissThreadNotices,
  finishThreadStream,
  isThreadToolCallCompleted,
  mergeThreadPage,
  removeThreadItem,
  startThreadStream,
  type ThreadState,
  type ThreadStreamReducerEvent,
  upsertLiveThreadItem,
  upsertLiveThreadItems,
} from "./thread-state";
import type { ThreadStore, ThreadStoreActions, ThreadStoreState } from "./thread-store-types";

/** What only a run does to a store's state: `applyStoreEvents` and core's `completeThreadToolCall`. */
export interface ThreadRunReducers {
  applyStoreEvents<S extends ThreadState & { readonly threadId: string | null }>(
    state: S,
    events: readonly ThreadStreamReducerEvent[],
  ): S;
  completeThreadToolCall(state: ThreadState, itemId: string, output: unknown): ThreadState;
}

/** @internal Where a store gets its {@link ThreadRunReducers} from. */
export interface ThreadEventsSource {
  /** The reducers when they are at hand, else `null`. */
  current(): ThreadRunReducers | null;
  /** Loads it; rejects when the load failed (a later call tries again). */
  load(): Promise<unknown>;
}

type Op = (reducers: ThreadRunReducers) => void;

/**
 * @internal Creates a thread store whose `apply` and `completeClientToolCall` take their reducers
 * from `events`. While they are at hand (always, once a run has loaded the runtime), every action
 * changes the state at once. Calls made before that wait in order, with every action that follows
 * them, and run when the reducers arrive (the first starts loading them); a failed load keeps them
 * waiting, and the next action tries again. Nothing is dropped or reordered.
 */
export function buildThreadStore(
  threadId: string | null,
  initial: readonly ThreadItem[],
  events: ThreadEventsSource,
): ThreadStore {
  return createStore<ThreadStoreState & ThreadStoreActions>()((set, get) => {
    const update = (next: ThreadState) => {
      if (next !== get()) set(next);
    };
    // Actions waiting for the reducers behind a call that needed them before they arrived, oldest
    // first; `null` when nothing waits.
    let waiting: Op[] | null = null;
    const flush = () => {
      const reducers = events.current();
      // Loading is shared: every waiting action asks, and a failed load is tried again.
      if (reducers === null) events.load().then(flush, () => {});
      else {
        // An action a listener runs meanwhile queues behind the rest.
        while (waiting?.length) (waiting.shift() as Op)(reducers);
        waiting = null;
      }
    };
    /** Runs `op` now, or behind the waiting calls. */
    const act = (op: Op, needsReducers?: boolean) => {
      const reducers = events.current();
      if (waiting === null && (reducers !== null || !needsReducers)) {
        op(reducers as ThreadRunReducers);
      } else {
        waiting ??= [];
        waiting.push(op);
        flush();
      }
    };
    // Every rule about items lives in core's thread state (`live-thread.ts`); the store applies
    // and notifies.
    return {
      ...createThreadState(initial),
      threadId,
      runFailure: null,
      runningToolCallId: null,
      runsInFlight: 0,
      runIncomplete: null,
      apply(batch) {
        if (batch.length === 0) return;
        act((reducers) => update(reducers.applyStoreEvents(get(), batch)), true);
      },
      liveVersion() {
        return get().live.version;
      },
      mergeItems(items, position, since) {
        act(() =>
          update(
            mergeThreadPage(get(), items, since === undefined ? { position } : { position, since }),
          ),
        );
      },
      upsertLiveItems(items) {
        act(() => update(upsertLiveThreadItems(get(), items)));
      },
      upsertItem(item) {
        act(() => update(upsertLiveThreadItem(get(), item)));
      },
      addOptimisticMessage(item) {
        act(() => update(addOptimisticThreadMessage(get(), item)));
      },
      isClientToolCallCompleted(itemId) {
        return isThreadToolCallCompleted(get(), itemId);
      },
      completeClientToolCall(itemId, output) {
        act((reducers) => update(reducers.completeThreadToolCall(get(), itemId, output)), true);
      },
      removeItem(id) {
        act(() => update(removeThreadItem(get(), id)));
      },
      startStream() {
        act(() => {
          update(startThreadStream(get()));
          if (get().runIncomplete !== null) set({ runIncomplete: null });
        });
      },
      finishStream() {
        act(() => update(finishThreadStream(get())));
      },
      acknowledgeEffects(seq) {
        act(() => update(acknowledgeThreadEffects(get(), seq)));
      },
      dismissNotices(seq) {
        act(() => update(dismissThreadNotices(get(), seq)));
      },
      dismissNotice(seq) {
        act(() => {
          const notices = get().notices;
          if (notices.some((notice) => notice.seq === seq)) {
            set({ notices: notices.filter((notice) => notice.seq !== seq) });
          }
        });
      },
      setRunFailure(failure) {
        act(() => {
          const state = get();
          if (failure !== null) set({ runFailure: failure });
          else if (state.runFailure !== null || state.error !== null) {
            set({ runFailure: null, error: null });
          }
        });
      },
      setRunningToolCall(itemId) {
        act(() => {
          if (get().runningToolCallId !== itemId) set({ runningToolCallId: itemId });
        });
      },
      setThread(thread) {
        act(() => {
          if (get().thread !== thread) set({ thread });
        });
      },
      beginRun() {
        act(() => set({ runsInFlight: get().runsInFlight + 1 }));
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          act(() => set({ runsInFlight: get().runsInFlight - 1 }));
        };
      },
      setRunIncomplete(incomplete) {
        act(() => {
          const current = get().runIncomplete;
          if (current === incomplete) return;
          if (current !== null && incomplete !== null && current.reason === incomplete.reason) {
            return;
          }
          set({ runIncomplete: incomplete });
        });
      },
    };
  });
}
