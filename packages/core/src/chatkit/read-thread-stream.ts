/**
 * Reading a ChatKit server response body into validated `ThreadStreamEvent`s.
 */

import {
  type DecodedServerSentEvent,
  decodeServerSentEventBatches,
  InvalidServerSentEventLine,
  type ServerSentEvent,
  type ServerSentEventsBody,
} from "../sse/decode-server-sent-events";
import { FlattenedBatches } from "../sse/flatten-batches";
import { indexError, isIndexInBounds } from "../state/index-bounds";
import { parseThreadStreamEvent } from "./parse-stream-event";
import type { ThreadStreamEvent } from "./stream-event";
import type { StreamMalformedEvent, ThreadStreamReadEvent } from "./stream-events";
import { readTextDeltaData } from "./text-delta-data";
import type { ThreadItem } from "./thread-item";

/** Options of the stream readers. */
export interface ReadStreamOptions {
  /** Aborting stops the iteration with the signal's reason and cancels the body. */
  signal?: AbortSignal | undefined;
}

/** What {@link readThreadStream} yields. */
export type ThreadStreamReaderEvent = ThreadStreamEvent | ThreadStreamReadEvent;

/** @internal A malformed-event record for `sse`. */
export function malformed(
  reason: StreamMalformedEvent["reason"],
  sse: ServerSentEvent | { data: string; event?: string },
  error: unknown,
): StreamMalformedEvent {
  const out: StreamMalformedEvent = {
    type: "stream.malformed",
    reason,
    message: error instanceof Error ? error.message : String(error),
    data: sse.data,
    error,
  };
  if (sse.event !== undefined) out.event = sse.event;
  return out;
}

/** @internal Converts one SSE event of a ChatKit stream; `null` for an empty keep-alive. */
export function toThreadStreamEvent(sse: ServerSentEvent): ThreadStreamReaderEvent | null {
  const data = sse.data;
  if (data === "") return null;
  // Nearly every event of a stream: read without `JSON.parse` and the schema (same result).
  const delta = readTextDeltaData(data);
  if (delta !== undefined) return delta;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (error) {
    return malformed("invalid_json", sse, error);
  }
  try {
    return parseThreadStreamEvent(json);
  } catch (error) {
    return malformed("invalid_event", sse, error);
  }
}

const TEXT_DELTA = "assistant_message.content_part.text_delta";
const PART_UPDATES: ReadonlySet<string> = new Set([
  "assistant_message.content_part.text_delta",
  "assistant_message.content_part.added",
  "assistant_message.content_part.done",
  "assistant_message.content_part.annotation_added",
]);

/**
 * @internal The index check of one ChatKit stream: it follows the content length of every
 * assistant message the stream carries and returns the error of an update whose
 * `content_index` is out of bounds (see `isIndexInBounds`), else `null`. An update for an item
 * the stream has not shown is only checked for a non-negative integer index.
 */
export function createThreadIndexCheck(): (event: ThreadStreamReaderEvent) => RangeError | null {
  const lengths = new Map<string, number>();
  // The item of the last update and its length: nearly every event is a delta to that item.
  let lastId: string | null = null;
  let lastLength: number | undefined;
  const track = (item: ThreadItem) => {
    if (item.type === "assistant_message" && Array.isArray(item.content)) {
      lengths.set(item.id, item.content.length);
      if (item.id === lastId) lastId = null;
    }
  };
  return (event) => {
    switch (event.type) {
      case "thread.item.updated": {
        const update = event.update;
        if (update.type !== TEXT_DELTA && !PART_UPDATES.has(update.type)) return null;
        const index = (update as { content_index: unknown }).content_index;
        const id = event.item_id;
        if (id !== lastId) {
          lastId = id;
          lastLength = lengths.get(id);
        }
        const length = lastLength;
        if (length !== undefined && typeof index === "number" && index >= 0 && index < length) {
          if (Number.isInteger(index)) return null;
        }
        if (!isIndexInBounds(index, length ?? Number.POSITIVE_INFINITY)) {
          return indexError("content_index", index, length ?? 0);
        }
        if (length !== undefined && index >= length) {
          lengths.set(id, index + 1);
          lastLength = index + 1;
        }
        return null;
      }
      case "thread.item.added":
      case "thread.item.done":
      case "thread.item.replaced":
        track(event.item);
        return null;
      case "thread.item.removed":
        lengths.delete(event.item_id);
        if (event.item_id === lastId) lastId = null;
        return null;
      case "thread.created":
      case "thread.updated": {
        const items = event.thread.items?.data;
        if (Array.isArray(items)) for (const item of items) track(item);
        return null;
      }
      default:
        return null;
    }
  };
}

