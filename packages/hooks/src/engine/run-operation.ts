/**
 * One operation of the run engine on a `ThreadBackend`, once its request is ready: the stream
 * loop into the thread's store, client tool round-trips, and how the run ends (done, cancelled,
 * failed or the server's `error` event). Part of the lazy runtime (`run-runtime.ts`); the
 * runner's state stays in `run-engine.ts`, reached through a `RunHost`.
 */
import {
  isAbortError,
  type ThreadBackend,
  type ThreadRunOperation,
  type ThreadState,
} from "@threadkit/core";
import type { ThreadStore } from "../thread/thread-store";
import { runClientToolLoop, type ToolCompletion } from "./client-tool-loop";
import { lostInputOf, notifyLost } from "./failure-policy";
import type { RunStreamError } from "./run-errors";
import { UnconfirmedMessageError } from "./run-failure";
import type { RunFlags, RunHost } from "./run-host";
import { type RunOperation, toUserMessageInput } from "./run-request";
import type { RunResult } from "./run-result";
import { streamIntoStore } from "./stream-loop";

/** The run's result, as the runner's snapshot has it now. */
export function runResult(
  host: RunHost,
  status: RunResult["status"],
  error: Error | null,
  flags: RunFlags,
): RunResult {
  return {
    status,
    threadId: host.snapshot().threadId,
    error,
    accepted: flags.accepted,
    userMessageId: flags.userMessageId,
  };
}

/** Runs `operation` on a `ThreadBackend`, with its client tool round-trips. */
export async function runBackendOperation(
  host: RunHost,
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
  const { deps, marks } = host;
  let optimisticId = run.optimisticId;
  const threadId = host.snapshot().threadId;
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
        throttleMs: deps.throttleMs,
        idleTimeoutMs: deps.getIdleTimeoutMs(),
      },
      {
        onAccepted: () => {
          // The server took the output: ChatKit servers complete the call without sending it again.
          if (next !== null) {
            store.getState().completeClientToolCall(next.itemId, next.output);
            marks.clearRunningTool();
          }
          flags.accepted = true;
          if (host.snapshot().status === "submitting") host.update({ status: "streaming" });
        },
        onThreadCreated: (id) => {
          deps.adoptDraft(store, id);
          host.update({ threadId: id });
          deps.onThreadCreated(id);
        },
        onUserMessage: (id, done) => {
          host.lastUserMessageId = id;
          if (done && sendsMessage) flags.userMessageId = id;
        },
        onEffect: (effect) => deps.onEffect({ ...effect, threadId: host.snapshot().threadId }),
        log: deps.log,
      },
    );
    optimisticId = null;
    if (operation.kind === "send") host.confirmedUserMessageId = flags.userMessageId;
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
  const first = toThreadRunOperation(operation, threadId, host.lastUserMessageId);
  try {
    const streamError = await runClientToolLoop(first, completes, stream, {
      getClientTools: deps.getClientTools,
      maxToolRoundTrips: deps.maxToolRoundTrips,
      getThreadId: () => host.snapshot().threadId,
      signal: abort.signal,
      onToolRunning: (call) => {
        host.update({ status: "running_tool" });
        marks.markRunningTool(store, call.id);
      },
      log: deps.log,
    });
    host.finish(abort);
    if (streamError) return failWithStreamError(host, operation, streamError, flags);
    host.update({ status: "idle" });
    return runResult(host, "done", null, flags);
  } catch (error) {
    if (optimisticId !== null) store.getState().removeItem(optimisticId);
    if (operation.kind === "send") host.confirmedUserMessageId = flags.userMessageId;
    if (abort.signal.aborted || isAbortError(error)) {
      host.finish(abort);
      if (!host.disposed && host.idle) host.update({ status: "idle" });
      return runResult(host, "cancelled", null, flags);
    }
    const reason = error instanceof Error ? error : new Error(String(error));
    host.finish(abort);
    host.fail(reason, operation, flags.userMessageId !== null, flags.accepted);
    return runResult(host, "error", reason, flags);
  } finally {
    // Ended, failed or cancelled: no tool of this run is running any more.
    marks.clearRunningTool();
  }
}

/** The server's `error` event ended the response. */
function failWithStreamError(
  host: RunHost,
  operation: RunOperation,
  streamError: RunStreamError,
  flags: RunFlags,
): RunResult {
  const failedInput = lostInputOf(operation, flags.userMessageId !== null);
  host.update({ status: "error", error: streamError, failedInput });
  host.publishFailure(streamError, true);
  if (failedInput !== null) notifyLost(operation, host.deps.log);
  host.deps.onError(streamError);
  return runResult(host, "error", streamError, flags);
}

/**
 * The backend operation for `operation` on `threadId` (`null`: a thread not created
 * yet, which only a send may start). `lastUserMessageId` is the user message a `rerun` answers.
 */
export function toThreadRunOperation(
  operation: RunOperation,
  threadId: string | null,
  lastUserMessageId: string | null,
): ThreadRunOperation {
  if (operation.kind === "send") {
    const input = toUserMessageInput(operation.input);
    return threadId === null
      ? { type: "create_thread", input }
      : { type: "add_message", threadId, input };
  }
  if (threadId === null) throw new Error("This operation needs an existing thread");
  switch (operation.kind) {
    case "retry_after_item":
      return { type: "retry_after_item", threadId, itemId: operation.itemId };
    case "structured_input":
      return {
        type: "structured_input",
        threadId,
        itemId: operation.itemId,
        input: operation.submission,
      };
    case "custom_action":
      return {
        type: "custom_action",
        threadId,
        itemId: operation.itemId,
        action: operation.action,
      };
    case "tool_output":
      return { type: "client_tool_output", threadId, result: operation.result };
    case "rerun":
      return { type: "retry_after_item", threadId, itemId: lastUserMessageId ?? "" };
  }
}

/** The newest `client_tool_call` still waiting for its output, or `null`. */
export function latestPendingToolCall(state: ThreadState): string | null {
  for (let index = state.itemIds.length - 1; index >= 0; index -= 1) {
    const item = state.itemsById.get(state.itemIds[index] ?? "");
    if (item?.type === "client_tool_call" && item.status === "pending") return item.id;
  }
  return null;
}
