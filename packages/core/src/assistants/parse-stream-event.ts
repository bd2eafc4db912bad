import * as v from "valibot";
import { isJsonObject, validationError, validationErrorFromIssues } from "../errors/issues";
import {
  assistantThreadSchema,
  errorObjectSchema,
  messageDeltaEventSchema,
  messageSchema,
  runSchema,
  runStepDeltaEventSchema,
  runStepSchema,
} from "./schema";
import type { AssistantStreamEvent, MessageDeltaEvent, UnknownAssistantStreamEvent } from "./types";

/** What {@link parseAssistantStreamEvent} returns. */
export type ParsedAssistantStreamEvent = AssistantStreamEvent | UnknownAssistantStreamEvent;

type Schema = v.GenericSchema;

const DATA_SCHEMAS: { [event: string]: Schema } = {
  "thread.created": assistantThreadSchema,
  "thread.run.step.delta": runStepDeltaEventSchema,
  "thread.message.delta": messageDeltaEventSchema,
};
for (const name of [
  "created",
  "queued",
  "in_progress",
  "requires_action",
  "completed",
  "incomplete",
  "failed",
  "cancelling",
  "cancelled",
  "expired",
]) {
  DATA_SCHEMAS[`thread.run.${name}`] = runSchema;
}
for (const name of ["created", "in_progress", "completed", "failed", "cancelled", "expired"]) {
  DATA_SCHEMAS[`thread.run.step.${name}`] = runStepSchema;
}
for (const name of ["created", "in_progress", "completed", "incomplete"]) {
  DATA_SCHEMAS[`thread.message.${name}`] = messageSchema;
}

/** Whether `event` names an Assistants stream event this version knows. */
export function isKnownAssistantStreamEvent(event: string): boolean {
  return event === "error" || event === "done" || Object.hasOwn(DATA_SCHEMAS, event);
}

/** Fast check for the common text-only message delta; anything else takes the full schema. */
function isPlainTextDelta(data: { [key: string]: unknown }): boolean {
  if (typeof data.id !== "string" || data.object !== "thread.message.delta") return false;
  const delta = data.delta;
  if (!isJsonObject(delta)) return false;
  const content = delta.content;
  if (!Array.isArray(content) || (delta.role !== undefined && typeof delta.role !== "string")) {
    return false;
  }
  for (const part of content) {
    if (!isJsonObject(part) || part.type !== "text" || typeof part.index !== "number") return false;
    const text = part.text;
    if (!isJsonObject(text) || typeof text.value !== "string" || text.annotations !== undefined) {
      return false;
    }
  }
  return true;
}

/**
 * Validates one Assistants stream event: the SSE `event:` name and the parsed JSON of its
 * `data:` line.
 *
 * - `done`: `data` is the `[DONE]` sentinel (pass the raw text; any value is accepted).
 * - `error`: `data` may be the error object or the `{"error": {...}}` envelope the API sends;
 *   both give `{event: "error", data: {message, type, code, param}}` (other fields are kept).
 * - Plain text `thread.message.delta` events take a fast path and are returned without copying.
 * - Unknown event names give `{event: "unknown", original_event, data}`: the API adds events
 *   and consumers must skip them.
 * - A known event with a broken shape throws a `ValidationError` whose path starts at
 *   `data` (e.g. `data.delta.content[0].text.value`).
 */
export function parseAssistantStreamEvent(
  event: string,
  json: unknown,
): ParsedAssistantStreamEvent {
  if (event === "done") return { event: "done", data: "[DONE]" };
  if (event === "thread.message.delta" && isJsonObject(json) && isPlainTextDelta(json)) {
    return { event, data: json as unknown as MessageDeltaEvent };
  }
  if (event === "error") {
    const envelope = isJsonObject(json) && isJsonObject(json.error) ? json : undefined;
    const { error: inner, ...rest } = envelope ?? {};
    const body = envelope ? { ...rest, ...(inner as object) } : json;
    const result = v.safeParse(errorObjectSchema, body);
    if (!result.success) {
      throw validationErrorFromIssues("assistant stream event (error)", result.issues, json, [
        "data",
        ...(envelope ? ["error"] : []),
      ]);
    }
    return { event, data: result.output } as AssistantStreamEvent;
  }
  const schema = DATA_SCHEMAS[event];
  if (schema === undefined || !Object.hasOwn(DATA_SCHEMAS, event)) {
    return { event: "unknown", original_event: event, data: json };
  }
  if (!isJsonObject(json)) {
    throw validationError(`assistant stream event (${event})`, ["data"], "object", json, json);
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    throw validationErrorFromIssues(`assistant stream event (${event})`, result.issues, json, [
      "data",
    ]);
  }
  return { event, data: result.output } as AssistantStreamEvent;
}

/** Whether a parsed Assistants event is one this version does not know. */
export function isUnknownAssistantStreamEvent(
  event: ParsedAssistantStreamEvent,
): event is UnknownAssistantStreamEvent {
  return event.event === "unknown";
}
