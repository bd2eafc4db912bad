/**
 * Reading an Assistants API run stream into validated `AssistantStreamEvent`s.
 */

import type { ReadStreamOptions } from "../chatkit/read-thread-stream";
import {
  type DecodedServerSentEvent,
  decodeServerSentEventBatches,
  InvalidServerSentEventLine,
  type ServerSentEvent,
  type ServerSentEventsBody,
} from "../sse/decode-server-sent-events";
import { FlattenedBatches } from "../sse/flatten-batches";
import { indexError, isIndexInBounds } from "../state/index-bounds";
import { parseAssistantStreamEvent } from "./parse-stream-event";
import { readTextDeltaData } from "./text-delta-data";
import type { AssistantStreamEvent, ToolCall, UnknownAssistantStreamEvent } from "./types";

/**
 * An Assistants SSE event that could not be used (see `StreamMalformedEvent`); discriminated by
 * `event` like every Assistants event. The stream goes on after it.
 */
export interface AssistantStreamMalformedEvent {
  event: "stream.malformed";
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
  original_event?: string;
  /** The raw data (or line) exactly as received. */
  data: string;
  /** The underlying error (`SyntaxError`, `ValidationError` or `RangeError`), when there is one. */
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
  if (name === "thread.message.delta") {
    // Nearly every event of a run: read without `JSON.parse` and the schema (same result).
    const delta = readTextDeltaData(data);
    if (delta !== undefined) return { event: name, data: delta };
  }
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
 *   take a structural fast path and skip the full schema; one in the exact form the API writes it
 *   (keys in order, no whitespace, one part) is read without `JSON.parse` at all, into the same
 *   event (README, "Readers").
 * - `event: error` yields `{ event: "error", data: { message, type, code, param } }`.
 * - `event: done` yields `{ event: "done", data: "[DONE]" }` (the stream may end without it).
 * - Data that is not JSON, JSON that fails validation, and lines that are not SSE (the published
 *   examples contain `...` lines and JSON without `data:`) yield
 *   `{ event: "stream.malformed", reason, message, data }`; the stream goes on.
 * - Unknown event names yield `{ event: "unknown", original_event, data }`.
 * - A delta that names a content part, annotation, tool call or code interpreter output index
 *   that is negative, fractional, or more than `MAX_INDEX_GAP` past the end (as this stream has
 *   built it) yields `{ event: "stream.malformed", reason: "invalid_index" }` instead.
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
  return new FlattenedBatches(readAssistantStreamBatches(body, options), options.signal);
}

/**
 * Like {@link readAssistantStream}, but yields the events of each network chunk as one array
 * (never empty), so a batch can be reduced synchronously and committed once.
 */
export async function* readAssistantStreamBatches(
  body: ServerSentEventsBody,
  options: ReadStreamOptions = {},
): AsyncGenerator<AssistantStreamReaderEvent[], void, undefined> {
  const check = createAssistantIndexCheck();
  for await (const batch of decodeServerSentEventBatches(body, options.signal)) {
    const events = toAssistantBatch(batch, check);
    if (events.length > 0) yield events;
  }
}

function toAssistantBatch(
  batch: readonly DecodedServerSentEvent[],
  check: (event: AssistantStreamReaderEvent) => RangeError | null,
): AssistantStreamReaderEvent[] {
  const out: AssistantStreamReaderEvent[] = [];
  for (const item of batch) {
    if (item instanceof InvalidServerSentEventLine) {
      out.push(malformed("invalid_line", item.line, undefined, item.message));
    } else {
      const event = toAssistantStreamEvent(item);
      if (event === null) continue;
      const error = check(event);
      out.push(error === null ? event : malformed("invalid_index", item.data, item.event, error));
    }
  }
  return out;
}

/** Entry-wise maximum of two count lists (the longer length wins). */
function maxCounts(a: readonly number[] | undefined, b: readonly number[]): number[] {
  if (a === undefined) return b.slice();
  const out = a.length >= b.length ? a.slice() : b.slice();
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    out[i] = Math.max(a[i] as number, b[i] as number);
  }
  return out;
}

const lengthOf = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

/**
 * Checks the indexes of one nested delta list against `counts` (entries so far, each with the
 * size of its own nested list). Returns the error, or the counts to keep (`counts` itself when
 * nothing grew).
 */
