/**
 * valibot schemas of the `params` of protocol requests, as a server reads them
 * (`parse-request.ts`). Loose objects, as in `./schema`.
 */
import * as v from "valibot";
import { inferenceOptions, inputTextContent, jsonObject } from "./schema";

const str = v.string();
const num = v.number();
const bool = v.boolean();
const nullishStr = v.nullish(str);

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
