import { randomBytes } from "node:crypto";

/** A source of the current time in milliseconds; inject a fake one in tests. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A new id in the ChatKit server's style: `<prefix>_<hex>`. Never parse ids. */
export function createId(prefix: string, bytes = 6): string {
  return `${prefix}_${randomBytes(bytes).toString("hex")}`;
}

/** Milliseconds → unix seconds (REST timestamps). */
export function toUnix(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Resolves after `ms`; resolves at once for 0, and early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** An error answered as `{error: {message, type, code, param}}` with an HTTP status. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The JSON body of the error response (the OpenAI error shape). */
  toJSON(): {
    error: { message: string; type: string; code: string | null; param: string | null };
  } {
    return {
      error: { message: this.message, type: this.type, code: this.code, param: this.param },
    };
  }
}

/** 400 with the offending parameter named. */
export function badRequest(message: string, param: string | null = null): HttpError {
  return new HttpError(400, message, "invalid_request_error", "invalid_value", param);
}

/** 404 for a missing object. */
export function notFound(kind: string, id: string): HttpError {
  return new HttpError(
    404,
    `No ${kind} found with id '${id}'.`,
    "invalid_request_error",
    "not_found",
  );
}

/** A plain JSON object, or null. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Reads an optional string field (null/undefined → undefined) or throws a 400. */
export function optionalString(
  obj: Record<string, unknown>,
  key: string,
  where = "params",
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${where}.${key} must be a string.`, key);
  return value;
}

/** Reads an optional integer within bounds or throws a 400. */
export function optionalInt(
  obj: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  where = "params",
): number | undefined {
  const raw = obj[key];
  if (raw === undefined || raw === null || raw === "") return undefined;
  const value = typeof raw === "string" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`${where}.${key} must be an integer between ${min} and ${max}.`, key);
  }
  return value;
}

/** Reads `order` (`asc`|`desc`) with a default or throws a 400. */
export function readOrder(
  obj: Record<string, unknown>,
  fallback: "asc" | "desc",
  where = "params",
): "asc" | "desc" {
  const value = obj.order ?? fallback;
  if (value !== "asc" && value !== "desc") {
    throw badRequest(`${where}.order must be "asc" or "desc".`, "order");
  }
  return value;
}
