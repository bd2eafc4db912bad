/**
 * Errors of `@threadkit/server`. Request errors become a 4xx/5xx JSON answer before any stream
 * starts; stream errors become an `error` event inside a stream that already started.
 */
import { ThreadkitError } from "@threadkit/core";

/** The JSON body of every error answer: `{ error: { type, code, message, param } }`. */
export interface ErrorBody {
  error: { type: string; code: string; message: string; param: string | null };
}

/**
 * A request that cannot be answered, with its HTTP status. Thrown before a response starts, it
 * is answered as JSON ({@link ErrorBody}); nothing is stored.
 */
export class ChatKitRequestError extends ThreadkitError {
  override name = "ChatKitRequestError";
  /** HTTP status (4xx for bad input, 501 for an operation the server was not given). */
  readonly status: number;
  /** Machine-readable code, e.g. `not_found`, `invalid_request`, `thread_locked`. */
  readonly code: string;
  /** The request field at fault, e.g. `params.thread_id`, when one is. */
  readonly param: string | null;

  constructor(status: number, code: string, message: string, param: string | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
  }

  /** The JSON body of the error answer. */
  toJSON(): ErrorBody {
    const type = this.status >= 500 ? "server_error" : "invalid_request_error";
    return { error: { type, code: this.code, message: this.message, param: this.param } };
  }
}

/** A thread, item or attachment that does not exist (404). Stores throw it from `load*`. */
export class NotFoundError extends ChatKitRequestError {
  override name = "NotFoundError";
  /** `thread`, `item` or `attachment`. */
  readonly kind: string;
  /** The id that was not found. */
  readonly id: string;

  constructor(kind: string, id: string, param: string | null = null) {
    super(404, "not_found", `No ${kind} found with id '${id}'.`, param);
    this.kind = kind;
    this.id = id;
  }
}

/** Malformed or invalid input (400). */
export class BadRequestError extends ChatKitRequestError {
  override name = "BadRequestError";
  constructor(message: string, param: string | null = null, code = "invalid_request") {
    super(400, code, message, param);
  }
}

/** Error codes with a localized message in ChatKit.js. Not a closed set. */
export type StreamErrorCode = "stream.error" | (string & {});

/**
 * Ends a stream with `{type: "error", code, allow_retry}`: ChatKit.js shows the localized
 * message of `code`. Throw it from `respond` or `action` (Python: `StreamError`).
 */
export class StreamError extends ThreadkitError {
  override name = "StreamError";
  /** The error code sent to the client. */
  readonly code: StreamErrorCode;
  /** Whether the client offers a retry button. Default `true` for `stream.error`, else `false`. */
  readonly allowRetry: boolean;

  constructor(code: StreamErrorCode, options: { allowRetry?: boolean } = {}) {
    super(`Stream error: ${code}`);
    this.code = code;
    this.allowRetry = options.allowRetry ?? code === "stream.error";
  }
}

/**
 * Ends a stream with `{type: "error", code: "custom", message, allow_retry}`: ChatKit.js shows
 * `message` as is (localize it yourself). Python: `CustomStreamError`.
 */
export class CustomStreamError extends ThreadkitError {
  override name = "CustomStreamError";
  /** Whether the client offers a retry button. Default `false`. */
  readonly allowRetry: boolean;

  constructor(message: string, options: { allowRetry?: boolean } = {}) {
    super(message);
    this.allowRetry = options.allowRetry ?? false;
  }
}
