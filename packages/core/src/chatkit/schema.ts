/**
 * valibot schemas of the ChatKit protocol (`../protocol`). Objects are loose: fields this version
 * does not know pass through untouched. Discriminated unions are dispatched by hand in
 * `../validation`, so unknown item and event types can be preserved instead of rejected.
 */
import * as v from "valibot";

const str = v.string();
const num = v.number();
const bool = v.boolean();
const nullishStr = v.nullish(str);
/**
 * The fallback option of an open union: an object whose `type` is a string none of `known` uses.
 * Parts of a newer protocol (a new task, source or content type) then pass through untouched
 * instead of failing the whole item; known types are still checked in full.
 */
function otherType(known: readonly string[]) {
  const set = new Set(known);
  return v.looseObject({
    type: v.pipe(
      str,
      v.check((type) => !set.has(type)),
    ),
  });
}

/** A JSON object (`Record<string, any>` on the server). */
export const jsonObject = v.record(str, v.unknown());

export const inputTextContent = v.looseObject({ type: v.literal("input_text"), text: str });
export const inputTagContent = v.looseObject({
  type: v.literal("input_tag"),
  id: str,
  text: str,
  data: v.optional(jsonObject, {}),
  group: nullishStr,
  interactive: v.optional(bool),
});
export const userMessageContent = v.variant("type", [
  inputTextContent,
  inputTagContent,
  otherType(["input_text", "input_tag"]),
]);

export const inferenceOptions = v.looseObject({
  tool_choice: v.nullish(v.looseObject({ id: str })),
  model: nullishStr,
});

export const uploadDescriptor = v.looseObject({
  url: str,
  method: v.picklist(["POST", "PUT"]),
  headers: v.optional(v.record(str, str)),
});

const attachmentBase = {
  id: str,
  name: str,
  mime_type: str,
  upload_descriptor: v.nullish(uploadDescriptor),
  thread_id: nullishStr,
  metadata: v.nullish(jsonObject),
};
export const attachment = v.variant("type", [
  v.looseObject({ ...attachmentBase, type: v.literal("file") }),
  v.looseObject({
    ...attachmentBase,
    type: v.literal("image"),
    preview_url: v.optional(v.nullable(str), null),
  }),
]);

const sourceBase = {
  title: str,
  description: nullishStr,
  timestamp: nullishStr,
  group: nullishStr,
};
export const fileSource = v.looseObject({ ...sourceBase, type: v.literal("file"), filename: str });
export const urlSource = v.looseObject({
  ...sourceBase,
  type: v.literal("url"),
  url: str,
  attribution: nullishStr,
});
export const entitySource = v.looseObject({
  ...sourceBase,
  type: v.literal("entity"),
  id: str,
  icon: nullishStr,
  label: nullishStr,
  inline_label: nullishStr,
  interactive: v.optional(bool),
  data: v.optional(jsonObject),
  preview: v.nullish(str),
});
export const source = v.variant("type", [
  fileSource,
  urlSource,
  entitySource,
  otherType(["file", "url", "entity"]),
]);

export const annotation = v.looseObject({
  type: v.literal("annotation"),
  source,
  index: v.nullish(num),
});

export const assistantMessageContent = v.looseObject({
  type: v.literal("output_text"),
  text: str,
  annotations: v.optional(v.array(annotation), []),
  refusal: v.optional(bool),
});

const taskStatus = v.optional(v.picklist(["none", "loading", "complete"]));
export const task = v.variant("type", [
  v.looseObject({
    type: v.literal("custom"),
    status_indicator: taskStatus,
    title: nullishStr,
    icon: nullishStr,
    content: nullishStr,
  }),
  v.looseObject({
    type: v.literal("web_search"),
    status_indicator: taskStatus,
    title: nullishStr,
    title_query: nullishStr,
    queries: v.optional(v.array(str)),
    sources: v.optional(v.array(urlSource)),
  }),
  v.looseObject({
    type: v.literal("thought"),
    status_indicator: taskStatus,
    title: nullishStr,
    content: str,
  }),
  v.looseObject({
    type: v.literal("file"),
    status_indicator: taskStatus,
    title: nullishStr,
    sources: v.optional(v.array(fileSource)),
  }),
  v.looseObject({ type: v.literal("image"), status_indicator: taskStatus, title: nullishStr }),
  otherType(["custom", "web_search", "thought", "file", "image"]),
]);

export const workflowSummary = v.union([
  v.looseObject({ title: str, icon: nullishStr }),
  v.looseObject({ duration: num }),
]);

