/**
 * The shape of a thread store (`createThreadStore`, and the provider's stores): its state and
 * actions.
 */
import type { ThreadItem, ThreadMetadata } from "@threadkit/core";
import type { StoreApi } from "zustand/vanilla";
import type { RunFailureReason } from "../engine/run-failure";
import type { RunResult } from "../engine/run-result";
import type { ThreadState, ThreadStreamReducerEvent } from "./thread-state";

/** Live state of one thread: the thread state plus the id of the thread it belongs to. */
export interface ThreadStoreState extends ThreadState {
  /**
   * The thread this store holds, or `null` for a new thread that the server has not created yet.
   * Set from `thread.created`, so the store follows a thread created by its first message.
   */
  readonly threadId: string | null;
  /**
   * How the last run on this thread failed (a request that failed or the server's `error`
   * event), with the retry of the `useRunStream` that ran it; `null` while nothing failed.
   * Cleared when the next run on the thread starts. Read it with `useThreadRunStatus`.
   */
  readonly runFailure: ThreadRunFailure | null;
  /**
   * The `client_tool_call` item whose tool the client is running right now (`useRunStream`'s
   * `clientTools`), or `null`. Set when the handler starts; cleared once its output was posted,
   * or when the run ends, fails or is cancelled. Read it with `useRunningToolCallId`.
   */
  readonly runningToolCallId: string | null;
  /**
   * How many runs (`useRunStream` and the hooks built on it) are working on this thread right now:
   * from sending their request until their response ends, fails or is cancelled.
   */
  readonly runsInFlight: number;
  /**
   * Why the last run ended before its reply was finished (an Assistants run that ended
   * `incomplete` at a token limit, or was cancelled on the server), or `null`. Cleared when the
   * next response starts. Read it with `useThreadRunStatus`.
   */
  readonly runIncomplete: ThreadRunIncomplete | null;
}

/** A run that ended before its reply was finished, as `useRunStream` leaves it in the store. */
export interface ThreadRunIncomplete {
  /**
   * The API's `incomplete_details.reason` (`"max_tokens"`: the reply reached
   * `max_completion_tokens`; `"max_prompt_tokens"`: the conversation reached
   * `max_prompt_tokens`; a newer reason as sent), `"cancelled"` for a run cancelled on the
   * server, or `null` when the API gave no reason.
   */
  readonly reason: "max_tokens" | "max_prompt_tokens" | "cancelled" | (string & {}) | null;
}

/** A failed run, as `useRunStream` leaves it in the thread's store. */
export interface ThreadRunFailure {
  /**
   * What failed: a `RunStreamError` for the server's `error` event, else the request's error
   * (`ConnectionError`, `APIError`, `TimeoutError`, a `TypeError` of a dropped stream …).
   */
  readonly error: Error;
  /**
   * `"server"`: the server's `error` event; `"connection"`: the server could not be reached or
   * the stream broke off; `"request"`: any other failure (an HTTP error status, a missing client,
   * a client tool loop …).
   */
  readonly kind: "server" | "connection" | "request";
  /** Why it failed, for a message that says what happened (see `RunFailureReason`). */
  readonly reason?: RunFailureReason;
  /**
   * When the server asked to be retried (`Retry-After`), in milliseconds since the epoch, or
   * `null` when it did not say.
   */
  readonly retryAt?: number | null;
  /** Retries the failed operation: the `retry` of the `useRunStream` that ran it. */
  readonly retry: () => Promise<RunResult>;
  /**
   * For an expired session, when the app gave `ThreadkitProvider` an `onSessionExpired`: runs
   * it (e.g. refreshes the client secret), then retries. `null` otherwise.
   */
  readonly reauthenticate?: (() => Promise<RunResult>) | null;
}

/** Actions on a thread store. Every change goes through core's pure reducers. */
export interface ThreadStoreActions {
  /**
   * Applies stream events in order and commits once (one notification for the whole batch). A
   * provider's store (`useThreadStore`) takes the stream reducer from the run engine, which every
   * run loads before it streams: events applied to it before the engine loaded wait, in order with
   * every action after them, until it has (this starts loading it). `createThreadStore` applies
   * at once.
   */
  apply(events: readonly ThreadStreamReducerEvent[]): void;
  /**
   * Merges loaded items, oldest first, deduplicated by id: a present item is replaced in place,
   * except while it is streaming (the live version wins). With `since` (a {@link liveVersion}
   * taken before the page was requested), items a stream changed after that moment keep their
   * live version too: the page was read before those changes.
   */
  mergeItems(items: readonly ThreadItem[], position: "prepend" | "append", since?: number): void;
  /** A counter of live changes; take it before requesting a page and pass it to `mergeItems`. */
  liveVersion(): number;
  /** Inserts or replaces one item. */
  upsertItem(item: ThreadItem): void;
  /**
   * Appends the optimistic copy of a user message being sent. It shows until the server's copy
   * arrives: the run removes it when the stream echoes the message, and a loaded page that
   * brings a user message with the same content (the page can arrive first) replaces it.
   */
  addOptimisticMessage(item: ThreadItem): void;
  /**
   * Inserts or replaces items a live run produced (new ones at the end), in one commit. Unlike
   * `mergeItems`, these count as live changes: a page requested earlier never undoes them.
   */
  upsertLiveItems(items: readonly ThreadItem[]): void;
  /** Removes one item, if present. */
  removeItem(id: string): void;
  /**
   * Marks a `client_tool_call` item `completed` with its `output` once the output was posted.
   * ChatKit servers complete the call on their side without sending the item again; a later
   * `pending` copy of it (stream or loaded page) keeps the completed status and output. On a
   * provider's store it waits for the run engine like `apply`.
   */
  completeClientToolCall(itemId: string, output: unknown): void;
  /** Whether the output of this `client_tool_call` item was posted already. */
  isClientToolCallCompleted(itemId: string): boolean;
  /** Marks the start of a response: clears the last error and progress. */
  startStream(): void;
  /** Marks the end of a response (done, failed or aborted). */
  finishStream(): void;
  /** Drops client effects up to `seq` once they were dispatched. */
  acknowledgeEffects(seq: number): void;
  /** Drops notices up to `seq` (the user dismissed them). */
  dismissNotices(seq: number): void;
  /** Drops the one notice numbered `seq` (the user dismissed it). */
  dismissNotice(seq: number): void;
  /**
   * Records how the last run failed, or clears it with `null` (a run starts); clearing also
   * clears the stream `error` the failure came with.
   */
  setRunFailure(failure: ThreadRunFailure | null): void;
  /** Marks the `client_tool_call` item whose tool the client runs, or clears it with `null`. */
  setRunningToolCall(itemId: string | null): void;
  /**
   * Replaces the thread's metadata (`thread`), as a rename does; streams set it with
   * `thread.created` and `thread.updated`.
   */
  setThread(thread: ThreadMetadata | null): void;
  /** Counts a run in flight (`runsInFlight`); call the returned function once it ended. */
  beginRun(): () => void;
  /** Records why the last run ended before its reply was finished, or clears it with `null`. */
  setRunIncomplete(incomplete: ThreadRunIncomplete | null): void;
}

/** A zustand store holding one thread's live items. */
export type ThreadStore = StoreApi<ThreadStoreState & ThreadStoreActions>;
