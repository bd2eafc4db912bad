import type { ThreadStore } from "../thread/thread-store";
import type { RunSnapshot } from "./run-host";

/**
 * Counts a runner's work in its thread's store (`runsInFlight`) while its status is
 * `submitting`, `streaming` or `running_tool`, so every part showing the thread knows a response
 * is on its way, whichever runner sent it. Returns the function that stops (and releases).
 */
export function trackRunActivity(
  runner: {
    subscribe(listener: () => void): () => void;
    getSnapshot(): RunSnapshot;
    readonly busy: boolean;
  },
  getStore: (threadId: string | null) => ThreadStore,
): () => void {
  let held: { store: ThreadStore; end: () => void } | null = null;
  const sync = () => {
    const { status, threadId } = runner.getSnapshot();
    // `busy` too: a runner disposed mid-run keeps its last status but has nothing in flight.
    const busy =
      runner.busy &&
      (status === "submitting" || status === "streaming" || status === "running_tool");
    const store = busy ? getStore(threadId) : null;
    if (held !== null && held.store === store) return;
    held?.end();
    held = store === null ? null : { store, end: store.getState().beginRun() };
  };
  const unsubscribe = runner.subscribe(sync);
  sync();
  return () => {
    unsubscribe();
    held?.end();
    held = null;
  };
}
