/**
 * The run engine behind `useRunStream` (React-free): one runner per hook instance. It keeps the
 * runner's snapshot (status, error, thread, failed input) and runs each operation on its route:
 * a `ThreadBackend` (request building in `run-request.ts`, failures in `failure-policy.ts`),
 * whichever backend adapter it is (ChatKit protocol or Assistants API). What only a running
 * response needs (`run-operation.ts`: the stream loop, client tools) is in the lazy runtime
 * (`load-run-runtime.ts`, given in `deps.runtime`): an operation shows at once (status `submitting`, the optimistic
 * message) and runs once the runtime has loaded.
 */
import type { ActionPayload, StructuredInputSubmission } from "@threadkit/core";
import type { ThreadStore } from "../thread/thread-store";
import {
  type FailureActions,
  lostInputOf,
  notifyLost,
  retryOperationFor,
  StoreMarks,
} from "./failure-policy";
import { removeItemsAfter } from "./retry-items";
import type {
  OperationRuntime,
  RunEngineDeps,
  RunFlags,
  RunHost,
  RunRoute,
  RunSnapshot,
  RunStatus,
} from "./run-host";
import {
  createOptimisticMessage,
  type RunInput,
  type RunOperation,
  type SendOptions,
} from "./run-request";
import type { RunResult } from "./run-result";

export type { RunEngineDeps, RunRoute, RunSnapshot, RunStatus };

