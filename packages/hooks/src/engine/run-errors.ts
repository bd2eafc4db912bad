import { type JsonObject, ThreadkitError } from "@threadkit/core";

/** A function that runs a client tool in the browser and returns its output. */
export type ClientToolHandler = (
  args: JsonObject,
  call: { name: string; callId: string; threadId: string; itemId: string },
) => unknown | Promise<unknown>;

/** The server ended a response with an `error` event. */
export class RunStreamError extends ThreadkitError {
  override name = "RunStreamError";
  /** `"stream.error"`, `"custom"`, or a future code. */
  readonly code: string;
  /** Whether the server allows retrying. */
  readonly allowRetry: boolean;
  constructor(code: string, message: string | null, allowRetry: boolean) {
    super(message ?? (code === "stream.error" ? "The response failed" : `Error: ${code}`));
    this.code = code;
    this.allowRetry = allowRetry;
  }
}

/** A client tool call named a tool missing from `clientTools`. */
export class ClientToolError extends ThreadkitError {
  override name = "ClientToolError";
  /** The tool's name. */
  readonly toolName: string;
  constructor(toolName: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.toolName = toolName;
  }
}

/**
 * The code that runs responses (loaded on the first send, retry, widget action or structured
 * input) could not be loaded, usually because the connection dropped: nothing was sent, and
 * `retry()` loads it again. `cause` is the loader's error.
 */
export class RunEngineLoadError extends ThreadkitError {
  override name = "RunEngineLoadError";
  constructor(options?: { cause?: unknown }) {
    super(
      "Could not load the code that sends messages; check the connection and try again",
      options,
    );
  }
}
