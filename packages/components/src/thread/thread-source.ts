import {
  selectThreadItem,
  type ThreadItem,
  type ThreadNotice,
  type ThreadProgress,
  type UserMessageItem,
} from "@threadkit/core";
import {
  selectThreadRunError,
  selectUnansweredMessage,
  type ThreadRunError,
  type ThreadRunIncomplete,
  type ThreadStore,
} from "@threadkit/hooks";
import type { ItemStatus } from "../context";

/** What `Thread.RunStatus` shows: the transient state that runs leave on the thread. */
export interface ThreadRunStatusSnapshot {
  /** Notices not dismissed yet, oldest first. */
  readonly notices: readonly ThreadNotice[];
  /** The latest `progress_update` while a response streams. */
  readonly progress: ThreadProgress | null;
  /** How the last run failed, until it is retried or the next run starts. */
  readonly error: ThreadRunError | null;
  /** Why the last run ended before its reply was finished, until the next run starts. */
  readonly incomplete: ThreadRunIncomplete | null;
  /** Retries the failed run; `null` when the source cannot (or the server does not allow it). */
  readonly retry: (() => void) | null;
  /**
   * For an expired session: re-authenticates through the provider's `onSessionExpired`, then
   * retries. `null` otherwise.
   */
  readonly reauthenticate?: (() => void) | null;
  /** Dismisses one notice; `null` when the source cannot. */
  readonly dismissNotice: ((seq: number) => void) | null;
  /**
   * The user message the thread ends with when no reply followed it and nothing runs or failed
   * (`useThreadRunStatus().unansweredMessage`); `Thread.RunStatus` offers "Get a reply" for it.
   * Absent or `null` otherwise.
   */
  readonly unansweredMessage?: UserMessageItem | null;
  /**
   * Whether a run is in flight on the thread: `Thread.RunStatus` loads what shows a run's state
   * then, before the run's first event. Absent when the source does not know.
   */
  readonly running?: boolean;
}

/**
 * What the thread view reads items from: ordered ids, items by id and their status, with change
 * notification. {@link fromItems} builds one from an array, {@link fromThreadStore} from a
 * per-thread store of `@threadkit/hooks`.
 */
export interface ThreadSource {
  subscribe(listener: () => void): () => void;
  /** Ordered ids; a new array only when ids change. */
  getItemIds(): readonly string[];
  getItem(id: string): ThreadItem | undefined;
  getStatus(id: string): ItemStatus;
  /** Generation progress (0..1) of a streaming generated image. */
  getImageProgress?(id: string): number | undefined;
  /** The `client_tool_call` item whose tool the client is running right now, or `null`. */
  getRunningToolCallId?(): string | null;
  /**
   * The thread's notices, live progress and run error, when the source has them (a per-thread
   * store does). Returns the same object until one of them changes.
   */
  getRunStatus?(): ThreadRunStatusSnapshot;
}

const NONE: readonly string[] = Object.freeze([]);
const noop = () => () => {};

/** A static source over an array of items (optionally some streaming). */
export function fromItems(
  items: readonly ThreadItem[],
  streamingItemIds: readonly string[] = NONE,
): ThreadSource {
  const ids = items.map((item) => item.id);
  const byId = new Map(items.map((item) => [item.id, item]));
  const streaming = new Set(streamingItemIds);
  return {
    subscribe: noop,
    getItemIds: () => ids,
    getItem: (id) => byId.get(id),
    getStatus: (id) => (streaming.has(id) ? "streaming" : "done"),
  };
}

/**
 * A per-thread store of `@threadkit/hooks` as the thread view reads it: the store's own
 * `getState` (so its state is the hooks' `ThreadStoreState`, read with the hooks' and core's
 * selectors) and a change subscription. A `ThreadStore` is one; a wrapper may batch `subscribe`.
 */
export type ThreadStoreSubscription = Pick<ThreadStore, "getState"> & {
  subscribe(listener: () => void): () => void;
};

/**
 * A live source over a per-thread store of `@threadkit/hooks` (`createThreadStore`, or
 * `useThreadStore(threadId)` inside the provider). Only its state and change notification are
 * used, and the state is read with the hooks' and core's selectors.
 */
export function fromThreadStore(store: ThreadStoreSubscription): ThreadSource {
  let runStatus: ThreadRunStatusSnapshot | undefined;
  let runInputs: readonly unknown[] = [];
  const getItem = (id: string) => selectThreadItem(store.getState(), id);
  const getRunStatus = (): ThreadRunStatusSnapshot => {
    const state = store.getState();
    const inputs = [
      state.notices,
      state.progress,
      state.error,
      state.runFailure,
      state.runIncomplete,
      state.dismissNotice,
      selectUnansweredMessage(state),
      state.runsInFlight > 0,
    ] as const;
    if (runStatus !== undefined && inputs.every((input, index) => input === runInputs[index])) {
      return runStatus;
    }
    const [
      notices,
      progress,
      event,
      runFailure,
      incomplete,
      dismissNotice,
      unansweredMessage,
      running,
    ] = inputs;
    const error = selectThreadRunError({ runFailure, error: event });
    runInputs = inputs;
    runStatus = {
      notices,
      progress,
      error,
      incomplete,
      retry: error?.allowRetry && runFailure !== null ? () => void runFailure.retry() : null,
      reauthenticate: runFailure?.reauthenticate ? () => void runFailure.reauthenticate?.() : null,
      dismissNotice,
      unansweredMessage,
      running,
    };
    return runStatus;
  };
  let lastStreaming: readonly string[] | undefined;
  let streamingSet = new Set<string>();
  const streamingOf = () => {
    const ids = store.getState().streamingItemIds;
    if (ids !== lastStreaming) {
      lastStreaming = ids;
      streamingSet = new Set(ids);
    }
    return streamingSet;
  };
  return {
    subscribe: (listener) => store.subscribe(listener),
    getItemIds: () => store.getState().itemIds,
    getItem,
    getStatus: (id) => (streamingOf().has(id) ? "streaming" : "done"),
    getImageProgress: (id) => store.getState().imageProgress[id],
    getRunningToolCallId: () => store.getState().runningToolCallId,
    getRunStatus,
  };
}
