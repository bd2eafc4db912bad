import type {
  ThreadItem,
  ThreadNotice,
  ThreadProgress,
  ThreadStreamError,
  UserMessageItem,
} from "@threadkit/core";
import {
  selectThreadRunError,
  type ThreadRunError,
  type ThreadRunFailure,
  type ThreadRunIncomplete,
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

/** The state shape of a per-thread store this view can read (structural; zustand-compatible). */
export interface ThreadStoreLike {
  getState(): {
    itemIds: readonly string[];
    itemsById: { get(id: string): ThreadItem | undefined } | Readonly<Record<string, ThreadItem>>;
    streamingItemIds?: readonly string[];
    imageProgress?: Readonly<Record<string, number>>;
    /** The tool call the client is running (`useRunStream`'s `clientTools`). */
    runningToolCallId?: string | null;
    notices?: readonly ThreadNotice[];
    progress?: ThreadProgress | null;
    /** The server's `error` event, as the reducer recorded it. */
    error?: ThreadStreamError | null;
    /** How the last run failed (`useRunStream`), with its retry. */
    runFailure?: ThreadRunFailure | null;
    /** Why the last run ended before its reply was finished (`useRunStream`). */
    runIncomplete?: ThreadRunIncomplete | null;
    dismissNotice?: (seq: number) => void;
    /** Runs in flight on the thread; without it no message counts as unanswered. */
    runsInFlight?: number;
  };
  subscribe(listener: () => void): () => void;
}

const NO_NOTICES: readonly ThreadNotice[] = Object.freeze([]);

/** The last item when it is a user message nothing answered and nothing is on its way. */
function unansweredOf(
  state: ReturnType<ThreadStoreLike["getState"]>,
  getItem: (id: string) => ThreadItem | undefined,
): UserMessageItem | null {
  if (state.runsInFlight === undefined || state.runsInFlight > 0) return null;
  if ((state.streamingItemIds?.length ?? 0) > 0 || state.runFailure || state.error) return null;
  const lastId = state.itemIds[state.itemIds.length - 1];
  const last = lastId === undefined ? undefined : getItem(lastId);
  return last?.type === "user_message" ? last : null;
}

/** A live source over a per-thread store (`createThreadStore` of `@threadkit/hooks`). */
export function fromThreadStore(store: ThreadStoreLike): ThreadSource {
  let runStatus: ThreadRunStatusSnapshot | undefined;
  let runInputs: readonly unknown[] = [];
  const getItem = (id: string) => {
    const map = store.getState().itemsById;
    return typeof (map as { get?: unknown }).get === "function"
      ? (map as { get(id: string): ThreadItem | undefined }).get(id)
      : (map as Readonly<Record<string, ThreadItem>>)[id];
  };
  const getRunStatus = (): ThreadRunStatusSnapshot => {
    const state = store.getState();
    const inputs = [
      state.notices ?? NO_NOTICES,
      state.progress ?? null,
      state.error ?? null,
      state.runFailure ?? null,
      state.runIncomplete ?? null,
      state.dismissNotice,
      unansweredOf(state, getItem),
    ] as const;
    if (runStatus !== undefined && inputs.every((input, index) => input === runInputs[index])) {
      return runStatus;
    }
    const [notices, progress, event, runFailure, incomplete, dismissNotice, unansweredMessage] =
      inputs;
    const error = selectThreadRunError({ runFailure, error: event });
    runInputs = inputs;
    runStatus = {
      notices,
      progress,
      error,
      incomplete,
      retry: error?.allowRetry && runFailure !== null ? () => void runFailure.retry() : null,
      reauthenticate: runFailure?.reauthenticate ? () => void runFailure.reauthenticate?.() : null,
      dismissNotice: dismissNotice ?? null,
      unansweredMessage,
    };
    return runStatus;
  };
  let lastStreaming: readonly string[] | undefined;
  let streamingSet = new Set<string>();
  const streamingOf = () => {
    const ids = store.getState().streamingItemIds ?? NONE;
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
    getImageProgress: (id) => store.getState().imageProgress?.[id],
    getRunningToolCallId: () => store.getState().runningToolCallId ?? null,
    getRunStatus,
  };
}
