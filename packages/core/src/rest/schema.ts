/**
 * valibot schemas of the hosted ChatKit REST API. Objects are loose (unknown fields pass
 * through). Item `created_at` and `thread_id` are optional because the published OpenAPI examples
 * omit them; the normalizer fills them (see packages/core/README.md).
 */
import * as v from "valibot";

const str = v.string();
const num = v.number();
const bool = v.boolean();

export const chatKitThreadStatusSchema = v.variant("type", [
  v.looseObject({ type: v.literal("active") }),
  v.looseObject({ type: v.literal("locked"), reason: v.nullish(str) }),
  v.looseObject({ type: v.literal("closed"), reason: v.nullish(str) }),
]);

export const chatSessionSchema = v.looseObject({
  id: str,
  object: v.literal("chatkit.session"),
  client_secret: str,
  expires_at: num,
  status: v.picklist(["active", "expired", "cancelled"]),
  user: v.optional(str),
  workflow: v.optional(v.looseObject({ id: str })),
  chatkit_configuration: v.optional(v.looseObject({})),
  rate_limits: v.optional(v.looseObject({ max_requests_per_1_minute: num })),
  max_requests_per_1_minute: v.optional(num),
});

export const chatKitThreadSchema = v.looseObject({
  id: str,
  object: v.optional(v.literal("chatkit.thread")),
  created_at: v.optional(num),
  status: v.optional(chatKitThreadStatusSchema),
  title: v.nullish(str),
  user: v.optional(str),
});

export const chatKitThreadDeletedSchema = v.looseObject({ id: str, object: str, deleted: bool });

const itemBase = {
  id: str,
  object: v.optional(str),
  thread_id: v.optional(str),
  created_at: v.optional(num),
};

export const restItemSchemas = {
  "chatkit.user_message": v.looseObject({
    ...itemBase,
    content: v.array(
      v.variant("type", [
        v.looseObject({ type: v.literal("input_text"), text: str }),
        v.looseObject({ type: v.literal("quoted_text"), text: str }),
      ]),
    ),
    attachments: v.optional(
      v.array(
        v.looseObject({
          id: str,
          type: v.picklist(["image", "file"]),
          name: str,
          mime_type: str,
          preview_url: v.nullish(str),
        }),
      ),
      [],
    ),
    inference_options: v.nullish(
      v.looseObject({
        model: v.nullish(str),
        tool_choice: v.nullish(v.looseObject({ id: str })),
      }),
    ),
  }),
  "chatkit.assistant_message": v.looseObject({
    ...itemBase,
    content: v.array(
      v.looseObject({
        type: v.literal("output_text"),
        text: str,
        annotations: v.optional(
          v.array(
            v.variant("type", [
              v.looseObject({
                type: v.literal("file"),
                source: v.looseObject({ type: v.literal("file"), filename: str }),
              }),
              v.looseObject({
                type: v.literal("url"),
                source: v.looseObject({ type: v.literal("url"), url: str }),
              }),
            ]),
          ),
          [],
        ),
      }),
    ),
  }),
  "chatkit.widget": v.looseObject({ ...itemBase, widget: str }),
  "chatkit.client_tool_call": v.looseObject({
    ...itemBase,
    status: v.picklist(["in_progress", "completed"]),
    call_id: str,
    name: str,
    arguments: str,
    output: v.nullish(str),
  }),
  "chatkit.task": v.looseObject({
    ...itemBase,
    task_type: v.picklist(["custom", "thought"]),
    heading: v.nullish(str),
    summary: v.nullish(str),
  }),
  "chatkit.task_group": v.looseObject({
    ...itemBase,
    tasks: v.array(
      v.looseObject({
        type: v.picklist(["custom", "thought"]),
        heading: v.nullish(str),
        summary: v.nullish(str),
      }),
    ),
  }),
} as const;

export const restPageSchema = v.looseObject({
  object: v.optional(str),
  data: v.array(v.unknown()),
  first_id: v.nullish(str),
  last_id: v.nullish(str),
  has_more: v.optional(bool, false),
});
