/**
 * The history source of the Assistants API client, loaded only when the provider has one (a
 * ChatKit-only app bundles none of it).
 */
import { normalizeAssistantObjects, normalizeAssistantThread, type RunStep } from "@threadkit/core";
import type { AssistantsClient } from "../provider/clients";
import type { HistorySource, HistorySourceOptions } from "./history-types";

/** `{ signal }` when there is one. */
const signalOption = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** Reads history through the Assistants client. */
export function assistantsHistorySource(
  assistants: AssistantsClient,
  hookName: string,
  options: HistorySourceOptions,
): HistorySource {
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
