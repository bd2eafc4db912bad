/**
 * The ChatKit session lifecycle without React: fetch a client secret, refresh it ahead of its
 * expiry, retry with backoff, and refresh once when a request is rejected with 401.
 */
import { AbortError } from "@threadkit/core";

/** A client secret with its expiry, as `POST /v1/chatkit/sessions` returns it. */
export interface ChatKitClientSecret {
  /** The short-lived secret the browser may hold. */
  client_secret: string;
  /** Expiry in unix seconds. Without it the secret is only refreshed on demand or on 401. */
  expires_at?: number | null;
}

/**
 * Returns a new client secret. Runs on the integrator's server (it needs the API key); in the
 * browser it is usually a `fetch` to that server. Receives the current secret (or `null`).
 */
export type GetClientSecret = (
  currentClientSecret: string | null,
  options: { signal: AbortSignal },
) => Promise<string | ChatKitClientSecret>;

/** Lifecycle of a ChatKit session. */
export type ChatKitSessionStatus =
  | "idle"
  | "loading"
  | "active"
  | "expired"
  | "cancelled"
  | "error";

/** A snapshot of the session. */
export interface ChatKitSessionSnapshot {
  /** `idle` before the first request, `loading` until the first secret arrives. */
  readonly status: ChatKitSessionStatus;
  /** The current client secret, or `null`. */
  readonly clientSecret: string | null;
  /** When the secret expires, in milliseconds since the epoch, or `null` when unknown. */
  readonly expiresAt: number | null;
  /** Whether a refresh is in flight (also while `active`). */
  readonly isRefreshing: boolean;
  /** The last error (after every retry failed), or `null`. */
  readonly error: Error | null;
}

/** Options of {@link createSessionController}. */
export interface SessionControllerOptions {
  /** Mints a client secret on your server. */
  getClientSecret: GetClientSecret;
  /**
   * How long before `expires_at` to refresh, in milliseconds.
   * @default 60_000
   */
  refreshMarginMs?: number;
  /**
   * How many times a failed `getClientSecret` is retried before the session reports `error`.
   * @default 3
   */
  retry?: number;
  /**
   * Delay before retry number `attempt` (1-based), in milliseconds.
   * @default exponential from 1 s, doubling, at most 30 s
   */
  retryDelayMs?: (attempt: number) => number;
  /** Called with the old secret by {@link SessionController.cancel}, e.g. to cancel it on your server. */
  onCancel?: (clientSecret: string) => void | Promise<void>;
  /** The `fetch` that {@link SessionController.fetch} wraps. Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Diagnostics. */
  onLog?: (name: string, data?: Readonly<Record<string, unknown>>) => void;
}

/** A running session. */
export interface SessionController {
  /** The current snapshot (stable identity until something changes). */
  getSnapshot(): ChatKitSessionSnapshot;
  /** Subscribes to snapshot changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts the session (first secret, or timers after {@link dispose}). No-op once cancelled. */
  start(): void;
  /**
   * Fetches a new secret. Concurrent calls share one request (single flight) and resolve with
   * its secret.
   */
  refresh(): Promise<string>;
  /** Stops refreshing, aborts a refresh in flight and reports `cancelled`. */
  cancel(): void;
  /** Stops everything without changing the status (unmount). */
  dispose(): void;
  /**
   * A `fetch` that sends `Authorization: Bearer <secret>`, and on a 401 refreshes once and
   * replays the request with the new secret.
   */
  fetch: typeof fetch;
  /** Updates options (the latest `getClientSecret` is always used). */
  setOptions(options: SessionControllerOptions): void;
}

const DEFAULT_MARGIN_MS = 60_000;
const defaultRetryDelay = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 30_000);

function abortError(): Error {
  return new AbortError("The session was stopped");
}

