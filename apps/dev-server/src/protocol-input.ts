/** Validation of protocol request inputs: user messages and structured input answers. */
import type {
  Attachment,
  InferenceOptions,
  StructuredInputSubmission,
  UserMessageContent,
  UserMessageItem,
} from "@threadkit/core";
import type { DevServices } from "./services";
import type { StoredThread } from "./store";
import { asObject, badRequest, createId, notFound, optionalString, toIso } from "./util";

/** Validates user message content parts. */
export function parseContent(raw: unknown): UserMessageContent[] {
  if (!Array.isArray(raw))
    throw badRequest("params.input.content must be an array.", "input.content");
  return raw.map((part, index) => {
    const obj = asObject(part);
    const where = `params.input.content[${index}]`;
    if (obj?.type === "input_text" && typeof obj.text === "string")
      return { type: "input_text", text: obj.text };
    if (obj?.type === "input_tag" && typeof obj.id === "string" && typeof obj.text === "string") {
      // chatkit-python's `UserMessageTagContent` requires `data`: answer like it does.
      const data = asObject(obj.data);
      if (data === null) throw badRequest(`${where}.data must be an object.`, `${where}.data`);
      return {
        type: "input_tag",
        id: obj.id,
        text: obj.text,
        data,
        ...(typeof obj.group === "string" ? { group: obj.group } : {}),
        interactive: obj.interactive === true,
      };
    }
    throw badRequest(`${where} must be an input_text or input_tag part.`, where);
  });
}

/**
 * Validates a `UserMessageInput` and builds the user message item. Attachments must exist and
 * have their bytes uploaded.
 */
export function parseUserMessage(
  services: DevServices,
  thread: StoredThread,
  params: Record<string, unknown>,
): UserMessageItem {
  const input = asObject(params.input);
  if (!input) throw badRequest("params.input must be an object.", "input");
  const content = parseContent(input.content);
  const ids = input.attachments ?? [];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
    throw badRequest(
      "params.input.attachments must be an array of attachment ids.",
      "input.attachments",
    );
  }
  const attachments: Attachment[] = ids.map((id) => {
    const stored = services.store.getAttachment(id);
    if (!stored) throw notFound("attachment", id);
    if (stored.bytes === null)
      throw badRequest(`Attachment '${id}' has not been uploaded yet.`, "input.attachments");
    const { upload_descriptor: _, ...rest } = stored.attachment;
    return { ...rest, thread_id: thread.id } as Attachment;
  });
  const quoted = optionalString(input, "quoted_text", "params.input");
  // Nulls are dropped, as the Python server's `exclude_none` serialization does.
  const options = Object.fromEntries(
    Object.entries(asObject(input.inference_options) ?? {}).filter(([, value]) => value != null),
  );
  return {
    id: createId("msg"),
    thread_id: thread.id,
    created_at: toIso(services.clock.now()),
    type: "user_message",
    content,
    attachments,
    ...(quoted ? { quoted_text: quoted } : {}),
    inference_options: options as InferenceOptions,
  };
}

/** Validates a structured input submission. */
export function parseSubmission(params: Record<string, unknown>): StructuredInputSubmission {
  const input = asObject(params.input);
  const status = input?.status;
  const answers = asObject(input?.answers);
  if (!input || (status !== "answered" && status !== "skipped") || !answers) {
    throw badRequest('params.input must be {status: "answered"|"skipped", answers}.', "input");
  }
  const result: StructuredInputSubmission["answers"] = {};
  for (const [key, value] of Object.entries(answers)) {
    const answer = asObject(value);
    const values = answer?.values;
    if (!answer || !Array.isArray(values) || !values.every((v) => typeof v === "string")) {
      throw badRequest(
        `params.input.answers.${key} must be {values: string[], skipped}.`,
        "input.answers",
      );
    }
    result[key] = { values, skipped: answer.skipped === true };
  }
  return { status, answers: result };
}
