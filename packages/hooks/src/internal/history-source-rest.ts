/**
 * The history source of the hosted ChatKit REST client, loaded only when the provider has one
 * (a ChatKit-only app bundles none of it).
 */
import { normalizeChatKitRestThread } from "@threadkit/core";
import type { RestClient } from "../provider/clients";
import type { HistorySource } from "./history-types";

/** `{ signal }` when there is one. */
const signalOption = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** A thread without its embedded items page. */
function withoutItems<T extends { items?: unknown }>(thread: T): Omit<T, "items"> {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

/** Reads history through the REST client. */
export function restHistorySource(rest: RestClient): HistorySource {
  const cursor = (after: string | null) => (after === null ? {} : { after });
  return {
    async listItems(threadId, { limit, order, after, signal }) {
      const page = await rest.threads.listItems(
        threadId,
        { limit, order, ...cursor(after) },
        signalOption(signal),
      );
      const items = order === "desc" ? [...page.data].reverse() : page.data;
      return { items, nextCursor: page.has_more ? page.last_id : null };
    },
    async listThreads({ limit, order, after, signal }) {
      const page = await rest.threads.list(
        { limit, order, ...cursor(after) },
        signalOption(signal),
      );
      return {
        threads: page.data.map((thread) => withoutItems(normalizeChatKitRestThread(thread))),
        nextCursor: page.has_more ? page.last_id : null,
      };
    },
    async getThread(threadId, signal) {
      const thread = await rest.threads.retrieve(threadId, signalOption(signal));
      return withoutItems(normalizeChatKitRestThread(thread));
    },
    async deleteThread(threadId) {
      await rest.threads.delete(threadId);
    },
    async renameThread() {
      throw new Error(
        "The hosted ChatKit REST API cannot rename threads; `useRenameThread` needs a `protocol` client",
      );
    },
  };
}
