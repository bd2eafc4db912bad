/**
 * Assistants API objects → canonical protocol items. The mapping table is in
 * packages/core/README.md.
 */
import type { Message, MessageAnnotation, Run, RunStep, ToolCall } from "../assistants/types";
import type { ThreadMetadata } from "../protocol/thread";
import type {
  Annotation,
  AssistantMessageContent,
  ClientToolCallItem,
  JsonObject,
  TaskItem,
  TaskStatusIndicator,
  ThreadItem,
  UserMessageContent,
} from "../protocol/thread-item";
import type { AssistantThread } from "../assistants/types";
import { isJsonObject } from "../validation/issues";
import { parseJsonText } from "../validation/parse-json";
import { origin, pickExtra, unixToIso } from "./shared";

function mapAnnotation(annotation: MessageAnnotation): Annotation {
  const fileId =
    annotation.type === "file_citation"
      ? annotation.file_citation.file_id
      : annotation.file_path.file_id;
  return {
    type: "annotation",
    // The Assistants API gives only a file id; the cited text (e.g. `【4:0†source】`) is the title.
    source: { type: "file", filename: fileId, title: annotation.text },
    index: annotation.end_index,
  };
}

/**
 * Normalizes an Assistants `Message` into a `user_message` or `assistant_message` item.
 *
 * - `text` blocks → `input_text` (user) or `output_text` (assistant); `file_citation` and
 *   `file_path` annotations → file sources (`filename` = file id, `title` = the cited text,
 *   `index` = `end_index`); `refusal` → `output_text` with the refusal text.
 * - Blocks without a canonical shape (`image_file`, `image_url`; any block of a user message but
 *   text) and every unmapped field (`status`, `run_id`, `assistant_id`, `attachments`,
 *   `metadata` …) are kept under `origin.extra`; when any block or annotation is not mapped
 *   one-to-one, the original `content` array is kept there too.
 */
export function normalizeAssistantMessage(message: Message): ThreadItem {
  const base = {
    id: message.id,
    thread_id: message.thread_id,
    created_at: unixToIso(message.created_at),
  };
  const extra = pickExtra(message as unknown as JsonObject, [
    "id",
    "thread_id",
    "created_at",
    "content",
    "role",
  ]);
  let lossy = false;
  if (message.role === "user") {
    const content: UserMessageContent[] = [];
    for (const block of message.content) {
      if (block.type === "text") {
        content.push({ type: "input_text", text: block.text.value });
        if (block.text.annotations.length > 0) lossy = true;
      } else lossy = true;
    }
    if (lossy) extra.content = message.content;
    return {
      ...base,
      type: "user_message",
      content,
      attachments: [],
      inference_options: {},
      origin: origin("assistants", "thread.message", extra),
    };
  }
  const content: AssistantMessageContent[] = [];
  for (const block of message.content) {
    if (block.type === "text") {
      content.push({
        type: "output_text",
        text: block.text.value,
        annotations: block.text.annotations.map(mapAnnotation),
      });
      if (block.text.annotations.length > 0) lossy = true;
    } else if (block.type === "refusal") {
      content.push({ type: "output_text", text: block.refusal, annotations: [] });
      lossy = true;
    } else lossy = true;
  }
  if (lossy) extra.content = message.content;
  return {
    ...base,
    type: "assistant_message",
    content,
    origin: origin("assistants", "thread.message", extra),
  };
}

function indicator(status: RunStep["status"]): TaskStatusIndicator {
  if (status === "in_progress") return "loading";
  if (status === "completed") return "complete";
  return "none";
}

/** Parses function arguments; arguments that are not a JSON object are kept under `_raw`. */
function parseArguments(text: string, path: (string | number)[]): JsonObject {
  if (text === "") return {};
  const value = parseJsonText(text, "function call arguments JSON", path);
  return isJsonObject(value) ? value : { _raw: value };
}

