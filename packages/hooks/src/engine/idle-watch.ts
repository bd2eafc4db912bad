/**
 * The idle watch that ends a stream gone silent (`StreamIdleTimeoutError`).
 */
import { StreamIdleTimeoutError } from "./run-failure";

/** Watches a stream for silence; see {@link watchIdle}. */
export interface IdleWatch {
  /** Aborts with the run's signal, or when the stream stayed silent too long. */
  readonly signal: AbortSignal;
  /** Whether the silence ended the stream. */
  readonly timedOut: boolean;
  /** The timeout watched for, in milliseconds. */
  readonly timeoutMs: number;
  /** Arms the watch, or starts the silence over when the stream sent something. */
  touch(): void;
  /** Stops watching. */
  stop(): void;
}

/**
 * Watches a stream for `timeoutMs` without an event (`0`, a negative number or `Infinity`:
 * never), from the first `touch()`. Its signal follows `signal` and also aborts once the stream
 * went silent.
 */
export function watchIdle(timeoutMs: number, signal: AbortSignal): IdleWatch {
  const controller = new AbortController();
  const enabled = timeoutMs > 0 && Number.isFinite(timeoutMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  const touch = () => {
    if (!enabled || timedOut) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new StreamIdleTimeoutError(timeoutMs));
    }, timeoutMs);
  };
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    timeoutMs,
    touch,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    },
  };
}
