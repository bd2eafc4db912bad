/**
 * Running an operation on a ChatKit protocol server: the streaming request and the response read
 * into validated event batches. Kept apart from the backend's other calls, so an app can load the
 * stream reading (SSE decoding, event parsing) when it first runs something.
 */
import { AbortError, ThreadkitError } from "../errors";
import type { ThreadRunBatch, ThreadRunOperation, ThreadRunOptions } from "./backend";
import type { ChatKitCallOptions, ChatKitClient } from "./client";
import { readThreadStreamBatches } from "./read-thread-stream";

function openStream(
  client: ChatKitClient,
  operation: ThreadRunOperation,
  signal: AbortSignal | undefined,
): Promise<ReadableStream<Uint8Array>> {
  const call: ChatKitCallOptions = signal ? { signal } : {};
  switch (operation.type) {
    case "create_thread":
      return client.threads.create(operation.input, call);
    case "add_message":
      return client.threads.addUserMessage(operation.threadId, operation.input, call);
    case "client_tool_output":
      return client.threads.addClientToolOutput(operation.threadId, operation.result, call);
    case "structured_input":
      return client.threads.addStructuredInput(
        operation.threadId,
        operation.itemId,
        operation.input,
        call,
      );
    case "retry_after_item":
      return client.threads.retryAfterItem(operation.threadId, operation.itemId, call);
    case "custom_action":
      return client.threads.customAction(
        operation.threadId,
        operation.itemId,
        operation.action,
        call,
      );
    default: {
      const unknown: { type?: unknown } = operation;
      throw new TypeError(`Unknown run operation: ${String(unknown.type)}`);
    }
  }
}

/**
 * Runs `operation` with `client`: sends the streaming request, then yields the response's event
 * batches (`ThreadBackend.run` of {@link createChatKitBackend}).
 */
export async function* runChatKitStream(
  client: ChatKitClient,
  operation: ThreadRunOperation,
  signal: AbortSignal | undefined,
  options: ThreadRunOptions | undefined,
): AsyncGenerator<ThreadRunBatch, void, undefined> {
  const body = await openStream(client, operation, signal);
  // The response started: the server took the operation.
  options?.onAccepted?.();
  try {
    yield* readThreadStreamBatches(body, { signal });
  } catch (error) {
    // The reader ends with the signal's own reason; the HTTP client's aborts are `AbortError`s.
    if (signal?.aborted && !(error instanceof ThreadkitError)) {
      throw new AbortError(undefined, { cause: signal.reason });
    }
    throw error;
  }
}