function toolCallItem(step: RunStep, call: ToolCall, index: number): ThreadItem {
  const base = {
    id: call.id,
    thread_id: step.thread_id,
    created_at: unixToIso(step.created_at),
  };
  const extra: JsonObject = {
    ...pickExtra(step as unknown as JsonObject, ["id", "thread_id", "created_at", "step_details"]),
    step_id: step.id,
    tool_call_index: index,
  };
  switch (call.type) {
    case "function": {
      const item: ClientToolCallItem = {
        ...base,
        type: "client_tool_call",
        status: call.function.output != null ? "completed" : "pending",
        call_id: call.id,
        name: call.function.name,
        arguments: parseArguments(call.function.arguments, [
          "step_details",
          "tool_calls",
          index,
          "function",
          "arguments",
        ]),
        origin: origin("assistants", "thread.run.step", extra),
      };
      if (call.function.output != null) item.output = call.function.output;
      return item;
    }
    case "code_interpreter": {
      const logs = call.code_interpreter.outputs
        .map((output) => (output.type === "logs" ? output.logs : `[image ${output.image.file_id}]`))
        .join("\n");
      const fence = "```";
      const content = `${fence}python\n${call.code_interpreter.input}\n${fence}${logs ? `\n\n${fence}\n${logs}\n${fence}` : ""}`;
      const item: TaskItem = {
        ...base,
        type: "task",
        task: {
          type: "custom",
          title: "Code interpreter",
          content,
          status_indicator: indicator(step.status),
        },
        origin: origin("assistants", "thread.run.step", { ...extra, tool_call: call }),
      };
      return item;
    }
    case "file_search": {
      const results = call.file_search.results ?? [];
      const item: TaskItem = {
        ...base,
        type: "task",
        task: {
          type: "file",
          title: "File search",
          sources: results.map((r) => ({ type: "file", title: r.file_name, filename: r.file_name })),
          status_indicator: indicator(step.status),
        },
        origin: origin("assistants", "thread.run.step", { ...extra, tool_call: call }),
      };
      return item;
    }
  }
}

/**
 * Normalizes a run step into the items it shows: one item per tool call (`function` →
 * `client_tool_call`, pending until its `output` is set; `code_interpreter` → a custom task
 * with the code and its logs; `file_search` → a file task with the results as sources). A
 * `message_creation` step gives no item (the message is its own item). Step fields and the
 * original tool call are kept under `origin.extra`.
 */
export function normalizeAssistantRunStep(step: RunStep): ThreadItem[] {
  if (step.step_details.type !== "tool_calls") return [];
  return step.step_details.tool_calls.map((call, index) => toolCallItem(step, call, index));
}

/**
 * The `client_tool_call` items a run waits for (`status: "requires_action"`): one pending item per
 * `required_action.submit_tool_outputs.tool_calls[]`, with the same id as the function call of
 * the run step, so the two merge.
 */
export function normalizeRequiredAction(run: Run): ClientToolCallItem[] {
  const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
  return calls.map((call, index) => ({
    id: call.id,
    thread_id: run.thread_id,
    created_at: unixToIso(run.created_at),
    type: "client_tool_call",
    status: "pending",
    call_id: call.id,
    name: call.function.name,
    arguments: parseArguments(call.function.arguments, [
      "required_action",
      "submit_tool_outputs",
      "tool_calls",
      index,
      "function",
      "arguments",
    ]),
    origin: origin("assistants", "thread.run", { run_id: run.id, status: run.status }),
  }));
}

/** Normalizes an Assistants thread into protocol thread metadata (`status` is always active). */
export function normalizeAssistantThread(thread: AssistantThread): ThreadMetadata {
  return {
    id: thread.id,
    title: null,
    created_at: unixToIso(thread.created_at),
    status: { type: "active" },
    origin: origin(
      "assistants",
      "thread",
      pickExtra(thread as unknown as JsonObject, ["id", "created_at"]),
    ),
  };
}
