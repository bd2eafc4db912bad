/**
 * valibot schemas of Assistants objects. Identity fields (`id`, `object`, `status`, the
 * discriminants) are required; every other field the API sends is type-checked when present, so
 * v1-era objects and the minimal objects of SDK test servers validate too. Unknown fields pass
 * through.
 */
import * as v from "valibot";

const str = v.string();
const num = v.number();
const bool = v.boolean();
const opt = <T extends v.GenericSchema>(schema: T) => v.optional(schema);
const optNull = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);
const metadata = optNull(v.record(str, v.unknown()));
const usage = optNull(
  v.looseObject({ completion_tokens: num, prompt_tokens: num, total_tokens: num }),
);
const lastError = optNull(v.looseObject({ code: str, message: str }));
const timestamp = optNull(num);

const tool = v.variant("type", [
  v.looseObject({ type: v.literal("code_interpreter") }),
  v.looseObject({ type: v.literal("file_search"), file_search: opt(v.looseObject({})) }),
  v.looseObject({ type: v.literal("function"), function: v.looseObject({ name: str }) }),
]);

export const assistantThreadSchema = v.looseObject({
  id: str,
  object: v.literal("thread"),
  created_at: opt(num),
  tool_resources: optNull(v.looseObject({})),
  metadata,
});

export const assistantFileSchema = v.looseObject({
  id: str,
  object: v.literal("file"),
  bytes: num,
  created_at: num,
  filename: str,
  purpose: str,
});

export const assistantSchema = v.looseObject({
  id: str,
  object: v.literal("assistant"),
  created_at: opt(num),
  name: optNull(str),
  description: optNull(str),
  model: opt(str),
  instructions: optNull(str),
  tools: opt(v.array(tool)),
  metadata,
});

const requiredToolCall = v.looseObject({
  id: str,
  type: v.literal("function"),
  function: v.looseObject({ name: str, arguments: str }),
});

export const runSchema = v.looseObject({
  id: str,
  object: v.literal("thread.run"),
  status: v.picklist([
    "queued",
    "in_progress",
    "requires_action",
    "cancelling",
    "cancelled",
    "failed",
    "completed",
    "incomplete",
    "expired",
  ]),
  created_at: opt(num),
  thread_id: opt(str),
  assistant_id: opt(str),
  required_action: optNull(
    v.looseObject({
      type: v.literal("submit_tool_outputs"),
      submit_tool_outputs: v.looseObject({ tool_calls: v.array(requiredToolCall) }),
    }),
  ),
  last_error: lastError,
  expires_at: timestamp,
  started_at: timestamp,
  cancelled_at: timestamp,
  failed_at: timestamp,
  completed_at: timestamp,
  incomplete_details: optNull(v.looseObject({ reason: opt(str) })),
  model: opt(str),
  instructions: optNull(str),
  tools: opt(v.array(tool)),
  metadata,
  usage,
});

const annotation = v.variant("type", [
  v.looseObject({
    type: v.literal("file_citation"),
    text: str,
    file_citation: v.looseObject({ file_id: str }),
    start_index: num,
    end_index: num,
  }),
  v.looseObject({
    type: v.literal("file_path"),
    text: str,
    file_path: v.looseObject({ file_id: str }),
    start_index: num,
    end_index: num,
  }),
]);

const imageDetail = opt(str);
const messageContent = v.variant("type", [
  v.looseObject({
    type: v.literal("text"),
    text: v.looseObject({ value: str, annotations: v.optional(v.array(annotation), []) }),
  }),
  v.looseObject({
    type: v.literal("image_file"),
    image_file: v.looseObject({ file_id: str, detail: imageDetail }),
  }),
  v.looseObject({
    type: v.literal("image_url"),
    image_url: v.looseObject({ url: str, detail: imageDetail }),
  }),
  v.looseObject({ type: v.literal("refusal"), refusal: str }),
]);

export const messageSchema = v.looseObject({
  id: str,
  object: v.literal("thread.message"),
  role: v.picklist(["user", "assistant"]),
  content: v.array(messageContent),
  status: opt(v.picklist(["in_progress", "incomplete", "completed"])),
  created_at: opt(num),
  thread_id: opt(str),
  incomplete_details: optNull(v.looseObject({ reason: str })),
  completed_at: timestamp,
  incomplete_at: timestamp,
  assistant_id: optNull(str),
  run_id: optNull(str),
  attachments: optNull(v.array(v.looseObject({}))),
  metadata,
});

const annotationDelta = v.variant("type", [
  v.looseObject({
    index: num,
    type: v.literal("file_citation"),
    text: opt(str),
    file_citation: opt(v.looseObject({ file_id: opt(str), quote: opt(str) })),
    start_index: opt(num),
    end_index: opt(num),
  }),
  v.looseObject({
    index: num,
    type: v.literal("file_path"),
    text: opt(str),
    file_path: opt(v.looseObject({ file_id: opt(str) })),
    start_index: opt(num),
    end_index: opt(num),
  }),
]);

