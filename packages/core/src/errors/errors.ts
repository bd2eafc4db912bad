/**
 * Typed errors raised by every part of `@threadkit/core`. Every error class of threadkit extends
 * {@link ThreadkitError}; tell them apart with `instanceof` (`error instanceof APIError`). Each
 * keeps a readable `name` for logs. The platform's own aborts and timeouts (`DOMException`s from
 * `fetch` and `AbortSignal`) are recognised by {@link isAbortError} and {@link isTimeoutError}.
 */

/** A path into a JSON value, e.g. `["content", 0, "text"]`. */
export type JsonPath = readonly (string | number)[];

/** Formats a JSON path the way JavaScript reads it: `content[0].text`. Empty for the root. */
export function formatJsonPath(path: JsonPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Base class of every error `@threadkit/core` throws on purpose. */
export class ThreadkitError extends Error {
  override name = "ThreadkitError";
}

/** One problem found while validating a value. */
export interface ValidationIssue {
  /** Where the problem is, relative to the validated value. */
  readonly path: JsonPath;
  /** Human-readable description, e.g. `expected string, received number`. */
  readonly message: string;
  /** What was expected, when known (e.g. `string`, `"user_message" | "widget"`). */
  readonly expected?: string;
  /** What was found, when known. */
  readonly received?: string;
}

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** What was being validated, e.g. `thread item (assistant_message)`. */
  readonly subject: string;
  /** Every problem found; the first one names `path`. */
  readonly issues: readonly ValidationIssue[];
  /** The value that failed, unchanged (nothing is lost). */
  readonly input: unknown;
  /** Underlying error (e.g. the `SyntaxError` of `JSON.parse`). */
  readonly cause?: unknown;
}

/**
 * A value did not have the shape its type promises: a known item or event type with a broken
 * shape, or a JSON string that does not parse. `path` names the first bad spot in JavaScript
 * notation (`content[0].text`); `input` keeps the whole value.
 *
 * @example
 * try { parseThreadItem(json) } catch (e) {
 *   if (e instanceof ValidationError) console.warn(e.path, e.issues);
 * }
 */
export class ValidationError extends ThreadkitError {
  override name = "ValidationError";
  /** What was being validated, e.g. `thread item (assistant_message)`. */
  declare readonly subject: string;
  /** Path of the first issue, e.g. `content[0].text` (`""` for the value itself). */
  declare readonly path: string;
  /** Every problem found. */
  declare readonly issues: readonly ValidationIssue[];
  /** The value that failed, unchanged. */
  declare readonly input: unknown;

  constructor(options: ValidationErrorOptions) {
    const first = options.issues[0];
    const path = first ? formatJsonPath(first.path) : "";
    const where = path === "" ? "" : ` at ${path}`;
    super(`Invalid ${options.subject}${where}: ${first?.message ?? "invalid value"}`, {
      cause: options.cause,
    });
    this.subject = options.subject;
    this.path = path;
    this.issues = options.issues;
    this.input = options.input;
  }

  /** A copy whose paths start with `prefix` (used when a value is nested in another). */
  withPrefix(prefix: JsonPath, subject = this.subject): ValidationError {
    return new ValidationError({
      subject,
      issues: this.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
      input: this.input,
      cause: this.cause,
    });
  }
}

/** Fields of an OpenAI-style error body: `{"error": {message, type, param, code}}`. */
export interface APIErrorOptions {
  readonly status: number;
  readonly message: string;
  readonly code?: string | null;
  readonly type?: string | null;
  readonly param?: string | null;
  /** `x-request-id` (or `openai-request-id`) response header. */
  readonly requestId?: string | null;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body?: unknown;
  /** Response headers. */
  readonly headers?: Headers;
}

/**
 * The server answered with a non-2xx status. The OpenAI error envelope
 * (`{"error": {message, type, param, code}}`) and the ChatKit server's `{detail}`/`{message}`
 * bodies are read into the fields; `body` keeps whatever was sent.
 */
