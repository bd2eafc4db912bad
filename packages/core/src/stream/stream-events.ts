/**
 * Events the stream readers yield besides validated protocol events.
 */
import type { UnknownStreamEvent } from "../validation/parse-stream-event";

/**
 * An SSE event whose payload could not be used: its data is not JSON, or it does not match the
 * event's schema, or a line of the stream is not SSE at all. The stream goes on after it.
 */
export interface StreamMalformedEvent {
  type: "stream.malformed";
  /**
   * `"invalid_json"`: the data is not JSON. `"invalid_event"`: JSON that fails validation.
   * `"invalid_line"`: a line that is neither a field nor a comment (e.g. JSON without `data:`).
   */
  reason: "invalid_json" | "invalid_event" | "invalid_line";
  /** Human-readable cause. */
  message: string;
  /** The SSE `event:` name, when there was one. */
  event?: string;
  /** The raw data (or line) exactly as received. */
  data: string;
  /** The underlying error (`SyntaxError` or `ValidationError`), when there is one. */
  error?: unknown;
}

/** What `readThreadStream` yields besides a validated `ThreadStreamEvent`. */
export type ThreadStreamReadEvent = StreamMalformedEvent | UnknownStreamEvent;
