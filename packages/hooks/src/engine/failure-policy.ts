/**
 * Failure and retry policy: what `retry()` does after a failed operation, which input goes back
 * to the user, and how a runner shows its failure (with its retry) and its running client tool
 * to every part reading the thread's store, taking them back only while they are still its own.
 */
import type { ThreadRunFailure, ThreadStore } from "../thread/thread-store";
import { describeRunFailure } from "./run-failure";
import type { RunInput, RunOperation } from "./run-request";
import type { RunResult } from "./run-result";

/**
 * The operation `retry()` runs after `last` failed: a send whose user message the server
 * confirmed is re-run after that message (`retry_after_item`, no duplicate message); anything
 * else (a message that never arrived included) runs again as it was, with its callbacks.
 */
export function retryOperationFor(
  last: RunOperation,
  confirmedUserMessageId: string | null,
): RunOperation {
  if (last.kind === "send" && confirmedUserMessageId !== null) {
    return { kind: "retry_after_item", itemId: confirmedUserMessageId };
  }
  return last;
}

/** The input to give back for a resend: a send whose user message was not stored. */
export function lostInputOf(operation: RunOperation, messageStored: boolean): RunInput | null {
  return operation.kind === "send" && !messageStored ? operation.input : null;
}

/** Calls a send's `onLost` (a throwing callback is logged, not raised). */
export function notifyLost(
  operation: RunOperation,
  log: (name: string, data?: Readonly<Record<string, unknown>>) => void,
) {
  if (operation.kind !== "send") return;
  try {
    operation.options?.onLost?.();
  } catch (error) {
    log("run.on_lost_failed", { message: error instanceof Error ? error.message : String(error) });
  }
}

/** What {@link StoreMarks.publishFailure} needs to build the failure's actions. */
export interface FailureActions {
  retry(): Promise<RunResult>;
  /** The app's re-authentication (`onSessionExpired`), if it gave one. */
  getReauthenticate(): (() => void | Promise<void>) | undefined;
  /** Runs the re-authentication, then retries. */
  reauthenticateAndRetry(reauthenticate: () => void | Promise<void>): Promise<RunResult>;
}

/**
 * The marks one runner leaves in thread stores: its failure (for `useThreadRunStatus`) and the
 * client tool call it runs (for `useRunningToolCallId`). Each is taken back only while the store
 * still holds this runner's mark: another run may have replaced it since.
 */
export class StoreMarks {
  private failure: { store: ThreadStore; failure: ThreadRunFailure } | null = null;
  private tool: { store: ThreadStore; itemId: string } | null = null;

  /** Shows `error` in `store` with this runner's retry (and re-authentication when it fits). */
  publishFailure(
    store: ThreadStore,
    error: Error,
    streamStarted: boolean,
    actions: FailureActions,
  ) {
    this.withdrawFailure();
    const info = describeRunFailure(error, streamStarted);
    const reauthenticate = actions.getReauthenticate();
    const failure: ThreadRunFailure = {
      error,
      ...info,
      retry: actions.retry,
      reauthenticate:
        info.reason === "session_expired" && reauthenticate
          ? () => actions.reauthenticateAndRetry(reauthenticate)
          : null,
    };
    store.getState().setRunFailure(failure);
    this.failure = { store, failure };
  }

  /** Takes back the failure this runner published, unless another run replaced it since. */
  withdrawFailure() {
    const published = this.failure;
    if (published === null) return;
    this.failure = null;
    if (published.store.getState().runFailure === published.failure) {
      published.store.getState().setRunFailure(null);
    }
  }

  /** Shows every part reading `store` which tool call the client is running. */
  markRunningTool(store: ThreadStore, itemId: string) {
    this.clearRunningTool();
    store.getState().setRunningToolCall(itemId);
    this.tool = { store, itemId };
  }

  /** Takes back the running tool call this runner marked, unless another run replaced it since. */
  clearRunningTool() {
    const running = this.tool;
    if (running === null) return;
    this.tool = null;
    if (running.store.getState().runningToolCallId === running.itemId) {
      running.store.getState().setRunningToolCall(null);
    }
  }
}
