import type { DevStore } from "./store";
import { asObject, badRequest, type Clock, createId, HttpError, toUnix } from "./util";

/** A ChatKit session as `POST /v1/chatkit/sessions` returns it. */
export interface ChatSession {
  id: string;
  object: "chatkit.session";
  chatkit_configuration: {
    automatic_thread_titling: { enabled: boolean };
    file_upload: { enabled: boolean; max_file_size: number; max_files: number };
    history: { enabled: boolean; recent_threads: number | null };
  };
  client_secret: string;
  /** Unix seconds. */
  expires_at: number;
  max_requests_per_1_minute: number;
  rate_limits: { max_requests_per_1_minute: number };
  status: "active" | "expired" | "cancelled";
  user: string;
  workflow: {
    id: string;
    state_variables: Record<string, string | boolean | number> | null;
    tracing: { enabled: boolean };
    version: string | null;
  };
}

const SESSION_KIND = "chatkit.session";
const SECRET_KIND = "chatkit.client_secret";
const WINDOW_MS = 60_000;

function readBool(
  obj: Record<string, unknown> | null,
  key: string,
  fallback: boolean,
  where: string,
) {
  const value = obj?.[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean")
    throw badRequest(`${where}.${key} must be a boolean.`, `${where}.${key}`);
  return value;
}

function readInt(
  obj: Record<string, unknown> | null,
  key: string,
  fallback: number | null,
  min: number,
  max: number,
  where: string,
): number | null {
  const value = obj?.[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    throw badRequest(`${where}.${key} must be an integer ${range}.`, `${where}.${key}`);
  }
  return value;
}

function readSection(body: Record<string, unknown>, key: string, where: string) {
  const value = body[key];
  if (value === undefined || value === null) return null;
  const obj = asObject(value);
  if (!obj) throw badRequest(`${where}${key} must be an object.`, `${where}${key}`);
  return obj;
}

/**
 * Creates, cancels and checks ChatKit sessions. Sessions persist in the store; the per-minute
 * request windows live in memory (a restart forgives past requests).
 */
export class SessionManager {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly store: DevStore,
    private readonly clock: Clock,
  ) {}

  /** Validates a create body, applies the documented defaults and bounds, stores the session. */
  create(raw: unknown): ChatSession {
    const body = asObject(raw);
    if (!body) throw badRequest("Request body must be a JSON object.");
    const user = body.user;
    if (typeof user !== "string" || user.length === 0) {
      throw badRequest("user must be a non-empty string.", "user");
    }
    const workflow = readSection(body, "workflow", "");
    if (!workflow || typeof workflow.id !== "string" || workflow.id.length === 0) {
      throw badRequest("workflow.id must be a non-empty string.", "workflow.id");
    }
    const version = workflow.version;
    if (version !== undefined && version !== null && typeof version !== "string") {
      throw badRequest("workflow.version must be a string.", "workflow.version");
    }
    const stateVariables = readSection(workflow, "state_variables", "workflow.");
    for (const [key, value] of Object.entries(stateVariables ?? {})) {
      if (key.length > 64)
        throw badRequest(
          "workflow.state_variables keys may be up to 64 characters.",
          "workflow.state_variables",
        );
      if (!["string", "boolean", "number"].includes(typeof value)) {
        throw badRequest(
          `workflow.state_variables.${key} must be a string, boolean or number.`,
          "workflow.state_variables",
        );
      }
    }
    const tracing = readSection(workflow, "tracing", "workflow.");
    const config = readSection(body, "chatkit_configuration", "");
    const titling = config
      ? readSection(config, "automatic_thread_titling", "chatkit_configuration.")
      : null;
    const upload = config ? readSection(config, "file_upload", "chatkit_configuration.") : null;
    const history = config ? readSection(config, "history", "chatkit_configuration.") : null;
    const expiresAfter = readSection(body, "expires_after", "");
    if (expiresAfter && expiresAfter.anchor !== undefined && expiresAfter.anchor !== "created_at") {
      throw badRequest('expires_after.anchor must be "created_at".', "expires_after.anchor");
    }
    const seconds = readInt(expiresAfter, "seconds", 600, 1, 600, "expires_after") ?? 600;
    const rateLimits = readSection(body, "rate_limits", "");
    const perMinute =
      readInt(
        rateLimits,
        "max_requests_per_1_minute",
        10,
        1,
        Number.MAX_SAFE_INTEGER,
        "rate_limits",
      ) ?? 10;
    const cfg = "chatkit_configuration";
    const session: ChatSession = {
      id: createId("cksess", 12),
      object: "chatkit.session",
      chatkit_configuration: {
        automatic_thread_titling: {
          enabled: readBool(titling, "enabled", true, `${cfg}.automatic_thread_titling`),
        },
        file_upload: {
          enabled: readBool(upload, "enabled", false, `${cfg}.file_upload`),
          max_file_size: readInt(upload, "max_file_size", 512, 1, 512, `${cfg}.file_upload`) ?? 512,
          max_files:
            readInt(upload, "max_files", 10, 1, Number.MAX_SAFE_INTEGER, `${cfg}.file_upload`) ??
            10,
        },
        history: {
          enabled: readBool(history, "enabled", true, `${cfg}.history`),
          recent_threads: readInt(
            history,
            "recent_threads",
            null,
            1,
            Number.MAX_SAFE_INTEGER,
            `${cfg}.history`,
          ),
        },
      },
      client_secret: createId("ek", 24),
      expires_at: toUnix(this.clock.now()) + seconds,
      max_requests_per_1_minute: perMinute,
      rate_limits: { max_requests_per_1_minute: perMinute },
      status: "active",
      user,
      workflow: {
        id: workflow.id,
        state_variables: (stateVariables as ChatSession["workflow"]["state_variables"]) ?? null,
        tracing: { enabled: readBool(tracing, "enabled", true, "workflow.tracing") },
        version: (version as string | null | undefined) ?? null,
      },
    };
    this.store.putObject(SESSION_KIND, session);
    this.store.putObject(SECRET_KIND, { id: session.client_secret, session_id: session.id });
    return session;
  }

  /** The session with its status as of now (`expired` once `expires_at` has passed). */
  get(id: string): ChatSession | null {
    const session = this.store.getObject<ChatSession>(SESSION_KIND, id);
    if (!session) return null;
    if (session.status === "active" && this.clock.now() >= session.expires_at * 1000) {
      return { ...session, status: "expired" };
    }
    return session;
  }

  /** Cancels a session; its client secret stops working at once. */
  cancel(id: string): ChatSession {
    const session = this.get(id);
    if (!session)
      throw new HttpError(
        404,
        `No session found with id '${id}'.`,
        "invalid_request_error",
        "not_found",
      );
    if (session.status !== "active") {
      throw new HttpError(
        400,
        `Session is already ${session.status}.`,
        "invalid_request_error",
        "session_not_active",
      );
    }
    const cancelled: ChatSession = { ...session, status: "cancelled" };
    this.store.putObject(SESSION_KIND, cancelled);
    this.windows.delete(id);
    return cancelled;
  }

  /**
   * Checks a client secret and counts one request against its per-minute limit.
   * Throws 401 for an unknown, expired or cancelled secret and 429 (with `Retry-After`) past
   * the limit.
   */
  authorize(secret: string): ChatSession {
    const link = this.store.getObject<{ id: string; session_id: string }>(SECRET_KIND, secret);
    const session = link ? this.get(link.session_id) : null;
    if (!session)
      throw new HttpError(
        401,
        "Invalid client secret.",
        "invalid_request_error",
        "invalid_client_secret",
      );
    if (session.status === "expired") {
      throw new HttpError(
        401,
        "Client secret has expired.",
        "invalid_request_error",
        "session_expired",
      );
    }
    if (session.status === "cancelled") {
      throw new HttpError(
        401,
        "Session has been cancelled.",
        "invalid_request_error",
        "session_cancelled",
      );
    }
    const now = this.clock.now();
    const window = (this.windows.get(session.id) ?? []).filter((at) => at > now - WINDOW_MS);
    if (window.length >= session.max_requests_per_1_minute) {
      const retryAfter = Math.max(1, Math.ceil(((window[0] ?? now) + WINDOW_MS - now) / 1000));
      this.windows.set(session.id, window);
      throw new HttpError(
        429,
        `Rate limit of ${session.max_requests_per_1_minute} requests per minute reached.`,
        "rate_limit_error",
        "rate_limit_exceeded",
        null,
        { "Retry-After": String(retryAfter) },
      );
    }
    window.push(now);
    this.windows.set(session.id, window);
    return session;
  }
}