/** @internal Converts one decoded batch (events and invalid lines) into reader events. */
function toThreadBatch(
  batch: readonly DecodedServerSentEvent[],
  check: (event: ThreadStreamReaderEvent) => RangeError | null,
): ThreadStreamReaderEvent[] {
  const out: ThreadStreamReaderEvent[] = [];
  for (const item of batch) {
    if (item instanceof InvalidServerSentEventLine) {
      out.push(malformed("invalid_line", { data: item.line }, item.message));
    } else {
      const event = toThreadStreamEvent(item);
      if (event === null) continue;
      const error = check(event);
      out.push(error === null ? event : malformed("invalid_index", item, error));
    }
  }
  return out;
}

/**
 * Like {@link readThreadStream}, but yields the events of each network chunk as one array
 * (never empty). Reduce a whole batch synchronously and commit once: this skips one async step
 * per event, which is most of the reader's own cost on a fast stream.
 *
 * @example
 * for await (const events of readThreadStreamBatches(response.body!, { signal })) {
 *   store.setState((state) => events.reduce(reduceThreadStream, state));
 * }
 */
export async function* readThreadStreamBatches(
  body: ServerSentEventsBody,
  options: ReadStreamOptions = {},
): AsyncGenerator<ThreadStreamReaderEvent[], void, undefined> {
  const check = createThreadIndexCheck();
  for await (const batch of decodeServerSentEventBatches(body, options.signal)) {
    const events = toThreadBatch(batch, check);
    if (events.length > 0) yield events;
  }
}

/**
 * Reads a ChatKit server's SSE response into validated events, in order.
 *
 * - Known events are validated (`parseThreadStreamEvent`); `thread.item.updated` text deltas take
 *   a structural fast path (string `item_id`, `update.type` equal to
 *   `assistant_message.content_part.text_delta`, string `delta`, number `content_index`) and skip
 *   the full schema; a text delta in the exact form servers write it (keys in order, no
 *   whitespace) is read without `JSON.parse` at all, into the same event (README, "Readers").
 * - An event whose data is not JSON, that fails validation, or a line that is not SSE yields a
 *   `{ type: "stream.malformed", reason, message, data }` event; the stream goes on.
 * - An update whose `content_index` is negative, fractional, or more than `MAX_INDEX_GAP` past
 *   the end of its message (as this stream has built it) yields a `stream.malformed` event with
 *   `reason: "invalid_index"` instead of the update.
 * - Unknown event types yield `{ type: "unknown", original_type, raw }`.
 * - A data-less event (keep-alive) yields nothing; `error` events are ordinary typed events.
 *
 * @example
 * let state = startThreadStream(createThreadState());
 * for await (const event of readThreadStream(response.body!, { signal })) {
 *   state = reduceThreadStream(state, event);
 * }
 */
export function readThreadStream(
  body: ServerSentEventsBody,
  options: ReadStreamOptions = {},
): AsyncGenerator<ThreadStreamReaderEvent, void, undefined> {
  return new FlattenedBatches(readThreadStreamBatches(body, options), options.signal);
}