const contentDelta = v.variant("type", [
  v.looseObject({
    index: num,
    type: v.literal("text"),
    text: opt(v.looseObject({ value: opt(str), annotations: opt(v.array(annotationDelta)) })),
  }),
  v.looseObject({
    index: num,
    type: v.literal("image_file"),
    image_file: opt(v.looseObject({ file_id: opt(str), detail: imageDetail })),
  }),
  v.looseObject({
    index: num,
    type: v.literal("image_url"),
    image_url: opt(v.looseObject({ url: opt(str), detail: imageDetail })),
  }),
  v.looseObject({ index: num, type: v.literal("refusal"), refusal: opt(str) }),
]);

export const messageDeltaEventSchema = v.looseObject({
  id: str,
  object: v.literal("thread.message.delta"),
  delta: v.looseObject({
    role: opt(v.picklist(["user", "assistant"])),
    content: opt(v.array(contentDelta)),
  }),
});

const codeOutput = v.variant("type", [
  v.looseObject({ type: v.literal("logs"), logs: str }),
  v.looseObject({ type: v.literal("image"), image: v.looseObject({ file_id: str }) }),
]);

const toolCall = v.variant("type", [
  v.looseObject({
    id: str,
    type: v.literal("code_interpreter"),
    code_interpreter: v.looseObject({ input: str, outputs: v.array(codeOutput) }),
  }),
  v.looseObject({
    id: str,
    type: v.literal("file_search"),
    file_search: v.looseObject({
      ranking_options: opt(v.looseObject({ ranker: str, score_threshold: num })),
      results: opt(
        v.array(
          v.looseObject({
            file_id: str,
            file_name: str,
            score: num,
            content: opt(v.array(v.looseObject({}))),
          }),
        ),
      ),
    }),
  }),
  v.looseObject({
    id: str,
    type: v.literal("function"),
    function: v.looseObject({ name: str, arguments: str, output: optNull(str) }),
  }),
]);

const stepDetails = v.variant("type", [
  v.looseObject({
    type: v.literal("message_creation"),
    message_creation: v.looseObject({ message_id: str }),
  }),
  v.looseObject({ type: v.literal("tool_calls"), tool_calls: v.array(toolCall) }),
]);

export const runStepSchema = v.looseObject({
  id: str,
  object: v.literal("thread.run.step"),
  status: v.picklist(["in_progress", "cancelled", "failed", "completed", "expired"]),
  type: opt(v.picklist(["message_creation", "tool_calls"])),
  step_details: opt(stepDetails),
  created_at: opt(num),
  assistant_id: opt(str),
  thread_id: opt(str),
  run_id: opt(str),
  last_error: lastError,
  expired_at: timestamp,
  cancelled_at: timestamp,
  failed_at: timestamp,
  completed_at: timestamp,
  metadata,
  usage,
});

const codeOutputDelta = v.variant("type", [
  v.looseObject({ index: num, type: v.literal("logs"), logs: opt(str) }),
  v.looseObject({
    index: num,
    type: v.literal("image"),
    image: opt(v.looseObject({ file_id: opt(str) })),
  }),
]);

const toolCallDelta = v.variant("type", [
  v.looseObject({
    index: num,
    type: v.literal("code_interpreter"),
    id: opt(str),
    code_interpreter: opt(
      v.looseObject({ input: opt(str), outputs: opt(v.array(codeOutputDelta)) }),
    ),
  }),
  v.looseObject({
    index: num,
    type: v.literal("file_search"),
    id: opt(str),
    file_search: opt(v.unknown()),
  }),
  v.looseObject({
    index: num,
    type: v.literal("function"),
    id: opt(str),
    function: opt(v.looseObject({ name: opt(str), arguments: opt(str), output: optNull(str) })),
  }),
]);

export const runStepDeltaEventSchema = v.looseObject({
  id: str,
  object: v.literal("thread.run.step.delta"),
  delta: v.looseObject({
    step_details: opt(
      v.variant("type", [
        v.looseObject({
          type: v.literal("message_creation"),
          message_creation: opt(v.looseObject({ message_id: opt(str) })),
        }),
        v.looseObject({ type: v.literal("tool_calls"), tool_calls: opt(v.array(toolCallDelta)) }),
      ]),
    ),
  }),
});

export const errorObjectSchema = v.looseObject({
  message: str,
  type: v.optional(str, "error"),
  code: v.nullish(str, null),
  param: v.nullish(str, null),
});

export const assistantDeletedSchema = v.looseObject({ id: str, object: str, deleted: bool });

/** A cursor page envelope; `data` entries are validated by the caller. */
export const cursorPageSchema = v.looseObject({
  object: v.optional(str, "list"),
  data: v.array(v.unknown()),
  first_id: v.nullish(str, null),
  last_id: v.nullish(str, null),
  has_more: v.optional(bool, false),
});
