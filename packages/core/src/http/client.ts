/**
 * The one fetch layer every client shares: injected `fetch`, sync or async headers, an
 * `AbortSignal` on every call, a per-request timeout, typed errors, and retries with exponential
 * backoff + jitter that honour `Retry-After` on 408/409/429/5xx answers and connection failures.
 * A response that started streaming is handed to the caller and never retried, and a request
 * that is not idempotent is retried only when it cannot have reached the server.
 */
import {
  AbortError,
  APIError,
  ConnectionError,
  NotEventStreamError,
  TimeoutError,
  ValidationError,
} from "../errors";
import { parseJsonText } from "../errors/parse-json";

/** Whether `value` is a JSON object (here, not from `errors/issues`: that sits with the schemas). */
function isJsonObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Header values as `fetch` takes them. */
export type HeadersLike = HeadersInit;

/** Static headers, or a function called before every request (e.g. to read a fresh token). */
export type HeadersOption = HeadersLike | (() => HeadersLike | Promise<HeadersLike>);

/** A language tag or weighted list for `Accept-Language`; a function is read per request. */
export type AcceptLanguageOption = string | (() => string | null | undefined);

/**
 * Sets `Accept-Language` on `headers` from `option` unless the header is already there or the
 * option is empty. Returns `headers`.
 */
export function applyAcceptLanguage(
  headers: Headers,
  option: AcceptLanguageOption | undefined,
): Headers {
  if (option === undefined || headers.has("accept-language")) return headers;
  const value = typeof option === "function" ? option() : option;
  if (value) headers.set("accept-language", value);
  return headers;
}

/** Options shared by every client. */
export interface HttpClientOptions {
  /** `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Headers sent with every request; a function is called per request. */
  headers?: HeadersOption;
  /**
   * `Accept-Language` of every request (a BCP 47 tag such as `"fr-CA"`, or a weighted list),
   * or a function read per request so the language can change without a new client. Sent only
   * when no `headers` (client, request or call) already name `Accept-Language`, so an app's own
   * header always wins; a custom `fetch` sees it in `init.headers` and may replace it.
   */
  acceptLanguage?: AcceptLanguageOption;
  /** Per-request timeout in ms, until the response headers (streams) or body (JSON) arrive. @default 60000 */
  timeoutMs?: number;
  /** Retries after a retryable failure. @default 2 */
  maxRetries?: number;
  /** First backoff delay in ms (doubled per attempt, with jitter). @default 500 */
  retryBaseDelayMs?: number;
  /** Longest backoff delay, and the longest `Retry-After` honoured, in ms. @default 8000 */
  retryMaxDelayMs?: number;
}

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the request, its retries and (for streams) the body. */
  signal?: AbortSignal;
  /** Overrides the client's timeout. */
  timeoutMs?: number;
  /** Overrides the client's retry count. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: HeadersLike;
}

/** One HTTP request as the clients describe it. */
export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Full URL. */
  url: string;
  /** Query parameters; `undefined`/`null` are skipped, arrays repeat the key. */
  query?: { [key: string]: string | number | boolean | readonly string[] | null | undefined };
  /** JSON body (serialized) or a ready body (`FormData`, `Blob` …). */
  json?: unknown;
  body?: BodyInit;
  /** Headers of this request (after the client's, before the call's). */
  headers?: HeadersLike;
  /**
   * Whether repeating the request is harmless. `false` (e.g. posting a message) retries only a
   * connection refused before anything was sent; every other failure goes to the caller, since
   * the server may have acted on the request. @default true
   */
  idempotent?: boolean;
}

const RETRYABLE = new Set([408, 409, 429]);

/** Whether a status is retried: 408, 409, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status) || status >= 500;
}

/** Builds a URL with query parameters. */
export function buildUrl(url: string, query: HttpRequest["query"]): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  if (qs === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}${qs}`;
}

/**
 * The delay a `Retry-After` (seconds or HTTP date) or `retry-after-ms` header asks for, in ms, or
 * `undefined` when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) {
    return Math.max(0, Number(ms));
  }
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Connection failures that happen before a byte of the request left the machine. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL"]);

/**
 * Whether a failed `fetch` certainly never sent the request: the connection was refused or the
 * host not found. Only runtimes that report the cause (Node's undici) can tell; a browser's bare
 * `TypeError: Failed to fetch` counts as maybe sent.
 */
export function failedBeforeSending(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    queue.push((current as { cause?: unknown }).cause);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(undefined, { cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function requestIdOf(headers: Headers): string | null {
  return headers.get("x-request-id") ?? headers.get("openai-request-id");
}

/** Whether a `content-type` header names `text/event-stream` (parameters allowed). */
export function isEventStream(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "text/event-stream";
}

/** Reads a non-2xx response into an {@link APIError}. */
export async function apiErrorFromResponse(response: Response): Promise<APIError> {
  let text = "";
  try {
    text = await response.text();
  } catch {
    // The body could not be read; the status still tells the story.
  }
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  const envelope = isJsonObject(body) && isJsonObject(body.error) ? body.error : body;
  const field = (key: string): string | null => {
    if (!isJsonObject(envelope)) return null;
    const value = envelope[key];
    return typeof value === "string" ? value : null;
  };
  const detail = isJsonObject(body) && typeof body.detail === "string" ? body.detail : null;
  const message =
    field("message") ??
    detail ??
    (typeof body === "string" && body !== "" ? body.slice(0, 500) : null) ??
    `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new APIError({
    status: response.status,
    message,
    code: field("code"),
    type: field("type"),
    param: field("param"),
    requestId: requestIdOf(response.headers),
    body,
    headers: response.headers,
  });
}

