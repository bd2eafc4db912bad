import type { ThreadItem, ThreadNotice, ThreadProgress, ThreadStreamError } from "@threadkit/core";
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
  /** Dismisses one notice; `null` when the source cannot. */
  readonly dismissNotice: ((seq: number) => void) | null;
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
  };
  subscribe(listener: () => void): () => void;
}

const NO_NOTICES: readonly ThreadNotice[] = Object.freeze([]);

/** A live source over a per-thread store (`createThreadStore` of `@threadkit/hooks`). */
export function fromThreadStore(store: ThreadStoreLike): ThreadSource {
  let runStatus: ThreadRunStatusSnapshot | undefined;
  let runInputs: readonly unknown[] = [];
  const getRunStatus = (): ThreadRunStatusSnapshot => {
    const state = store.getState();
    const inputs = [
      state.notices ?? NO_NOTICES,
      state.progress ?? null,
      state.error ?? null,
      state.runFailure ?? null,
      state.runIncomplete ?? null,
      state.dismissNotice,
    ] as const;
    if (runStatus !== undefined && inputs.every((input, index) => input === runInputs[index])) {
      return runStatus;
    }
    const [notices, progress, event, runFailure, incomplete, dismissNotice] = inputs;
    const error = selectThreadRunError({ runFailure, error: event });
    runInputs = inputs;
    runStatus = {
      notices,
      progress,
      error,
      incomplete,
      retry: error?.allowRetry && runFailure !== null ? () => void runFailure.retry() : null,
      dismissNotice: dismissNotice ?? null,
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
    getItem: (id) => {
      const map = store.getState().itemsById;
      return typeof (map as { get?: unknown }).get === "function"
        ? (map as { get(id: string): ThreadItem | undefined }).get(id)
        : (map as Readonly<Record<string, ThreadItem>>)[id];
    },
    getStatus: (id) => (streamingOf().has(id) ? "streaming" : "done"),
    getImageProgress: (id) => store.getState().imageProgress?.[id],
    getRunningToolCallId: () => store.getState().runningToolCallId ?? null,
    getRunStatus,
  };
}
