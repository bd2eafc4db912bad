/**
 * The `ThreadBackend` of the provider's clients, for the hooks that read and manage threads: one
 * route to a ChatKit server or the hosted REST API instead of a branch per client in each hook.
 */
import {
  type ChatKitClient,
  type ChatKitRestClient,
  createChatKitBackend,
  createChatKitRestBackend,
  type ThreadBackend,
} from "@threadkit/core";
import type { ThreadkitClients } from "../provider/clients";

// One backend per client, so every hook goes through the same object.
const backends = new WeakMap<ChatKitClient | ChatKitRestClient, ThreadBackend>();

/**
 * The backend of the protocol client, else of the REST client; `undefined` when the provider has
 * neither (the Assistants API has no backend here yet).
 */
export function getThreadBackend(clients: ThreadkitClients): ThreadBackend | undefined {
  const { protocol, rest } = clients;
  const client = protocol ?? rest;
  if (client === undefined) return undefined;
  let backend = backends.get(client);
  if (backend === undefined) {
    backend = protocol
      ? createChatKitBackend({ client: protocol })
      : createChatKitRestBackend({ client: rest as ChatKitRestClient });
    backends.set(client, backend);
  }
  return backend;
}