/** A 2xx response and the handles of its timer and signal. */
interface Sent {
  response: Response;
  /** Clears the timeout only (streams: the caller's signal still cancels the body). */
  clearTimer(): void;
  /** Clears the timeout and detaches the caller's signal. */
  release(): void;
  /** Maps an error thrown while reading the body to a typed error. */
  mapError(error: unknown): unknown;
}

/** The shared fetch layer (see the module comment). */
export interface HttpClient {
  /** Sends a request and returns the validated JSON body. */
  json<T>(
    request: HttpRequest,
    options: RequestOptions | undefined,
    parse: (json: unknown) => T,
  ): Promise<T>;
  /** Sends a request and returns the response body of a 2xx answer for a stream decoder. */
  stream(request: HttpRequest, options?: RequestOptions): Promise<ReadableStream<Uint8Array>>;
  /** Sends a request and returns the 2xx `Response` (body unread). */
  response(request: HttpRequest, options?: RequestOptions): Promise<Response>;
}

/** Creates the shared fetch layer. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutDefault = options.timeoutMs ?? 60_000;
  const retriesDefault = options.maxRetries ?? 2;
  const baseDelay = options.retryBaseDelayMs ?? 500;
  const maxDelay = options.retryMaxDelayMs ?? 8_000;

  async function headersFor(
    request: HttpRequest,
    call: RequestOptions | undefined,
    accept: string | undefined,
  ) {
    const headers = new Headers();
    if (accept) headers.set("accept", accept);
    if (request.json !== undefined) headers.set("content-type", "application/json");
    const clientHeaders =
      typeof options.headers === "function" ? await options.headers() : options.headers;
    for (const source of [request.headers, clientHeaders, call?.headers]) {
      if (source)
        new Headers(source).forEach((value, key) => {
          headers.set(key, value);
        });
    }
    return applyAcceptLanguage(headers, options.acceptLanguage);
  }

  async function attempt(
    request: HttpRequest,
    call: RequestOptions | undefined,
    accept: string | undefined,
  ): Promise<Sent> {
    const userSignal = call?.signal;
    if (userSignal?.aborted) throw new AbortError(undefined, { cause: userSignal.reason });
    const timeoutMs = call?.timeoutMs ?? timeoutDefault;
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener("abort", onAbort, { once: true });
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new TimeoutError(timeoutMs));
          }, timeoutMs)
        : undefined;
    const settle = () => {
      if (timer !== undefined) clearTimeout(timer);
    };
    const release = () => {
      settle();
      userSignal?.removeEventListener("abort", onAbort);
    };
    const mapError = (error: unknown): unknown => {
      if (timedOut) return new TimeoutError(timeoutMs, { cause: error });
      if (userSignal?.aborted) return new AbortError(undefined, { cause: userSignal.reason });
      if (error instanceof ValidationError || error instanceof APIError) return error;
      return new ConnectionError(
        `Connection failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    };
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let headers: Headers;
    try {
      headers = await headersFor(request, call, accept);
    } catch (error) {
      // A failing headers callback (e.g. no token) is the caller's error, not a connection error.
      release();
      throw error;
    }
    let response: Response;
    try {
      const init: RequestInit = { method: request.method, headers, signal: controller.signal };
      if (request.json !== undefined) init.body = JSON.stringify(request.json);
      else if (request.body !== undefined) init.body = request.body;
      response = await fetchImpl(buildUrl(request.url, request.query), init);
    } catch (error) {
      release();
      throw mapError(error);
    }
    if (!response.ok) {
      try {
        throw await apiErrorFromResponse(response);
      } catch (error) {
        release();
        throw error instanceof APIError ? error : mapError(error);
      }
    }
    return { response, clearTimer: settle, release, mapError };
  }

  async function send(
    request: HttpRequest,
    call: RequestOptions | undefined,
    accept?: string,
  ): Promise<Sent> {
    const maxRetries = call?.maxRetries ?? retriesDefault;
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(request, call, accept);
      } catch (error) {
        const retryable =
          request.idempotent === false
            ? error instanceof ConnectionError && failedBeforeSending(error)
            : (error instanceof APIError && isRetryableStatus(error.status)) ||
              error instanceof ConnectionError;
        if (!retryable || retry >= maxRetries) throw error;
        const asked =
          error instanceof APIError && error.headers ? retryAfterMs(error.headers) : undefined;
        const backoff = Math.min(baseDelay * 2 ** retry, maxDelay) * (1 - Math.random() * 0.25);
        const delay = asked !== undefined && asked <= maxDelay ? asked : backoff;
        await sleep(delay, call?.signal);
      }
    }
  }

  return {
    async json(request, call, parse) {
      const sent = await send(request, call, "application/json");
      let text: string;
      try {
        text = await sent.response.text();
      } catch (error) {
        throw sent.mapError(error);
      } finally {
        sent.release();
      }
      const json = text === "" ? {} : parseJsonText(text, "response JSON");
      return parse(json);
    },
    async stream(request, call) {
      const sent = await send(request, call, "text/event-stream");
      // The timeout covers the wait for headers; the body may stream for as long as it needs.
      sent.clearTimer();
      const contentType = sent.response.headers.get("content-type");
      if (!isEventStream(contentType)) {
        sent.release();
        // Nothing of it is used: a login page or a JSON body must not be read as events.
        sent.response.body?.cancel().catch(() => {});
        throw new NotEventStreamError({
          status: sent.response.status,
          contentType,
          requestId: requestIdOf(sent.response.headers),
        });
      }
      const body = sent.response.body;
      if (body === null) {
        sent.release();
        throw new ConnectionError("The response has no body to stream");
      }
      return body;
    },
    async response(request, call) {
      const sent = await send(request, call);
      sent.clearTimer();
      return sent.response;
    },
  };
}
