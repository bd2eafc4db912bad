import * as v from "valibot";
import { ValidationError } from "../errors";
import { validationErrorFromIssues } from "../errors/issues";
import {
  assistantDeletedSchema,
  assistantFileSchema,
  assistantSchema,
  assistantThreadSchema,
  cursorPageSchema,
  messageSchema,
  runSchema,
  runStepSchema,
} from "./schema";
import type {
  Assistant,
  AssistantDeleted,
  AssistantFile,
  AssistantThread,
  CursorPage,
  Message,
  Run,
  RunStep,
} from "./types";

function parser<T>(schema: v.GenericSchema, subject: string): (json: unknown) => T {
  return (json) => {
    const result = v.safeParse(schema, json);
    if (!result.success) throw validationErrorFromIssues(subject, result.issues, json);
    return result.output as T;
  };
}

/** Validates an Assistants `Run`; throws a `ValidationError` naming the path. */
export const parseRun: (json: unknown) => Run = parser(runSchema, "run");
/** Validates an Assistants `RunStep`. */
export const parseRunStep: (json: unknown) => RunStep = parser(runStepSchema, "run step");
/** Validates an Assistants `Message`. */
export const parseMessage: (json: unknown) => Message = parser(messageSchema, "message");
/** Validates an `Assistant`. */
export const parseAssistant: (json: unknown) => Assistant = parser(assistantSchema, "assistant");
/** Validates an uploaded `AssistantFile`. */
export const parseAssistantFile: (json: unknown) => AssistantFile = parser(
  assistantFileSchema,
  "file",
);
/** Validates an Assistants `Thread`. */
export const parseAssistantThread: (json: unknown) => AssistantThread = parser(
  assistantThreadSchema,
  "thread",
);
/** Validates a `*.deleted` answer (`{id, object, deleted}`). */
export const parseDeleted: <T = AssistantDeleted>(json: unknown) => T = parser(
  assistantDeletedSchema,
  "deletion result",
) as <T>(json: unknown) => T;

/**
 * Validates a cursor page (`{object: "list", data, first_id, last_id, has_more}`), each entry
 * with `parseItem`. Issue paths name the entry (`data[3].status`).
 */
export function parseCursorPage<T>(json: unknown, parseItem: (json: unknown) => T): CursorPage<T> {
  const result = v.safeParse(cursorPageSchema, json);
  if (!result.success) throw validationErrorFromIssues("page", result.issues, json);
  const data = result.output.data.map((entry, index) => {
    try {
      return parseItem(entry);
    } catch (error) {
      if (error instanceof ValidationError) throw error.withPrefix(["data", index]);
      throw error;
    }
  });
  return { ...(result.output as Omit<CursorPage<T>, "data">), data };
}
