/**
 * Which backend a run goes to, from the provider's clients: the one place the engine's route is
 * chosen. The app's own `backend` runs itself; a ChatKit protocol client runs through
 * `createChatKitBackend`; an `assistant` option runs the Assistants API through
 * `createAssistantsBackend` (loaded on the first run).
 */
import type { AssistantsClient, ChatKitClient, ThreadBackend } from "@threadkit/core";
import { type AssistantRunOptions, assistantsBackendFor, chatKitBackendFor } from "./backends";
import type { RunRoute } from "./run-engine";

/** The provider's clients a run may go to (`ThreadkitClients`, without `rest`, which cannot run). */
export interface RunClients {
  readonly backend?: ThreadBackend | undefined;
  readonly protocol?: ChatKitClient | undefined;
  readonly assistants?: AssistantsClient | undefined;
}

/**
 * The route of a run with these clients, or why it cannot run (a message naming the missing
 * client).
 */
export function resolveRunRoute(
  clients: RunClients,
  assistant: AssistantRunOptions | undefined,
): RunRoute | string {
  if (assistant) {
    return clients.assistants
      ? { kind: "backend", backend: assistantsBackendFor(clients.assistants, assistant) }
      : "`useRunStream` with `assistant` needs an `assistants` client in `ThreadkitProvider`";
  }
  if (clients.backend) {
    return clients.backend.capabilities.run
      ? { kind: "backend", backend: clients.backend }
      : "`useRunStream` needs a backend that can run: the `backend` in `ThreadkitProvider` cannot run (its `capabilities.run` is false)";
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
  clients: RunClients,
  assistant: AssistantRunOptions | undefined,
): ThreadBackend | null {
  const route = resolveRunRoute(clients, assistant);
  return typeof route === "string" ? null : route.backend;
}
