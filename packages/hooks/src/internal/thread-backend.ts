/**
 * The `ThreadBackend` of the provider's clients, for the hooks that read and manage threads: one
 * route to a ChatKit server, the hosted REST API or the Assistants API instead of a branch per
 * client in each hook.
 */
import type { ThreadBackend } from "@threadkit/core";
import { assistantsBackendFor, chatKitBackendFor, restBackendFor } from "../engine/backends";
import { resolveRunBackend } from "../engine/run-route";
import type { ThreadkitClients } from "../provider/clients";

/** Options of {@link getThreadBackend}. */
export interface ThreadBackendOptions {
  /** Maps an OpenAI file id to a URL the browser may load (Assistants images). */
  readonly assistantFileUrl?: ((fileId: string) => string) | undefined;
}

/**
 * The app's own `backend`, else the backend of the protocol client, else of the REST client,
 * else of the Assistants client (one per client); `undefined` when the provider has none of them.
 */
export function getThreadBackend(
  clients: ThreadkitClients,
  options: ThreadBackendOptions = {},
): ThreadBackend | undefined {
  const { backend, protocol, rest, assistants } = clients;
  if (backend) return backend;
  if (protocol) return chatKitBackendFor(protocol);
  if (rest) return restBackendFor(rest);
  if (assistants) return assistantsBackendFor(assistants, { fileUrl: options.assistantFileUrl });
  return undefined;
}

/**
 * The backend of a run: the one it reports, else the one a run with these clients would use
 * (a run object built by the app may not say). `null` when the clients cannot run.
 */
export function getRunBackend(
  run: { readonly backend?: ThreadBackend | null | undefined },
  clients: ThreadkitClients,
): ThreadBackend | null {
  return run.backend !== undefined ? run.backend : resolveRunBackend(clients, undefined);
}
