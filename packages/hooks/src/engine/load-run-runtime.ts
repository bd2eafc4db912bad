/**
 * The run engine's lazy half: everything only a running response needs (the stream loop, client
 * tool round-trips, the ChatKit stream reading with its SSE decoding, widget action routing) is
 * one module graph, `run-runtime.ts`, loaded with a single `import()` on the first send, retry,
 * widget action or structured input, or earlier when a runner mounts and the browser is idle. A
 * page that only shows a thread does not wait for it.
 */
import type { ThreadEventsSource } from "../thread/thread-store-core";
import { RunEngineLoadError } from "./run-errors";

/** What `run-runtime.ts` exports. */
export type RunRuntime = typeof import("./run-runtime");

let loaded: RunRuntime | null = null;
let loading: Promise<RunRuntime> | null = null;

/** The runtime when it has loaded, else `null` (so a loaded runtime runs without a tick). */
export function loadedRunRuntime(): RunRuntime | null {
  return loaded;
}

/**
 * Loads the runtime (once). A failed load rejects with a `RunEngineLoadError` and is tried
 * again on the next call.
 */
export function loadRunRuntime(): Promise<RunRuntime> {
  if (loaded !== null) return Promise.resolve(loaded);
  loading ??= import("./run-runtime").then(
    (runtime) => {
      loaded = runtime;
      return runtime;
    },
    (cause: unknown) => {
      loading = null;
      throw new RunEngineLoadError({ cause });
    },
  );
  return loading;
}

/**
 * The run reducers of the provider's thread stores: the runtime's `applyStoreEvents` (core's
 * `applyThreadEvents`) and `completeThreadToolCall`, at hand once the runtime has loaded, which every run awaits before it
 * streams. Events applied to such
 * a store before that wait, in order, for the runtime (see `buildThreadStore`).
 */
export const runtimeThreadEvents: ThreadEventsSource = {
  current: () => loaded,
  load: loadRunRuntime,
};

/** Starts loading the runtime without waiting for it (a failure waits for the run that needs it). */
export function preloadRunRuntime(): void {
  if (loaded === null) loadRunRuntime().catch(() => {});
}

/**
 * Runs `callback` once the browser is idle (`requestIdleCallback`, else a short timeout), after
 * the first paint. Returns the function that cancels it if it has not run yet.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(callback, 200);
  return () => clearTimeout(timer);
}

/**
 * Preloads the runtime once the browser is idle, after the first paint (see `whenIdle`).
 * Returns the function that cancels a preload not started yet.
 */
export function preloadRunRuntimeWhenIdle(): () => void {
  if (loaded !== null) return () => {};
  return whenIdle(preloadRunRuntime);
}
