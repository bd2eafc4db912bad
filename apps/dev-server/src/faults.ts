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
  /** Answer 200 `text/html` (an auth proxy's sign-in page) instead; nothing is stored. */
  notEventStream?: boolean;
  /** Never answer: no headers, until the client goes away. */
  hang?: boolean;
  /** Send this many events of a streaming answer, then stay silent with the stream open. */
  silentAfter?: number;
  /** Store the user message, then answer 500 (a server that failed after acting). */
  failAfterStoring?: boolean;
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
 * `status=CODE` (or a bare `429`, `500`, `503`), `expired-session` (or `expired`), `html`,
 * `hang`, `silent` (after 2 events) or `silent=N`, `stored500` (or `stored-500`).
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
    else if (key === "html") spec.notEventStream = true;
    else if (key === "hang") spec.hang = true;
    else if (key === "silent") spec.silentAfter = parseNonNegativeInt(rawValue, 2);
    else if (key === "stored500" || key === "stored-500") spec.failAfterStoring = true;
  }
  return spec;
}

/**
 * Fault magic words inside a chat message: `!drop` (after 5 events) or `!drop=N`, `!slow` (1 s)
 * or `!slow=MS`, `!429`, `!500`, `!503`, `!expired`, `!html` (200 sign-in page), `!hang` (no
 * answer), `!silent` or `!silent=N` (silent after N events), `!stored500` (stored, then 500).
 */
export function parseMessageFaults(text: string): FaultSpec {
  const words =
    text.match(/!(?:drop|slow|expired|html|hang|silent|stored-?500|[45]\d\d)(?:=\d+)?/gi) ?? [];
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

/** The sign-in page an auth proxy answers with (200 `text/html`). */
export const SIGN_IN_PAGE =
  '<!doctype html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><button>Sign in</button></form></body></html>';

/**
 * Thrown to answer with a ready response instead of the normal one (a sign-in page); the app
 * returns its `response` as is.
 */
export class FaultAnswer extends Error {
  override readonly name = "FaultAnswer";
  constructor(readonly response: Response) {
    super("injected answer");
  }
}

/** The answer that replaces the normal one (`html`), or `null`. */
export function faultAnswer(spec: FaultSpec): FaultAnswer | null {
  if (!spec.notEventStream) return null;
  return new FaultAnswer(
    new Response(SIGN_IN_PAGE, {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
    }),
  );
}

/** Waits forever (`hang`): the request stays unanswered until the client goes away. */
export function hangForever(): Promise<never> {
  return new Promise<never>(() => {});
}
