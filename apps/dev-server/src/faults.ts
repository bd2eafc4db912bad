import { HttpError } from "./util";

/**
 * Faults to inject into answers, for tests and for trying error states in a UI. Sources, merged
 * in this order (later wins): server options / `THREADKIT_FAULTS`, the `x-threadkit-fault`
 * request header, magic words in the user's message.
 */
export interface FaultSpec {
  /** Wait this long (ms) before answering. */
  latencyMs?: number;
  /** Cut a streaming answer (connection reset) after this many events. */
  dropAfter?: number;
  /** Answer with this HTTP status instead (429 carries `Retry-After`). */
  status?: number;
  /** Answer 401 as if the client secret had expired. */
  expiredSession?: boolean;
}

/** The request header that carries a fault spec, e.g. `drop-after=5, latency=200`. */
export const FAULT_HEADER = "x-threadkit-fault";

function parseNonNegativeInt(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Parses a fault spec: tokens separated by `,`, `;` or spaces — `latency=MS`, `drop-after=N`,
 * `status=CODE` (or a bare `429`, `500`, `503`), `expired-session` (or `expired`).
 * Unknown tokens are ignored so a typo never breaks a request.
 */
export function parseFaultSpec(text: string | null | undefined): FaultSpec {
  const spec: FaultSpec = {};
  if (!text) return spec;
  for (const token of text.split(/[\s,;]+/)) {
    const [rawKey = "", rawValue] = token.trim().toLowerCase().split("=", 2);
    const key = rawKey.replace(/_/g, "-");
    if (key === "latency" || key === "slow") spec.latencyMs = parseNonNegativeInt(rawValue, 1000);
    else if (key === "drop-after" || key === "drop")
      spec.dropAfter = parseNonNegativeInt(rawValue, 5);
    else if (key === "status") spec.status = parseNonNegativeInt(rawValue, 500);
    else if (/^[45]\d\d$/.test(key)) spec.status = Number(key);
    else if (key === "expired-session" || key === "expired") spec.expiredSession = true;
  }
  return spec;
}

/**
 * Fault magic words inside a chat message: `!drop` (after 5 events) or `!drop=N`, `!slow` (1 s)
 * or `!slow=MS`, `!429`, `!500`, `!503`, `!expired`.
 */
export function parseMessageFaults(text: string): FaultSpec {
  const words = text.match(/!(?:drop|slow|expired|[45]\d\d)(?:=\d+)?/gi) ?? [];
  return parseFaultSpec(words.map((word) => word.slice(1)).join(" "));
}

/** Combines specs; fields of later specs win. */
export function mergeFaults(...specs: FaultSpec[]): FaultSpec {
  return Object.assign({}, ...specs) as FaultSpec;
}

/** Whether the spec turns the answer into an HTTP error. */
export function faultError(spec: FaultSpec): HttpError | null {
  if (spec.expiredSession) {
    return new HttpError(
      401,
      "Client secret has expired (injected fault).",
      "invalid_request_error",
      "session_expired",
    );
  }
  if (spec.status === undefined || spec.status < 400) return null;
  if (spec.status === 429) {
    return new HttpError(
      429,
      "Rate limit reached (injected fault).",
      "rate_limit_error",
      "rate_limit_exceeded",
      null,
      { "Retry-After": "1" },
    );
  }
  return new HttpError(
    spec.status,
    `Injected fault: HTTP ${spec.status}.`,
    "server_error",
    "injected_fault",
  );
}
