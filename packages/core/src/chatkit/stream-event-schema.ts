/**
 * valibot schemas of the stream events that carry no whole item or thread (`thread.item.updated`
 * updates and the plain events). Only the stream reader (`parse-stream-event.ts`) uses them, so a
 * view that only loads and shows pages does not ship them. Loose objects, as in `./schema`.
 */
import * as v from "valibot";
import { annotation, assistantMessageContent, jsonObject, task, widgetShallow } from "./schema";

const str = v.string();
const num = v.number();
const bool = v.boolean();
const nullishStr = v.nullish(str);

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
