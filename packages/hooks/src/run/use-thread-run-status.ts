import type { UserMessageItem } from "@threadkit/core";
import { useMemo } from "react";
import { useStore } from "zustand";
import { RunStreamError } from "../engine/run-errors";
import type { RunFailureReason } from "../engine/run-failure";
import type { RunResult } from "../engine/run-result";
import { useThreadStore } from "../thread/thread-context";
import type { ThreadNotice, ThreadProgress } from "../thread/thread-state";
import type { ThreadRunIncomplete, ThreadStoreState } from "../thread/thread-store";

/** Why the last run of a thread failed, ready to show. */
export interface ThreadRunError {
  /**
   * Who failed: `"server"` for the server's `error` event, `"connection"` when the server could
   * not be reached or the stream broke off, `"request"` for any other failed request (an HTTP
   * error status, a missing client …).
   */
  readonly kind: "server" | "connection" | "request";
  /**
   * Why it failed, for a message that says what happened: `"rate_limited"`, `"server_error"`,
   * `"network"`, `"not_event_stream"`, `"timeout"`, `"session_expired"`, `"unconfirmed"` (the
   * server never confirmed the sent message), `"stream_error"` (the server's `error` event) or
   * `"request"` (anything else).
   */
  readonly reason: RunFailureReason;
  /**
   * When the server asked to be retried (`Retry-After`), in milliseconds since the epoch; show
   * it as a countdown or a time. `null` when it did not say.
   */
  readonly retryAt: number | null;
  /**
   * The `error` event's code (`"stream.error"`, `"custom"` or a future one); for a failed
   * request, the error's name (`"ConnectionError"`, `"APIError"` …).
   */
  readonly code: string;
  /**
   * The server's message for an `error` event, when it sent one. `null` otherwise: show a
   * generic, localized sentence (the error's own message is technical).
   */
  readonly message: string | null;
  /** Whether to offer a retry: the event's `allow_retry`; always for a failed request. */
  readonly allowRetry: boolean;
  /** The error a run of `useRunStream` failed with; `null` for an `error` event applied to the store by hand. */
  readonly error: Error | null;
}

/** What {@link useThreadRunStatus} returns: the transient state runs leave on a thread. */
export interface ThreadRunStatus {
  /** Notices (`notice` events) not dismissed yet, oldest first. */
  readonly notices: readonly ThreadNotice[];
  /** The latest `progress_update` while a response streams; `null` once it ends. */
  readonly progress: ThreadProgress | null;
  /** How the last run failed; stays until it is retried or the next run starts. */
  readonly error: ThreadRunError | null;
  /**
   * Why the last run ended before its reply was finished (token limit, cancelled on the
   * server); the partial reply stays in the thread. `null` otherwise; cleared when the next
   * run starts.
   */
  readonly incomplete: ThreadRunIncomplete | null;
  /**
   * Retries the failed run (the `retry` of the `useRunStream` that ran it). `null` when there is
   * nothing to retry or the server did not allow it.
   */
  readonly retry: (() => Promise<RunResult>) | null;
  /**
   * For an expired session: runs the provider's `onSessionExpired` (e.g. refreshes the client
   * secret), then retries. `null` for other failures or without `onSessionExpired`.
   */
  readonly reauthenticate: (() => Promise<RunResult>) | null;
  /**
   * The thread's last item when it is a user message that no reply followed, while no run is in
   * flight on the thread and nothing failed: a reply that never came (the server crashed mid-turn,
   * the page closed before the answer). Offer to get it with `useRetryAfterItem` (or a run's
   * `retryAfterItem`) on this message. `null` otherwise.
   */
  readonly unansweredMessage: UserMessageItem | null;
  /** Dismisses one notice. */
  dismissNotice(seq: number): void;
}

/**
 * The user message a thread's state ends with when no reply followed it and nothing is on its
 * way: no run in flight, no item streaming, no failure or stream error showing (those offer their
 * own retry). See {@link ThreadRunStatus.unansweredMessage}.
 */
export function selectUnansweredMessage(
  state: Pick<
    ThreadStoreState,
    "itemIds" | "itemsById" | "runsInFlight" | "streamingItemIds" | "runFailure" | "error"
  >,
): UserMessageItem | null {
  if (state.runsInFlight > 0 || state.streamingItemIds.length > 0) return null;
  if (state.runFailure !== null || state.error !== null) return null;
  const lastId = state.itemIds[state.itemIds.length - 1];
  const last = lastId === undefined ? undefined : state.itemsById.get(lastId);
  return last?.type === "user_message" ? last : null;
}

/**
 * The run error of a thread store's state: the failure `useRunStream` left there, or else a
 * server `error` event reduced into the store. Allocates; memoize on `runFailure` and `error`.
 */
export function selectThreadRunError(
  state: Pick<ThreadStoreState, "runFailure" | "error">,
): ThreadRunError | null {
  const failure = state.runFailure;
  const event = state.error;
  if (failure === null) {
    if (event === null) return null;
    return { kind: "server", reason: "stream_error", retryAt: null, ...event, error: null };
  }
  const error = failure.error;
  if (failure.kind === "server" && error instanceof RunStreamError) {
    return {
      kind: "server",
      reason: "stream_error",
      retryAt: null,
      code: event?.code ?? error.code,
      // The event keeps the server's own message (or its absence); an Assistants run has no event.
      message: event ? event.message : error.message,
      allowRetry: event?.allowRetry ?? error.allowRetry,
      error,
    };
  }
  return {
    kind: failure.kind,
    reason: failure.reason ?? "request",
    retryAt: failure.retryAt ?? null,
    code: error.name,
    message: null,
    allowRetry: true,
    error,
  };
}

/**
 * The notices, live progress and run error of a thread, as every run on it (`useRunStream`,
 * `useComposer`, widget actions) leaves them in the thread's store: any component showing the
 * thread can render them without holding the run. Re-renders only when one of them changes.
 *
 * @param threadId - the thread; omitted, the current `ThreadProvider`'s thread
 * @example
 * ```tsx
 * const { notices, progress, error, retry, dismissNotice } = useThreadRunStatus(threadId);
 * {error && <p role="alert">{error.message ?? "Something went wrong"}</p>}
 * {retry && <button onClick={() => void retry()}>Retry</button>}
 * ```
 */
export function useThreadRunStatus(threadId?: string | null): ThreadRunStatus {
  const store = useThreadStore(threadId);
  const notices = useStore(store, (state) => state.notices);
  const progress = useStore(store, (state) => state.progress);
  const event = useStore(store, (state) => state.error);
  const runFailure = useStore(store, (state) => state.runFailure);
  const incomplete = useStore(store, (state) => state.runIncomplete);
  const dismissNotice = useStore(store, (state) => state.dismissNotice);
  const unansweredMessage = useStore(store, selectUnansweredMessage);
  return useMemo(() => {
    const error = selectThreadRunError({ runFailure, error: event });
    return {
      notices,
      progress,
      error,
      incomplete,
      retry: error?.allowRetry && runFailure !== null ? runFailure.retry : null,
      reauthenticate: runFailure?.reauthenticate ?? null,
      unansweredMessage,
      dismissNotice,
    };
  }, [notices, progress, event, runFailure, incomplete, unansweredMessage, dismissNotice]);
}