function createRunFlags(onAccepted: (() => void) | undefined, log: RunEngineDeps["log"]) {
  let accepted = false;
  const flags: RunFlags = {
    get accepted() {
      return accepted;
    },
    set accepted(value: boolean) {
      const first = value && !accepted;
      accepted = value;
      if (first && onAccepted) {
        try {
          onAccepted();
        } catch (error) {
          log("run.on_accepted_failed", {
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    userMessageId: null,
  };
  return flags;
}

function errorResult(threadId: string | null, error: Error): RunResult {
  return { status: "error", threadId, error, accepted: false, userMessageId: null };
}

/** The runner behind `useRunStream`: framework-free, bound to React by `useRunController`. */
export class RunEngine {
  private snapshot: RunSnapshot;
  private readonly listeners = new Set<() => void>();
  private abort: AbortController | null = null;
  private lastOperation: RunOperation | null = null;
  private lastUserMessageId: string | null = null;
  /** The user message the last send got confirmed (`thread.item.done`), for `retry()`. */
  private confirmedUserMessageId: string | null = null;
  private disposed = false;
  private readonly marks = new StoreMarks();
  private readonly failureActions: FailureActions;
  /** What the lazy runtime's operations read and write of this runner. */
  private readonly host: RunHost;

  constructor(
    threadId: string | null,
    private readonly deps: RunEngineDeps,
  ) {
    this.snapshot = { status: "idle", error: null, threadId, failedInput: null };
    this.failureActions = {
      retry: this.retry,
      getReauthenticate: () => this.deps.getReauthenticate(),
      reauthenticateAndRetry: (reauthenticate) => this.reauthenticateAndRetry(reauthenticate),
    };
    const engine = this;
    this.host = {
      deps,
      marks: this.marks,
      snapshot: () => this.snapshot,
      update: (patch) => this.update(patch),
      get lastUserMessageId() {
        return engine.lastUserMessageId;
      },
      set lastUserMessageId(id) {
        engine.lastUserMessageId = id;
      },
      get confirmedUserMessageId() {
        return engine.confirmedUserMessageId;
      },
      set confirmedUserMessageId(id) {
        engine.confirmedUserMessageId = id;
      },
      get disposed() {
        return engine.disposed;
      },
      get idle() {
        return engine.abort === null;
      },
      finish: (abort) => this.finish(abort),
      fail: (error, operation, messageStored, streamStarted) =>
        this.fail(error, operation, messageStored, streamStarted),
      publishFailure: (error, streamStarted) => this.publishFailure(error, streamStarted),
    };
  }

  getSnapshot = (): RunSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<RunSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Shows the failure to every part reading the thread's store, with this runner's retry. */
  private publishFailure(error: Error, streamStarted: boolean) {
    const store = this.deps.getStore(this.snapshot.threadId);
    this.marks.publishFailure(store, error, streamStarted, this.failureActions);
  }

  /** Runs the app's re-authentication, then retries the failed operation. */
  private async reauthenticateAndRetry(
    reauthenticate: () => void | Promise<void>,
  ): Promise<RunResult> {
    try {
      await reauthenticate();
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      this.deps.log("run.reauthenticate_failed", { message: error.message });
      return errorResult(this.snapshot.threadId, error);
    }
    return this.retry();
  }

  /** The app switched threads: aborts work for the old thread (not when following our own). */
  setThread(threadId: string | null): void {
    if (threadId === this.snapshot.threadId) return;
    this.abort?.abort();
    this.abort = null;
    this.lastOperation = null;
    this.lastUserMessageId = null;
    this.confirmedUserMessageId = null;
    this.marks.withdrawFailure();
    this.marks.clearRunningTool();
    this.update({ threadId, status: "idle", error: null, failedInput: null });
  }

  /** Whether a run is in flight. */
  get busy(): boolean {
    return this.abort !== null;
  }

  send = (input: RunInput, options: SendOptions = {}) =>
    this.start({ kind: "send", input, options });
  retryAfterItem = (itemId: string) => this.start({ kind: "retry_after_item", itemId });
  submitStructuredInput = (itemId: string, submission: StructuredInputSubmission) =>
    this.start({ kind: "structured_input", itemId, submission });
  customAction = (action: ActionPayload, itemId: string | null = null) =>
    this.start({ kind: "custom_action", action, itemId });
  submitClientToolOutput = (result: unknown) => this.start({ kind: "tool_output", result });

  /**
   * Retries the last failed operation (see `retryOperationFor`): a send whose user message the
   * server confirmed is re-run after that message; a send whose message never arrived is sent
   * again.
   */
  retry = (): Promise<RunResult> => {
    const last = this.lastOperation;
    if (last === null || this.snapshot.status !== "error") {
      return Promise.resolve(errorResult(this.snapshot.threadId, new Error("Nothing to retry")));
    }
    return this.start(retryOperationFor(last, this.confirmedUserMessageId));
  };

  /**
   * Aborts the running request; the server sees the disconnect and stops the response (a backend
   * whose runs outlive their stream, like the Assistants API's, cancels the run on the abort).
   */
  cancel = (): void => {
    if (!this.abort) return;
    this.deps.log("run.cancel", { threadId: this.snapshot.threadId });
    this.abort.abort();
    // A handler still running finishes on its own, but its output is never posted.
    this.marks.clearRunningTool();
  };

  /** Marks the runner mounted again (React strict mode unmounts and remounts effects). */
  mount(): void {
    this.disposed = false;
  }

  /** Aborts the running request (unmount). */
  dispose(): void {
    this.disposed = true;
    this.abort?.abort();
    this.abort = null;
    // Its retry goes with the runner.
    this.marks.withdrawFailure();
    this.marks.clearRunningTool();
  }

  private async start(operation: RunOperation): Promise<RunResult> {
    const threadId = this.snapshot.threadId;
    if (this.abort !== null) {
      const error = new Error("A response is still streaming; cancel it before sending again");
      return errorResult(threadId, error);
    }
    const route = this.deps.getRoute();
    if (typeof route === "string") {
      const error = new Error(route);
      this.fail(error, operation);
      return errorResult(threadId, error);
    }
    if (threadId === null && operation.kind !== "send") {
      const error = new Error("This operation needs an existing thread");
      this.fail(error, operation);
      return errorResult(threadId, error);
    }
    const abort = new AbortController();
    this.abort = abort;
    this.lastOperation = operation;
    if (operation.kind === "send") this.confirmedUserMessageId = null;
    const flags = createRunFlags(
      operation.kind === "send"
        ? operation.options?.onAccepted
        : operation.kind === "retry_after_item"
          ? () => removeItemsAfter(this.deps.getStore(threadId), operation.itemId)
          : undefined,
      this.deps.log,
    );
    this.update({ status: "submitting", error: null, failedInput: null });

    const store = this.deps.getStore(threadId);
    // A new run on the thread replaces whatever failed before, whichever runner ran it.
    this.marks.withdrawFailure();
    store.getState().setRunFailure(null);
    let optimisticId: string | null = null;
    if (operation.kind === "send") {
      const optimistic = createOptimisticMessage(threadId, operation.input);
      optimisticId = optimistic.id;
      store.getState().addOptimisticMessage(optimistic);
    }
    const run = { store, abort, optimisticId, flags };
    // Loaded: no tick between the call and its request. Else the operation shows as submitted
    // while the runtime loads.
    const loaded = this.deps.runtime.loaded();
    if (loaded !== null)
      return loaded.runBackendOperation(this.host, operation, route.backend, run);
    let runtime: OperationRuntime;
    try {
      runtime = await this.deps.runtime.load();
    } catch (cause) {
      // Nothing was sent: the input goes back (`failedInput`, `onLost`) and `retry()` loads again.
      const error = cause instanceof Error ? cause : new Error(String(cause));
      return this.endBeforeRequest(operation, run, abort.signal.aborted ? null : error);
    }
    if (abort.signal.aborted) return this.endBeforeRequest(operation, run, null);
    return runtime.runBackendOperation(this.host, operation, route.backend, run);
  }

  /**
   * Ends an operation before its request went out: cancelled while the runtime loaded
   * (`error` null), or the runtime failed to load.
   */
  private endBeforeRequest(
    operation: RunOperation,
    run: {
      store: ThreadStore;
      abort: AbortController;
      optimisticId: string | null;
      flags: RunFlags;
    },
    error: Error | null,
  ): RunResult {
    if (run.optimisticId !== null) run.store.getState().removeItem(run.optimisticId);
    this.finish(run.abort);
    if (error === null) {
      if (!this.disposed && this.abort === null) this.update({ status: "idle" });
      return this.result("cancelled", null, run.flags);
    }
    this.fail(error, operation);
    return this.result("error", error, run.flags);
  }

  private result(status: RunResult["status"], error: Error | null, flags: RunFlags): RunResult {
    return {
      status,
      threadId: this.snapshot.threadId,
      error,
      accepted: flags.accepted,
      userMessageId: flags.userMessageId,
    };
  }

  private finish(abort: AbortController) {
    if (this.abort === abort) this.abort = null;
  }

  /**
   * `messageStored`: the server confirmed the sent user message, so there is nothing to resend.
   * `streamStarted`: the server had accepted the request (its stream started).
   */
  private fail(
    error: Error,
    operation: RunOperation,
    messageStored = false,
    streamStarted = false,
  ) {
    this.lastOperation = operation;
    this.update({ status: "error", error, failedInput: lostInputOf(operation, messageStored) });
    this.publishFailure(error, streamStarted);
    if (!messageStored) notifyLost(operation, this.deps.log);
    this.deps.onError(error);
  }
}
