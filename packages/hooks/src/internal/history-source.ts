/**
 * Reads thread history from whichever client the provider has, as canonical shapes: items
 * oldest first with the cursor of the next (older) page, threads with their cursor.
 */

import type { ThreadkitClients } from "../provider/clients";
import type { HistorySource, HistorySourceOptions } from "./history-types";

export type {
  HistorySource,
  HistorySourceOptions,
  ItemsPage,
  PageRequest,
  ThreadsPage,
} from "./history-types";

function withoutItems<T extends { items?: unknown }>(thread: T): Omit<T, "items"> {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

const signalOption = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/**
 * A history source whose implementation is loaded on its first call: the REST and Assistants
 * sources (and core's REST and Assistants code with them) stay out of a ChatKit-only bundle.
 */
function lazySource(load: () => Promise<HistorySource>): HistorySource {
  let loading: Promise<HistorySource> | undefined;
  const source = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    listItems: async (threadId, request) => (await source()).listItems(threadId, request),
    listThreads: async (request) => (await source()).listThreads(request),
    getThread: async (threadId, signal) => (await source()).getThread(threadId, signal),
    deleteThread: async (threadId) => (await source()).deleteThread(threadId),
    renameThread: async (threadId, title) => (await source()).renameThread(threadId, title),
  };
}

/**
 * The history source for the provider's clients (protocol first, then REST, then Assistants).
 * Throws a clear error naming `hookName` when none is given.
 */
export function getHistorySource(
  clients: ThreadkitClients,
  hookName: string,
  options: HistorySourceOptions = {},
): HistorySource {
  const protocol = clients.protocol;
  if (protocol) {
    return {
      async listItems(threadId, { limit, order, after, signal }) {
        const page = await protocol.request(
          "items.list",
          { thread_id: threadId, limit, order, after },
          signalOption(signal),
        );
        const items = order === "desc" ? [...page.data].reverse() : page.data;
        return { items, nextCursor: page.has_more ? (page.after ?? null) : null };
      },
      async listThreads({ limit, order, after, signal }) {
        const page = await protocol.request(
          "threads.list",
          { limit, order, after },
          signalOption(signal),
        );
        return {
          threads: page.data.map(withoutItems),
          nextCursor: page.has_more ? (page.after ?? null) : null,
        };
      },
      async getThread(threadId, signal) {
        const thread = await protocol.request(
          "threads.get_by_id",
          { thread_id: threadId },
          signalOption(signal),
        );
        return withoutItems(thread);
      },
      async deleteThread(threadId) {
        await protocol.request("threads.delete", { thread_id: threadId });
      },
      async renameThread(threadId, title) {
        return withoutItems(
          await protocol.request("threads.update", { thread_id: threadId, title }),
        );
      },
    };
  }
  const rest = clients.rest;
  if (rest) {
    return lazySource(() => import("./backends").then((module) => module.restHistorySource(rest)));
  }
  const assistants = clients.assistants;
  if (assistants) {
    return lazySource(() =>
      import("./backends").then((module) =>
        module.assistantsHistorySource(assistants, hookName, options),
      ),
    );
  }
  throw new Error(
    `\`${hookName}\` needs a \`protocol\`, \`rest\` or \`assistants\` client in \`ThreadkitProvider\``,
  );
}
