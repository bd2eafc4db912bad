/**
 * How runs fail, in the user's terms: the errors a run raises on its own (a silent stream, a
 * message the server never confirmed), what each failure means (`describeRunFailure`) and the
 * idle watch's error for a stream gone silent (the watch itself is in `idle-watch.ts`).
 */
import {
  APIError,
  ConnectionError,
  isTimeoutError,
  NotEventStreamError,
  ThreadkitError,
} from "@threadkit/core";
import { retryAfterMs } from "@threadkit/core/internal";
import { ClientToolError, RunEngineLoadError, RunStreamError } from "./run-errors";

/** The stream started, then sent no event for `timeoutMs`: the run ended. */
export class StreamIdleTimeoutError extends ThreadkitError {
  override name = "StreamIdleTimeoutError";
  /** The idle timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`The server sent nothing for ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The server answered a send with an event stream that ended without confirming the user
 * message (`thread.item.done`): the message may never have been stored, so it goes back to the
 * user.
 */
export class UnconfirmedMessageError extends ThreadkitError {
  override name = "UnconfirmedMessageError";
  constructor() {
    super("The server ended its answer without confirming the message");
  }
}

/**
 * Why a run failed, for a message that says what happened:
 * - `"rate_limited"`: HTTP 429; `retryAt` says when the server accepts requests again.
 * - `"server_error"`: HTTP 5xx.
 * - `"network"`: the server could not be reached, or the stream broke off (or the run's code
 *   could not be loaded: `RunEngineLoadError`).
 * - `"not_event_stream"`: a 2xx answer that was not an event stream (an auth proxy's login page).
 * - `"timeout"`: no answer in time, or a stream that went silent.
 * - `"session_expired"`: HTTP 401; the client secret needs refreshing.
 * - `"unconfirmed"`: the stream ended without confirming the sent message.
 * - `"stream_error"`: the server's `error` event.
 * - `"request"`: anything else (another HTTP error, a missing client, a client tool loop …).
 */
export type RunFailureReason =
  | "rate_limited"
  | "server_error"
  | "network"
  | "not_event_stream"
  | "timeout"
  | "session_expired"
  | "unconfirmed"
  | "stream_error"
  | "request";

/** What a failure means: who failed, why, and when to try again. */
export interface RunFailureInfo {
  /** `"server"` (an `error` event), `"connection"` or `"request"`. */
  readonly kind: "server" | "connection" | "request";
  /** What happened, for a message that says so (see {@link RunFailureReason}). */
  readonly reason: RunFailureReason;
  /**
   * When the server asked to be retried (`Retry-After`, `retry-after-ms`), in milliseconds
   * since the epoch; `null` when it did not say.
   */
  readonly retryAt: number | null;
}

/**
 * Reads a run's error. `streamStarted`: the server's stream had started, so a platform error
 * (`"network error"`, `"terminated"`) means the stream broke off.
 */
export function describeRunFailure(
  error: Error,
  streamStarted: boolean,
  now = Date.now(),
): RunFailureInfo {
  if (error instanceof RunStreamError)
    return { kind: "server", reason: "stream_error", retryAt: null };
  if (error instanceof StreamIdleTimeoutError || isTimeoutError(error)) {
    return { kind: "connection", reason: "timeout", retryAt: null };
  }
  if (error instanceof UnconfirmedMessageError) {
    return { kind: "request", reason: "unconfirmed", retryAt: null };
  }
  if (error instanceof NotEventStreamError) {
    return { kind: "request", reason: "not_event_stream", retryAt: null };
  }
  if (error instanceof ConnectionError || error instanceof RunEngineLoadError)
    return { kind: "connection", reason: "network", retryAt: null };
  if (error instanceof APIError) {
    const after = error.headers ? retryAfterMs(error.headers, now) : undefined;
    const retryAt = after === undefined ? null : now + after;
    if (error.status === 401) return { kind: "request", reason: "session_expired", retryAt: null };
    if (error.status === 429) return { kind: "request", reason: "rate_limited", retryAt };
    if (error.status >= 500) return { kind: "request", reason: "server_error", retryAt };
    return { kind: "request", reason: "request", retryAt };
  }
  if (streamStarted && !(error instanceof ThreadkitError) && !(error instanceof ClientToolError)) {
    return { kind: "connection", reason: "network", retryAt: null };
  }
  return { kind: "request", reason: "request", retryAt: null };
}
