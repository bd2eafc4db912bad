/**
 * What a `RunEngine` needs of the provider, built from its context: shared by `useRunStream`'s
 * runner and the thread's lazily created runners (`useThreadRunActions`).
 */
import type { ThreadStore } from "../thread/thread-store";
import type { AssistantRunOptions } from "./backends";
import { loadedRunRuntime, loadRunRuntime } from "./load-run-runtime";
import type { ClientToolHandler } from "./run-errors";
import type { RunEngineDeps } from "./run-host";
import { resolveRunRoute } from "./run-route";

/** How long a stream may go without an event before the run ends, by default. */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 60_000;

/** What the deps read of the provider's context (`RunEngineContext`). */
export interface RunEngineContext {
  readonly clients: Parameters<typeof resolveRunRoute>[0];
  readonly stores: {
    get(threadId: string | null): ThreadStore;
    adoptDraft(store: ThreadStore, threadId: string): void;
  };
  readonly reportError: (error: Error) => void;
  readonly reportEffect: RunEngineDeps["onEffect"];
  readonly log: (name: string, data?: Readonly<Record<string, unknown>>) => void;
  readonly streamIdleTimeoutMs?: number | undefined;
  readonly sessionExpired?: (() => Promise<void>) | undefined;
}

/** The options of a runner read on each run (the latest render's). */
export interface RunEngineOptions {
  clientTools?: Readonly<Record<string, ClientToolHandler>> | undefined;
  onThreadCreated?: ((threadId: string) => void) | undefined;
  throttleMs?: number | undefined;
  assistant?: AssistantRunOptions | undefined;
  maxToolRoundTrips?: number | undefined;
  idleTimeoutMs?: number | undefined;
}

/**
 * The deps of a runner: `context` is the provider's (its clients and stores stay the same for a
 * runner); `latest` gives the latest options and context, read on each run.
 */
export function createRunEngineDeps(
  context: RunEngineContext,
  latest: () => { options: RunEngineOptions; context: RunEngineContext },
  throttleMs: number,
  maxToolRoundTrips: number,
): RunEngineDeps {
  return {
    getRoute: () => resolveRunRoute(context.clients, latest().options.assistant),
    getStore: (id) => context.stores.get(id),
    adoptDraft: (store, id) => context.stores.adoptDraft(store, id),
    getClientTools: () => latest().options.clientTools,
    throttleMs,
    maxToolRoundTrips,
    getIdleTimeoutMs: () =>
      latest().options.idleTimeoutMs ??
      latest().context.streamIdleTimeoutMs ??
      DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    getReauthenticate: () => latest().context.sessionExpired,
    onThreadCreated: (id) => latest().options.onThreadCreated?.(id),
    onEffect: (effect) => context.reportEffect(effect),
    onError: (error) => context.reportError(error),
    log: (name, data) => context.log(name, data),
    runtime: { loaded: loadedRunRuntime, load: loadRunRuntime },
  };
}
