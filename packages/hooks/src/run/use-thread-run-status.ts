import { useMemo } from "react";
import { useStore } from "zustand";
import { useThreadStore } from "../thread/thread-context";
import type { ThreadNotice, ThreadProgress } from "../thread/thread-state";
import type { ThreadRunIncomplete, ThreadStoreState } from "../thread/thread-store";
import type { RunResult } from "./run-controller";
import { RunStreamError } from "./run-errors";

/** Why the last run of a thread failed, ready to show. */
export interface ThreadRunError {
  /**
   * Who failed: `"server"` for the server's `error` event, `"connection"` when the server could
   * not be reached or the stream broke off, `"request"` for any other failed request (an HTTP
   * error status, a missing client …).
   */
  readonly kind: "server" | "connection" | "request";
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
  /** Dismisses one notice. */
  dismissNotice(seq: number): void;
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
    return { kind: "server", ...event, error: null };
  }
  const error = failure.error;
  if (failure.kind === "server" && error instanceof RunStreamError) {
    return {
      kind: "server",
      code: event?.code ?? error.code,
      // The event keeps the server's own message (or its absence); an Assistants run has no event.
      message: event ? event.message : error.message,
      allowRetry: event?.allowRetry ?? error.allowRetry,
      error,
    };
  }
  return {
    kind: failure.kind,
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
  return useMemo(() => {
    const error = selectThreadRunError({ runFailure, error: event });
    return {
      notices,
      progress,
      error,
      incomplete,
      retry: error?.allowRetry && runFailure !== null ? runFailure.retry : null,
      dismissNotice,
    };
  }, [notices, progress, event, runFailure, incomplete, dismissNotice]);
}
