/**
 * valibot schemas of the ChatKit protocol's items, threads and pages (the wire types of
 * `./thread-item.ts` and `./thread.ts`); the stream events' own schemas are in
 * `./stream-event-schema.ts`, the requests' in `./request-schema.ts`. Objects are loose: fields
 * this version does not know pass through untouched. Discriminated unions are dispatched by hand
 * in the parsers (`./parse-thread-item.ts`, `./parse-stream-event.ts`), so unknown item and event
 * types can be preserved instead of rejected.
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
    preview_url: v.nullish(str, null),
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