function checkIndexes(
  counts: readonly number[],
  deltas: readonly { index: number }[],
  field: string,
  nested: (delta: { index: number }) => { field: string; deltas: readonly { index: number }[] },
): readonly number[] | RangeError {
  let out: number[] | null = null;
  for (const delta of deltas) {
    const current = out ?? counts;
    if (!isIndexInBounds(delta.index, current.length)) {
      return indexError(field, delta.index, current.length);
    }
    const inner = nested(delta);
    const size = current[delta.index] ?? 0;
    let grown = size;
    for (const child of inner.deltas) {
      if (!isIndexInBounds(child.index, grown)) return indexError(inner.field, child.index, grown);
      if (child.index >= grown) grown = child.index + 1;
    }
    if (delta.index >= current.length || grown !== size) {
      out ??= counts.slice();
      while (out.length <= delta.index) out.push(0);
      out[delta.index] = grown;
    }
  }
  return out ?? counts;
}

const NO_DELTAS: readonly { index: number }[] = [];
const NO_COUNTS: readonly number[] = [];

/**
 * @internal The index check of one Assistants stream: it follows the content parts (and their
 * annotations) of every message and the tool calls (and their code interpreter outputs) of every
 * step, and returns the error of a delta that names an index out of bounds (see
 * `isIndexInBounds`), else `null`.
 */
export function createAssistantIndexCheck(): (
  event: AssistantStreamReaderEvent,
) => RangeError | null {
  /** Per message: the annotation count of each content part. */
  const messages = new Map<string, number[] | readonly number[]>();
  /** Per step: the output count of each tool call. */
  const steps = new Map<string, number[] | readonly number[]>();
  // The message of the last delta and its counts: nearly every event is a delta to it.
  let lastId: string | null = null;
  let lastCounts: readonly number[] = NO_COUNTS;
  return (event) => {
    switch (event.event) {
      case "thread.message.delta": {
        const content = event.data.delta.content;
        if (content === undefined || content.length === 0) return null;
        const id = event.data.id;
        if (id !== lastId) {
          lastId = id;
          lastCounts = messages.get(id) ?? NO_COUNTS;
        }
        const counts = lastCounts;
        // Fast path, nearly every event: text appended to a part that exists.
        if (content.length === 1) {
          const part = content[0] as { index: number; text?: { annotations?: unknown } };
          const index = part.index;
          if (
            part.text?.annotations === undefined &&
            Number.isInteger(index) &&
            index >= 0 &&
            index < counts.length
          ) {
            return null;
          }
        }
        const next = checkIndexes(counts, content, "content index", (part) => {
          const text = (part as { text?: { annotations?: { index: number }[] } }).text;
          return { field: "annotation index", deltas: text?.annotations ?? NO_DELTAS };
        });
        if (next instanceof RangeError) return next;
        if (next !== counts) {
          messages.set(id, next);
          lastCounts = next;
        }
        return null;
      }
      case "thread.run.step.delta": {
        const details = event.data.delta.step_details;
        const calls = details?.type === "tool_calls" ? details.tool_calls : undefined;
        if (calls === undefined || calls.length === 0) return null;
        const counts = steps.get(event.data.id) ?? [];
        const next = checkIndexes(counts, calls, "tool call index", (call) => {
          const ci = (call as { code_interpreter?: { outputs?: { index: number }[] } })
            .code_interpreter;
          return { field: "output index", deltas: ci?.outputs ?? NO_DELTAS };
        });
        if (next instanceof RangeError) return next;
        if (next !== counts) steps.set(event.data.id, next);
        return null;
      }
      case "thread.message.created":
      case "thread.message.in_progress":
      case "thread.message.completed":
      case "thread.message.incomplete": {
        const content = Array.isArray(event.data.content) ? event.data.content : [];
        const counts = content.map((part) =>
          part?.type === "text" ? lengthOf(part.text?.annotations) : 0,
        );
        messages.set(event.data.id, maxCounts(messages.get(event.data.id), counts));
        if (event.data.id === lastId) lastId = null;
        return null;
      }
      case "thread.run.step.created":
      case "thread.run.step.in_progress":
      case "thread.run.step.completed":
      case "thread.run.step.failed":
      case "thread.run.step.cancelled":
      case "thread.run.step.expired": {
        const details = event.data.step_details;
        const calls = details?.type === "tool_calls" ? lengthOf(details.tool_calls) : 0;
        const counts: number[] = [];
        for (let i = 0; i < calls; i++) {
          const call = (details as { tool_calls: ToolCall[] }).tool_calls[i];
          counts.push(
            call?.type === "code_interpreter" ? lengthOf(call.code_interpreter?.outputs) : 0,
          );
        }
        steps.set(event.data.id, maxCounts(steps.get(event.data.id), counts));
        return null;
      }
      default:
        return null;
    }
  };
}
