/**
 * Which backend a run goes to, from the provider's clients: the one place the engine's route is
 * chosen. A ChatKit protocol client runs through `createChatKitBackend`; an `assistant` option
 * runs the Assistants API through `createAssistantsBackend` (loaded on the first run).
 */
import type { AssistantsClient, ChatKitClient, ThreadBackend } from "@threadkit/core";
import { type AssistantRunOptions, assistantsBackendFor, chatKitBackendFor } from "./backends";
import type { RunRoute } from "./run-engine";

/**
 * The route of a run with these clients, or why it cannot run (a message naming the missing
 * client).
 */
export function resolveRunRoute(
  clients: { protocol?: ChatKitClient | undefined; assistants?: AssistantsClient | undefined },
  assistant: AssistantRunOptions | undefined,
): RunRoute | string {
  if (assistant) {
    return clients.assistants
      ? { kind: "backend", backend: assistantsBackendFor(clients.assistants, assistant) }
      : "`useRunStream` with `assistant` needs an `assistants` client in `ThreadkitProvider`";
  }
  return clients.protocol
    ? { kind: "backend", backend: chatKitBackendFor(clients.protocol) }
    : "`useRunStream` needs a `protocol` client in `ThreadkitProvider`";
}

/**
 * The backend a run with these clients goes to, or `null` when they cannot run. Everything the
 * thread's UI sends besides the run itself (attachments, widget actions, dictation) goes to this
 * same backend, so an upload and the message that carries it share one adapter.
 */
export function resolveRunBackend(
  clients: { protocol?: ChatKitClient | undefined; assistants?: AssistantsClient | undefined },
  assistant: AssistantRunOptions | undefined,
): ThreadBackend | null {
  const route = resolveRunRoute(clients, assistant);
  return typeof route === "string" ? null : route.backend;
}
