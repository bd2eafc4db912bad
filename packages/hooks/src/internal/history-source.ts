/**
 * Reads thread history as canonical shapes: items oldest first with the cursor of the next
 * (older) page, threads with their cursor. Every backend is read through its `ThreadBackend`
 * (`createChatKitBackend`, `createChatKitRestBackend`, `createAssistantsBackend`).
 */
import {
  type ThreadBackend,
  type ThreadItem,
  type ThreadMetadata,
  UnsupportedOperationError,
} from "@threadkit/core";
import type { ThreadkitClients } from "../provider/clients";
import { getThreadBackend } from "./thread-backend";

/** One page of items, oldest first. */
export interface ItemsPage {
  readonly items: readonly ThreadItem[];
  /** Cursor of the next page in request order, or `null` when there is none. */
  readonly nextCursor: string | null;
}

/** One page of threads. */
export interface ThreadsPage {
  readonly threads: readonly ThreadMetadata[];
  readonly nextCursor: string | null;
}

/** Paging options. */
export interface PageRequest {
  readonly limit: number;
  readonly order: "asc" | "desc";
  readonly after: string | null;
  readonly signal?: AbortSignal;
}

/** What the history hooks need, whatever the backend. */
export interface HistorySource {
  listItems(threadId: string, request: PageRequest): Promise<ItemsPage>;
  listThreads(request: PageRequest): Promise<ThreadsPage>;
  getThread(threadId: string, signal?: AbortSignal): Promise<ThreadMetadata>;
  deleteThread(threadId: string): Promise<void>;
  renameThread(threadId: string, title: string): Promise<ThreadMetadata | null>;
}

function withoutItems<T extends { items?: unknown }>(thread: T): Omit<T, "items"> {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

/**
 * What a hook throws when its backend refuses the call (`UnsupportedOperationError`, kept as the
 * `cause`): the hook and the client it needs.
 */
function refused(error: unknown, hookName: string, what: string, needs: string): unknown {
  if (!(error instanceof UnsupportedOperationError)) return error;
  return new Error(
    `This backend cannot ${what} (${error.message}); \`${hookName}\` needs ${needs}`,
    {
      cause: error,
    },
  );
}

/** Options of {@link getHistorySource}. */
export interface HistorySourceOptions {
  /** Maps an OpenAI file id to a URL the browser may load (Assistants images). */
  readonly assistantFileUrl?: ((fileId: string) => string) | undefined;
}

/**
 * History over a {@link ThreadBackend}. Backends answer pages in the requested order; history
 * pages are oldest first, so a `desc` page of items is reversed here, for every backend alike.
 */
export function historyFromBackend(backend: ThreadBackend, hookName: string): HistorySource {
  return {
    async listItems(threadId, { limit, order, after, signal }) {
      const page = await backend.listItems(threadId, { limit, order, after, signal });
      const items = order === "desc" ? [...page.data].reverse() : page.data;
      return { items, nextCursor: page.has_more ? (page.after ?? null) : null };
    },
    async listThreads({ limit, order, after, signal }) {
      const page = await backend.listThreads({ limit, order, after, signal }).catch((error) => {
        throw refused(error, hookName, "list threads", "a `protocol` or `rest` client");
      });
      return {
        threads: page.data.map(withoutItems),
        nextCursor: page.has_more ? (page.after ?? null) : null,
      };
    },
    async getThread(threadId, signal) {
      return withoutItems(await backend.getThread(threadId, { signal }));
    },
    async deleteThread(threadId) {
      await backend.deleteThread(threadId);
    },
    async renameThread(threadId, title) {
      const thread = await backend.renameThread(threadId, title).catch((error) => {
        throw refused(error, hookName, "rename threads", "a `protocol` client");
      });
      return withoutItems(thread);
    },
  };
}

/**
 * The history source for the provider's clients: the app's own `backend`, else the backend of the
 * protocol client, else of the REST client, else of the Assistants client. Throws a clear error naming `hookName` when none is
 * given.
 */
export function getHistorySource(
  clients: ThreadkitClients,
  hookName: string,
  options: HistorySourceOptions = {},
): HistorySource {
  const backend = getThreadBackend(clients, options);
  if (backend) return historyFromBackend(backend, hookName);
  throw new Error(
    `\`${hookName}\` needs a \`protocol\`, \`rest\` or \`assistants\` client, or a \`backend\`, in \`ThreadkitProvider\``,
  );
}
