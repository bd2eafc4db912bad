import { AbortError, ThreadkitError } from "../errors";
import type {
  ThreadBackend,
  ThreadBackendCallOptions,
  ThreadBackendCapabilities,
  ThreadBackendListOptions,
  ThreadRunBatch,
  ThreadRunOperation,
  ThreadRunOptions,
} from "./backend";
import {
  type ChatKitCallOptions,
  type ChatKitClient,
  type ChatKitClientOptions,
  createChatKitClient,
  type UploadAttachmentOptions,
} from "./client";
import { readThreadStreamBatches } from "./read-thread-stream";
import type { Page } from "./thread";

/** Options of {@link createChatKitBackend}: the client's own options, or an existing client. */
export type ChatKitBackendOptions = ChatKitClientOptions | { client: ChatKitClient };

/** A ChatKit protocol server can do everything a backend does. */
const CHATKIT_CAPABILITIES: ThreadBackendCapabilities = Object.freeze({
  run: true,
  rename: true,
  delete: true,
  feedback: true,
  attachments: true,
  customActions: true,
  transcribe: true,
});

/** The client's call options: only what is set (`exactOptionalPropertyTypes`). */
function callOptions(options: ThreadBackendCallOptions | undefined): ChatKitCallOptions {
  return options?.signal ? { signal: options.signal } : {};
}

function listParams(options: ThreadBackendListOptions | undefined) {
  const params: { limit?: number; order?: "asc" | "desc"; after?: string | null } = {};
  if (options?.limit !== undefined) params.limit = options.limit;
  if (options?.order !== undefined) params.order = options.order;
  // An explicit `after: null` (the first page) is sent as such, as the protocol client sends it.
  if (options?.after !== undefined) params.after = options.after;
  return params;
}

function page<T>(answer: Page<T>): Page<T> {
  return { data: answer.data, has_more: answer.has_more, after: answer.after ?? null };
}

function openStream(
  client: ChatKitClient,
  operation: ThreadRunOperation,
  signal: AbortSignal | undefined,
): Promise<ReadableStream<Uint8Array>> {
  const call = callOptions({ signal });
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

async function* runStream(
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

/**
 * A {@link ThreadBackend} over a ChatKit protocol server (the `POST {type, params}` endpoint the
 * Python `chatkit` server and `@threadkit/server` answer), built on {@link createChatKitClient}
 * and {@link readThreadStreamBatches}. It can do everything: every capability is `true`.
 *
 * @example
 * const backend = createChatKitBackend({ url: "/chatkit" });
 * const { data: threads } = await backend.listThreads({ limit: 20 });
 * for await (const events of backend.run({ type: "add_message", threadId, input }, signal)) {
 *   state = events.reduce(reduceThreadStream, state);
 * }
 */
export function createChatKitBackend(
  options: ChatKitBackendOptions | ChatKitClient,
): ThreadBackend {
  const client: ChatKitClient =
    "threads" in options
      ? options
      : "client" in options
        ? options.client
        : createChatKitClient(options);
  return {
    capabilities: CHATKIT_CAPABILITIES,
    // `.then` at once: the lazy page request goes out now, not a microtask later.
    listThreads: (options) =>
      client.threads.list(listParams(options), callOptions(options)).then(page),
    getThread: (threadId, options) => client.threads.getById(threadId, callOptions(options)),
    listItems: (threadId, options) =>
      client.items.list(threadId, listParams(options), callOptions(options)).then(page),
    renameThread: (threadId, title, options) =>
      client.threads.update(threadId, title, callOptions(options)),
    deleteThread: (threadId, options) => client.threads.delete(threadId, callOptions(options)),
    feedback: (threadId, itemIds, kind, options) =>
      client.items.feedback(threadId, itemIds, kind, callOptions(options)),
    createAttachment: (params, options) => client.attachments.create(params, callOptions(options)),
    uploadAttachment: (file, options = {}) => {
      const call: UploadAttachmentOptions = callOptions(options);
      if (options.name !== undefined) call.name = options.name;
      if (options.onProgress !== undefined) call.onProgress = options.onProgress;
      if (options.strategy !== undefined) call.strategy = options.strategy;
      return client.attachments.upload(file, call);
    },
    deleteAttachment: (attachmentId, options) =>
      client.attachments.delete(attachmentId, callOptions(options)),
    syncCustomAction: (threadId, itemId, action, options) =>
      client.threads
        .syncCustomAction(threadId, itemId, action, callOptions(options))
        .then((answer) => answer.updated_item ?? null),
    transcribe: (input, options) =>
      client.input.transcribe(input.audioBase64, input.mimeType, callOptions(options)),
    run: (operation, signal, options) => runStream(client, operation, signal, options),
  };
}
