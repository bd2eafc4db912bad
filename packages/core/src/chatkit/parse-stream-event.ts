import * as v from "valibot";
import { isJsonObject, validationError, validationErrorFromIssues } from "../errors/issues";
import { parseThreadAt, parseThreadItemAt } from "./parse-thread-item";
import type { ThreadItemUpdate, ThreadStreamEvent } from "./stream-event";
import { itemUpdateSchemas, plainEventSchemas } from "./stream-event-schema";
import type { JsonObject } from "./thread-item";

/**
 * A stream event this version does not know (a newer server). Reducers ignore it; it is kept
 * whole under `raw` so nothing is lost.
 */
export interface UnknownStreamEvent {
  type: "unknown";
  /** The event's `type` as sent. For a `thread.item.updated` event with an unknown update type,
   * this is `thread.item.updated` and `raw.update.type` names the update. */
  original_type: string;
  raw: JsonObject;
}

/** What {@link parseThreadStreamEvent} returns. */
export type ParsedThreadStreamEvent = ThreadStreamEvent | UnknownStreamEvent;

const TEXT_DELTA = "assistant_message.content_part.text_delta";

function unknownEvent(raw: JsonObject, type: string): UnknownStreamEvent {
  return { type: "unknown", original_type: type, raw };
}

/**
 * Validates one decoded ChatKit stream event (the JSON of an SSE `data:` line).
 *
 * Text deltas take a fast path (a few `typeof` checks, the input object is returned as is);
 * every other known event is checked in full, and items inside events go through
 * {@link parseThreadItem} (unknown item types become `unknown` items). Unknown event types and
 * unknown `thread.item.updated` update types return an {@link UnknownStreamEvent}. A known type
 * with a broken shape throws a {@link ValidationError} whose path starts at the event
 * (`item.content[0].text`).
 */
export function parseThreadStreamEvent(json: unknown): ParsedThreadStreamEvent {
  if (!isJsonObject(json)) throw validationError("stream event", [], "object", json, json);
  const type = json.type;
  if (typeof type !== "string") {
    throw validationError("stream event", ["type"], "string", type, json);
  }
  switch (type) {
    case "thread.item.updated": {
      const update = json.update;
      // Fast path: the overwhelming majority of events in a stream.
      if (
        isJsonObject(update) &&
        update.type === TEXT_DELTA &&
        typeof update.delta === "string" &&
        typeof update.content_index === "number" &&
        typeof json.item_id === "string"
      ) {
        return json as unknown as ThreadStreamEvent;
      }
      if (typeof json.item_id !== "string") {
        throw validationError(
          "stream event (thread.item.updated)",
          ["item_id"],
          "string",
          json.item_id,
          json,
        );
      }
      if (!isJsonObject(update)) {
        throw validationError(
          "stream event (thread.item.updated)",
          ["update"],
          "object",
          update,
          json,
        );
      }
      const updateType = update.type;
      if (typeof updateType !== "string") {
        throw validationError(
          "stream event (thread.item.updated)",
          ["update", "type"],
          "string",
          updateType,
          json,
        );
      }
      if (!Object.hasOwn(itemUpdateSchemas, updateType)) return unknownEvent(json, type);
      const schema = itemUpdateSchemas[updateType as keyof typeof itemUpdateSchemas];
      const result = v.safeParse(schema, update);
      if (!result.success) {
        throw validationErrorFromIssues(`stream event (${updateType})`, result.issues, json, [
          "update",
        ]);
      }
      return { ...json, update: result.output as ThreadItemUpdate } as ThreadStreamEvent;
    }
    case "thread.item.added":
    case "thread.item.done":
    case "thread.item.replaced": {
      const item = parseThreadItemAt(json.item, ["item"], json);
      return { ...json, type, item };
    }
    case "thread.created":
    case "thread.updated": {
      const thread = parseThreadAt(json.thread, ["thread"], json);
      return { ...json, type, thread };
    }
    default: {
      if (!Object.hasOwn(plainEventSchemas, type)) return unknownEvent(json, type);
      const schema = plainEventSchemas[type as keyof typeof plainEventSchemas];
      const result = v.safeParse(schema, json);
      if (!result.success) {
        throw validationErrorFromIssues(`stream event (${type})`, result.issues, json);
      }
      return result.output as ThreadStreamEvent;
    }
  }
}

/** Whether a parsed event is one this version does not know. */
export function isUnknownStreamEvent(event: ParsedThreadStreamEvent): event is UnknownStreamEvent {
  return event.type === "unknown";
}