/** Creates a session controller. It does nothing until {@link SessionController.start}. */
export function createSessionController(initial: SessionControllerOptions): SessionController {
  let options = initial;
  let snapshot: ChatKitSessionSnapshot = {
    status: "idle",
    clientSecret: null,
    expiresAt: null,
    isRefreshing: false,
    error: null,
  };
  const listeners = new Set<() => void>();
  let inflight: Promise<string> | null = null;
  let inflightAbort: AbortController | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by cancel/dispose so a late result of an older refresh is ignored.
  let generation = 0;

  const update = (patch: Partial<ChatKitSessionSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };

  const clearTimers = () => {
    clearTimeout(refreshTimer);
    clearTimeout(expiryTimer);
    refreshTimer = undefined;
    expiryTimer = undefined;
  };

  const schedule = (expiresAt: number | null) => {
    clearTimers();
    if (expiresAt === null) return;
    const now = Date.now();
    const margin = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
    // A secret shorter-lived than the margin is refreshed halfway through its life.
    const refreshIn = Math.max(
      0,
      expiresAt - now > margin ? expiresAt - now - margin : (expiresAt - now) / 2,
    );
    refreshTimer = setTimeout(() => {
      refresh().catch(() => {});
    }, refreshIn);
    expiryTimer = setTimeout(
      () => {
        if (snapshot.expiresAt !== null && snapshot.expiresAt <= Date.now()) {
          update({ status: "expired" });
        }
      },
      Math.max(0, expiresAt - now),
    );
  };

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(abortError());
      });
    });

  const run = async (signal: AbortSignal): Promise<ChatKitClientSecret> => {
    const maxRetries = options.retry ?? 3;
    let attempt = 0;
    for (;;) {
      try {
        const result = await options.getClientSecret(snapshot.clientSecret, { signal });
        if (signal.aborted) throw abortError();
        const secret = typeof result === "string" ? { client_secret: result } : result;
        if (typeof secret?.client_secret !== "string" || secret.client_secret === "") {
          throw new TypeError("`getClientSecret` must resolve to a non-empty client secret");
        }
        return secret;
      } catch (error) {
        if (signal.aborted) throw abortError();
        attempt += 1;
        if (error instanceof TypeError && error.message.startsWith("`getClientSecret`"))
          throw error;
        if (attempt > maxRetries) throw error;
        options.onLog?.("session.retry", { attempt });
        await sleep((options.retryDelayMs ?? defaultRetryDelay)(attempt), signal);
      }
    }
  };

  function refresh(): Promise<string> {
    if (inflight) return inflight;
    const abort = new AbortController();
    const current = generation;
    inflightAbort = abort;
    update({
      status: snapshot.clientSecret === null || snapshot.status !== "active" ? "loading" : "active",
      isRefreshing: true,
    });
    options.onLog?.("session.refresh");
    const promise = run(abort.signal).then(
      (secret) => {
        if (current === generation) {
          const expiresAt = typeof secret.expires_at === "number" ? secret.expires_at * 1000 : null;
          update({
            status: "active",
            clientSecret: secret.client_secret,
            expiresAt,
            isRefreshing: false,
            error: null,
          });
          schedule(expiresAt);
        }
        return secret.client_secret;
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error : new Error(String(error));
        if (current === generation) {
          const expired = snapshot.expiresAt !== null && snapshot.expiresAt <= Date.now();
          update({
            status:
              snapshot.clientSecret !== null && !expired ? "active" : expired ? "expired" : "error",
            isRefreshing: false,
            error: reason,
          });
        }
        throw reason;
      },
    );
    const settled = promise.finally(() => {
      if (inflight === settled) {
        inflight = null;
        inflightAbort = null;
      }
    });
    // Callers that ignore the promise must not trigger unhandled rejections.
    settled.catch(() => {});
    inflight = settled;
    return settled;
  }

  const stop = () => {
    generation += 1;
    clearTimers();
    inflightAbort?.abort();
    inflight = null;
    inflightAbort = null;
  };

  const sessionFetch: typeof fetch = async (input, init) => {
    const secret = snapshot.clientSecret ?? (await refresh());
    const base = new Request(input, init);
    const send = (request: Request, token: string) => {
      const headers = new Headers(request.headers);
      headers.set("Authorization", `Bearer ${token}`);
      return (options.fetch ?? globalThis.fetch)(new Request(request, { headers }));
    };
    const replay = base.clone();
    const response = await send(base, secret);
    if (response.status !== 401) return response;
    options.onLog?.("session.unauthorized");
    // Another caller may already have refreshed while this request was out.
    const next =
      snapshot.clientSecret !== null && snapshot.clientSecret !== secret
        ? snapshot.clientSecret
        : await refresh();
    return send(replay, next);
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (snapshot.status === "cancelled") return;
      if (snapshot.status === "active" && snapshot.clientSecret !== null) {
        // Restarted after dispose (React strict mode): only the timers are missing.
        if (refreshTimer === undefined) schedule(snapshot.expiresAt);
        return;
      }
      if (inflight === null) refresh().catch(() => {});
    },
    refresh,
    cancel() {
      const secret = snapshot.clientSecret;
      stop();
      update({ status: "cancelled", isRefreshing: false });
      if (secret !== null) void Promise.resolve(options.onCancel?.(secret)).catch(() => {});
    },
    dispose: stop,
    fetch: sessionFetch,
    setOptions(next) {
      options = next;
    },
  };
}