export class APIError extends ThreadkitError {
  override name = "APIError";
  /** HTTP status code. */
  declare readonly status: number;
  /** Machine-readable error code, e.g. `invalid_thread`. */
  declare readonly code: string | null;
  /** Error type, e.g. `invalid_request_error`. */
  declare readonly type: string | null;
  /** The request parameter the error is about. */
  declare readonly param: string | null;
  /** Request id from the response headers, for support tickets. */
  declare readonly requestId: string | null;
  /** The parsed body (or its text when it was not JSON). */
  declare readonly body: unknown;
  /** The response headers. */
  declare readonly headers: Headers | undefined;

  constructor(options: APIErrorOptions) {
    super(options.message);
    this.status = options.status;
    this.code = options.code ?? null;
    this.type = options.type ?? null;
    this.param = options.param ?? null;
    this.requestId = options.requestId ?? null;
    this.body = options.body;
    this.headers = options.headers;
  }
}

/** The request never got a response: DNS, refused connection, reset, CORS … */
export class ConnectionError extends ThreadkitError {
  override name = "ConnectionError";
}

/**
 * Code a call needs could not be loaded (a chunk of the app that failed to download, e.g. the
 * checks of the ChatKit client's answers, which load with the first request). Nothing was lost:
 * calling again loads it again. A {@link ConnectionError}, so code that retries on connection
 * failures retries this too; `cause` holds the loader's error.
 */
export class ModuleLoadError extends ConnectionError {
  override name = "ModuleLoadError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The per-request timeout elapsed before the response (headers) arrived. */
export class TimeoutError extends ThreadkitError {
  override name = "TimeoutError";
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`Request timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Whether `error` is an abort: core's {@link AbortError}, or the `DOMException` named
 * `"AbortError"` that `fetch` and `AbortSignal.abort()` raise.
 */
export function isAbortError(error: unknown): boolean {
  return error instanceof AbortError || isDomException(error, "AbortError");
}

/**
 * Whether `error` is a timeout: core's {@link TimeoutError}, or the `DOMException` named
 * `"TimeoutError"` that `AbortSignal.timeout()` raises.
 */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof TimeoutError || isDomException(error, "TimeoutError");
}

/** The platform's exceptions carry their kind in `name` (WebIDL); that is the only way to read it. */
function isDomException(error: unknown, name: "AbortError" | "TimeoutError"): boolean {
  return (
    typeof DOMException !== "undefined" && error instanceof DOMException && error.name === name
  );
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortError extends ThreadkitError {
  override name = "AbortError";
  constructor(message = "Request was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Options of {@link NotEventStreamError}. */
export interface NotEventStreamErrorOptions {
  /** HTTP status of the answer (a 2xx). */
  readonly status: number;
  /** Its `content-type` header, or `null` when it had none. */
  readonly contentType: string | null;
  /** `x-request-id` (or `openai-request-id`) response header. */
  readonly requestId?: string | null;
}

/**
 * A streaming request got a 2xx answer that is not `text/event-stream`: an auth proxy's login
 * page, a JSON body, garbage. The body is not read; nothing of it reached the caller.
 */
export class NotEventStreamError extends ThreadkitError {
  override name = "NotEventStreamError";
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** The answer's `content-type`, or `null`. */
  declare readonly contentType: string | null;
  /** Request id from the response headers, for support tickets. */
  declare readonly requestId: string | null;
  constructor(options: NotEventStreamErrorOptions) {
    super(
      `Expected an event stream (text/event-stream), got ${options.contentType ?? "no content type"} (HTTP ${options.status})`,
    );
    this.status = options.status;
    this.contentType = options.contentType;
    this.requestId = options.requestId ?? null;
  }
}

/**
 * The backend cannot perform this operation (the hosted ChatKit REST API cannot send messages,
 * for one). Check the backend's `capabilities` first to leave such controls out of the UI.
 *
 * @example
 * if (!backend.capabilities.rename) hideRenameButton();
 */
export class UnsupportedOperationError extends ThreadkitError {
  override name = "UnsupportedOperationError";
  /** The operation that was refused, e.g. `renameThread`. */
  declare readonly operation: string;
  /** Which backend refused it, e.g. `chatkit-rest`. */
  declare readonly backend: string;
  constructor(backend: string, operation: string) {
    super(`The ${backend} backend does not support ${operation}`);
    this.backend = backend;
    this.operation = operation;
  }
}
