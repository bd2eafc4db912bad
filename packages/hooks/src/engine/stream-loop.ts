/**
 * The stream loop: one `ThreadBackend.run(operation, signal)` into a thread store. Batches are
 * queued and applied once per animation frame (or per `throttleMs`); client effects are
 * dispatched after each commit; `thread.created` is followed at once; the sent user message is
 * confirmed (its optimistic copy leaves) and the last pending client tool call is reported.
 */
import type {
  ClientToolCallItem,
  JsonObject,
  ThreadBackend,
  ThreadRunOperation,
  ThreadStreamReducerEvent,
} from "@threadkit/core";
import type { ThreadStore } from "../thread/thread-store";
import { createFrameBatcher } from "./frame-batcher";
import { watchIdle } from "./idle-watch";
import { RunStreamError } from "./run-errors";
import { StreamIdleTimeoutError } from "./run-failure";

/** A `client_effect` of a run, for the app. */
export interface RunEffect {
  readonly name: string;
  readonly data: JsonObject;
  /** The thread the run writes to. */
  readonly threadId: string | null;
}

/** What the loop reports back while it streams. */
export interface StreamLoopHooks {
  /** The backend accepted the operation (its stream started). */
  onAccepted(): void;
  /** The stream created the thread (`thread.created`); the store was committed before. */
  onThreadCreated(threadId: string): void;
  /** A user message arrived (`added` or `done`): the last one a `rerun` would answer. */
  onUserMessage(itemId: string, done: boolean): void;
  /** A client effect to dispatch. */
  onEffect(effect: { name: string; data: JsonObject }): void;
  log(name: string, data?: Readonly<Record<string, unknown>>): void;
}

/** One stream of a run. */
export interface StreamLoopInput {
  backend: ThreadBackend;
  operation: ThreadRunOperation;
  store: ThreadStore;
  signal: AbortSignal;
  /** The optimistic message to remove once the server echoes the sent one. */
  optimisticId: string | null;
  throttleMs: number;
  /** How long the started stream may stay silent (`0`/`Infinity`: never). */
  idleTimeoutMs: number;
}

/** How one stream ended (without throwing). */
export interface StreamOutcome {
  /** The server's `error` event, if it sent one. */
  readonly streamError: RunStreamError | null;
  /** The last `client_tool_call` of the stream when it is still `pending` (output not posted). */
  readonly pendingToolCall: ClientToolCallItem | null;
  /**
   * The stream created the thread (`thread.created`): the thread was made with the sent message,
   * so that message is stored even when the stream never echoes it.
   */
  readonly threadCreated: boolean;
}

/**
 * Streams one operation into `store`; resolves when the stream ends. Throws the request's error,
 * a `StreamIdleTimeoutError` for a stream gone silent, or the abort.
 */
export async function streamIntoStore(
  input: StreamLoopInput,
  hooks: StreamLoopHooks,
): Promise<StreamOutcome> {
  const { store } = input;
  let queue: ThreadStreamReducerEvent[] = [];
  let pendingOptimistic = input.optimisticId;
  let streamError: RunStreamError | null = null;
  let pendingToolCall: ClientToolCallItem | null = null;
  let lastEffectSeq = 0;
  let accepted = false;
  let threadCreated = false;

  const flush = () => {
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    store.getState().apply(events);
    const effects = store.getState().effects;
    if (effects.length > 0) {
      for (const effect of effects) {
        if (effect.seq <= lastEffectSeq) continue;
        lastEffectSeq = effect.seq;
        hooks.onEffect({ name: effect.name, data: effect.data });
      }
      store.getState().acknowledgeEffects(lastEffectSeq);
    }
  };
  const batcher = createFrameBatcher(flush, input.throttleMs);
  // Armed once the stream starts; a silent stream aborts the whole request, so the server sees
  // the disconnect.
  const idle = watchIdle(input.idleTimeoutMs, input.signal);
  const accept = () => {
    if (accepted) return;
    accepted = true;
    store.getState().startStream();
    hooks.onAccepted();
    idle.touch();
  };

  hooks.log("run.start", { type: input.operation.type });
  try {
    for await (const batch of input.backend.run(input.operation, idle.signal, {
      onAccepted: accept,
      // A run that ended without finishing its reply (Assistants: `incomplete`, `cancelled`).
      onIncomplete: ({ reason }) => store.getState().setRunIncomplete({ reason }),
    })) {
      accept();
      idle.touch();
      for (const event of batch) {
        switch (event.type) {
          case "thread.created": {
            threadCreated = true;
            queue.push(event);
            batcher.flush();
            hooks.onThreadCreated(event.thread.id);
            continue;
          }
          case "thread.item.added":
          case "thread.item.done":
            if (event.item.type === "user_message") {
              hooks.onUserMessage(event.item.id, event.type === "thread.item.done");
              if (pendingOptimistic !== null) {
                queue.push({ type: "thread.item.removed", item_id: pendingOptimistic });
                pendingOptimistic = null;
              }
            }
            if (event.item.type === "client_tool_call") {
              // A call whose output was posted already is not run again.
              pendingToolCall =
                event.item.status === "pending" &&
                !store.getState().isClientToolCallCompleted(event.item.id)
                  ? event.item
                  : null;
            }
            break;
          case "error":
            streamError = new RunStreamError(
              event.code ?? "custom",
              event.message ?? null,
              event.allow_retry ?? false,
            );
            break;
          case "stream.malformed":
            hooks.log("run.malformed_event", { reason: event.reason, message: event.message });
            break;
          default:
            break;
        }
        queue.push(event);
      }
      batcher.schedule();
    }
  } catch (error) {
    if (idle.timedOut) throw new StreamIdleTimeoutError(idle.timeoutMs, { cause: error });
    throw error;
  } finally {
    idle.stop();
    batcher.flush();
    if (accepted) store.getState().finishStream();
  }
  hooks.log("run.end", { type: input.operation.type });
  // A message of a created thread is stored: its optimistic copy stays until the server's copy
  // arrives (with the history); any other unechoed copy goes.
  if (pendingOptimistic !== null && !threadCreated) store.getState().removeItem(pendingOptimistic);
  return { streamError, pendingToolCall, threadCreated };
}
