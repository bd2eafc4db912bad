/**
 * The run engine behind `useRunStream` (React-free): one runner per hook instance. It keeps the
 * runner's snapshot (status, error, thread, failed input) and runs each operation on its route:
 * a `ThreadBackend` (request building in `run-request.ts`, the stream loop in `stream-loop.ts`,
 * client tools in `client-tool-loop.ts`, failures in `failure-policy.ts`), whichever backend
 * adapter it is (ChatKit protocol or Assistants API).
 */
import {
  type ActionPayload,
  isAbortError,
  type StructuredInputSubmission,
  type ThreadBackend,
  type ThreadRunOperation,
} from "@threadkit/core";
import type { ThreadStore } from "../thread/thread-store";
import { runClientToolLoop, type ToolCompletion } from "./client-tool-loop";
import {
  type FailureActions,
  lostInputOf,
  notifyLost,
  retryOperationFor,
  StoreMarks,
} from "./failure-policy";
import { removeItemsAfter } from "./retry-items";
import type { ClientToolHandler, RunStreamError } from "./run-errors";
import { UnconfirmedMessageError } from "./run-failure";
import {
  createOptimisticMessage,
  latestPendingToolCall,
  type RunInput,
  type RunOperation,
  type SendOptions,
  toThreadRunOperation,
} from "./run-request";
import type { RunResult } from "./run-result";
import { type RunEffect, streamIntoStore } from "./stream-loop";

/** Where a run is. */
export type RunStatus = "idle" | "submitting" | "streaming" | "running_tool" | "error";

/** A snapshot of the runner. */
export interface RunSnapshot {
  readonly status: RunStatus;
  readonly error: Error | null;
  /** The thread this runner writes to (follows a thread created by the first message). */
  readonly threadId: string | null;
  /** The input of a send that failed before the server accepted it (kept for retry). */
  readonly failedInput: RunInput | null;
}

/**
 * Where runs go: a `ThreadBackend` (the ChatKit protocol through `createChatKitBackend`, the
 * Assistants API through `createAssistantsBackend`).
 */
export type RunRoute = { readonly kind: "backend"; readonly backend: ThreadBackend };

/** What the engine needs from its binding. */
export interface RunEngineDeps {
  /** The route of the next run, or why there is none (a message for the error). */
  getRoute(): RunRoute | string;
  getStore(threadId: string | null): ThreadStore;
  adoptDraft(store: ThreadStore, threadId: string): void;
  getClientTools(): Readonly<Record<string, ClientToolHandler>> | undefined;
  throttleMs: number;
  maxToolRoundTrips: number;
  /** How long a started stream may stay silent before the run fails (`0`/`Infinity`: never). */
  getIdleTimeoutMs(): number;
  /** The app's re-authentication for an expired session (`onSessionExpired`), if any. */
  getReauthenticate(): (() => void | Promise<void>) | undefined;
  onThreadCreated(threadId: string): void;
  onEffect(effect: RunEffect): void;
  onError(error: Error): void;
  log(name: string, data?: Readonly<Record<string, unknown>>): void;
}

/** What one run tracks while it goes: acceptance and the confirmed user message. */
interface RunFlags {
  accepted: boolean;
  userMessageId: string | null;
}

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

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || isAbortError(error);
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
    return this.runBackendOperation(operation, route.backend, {
      store,
      abort,
      optimisticId,
      flags,
    });
  }

  /** Runs `operation` on a `ThreadBackend`, with its client tool round-trips. */
  private async runBackendOperation(
    operation: RunOperation,
    backend: ThreadBackend,
    run: {
      store: ThreadStore;
      abort: AbortController;
      optimisticId: string | null;
      flags: RunFlags;
    },
  ): Promise<RunResult> {
    const { abort, flags, store } = run;
    let optimisticId = run.optimisticId;
    const threadId = this.snapshot.threadId;
    // The client tool call whose output this request posts: completed once the server takes it.
    let completes: ToolCompletion | null = null;
    if (operation.kind === "tool_output") {
      const pending = latestPendingToolCall(store.getState());
      if (pending !== null) completes = { itemId: pending, output: operation.result };
    }
    const stream = async (request: ThreadRunOperation, next: ToolCompletion | null) => {
      const sendsMessage = optimisticId !== null;
      const outcome = await streamIntoStore(
        {
          backend,
          operation: request,
          store,
          signal: abort.signal,
          optimisticId,
          throttleMs: this.deps.throttleMs,
          idleTimeoutMs: this.deps.getIdleTimeoutMs(),
        },
        {
          onAccepted: () => {
            // The server took the output: ChatKit servers complete the call without sending it again.
            if (next !== null) {
              store.getState().completeClientToolCall(next.itemId, next.output);
              this.marks.clearRunningTool();
            }
            flags.accepted = true;
            if (this.snapshot.status === "submitting") this.update({ status: "streaming" });
          },
          onThreadCreated: (id) => {
            this.deps.adoptDraft(store, id);
            this.update({ threadId: id });
            this.deps.onThreadCreated(id);
          },
          onUserMessage: (id, done) => {
            this.lastUserMessageId = id;
            if (done && sendsMessage) flags.userMessageId = id;
          },
          onEffect: (effect) => this.deps.onEffect({ ...effect, threadId: this.snapshot.threadId }),
          log: this.deps.log,
        },
      );
      optimisticId = null;
      if (operation.kind === "send") this.confirmedUserMessageId = flags.userMessageId;
      // A stream that ends without confirming the sent message may not have stored it (unless it
      // created the thread, which holds the message).
      if (
        sendsMessage &&
        flags.userMessageId === null &&
        !outcome.streamError &&
        !outcome.threadCreated
      ) {
        throw new UnconfirmedMessageError();
      }
      return outcome;
    };
    const first = toThreadRunOperation(operation, threadId, this.lastUserMessageId);
    try {
      const streamError = await runClientToolLoop(first, completes, stream, {
        getClientTools: this.deps.getClientTools,
        maxToolRoundTrips: this.deps.maxToolRoundTrips,
        getThreadId: () => this.snapshot.threadId,
        signal: abort.signal,
        onToolRunning: (call) => {
          this.update({ status: "running_tool" });
          this.marks.markRunningTool(store, call.id);
        },
        log: this.deps.log,
      });
      this.finish(abort);
      if (streamError) return this.failWithStreamError(operation, streamError, flags);
      this.update({ status: "idle" });
      return this.result("done", null, flags);
    } catch (error) {
      if (optimisticId !== null) store.getState().removeItem(optimisticId);
      if (operation.kind === "send") this.confirmedUserMessageId = flags.userMessageId;
      if (isAbort(error, abort.signal)) {
        this.finish(abort);
        if (!this.disposed && this.abort === null) this.update({ status: "idle" });
        return this.result("cancelled", null, flags);
      }
      const reason = error instanceof Error ? error : new Error(String(error));
      this.finish(abort);
      this.fail(reason, operation, flags.userMessageId !== null, flags.accepted);
      return this.result("error", reason, flags);
    } finally {
      // Ended, failed or cancelled: no tool of this run is running any more.
      this.marks.clearRunningTool();
    }
  }

  /** The server's `error` event ended the response. */
  private failWithStreamError(
    operation: RunOperation,
    streamError: RunStreamError,
    flags: RunFlags,
  ): RunResult {
    const failedInput = lostInputOf(operation, flags.userMessageId !== null);
    this.update({ status: "error", error: streamError, failedInput });
    this.publishFailure(streamError, true);
    if (failedInput !== null) notifyLost(operation, this.deps.log);
    this.deps.onError(streamError);
    return this.result("error", streamError, flags);
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
