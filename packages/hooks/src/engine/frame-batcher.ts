/**
 * Coalesces many stream events into one store commit per animation frame (or per `throttleMs`).
 * Uses `requestAnimationFrame` when the runtime has it and timers otherwise (server, tests).
 */
export interface FrameBatcher {
  /** Requests a flush on the next frame (no-op when one is already scheduled). */
  schedule(): void;
  /** Flushes now and cancels the scheduled flush. */
  flush(): void;
  /** Cancels the scheduled flush without flushing. */
  cancel(): void;
}

/** Creates a batcher calling `onFlush` at most once per frame (or once per `throttleMs`). */
export function createFrameBatcher(onFlush: () => void, throttleMs = 0): FrameBatcher {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    frame = undefined;
    timer = undefined;
    onFlush();
  };
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };
  return {
    schedule() {
      if (frame !== undefined || timer !== undefined) return;
      if (throttleMs > 0 || typeof requestAnimationFrame !== "function") {
        timer = setTimeout(run, throttleMs > 0 ? throttleMs : 16);
      } else {
        frame = requestAnimationFrame(run);
      }
    },
    flush() {
      cancel();
      onFlush();
    },
    cancel,
  };
}
