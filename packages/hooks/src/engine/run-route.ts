/**
 * Which route a run takes, from the provider's clients: the one place the engine's seam is
 * chosen. A ChatKit protocol client runs through `createChatKitBackend`; an `assistant` option
 * runs the Assistants API through `assistants-run.ts` until an Assistants `ThreadBackend`
 * replaces it (then this returns `{ kind: "backend", backend: <that adapter> }` and
 * `assistants-run.ts` goes).
 */
import {
  type AssistantsClient,
  type ChatKitClient,
  createChatKitBackend,
  type ThreadBackend,
} from "@threadkit/core";
import type { AssistantRunOptions } from "./assistants-run";
import type { RunRoute } from "./run-engine";

/** One backend per protocol client, so every runner of a client shares it. */
const backends = new WeakMap<ChatKitClient, ThreadBackend>();

/** The `ThreadBackend` over a ChatKit protocol client (created once per client). */
export function chatKitBackendFor(client: ChatKitClient): ThreadBackend {
  let backend = backends.get(client);
  if (backend === undefined) {
    backend = createChatKitBackend({ client });
    backends.set(client, backend);
  }
  return backend;
}

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
      ? { kind: "assistants", client: clients.assistants, options: assistant }
      : "`useRunStream` with `assistant` needs an `assistants` client in `ThreadkitProvider`";
  }
  return clients.protocol
    ? { kind: "backend", backend: chatKitBackendFor(clients.protocol) }
    : "`useRunStream` needs a `protocol` client in `ThreadkitProvider`";
}