export const workflow = v.looseObject({
  type: v.picklist(["custom", "reasoning"]),
  tasks: v.optional(v.array(task), []),
  summary: v.nullish(workflowSummary),
  expanded: v.optional(bool),
});

/** A widget node as far as this layer checks it: an object with a string `type`. */
export const widgetShallow = v.looseObject({ type: str });

const itemBase = { id: str, thread_id: str, created_at: str };

const structuredInputAnswer = v.looseObject({
  values: v.optional(v.array(str), []),
  skipped: v.optional(bool, false),
});

/** Schemas of the known item types, keyed by `type`. */
export const threadItemSchemas = {
  user_message: v.looseObject({
    ...itemBase,
    type: v.literal("user_message"),
    content: v.array(userMessageContent),
    attachments: v.optional(v.array(attachment), []),
    quoted_text: nullishStr,
    inference_options: v.optional(inferenceOptions, {}),
  }),
  assistant_message: v.looseObject({
    ...itemBase,
    type: v.literal("assistant_message"),
    content: v.array(assistantMessageContent),
  }),
  client_tool_call: v.looseObject({
    ...itemBase,
    type: v.literal("client_tool_call"),
    status: v.optional(v.picklist(["pending", "completed"]), "pending"),
    call_id: str,
    name: str,
    arguments: jsonObject,
    output: v.optional(v.unknown()),
  }),
  widget: v.looseObject({
    ...itemBase,
    type: v.literal("widget"),
    widget: widgetShallow,
    copy_text: nullishStr,
  }),
  generated_image: v.looseObject({
    ...itemBase,
    type: v.literal("generated_image"),
    image: v.nullish(v.looseObject({ id: str, url: str })),
  }),
  structured_input: v.looseObject({
    ...itemBase,
    type: v.literal("structured_input"),
    status: v.optional(v.picklist(["pending", "answered", "skipped"]), "pending"),
    inputs: v.array(
      v.variant("type", [
        v.looseObject({
          type: v.literal("multiple_choice"),
          id: str,
          question: str,
          answer: v.nullish(structuredInputAnswer),
          options: v.array(v.looseObject({ value: str })),
          multiple: v.optional(bool),
        }),
        v.looseObject({
          type: v.literal("freeform"),
          id: str,
          question: str,
          answer: v.nullish(structuredInputAnswer),
          description: nullishStr,
        }),
      ]),
    ),
  }),
  workflow: v.looseObject({ ...itemBase, type: v.literal("workflow"), workflow }),
  task: v.looseObject({ ...itemBase, type: v.literal("task"), task }),
  end_of_turn: v.looseObject({ ...itemBase, type: v.literal("end_of_turn") }),
} as const;

export const threadStatus = v.variant("type", [
  v.looseObject({ type: v.literal("active") }),
  v.looseObject({ type: v.literal("locked"), reason: nullishStr }),
  v.looseObject({ type: v.literal("closed"), reason: nullishStr }),
]);

/** A thread without its items; `items` is validated separately (items need dispatch). */
export const threadMetadata = v.looseObject({
  id: str,
  title: nullishStr,
  created_at: str,
  status: v.optional(threadStatus, { type: "active" }),
  allowed_image_domains: v.nullish(v.array(str)),
  metadata: v.optional(jsonObject),
});

/** A page envelope; `data` entries are validated by the caller. */
export const pageEnvelope = v.looseObject({
  data: v.array(v.unknown()),
  has_more: v.optional(bool, false),
  after: nullishStr,
});

/** Schemas of the known `thread.item.updated` update types, keyed by `type`. */
export const itemUpdateSchemas = {
  "assistant_message.content_part.added": v.looseObject({
    type: v.literal("assistant_message.content_part.added"),
    content_index: num,
    content: assistantMessageContent,
  }),
  "assistant_message.content_part.text_delta": v.looseObject({
    type: v.literal("assistant_message.content_part.text_delta"),
    content_index: num,
    delta: str,
  }),
  "assistant_message.content_part.annotation_added": v.looseObject({
    type: v.literal("assistant_message.content_part.annotation_added"),
    content_index: num,
    annotation_index: num,
    annotation,
  }),
  "assistant_message.content_part.done": v.looseObject({
    type: v.literal("assistant_message.content_part.done"),
    content_index: num,
    content: assistantMessageContent,
  }),
  "widget.streaming_text.value_delta": v.looseObject({
    type: v.literal("widget.streaming_text.value_delta"),
    component_id: str,
    delta: str,
    done: v.optional(bool, false),
  }),
  "widget.component.updated": v.looseObject({
    type: v.literal("widget.component.updated"),
    component_id: str,
    component: widgetShallow,
  }),
  "widget.root.updated": v.looseObject({
    type: v.literal("widget.root.updated"),
    widget: widgetShallow,
  }),
  "workflow.task.added": v.looseObject({
    type: v.literal("workflow.task.added"),
    task_index: num,
    task,
  }),
  "workflow.task.updated": v.looseObject({
    type: v.literal("workflow.task.updated"),
    task_index: num,
    task,
  }),
  "generated_image.updated": v.looseObject({
    type: v.literal("generated_image.updated"),
    image: v.looseObject({ id: str, url: str }),
    progress: v.nullish(num),
  }),
} as const;

