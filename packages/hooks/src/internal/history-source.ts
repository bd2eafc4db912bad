/**
 * Reads thread history as canonical shapes: items oldest first with the cursor of the next
 * (older) page, threads with their cursor. A ChatKit server and the hosted REST API are read
 * through their `ThreadBackend` (`createChatKitBackend`, `createChatKitRestBackend`); the
 * Assistants API, which has no backend yet, through its client.
 */
import {
  normalizeAssistantObjects,
  normalizeAssistantThread,
  type RunStep,
  type ThreadBackend,
  type ThreadItem,
  type ThreadMetadata,
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

const signalOption = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

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
      const page = await backend.listThreads({ limit, order, after, signal });
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
      if (!backend.capabilities.rename) {
        throw new Error(
          `This backend cannot rename threads (the hosted ChatKit REST API is read-only); \`${hookName}\` needs a \`protocol\` client`,
        );
      }
      return withoutItems(await backend.renameThread(threadId, title));
    },
  };
}

/**
 * The history source for the provider's clients: the backend of the protocol client, else of the
 * REST client, else the Assistants client. Throws a clear error naming `hookName` when none is
 * given.
 */
export function getHistorySource(
  clients: ThreadkitClients,
  hookName: string,
  options: HistorySourceOptions = {},
): HistorySource {
  const backend = getThreadBackend(clients);
  if (backend) return historyFromBackend(backend, hookName);
  const assistants = clients.assistants;
  if (assistants) {
    const cursor = (after: string | null) => (after === null ? {} : { after });
    const unsupported = (what: string) =>
      new Error(
        `The Assistants API cannot ${what}; \`${hookName}\` needs a \`protocol\` or \`rest\` client`,
      );
    return {
      async listItems(threadId, { limit, order, after, signal }) {
        const page = await assistants.messages.list(
          threadId,
          { limit, order, ...cursor(after) },
          signalOption(signal),
        );
        const messages = order === "desc" ? [...page.data].reverse() : page.data;
        // The steps of the page's runs give the workflows (code, file search) and images of
        // each reply. A run whose steps cannot be read still shows its messages.
        const runIds = new Set<string>();
        for (const message of messages) {
          if (message.role === "assistant" && message.run_id !== null) runIds.add(message.run_id);
        }
        const steps = await Promise.all(
          [...runIds].map(async (runId) => {
            const out: RunStep[] = [];
            try {
              for await (const step of assistants.steps.list(
                threadId,
                runId,
                { order: "asc", limit: 100 },
                signalOption(signal),
              )) {
                out.push(step);
              }
            } catch (error) {
              if (signal?.aborted) throw error;
            }
            return out;
          }),
        );
        const fileUrl = options.assistantFileUrl;
        const items = normalizeAssistantObjects(
          { messages, steps: steps.flat() },
          fileUrl ? { fileUrl } : {},
        );
        return { items, nextCursor: page.has_more ? page.last_id : null };
      },
      async listThreads() {
        throw unsupported("list threads");
      },
      async getThread(threadId, signal) {
        return normalizeAssistantThread(
          await assistants.threads.retrieve(threadId, signalOption(signal)),
        );
      },
      async deleteThread(threadId) {
        await assistants.threads.delete(threadId);
      },
      async renameThread() {
        throw unsupported("rename threads");
      },
    };
  }
  throw new Error(
    `\`${hookName}\` needs a \`protocol\`, \`rest\` or \`assistants\` client in \`ThreadkitProvider\``,
  );
}
