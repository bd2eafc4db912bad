/**
 * Where the demo's backend lives. Defaults to the local dev server; override with the
 * `VITE_THREADKIT_SERVER_URL` environment variable at start-up or `?server=<origin>` in the page URL.
 */
export const DEFAULT_SERVER_URL = "http://127.0.0.1:8787";

/** The endpoints of one server: the ChatKit protocol endpoint and the REST base. */
export interface ServerEndpoints {
  origin: string;
  chatkitUrl: string;
  restBaseUrl: string;
}

function parseHttpOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Resolves the server from the page URL, then the environment, then the default. */
export function resolveServer(
  search: string = globalThis.location?.search ?? "",
  env: string | undefined = import.meta.env.VITE_THREADKIT_SERVER_URL,
): ServerEndpoints {
  const fromQuery = parseHttpOrigin(new URLSearchParams(search).get("server"));
  const origin = fromQuery ?? parseHttpOrigin(env) ?? DEFAULT_SERVER_URL;
  return { origin, chatkitUrl: `${origin}/chatkit`, restBaseUrl: `${origin}/v1` };
}

/**
 * Where the browser loads an Assistants file (generated images, charts): the dev server serves
 * file content without a key. Against the OpenAI API this would be a proxy of the app's own.
 */
export function assistantFileUrl(server: ServerEndpoints, fileId: string): string {
  return `${server.restBaseUrl}/files/${encodeURIComponent(fileId)}/content`;
}

/**
 * How long a run's stream may stay silent before it fails, from `?idleTimeoutMs=<ms>` in the page
 * URL (`0` never); `undefined` keeps threadkit's default (60 s).
 */
export function resolveIdleTimeoutMs(
  search: string = globalThis.location?.search ?? "",
): number | undefined {
  const raw = new URLSearchParams(search).get("idleTimeoutMs");
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
