/**
 * Reading an Assistants API run stream into validated `AssistantStreamEvent`s.
 */
import { parseAssistantStreamEvent } from "../assistants/parse-stream-event";
import type { AssistantStreamEvent, UnknownAssistantStreamEvent } from "../assistants/types";
import {
  type DecodedServerSentEvent,
  decodeServerSentEventBatches,
  InvalidServerSentEventLine,
  type ServerSentEvent,
  type ServerSentEventsBody,
} from "../sse/decode-server-sent-events";
import { FlattenedBatches } from "./flatten-batches";
import type { ReadStreamOptions } from "./read-thread-stream";

/**
 * An Assistants SSE event that could not be used (see `StreamMalformedEvent`); discriminated by
 * `event` like every Assistants event. The stream goes on after it.
 */
export interface AssistantStreamMalformedEvent {
  event: "stream.malformed";
  /**
   * `"invalid_json"`: the data is not JSON. `"invalid_event"`: JSON that fails validation.
   * `"invalid_line"`: a line that is neither a field nor a comment (e.g. JSON without `data:`).
   */
  reason: "invalid_json" | "invalid_event" | "invalid_line";
  /** Human-readable cause. */
  message: string;
  /** The SSE `event:` name, when there was one. */
  original_event?: string;
  /** The raw data (or line) exactly as received. */
  data: string;
  /** The underlying error (`SyntaxError` or `ValidationError`), when there is one. */
  error?: unknown;
}

/** What {@link readAssistantStream} yields. */
export type AssistantStreamReaderEvent =
  | AssistantStreamEvent
  | UnknownAssistantStreamEvent
  | AssistantStreamMalformedEvent;

function malformed(
  reason: AssistantStreamMalformedEvent["reason"],
  data: string,
  originalEvent: string | undefined,
  error: unknown,
): AssistantStreamMalformedEvent {
  const out: AssistantStreamMalformedEvent = {
    event: "stream.malformed",
    reason,
    message: error instanceof Error ? error.message : String(error),
    data,
    error,
  };
  if (originalEvent !== undefined) out.original_event = originalEvent;
  return out;
}

/** @internal Converts one SSE event of an Assistants stream; `null` for a data-less event. */
export function toAssistantStreamEvent(sse: ServerSentEvent): AssistantStreamReaderEvent | null {
  const name = sse.event ?? "message";
  const data = sse.data;
  if (name === "done") return { event: "done", data: "[DONE]" };
  if (data === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (error) {
    return malformed("invalid_json", data, sse.event, error);
  }
  try {
    return parseAssistantStreamEvent(name, json);
  } catch (error) {
    return malformed("invalid_event", data, sse.event, error);
  }
}

/**
 * Reads an Assistants API run stream (`POST /threads/{id}/runs` with `stream: true`, create-and-run,
 * submit_tool_outputs) into validated events, in order.
 *
 * - Known events are validated with `parseAssistantStreamEvent`; plain text
 *   `thread.message.delta` events (every content part `{index, type: "text", text: {value}}`)
 *   take a structural fast path and skip the full schema.
 * - `event: error` yields `{ event: "error", data: { message, type, code, param } }`.
 * - `event: done` yields `{ event: "done", data: "[DONE]" }` (the stream may end without it).
 * - Data that is not JSON, JSON that fails validation, and lines that are not SSE (the published
 *   examples contain `...` lines and JSON without `data:`) yield
 *   `{ event: "stream.malformed", reason, message, data }`; the stream goes on.
 * - Unknown event names yield `{ event: "unknown", original_event, data }`.
 *
 * @example
 * let run: AssistantRunState | undefined;
 * for await (const event of readAssistantStream(response.body!, { signal })) {
 *   run = reduceAssistantRun(run, event);
 * }
 */
export function readAssistantStream(
  body: ServerSentEventsBody,
  options: ReadStreamOptions = {},
): AsyncGenerator<AssistantStreamReaderEvent, void, undefined> {
  return new FlattenedBatches(readAssistantStreamBatches(body, options));
}

/**
 * Like {@link readAssistantStream}, but yields the events of each network chunk as one array
 * (never empty), so a batch can be reduced synchronously and committed once.
 */
export async function* readAssistantStreamBatches(
  body: ServerSentEventsBody,
  options: ReadStreamOptions = {},
): AsyncGenerator<AssistantStreamReaderEvent[], void, undefined> {
  for await (const batch of decodeServerSentEventBatches(body, options.signal)) {
    const events = toAssistantBatch(batch);
    if (events.length > 0) yield events;
  }
}

function toAssistantBatch(batch: readonly DecodedServerSentEvent[]): AssistantStreamReaderEvent[] {
  const out: AssistantStreamReaderEvent[] = [];
  for (const item of batch) {
    if (item instanceof InvalidServerSentEventLine) {
      out.push(malformed("invalid_line", item.line, undefined, item.message));
    } else {
      const event = toAssistantStreamEvent(item);
      if (event !== null) out.push(event);
    }
  }
  return out;
}
