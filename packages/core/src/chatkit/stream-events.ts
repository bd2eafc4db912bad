/**
 * Events the stream readers yield besides validated protocol events.
 */
import type { UnknownStreamEvent } from "./parse-stream-event";

/**
 * An SSE event whose payload could not be used: its data is not JSON, or it does not match the
 * event's schema, or a line of the stream is not SSE at all. The stream goes on after it.
 */
export interface StreamMalformedEvent {
  type: "stream.malformed";
  /**
   * `"invalid_json"`: the data is not JSON. `"invalid_event"`: JSON that fails validation.
   * `"invalid_line"`: a line that is neither a field nor a comment (e.g. JSON without `data:`).
   * `"invalid_index"`: a valid event whose index (content part, annotation, tool call, output)
   * is negative, fractional or past the end beyond `MAX_INDEX_GAP`; it was not applied.
   */
  reason: "invalid_json" | "invalid_event" | "invalid_line" | "invalid_index";
  /** Human-readable cause. */
  message: string;
  /** The SSE `event:` name, when there was one. */
  event?: string;
  /** The raw data (or line) exactly as received. */
  data: string;
  /** The underlying error (`SyntaxError`, `ValidationError` or `RangeError`), when there is one. */
  error?: unknown;
}

/** What `readThreadStream` yields besides a validated `ThreadStreamEvent`. */
export type ThreadStreamReadEvent = StreamMalformedEvent | UnknownStreamEvent;
