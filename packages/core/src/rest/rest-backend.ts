import type {
  ThreadBackend,
  ThreadBackendCallOptions,
  ThreadBackendCapabilities,
  ThreadBackendListOptions,
} from "../chatkit/backend";
import type { Page } from "../chatkit/thread";
import { UnsupportedOperationError } from "../errors";
import type { RequestOptions } from "../http/client";
import {
  type ChatKitRestClient,
  type ChatKitRestClientOptions,
  createChatKitRestClient,
} from "./client";
import { normalizeChatKitRestThread } from "./normalize";

/** Options of {@link createChatKitRestBackend}: the client's own options, or an existing client. */
export type ChatKitRestBackendOptions = ChatKitRestClientOptions | { client: ChatKitRestClient };

/** The hosted REST API reads threads and deletes them; it cannot write. */
const REST_CAPABILITIES: ThreadBackendCapabilities = Object.freeze({
  run: false,
  rename: false,
  delete: true,
  feedback: false,
  attachments: false,
  customActions: false,
  transcribe: false,
});

const BACKEND = "chatkit-rest";

function callOptions(options: ThreadBackendCallOptions | undefined): RequestOptions {
  return options?.signal ? { signal: options.signal } : {};
}

function listParams(options: ThreadBackendListOptions | undefined) {
  const params: { limit?: number; order?: "asc" | "desc"; after?: string } = {};
  if (options?.limit !== undefined) params.limit = options.limit;
  if (options?.order !== undefined) params.order = options.order;
  if (options?.after != null) params.after = options.after;
  return params;
}

function isRestClient(value: unknown): value is ChatKitRestClient {
  return typeof value === "object" && value !== null && "threads" in value && "sessions" in value;
}

/**
 * A read-only {@link ThreadBackend} over the hosted ChatKit REST API (`/v1/chatkit/threads…`),
 * built on {@link createChatKitRestClient}: threads and items come back normalised into the
 * ChatKit protocol's shapes (`normalizeChatKitRestThread`, `normalizeChatKitRestItem`). It lists,
 * reads and deletes threads; `run`, `renameThread`, `feedback` and the attachment calls reject with
 * `UnsupportedOperationError` (see `capabilities`). Keep the API key on a server: in a browser,
 * point `baseUrl` at a proxy that adds it.
 *
 * @example
 * const backend = createChatKitRestBackend({ baseUrl: "/api/openai/v1" });
 * const thread = await backend.getThread("cthr_123");
 */
export function createChatKitRestBackend(
  options: ChatKitRestBackendOptions | ChatKitRestClient = {},
): ThreadBackend {
  const client: ChatKitRestClient = isRestClient(options)
    ? options
    : "client" in options
      ? options.client
      : createChatKitRestClient(options);
  const unsupported = (operation: string) =>
    Promise.reject(new UnsupportedOperationError(BACKEND, operation));

  return {
    capabilities: REST_CAPABILITIES,
    async listThreads(options) {
      const page = await client.threads.list(listParams(options), callOptions(options));
      return {
        data: page.data.map((thread) => normalizeChatKitRestThread(thread)),
        has_more: page.has_more,
        after: page.has_more ? page.last_id : null,
      };
    },
    async getThread(threadId, options) {
      const raw = await client.threads.retrieve(threadId, callOptions(options));
      const thread = normalizeChatKitRestThread(raw);
      if ("items" in raw && raw.items !== undefined) return thread;
      // The thread came without its items: add their first page, as the protocol answers.
      const items = await client.threads.listItems(
        threadId,
        { order: "asc" },
        callOptions(options),
      );
      return { ...thread, items: toPage(items) };
    },
    async listItems(threadId, options) {
      return toPage(
        await client.threads.listItems(threadId, listParams(options), callOptions(options)),
      );
    },
    renameThread: () => unsupported("renameThread"),
    async deleteThread(threadId, options) {
      await client.threads.delete(threadId, callOptions(options));
    },
    feedback: () => unsupported("feedback"),
    createAttachment: () => unsupported("createAttachment"),
    uploadAttachment: () => unsupported("uploadAttachment"),
    deleteAttachment: () => unsupported("deleteAttachment"),
    syncCustomAction: () => unsupported("syncCustomAction"),
    transcribe: () => unsupported("transcribe"),
    run: () => ({
      [Symbol.asyncIterator]: () => ({
        next: () => unsupported("run"),
      }),
    }),
  };
}

function toPage<T>(page: Page<T> & { last_id: string | null }): Page<T> {
  return { data: page.data, has_more: page.has_more, after: page.has_more ? page.last_id : null };
}
