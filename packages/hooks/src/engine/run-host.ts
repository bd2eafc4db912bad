/**
 * The run engine's types, shared by the runner (`run-engine.ts`) and the operations of its lazy
 * runtime (`run-operation.ts`).
 */
import type { ThreadBackend } from "@threadkit/core";
import type { ThreadStore } from "../thread/thread-store";
import type { StoreMarks } from "./failure-policy";
import type { ClientToolHandler } from "./run-errors";
import type { RunInput, RunOperation } from "./run-request";
import type { RunResult } from "./run-result";
import type { RunEffect } from "./stream-loop";

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
  /** The lazy runtime that runs an operation (`load-run-runtime.ts`), loaded on the first run. */
  runtime: OperationRuntimeLoader;
}

/** What a run needs of the lazy runtime: its backend operation (`run-operation.ts`). */
export interface OperationRuntime {
  runBackendOperation(
    host: RunHost,
    operation: RunOperation,
    backend: ThreadBackend,
    run: {
      store: ThreadStore;
      abort: AbortController;
      optimisticId: string | null;
      flags: RunFlags;
    },
  ): Promise<RunResult>;
}

/** Loads the runtime: `loaded()` when it is there (no tick), else `load()` (rejects on failure). */
export interface OperationRuntimeLoader {
  loaded(): OperationRuntime | null;
  load(): Promise<OperationRuntime>;
}

/** What one run tracks while it goes: acceptance and the confirmed user message. */
export interface RunFlags {
  accepted: boolean;
  userMessageId: string | null;
}

/** What an operation reads and writes of its runner (`RunEngine`). */
export interface RunHost {
  readonly deps: RunEngineDeps;
  readonly marks: StoreMarks;
  snapshot(): RunSnapshot;
  update(patch: Partial<RunSnapshot>): void;
  /** The last user message a stream reported (for a `rerun`). */
  lastUserMessageId: string | null;
  /** The user message the last send got confirmed, for `retry()`. */
  confirmedUserMessageId: string | null;
  /** Whether the runner was disposed (unmounted). */
  readonly disposed: boolean;
  /** Whether no run is in flight. */
  readonly idle: boolean;
  /** Ends `abort`'s run, if it is still the runner's. */
  finish(abort: AbortController): void;
  /** Records a failed operation (status, failed input, the thread's failure, `onError`). */
  fail(error: Error, operation: RunOperation, messageStored: boolean, streamStarted: boolean): void;
  /** Shows the failure to every part reading the thread's store, with the runner's retry. */
  publishFailure(error: Error, streamStarted: boolean): void;
}