/** Schemas of stream events that carry no item or thread, keyed by `type`. */
export const plainEventSchemas = {
  "thread.item.removed": v.looseObject({ type: v.literal("thread.item.removed"), item_id: str }),
  stream_options: v.looseObject({
    type: v.literal("stream_options"),
    stream_options: v.looseObject({ allow_cancel: bool }),
  }),
  progress_update: v.looseObject({
    type: v.literal("progress_update"),
    icon: nullishStr,
    text: str,
  }),
  client_effect: v.looseObject({
    type: v.literal("client_effect"),
    name: str,
    data: v.optional(jsonObject, {}),
  }),
  error: v.looseObject({
    type: v.literal("error"),
    code: v.optional(str),
    message: nullishStr,
    allow_retry: v.optional(bool),
  }),
  notice: v.looseObject({
    type: v.literal("notice"),
    level: v.picklist(["info", "warning", "danger"]),
    message: str,
    title: nullishStr,
  }),
} as const;

const userMessageInput = v.looseObject({
  content: v.array(
    v.variant("type", [
      inputTextContent,
      v.looseObject({
        type: v.literal("input_tag"),
        id: str,
        text: str,
        // Required, as chatkit-python's `UserMessageTagContent` has it (it answers 400 without).
        data: jsonObject,
        group: nullishStr,
        interactive: v.optional(bool, false),
      }),
    ]),
  ),
  attachments: v.optional(v.array(str), []),
  quoted_text: nullishStr,
  inference_options: v.optional(inferenceOptions, {}),
});

const actionPayload = v.looseObject({ type: str, payload: v.optional(v.unknown()) });
const order = v.optional(v.picklist(["asc", "desc"]));

/** Schemas of the `params` of every protocol operation, keyed by `type`. */
export const requestParamsSchemas = {
  "threads.create": v.looseObject({ input: userMessageInput }),
  "threads.add_user_message": v.looseObject({ thread_id: str, input: userMessageInput }),
  "threads.add_client_tool_output": v.looseObject({ thread_id: str, result: v.unknown() }),
  "threads.add_structured_input": v.looseObject({
    thread_id: str,
    item_id: str,
    // Defaults as chatkit-python's `StructuredInputSubmission` has them.
    input: v.looseObject({
      status: v.optional(v.picklist(["answered", "skipped"]), "answered"),
      answers: v.optional(
        v.record(
          str,
          v.looseObject({
            values: v.optional(v.array(str), []),
            skipped: v.optional(bool, false),
          }),
        ),
        {},
      ),
    }),
  }),
  "threads.retry_after_item": v.looseObject({ thread_id: str, item_id: str }),
  "threads.custom_action": v.looseObject({
    thread_id: str,
    item_id: nullishStr,
    action: actionPayload,
  }),
  "threads.sync_custom_action": v.looseObject({
    thread_id: str,
    item_id: nullishStr,
    action: actionPayload,
  }),
  "threads.get_by_id": v.looseObject({ thread_id: str }),
  "threads.list": v.looseObject({ limit: v.nullish(num), order, after: nullishStr }),
  "threads.update": v.looseObject({ thread_id: str, title: str }),
  "threads.delete": v.looseObject({ thread_id: str }),
  "items.list": v.looseObject({
    thread_id: str,
    limit: v.nullish(num),
    order,
    after: nullishStr,
  }),
  "items.feedback": v.looseObject({
    thread_id: str,
    item_ids: v.array(str),
    kind: v.picklist(["positive", "negative"]),
  }),
  "attachments.create": v.looseObject({ name: str, size: num, mime_type: str }),
  "attachments.delete": v.looseObject({ attachment_id: str }),
  "input.transcribe": v.looseObject({ audio_base64: str, mime_type: str }),
} as const;
