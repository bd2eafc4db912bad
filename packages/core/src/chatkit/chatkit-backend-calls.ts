/**
 * The calls of a ChatKit protocol backend over a client, with the run given apart: the backend's
 * requests without the stream reading, which `runChatKitStream` (`./chatkit-run`) adds.
 */
import type {
  ThreadBackend,
  ThreadBackendCallOptions,
  ThreadBackendCapabilities,
  ThreadBackendListOptions,
} from "./backend";
import type { ChatKitCallOptions, ChatKitClient, UploadAttachmentOptions } from "./client";
import type { Page } from "./thread";

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

/**
 * A {@link ThreadBackend} over a ChatKit protocol client whose `run` is `run` (for
 * {@link createChatKitBackend}, `runChatKitStream` on the same client). Every capability is
 * `true`.
 */
export function chatKitBackendCalls(
  client: ChatKitClient,
  run: ThreadBackend["run"],
): ThreadBackend {
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
    run,
  };
}
