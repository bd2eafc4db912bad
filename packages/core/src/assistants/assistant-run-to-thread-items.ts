/**
 * Normalizing an Assistants run (its messages and steps) into canonical ChatKit thread items.
 */

import { unixToIso } from "../chatkit/item-origin";
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  ClientToolCallItem,
  FileSource,
  GeneratedImageItem,
  JsonObject,
  Task,
  TaskStatusIndicator,
  ThreadItem,
  UnknownThreadItem,
  UserMessageItem,
  WorkflowItem,
} from "../chatkit/thread-item";
import type { AssistantRunState } from "./reduce-assistant-run";
import type { Message, MessageAnnotation, RunStep, ToolCall } from "./types";

/** Options of {@link assistantRunToThreadItems}. */
export interface AssistantRunToThreadItemsOptions {
  /**
   * Maps an OpenAI file id (message `image_file`, code interpreter image output) to a URL the
   * browser may load, e.g. a route of your server that proxies `GET /files/{id}/content`.
   * Default: `openai-file:<file_id>`, which renderers treat as not loadable.
   */
  fileUrl?: ((fileId: string) => string) | undefined;
}

/** A file source that also keeps the OpenAI file id it cites. */
export type AssistantFileSource = FileSource & { file_id?: string };

const MARKER = /【([^】]*)】/g;

function isoTime(seconds: number | null | undefined): string {
  return unixToIso(seconds ?? 0);
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

const textOf = (annotation: MessageAnnotation): string =>
  typeof annotation.text === "string" ? annotation.text : "";

function markerFilename(inner: string): string {
  const dagger = inner.lastIndexOf("†");
  return dagger === -1 ? inner : inner.slice(dagger + 1);
}

function fileSource(filename: string, fileId: string | undefined): AssistantFileSource {
  const source: AssistantFileSource = { type: "file", filename, title: filename };
  if (fileId) source.file_id = fileId;
  return source;
}

/**
 * Turns Assistants text with `【4:0†file.txt】` citation markers and `file_citation` /
 * `file_path` annotations into ChatKit text: markers are removed and become annotations whose
 * `index` is the marker's offset in the cleaned text; `file_path` link texts stay and get an
 * annotation at their end. While `streaming`, a trailing unfinished marker is hidden.
 */
export function convertAssistantText(
  value: string,
  annotations: readonly MessageAnnotation[],
  streaming = false,
): AssistantMessageContent {
  // Deltas whose index skipped ahead leave holes; a hole cites nothing.
  if (!annotations.every(isObject)) annotations = annotations.filter(isObject);
  const out: Annotation[] = [];
  let text = "";
  let last = 0;
  const removed: { start: number; length: number }[] = [];
  for (const match of value.matchAll(MARKER)) {
    const start = match.index;
    text += value.slice(last, start);
    const citations = annotations.filter((a) => a.type === "file_citation" && a.text === match[0]);
    const citation = citations.find((a) => a.start_index === start) ?? citations[0];
    const fileId = citation?.type === "file_citation" ? citation.file_citation?.file_id : undefined;
    out.push({
      type: "annotation",
      source: fileSource(markerFilename(match[1] ?? ""), fileId),
      index: text.length,
    });
    removed.push({ start, length: match[0].length });
    last = start + match[0].length;
  }
  let tail = value.slice(last);
  if (streaming) {
    const open = tail.lastIndexOf("【");
    if (open !== -1) tail = tail.slice(0, open);
  }
  text += tail;
  for (const a of annotations) {
    if (a.type !== "file_path") continue;
    const shift = removed
      .filter((r) => r.start < a.end_index)
      .reduce((sum, r) => sum + r.length, 0);
    const fileId = a.file_path?.file_id ?? "";
    const name = textOf(a).slice(textOf(a).lastIndexOf("/") + 1) || fileId;
    out.push({
      type: "annotation",
      source: fileSource(name, fileId),
      index: Math.max(0, Math.min(text.length, (a.end_index ?? text.length) - shift)) || 0,
    });
  }
  // A citation annotation whose marker is not in the text (trimmed text) still cites its file.
  for (const a of annotations) {
    if (a.type !== "file_citation" || (textOf(a) !== "" && value.includes(textOf(a)))) continue;
    out.push({
      type: "annotation",
      source: fileSource(
        markerFilename(textOf(a).replace(/^【|】$/g, "")),
        a.file_citation?.file_id,
      ),
      index: text.length,
    });
  }
  out.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return { type: "output_text", text, annotations: out };
}

function imageItem(
  id: string,
  threadId: string,
  createdAt: string,
  fileId: string,
  url: string,
): GeneratedImageItem {
  return {
    type: "generated_image",
    id,
    thread_id: threadId,
    created_at: createdAt,
    image: { id: fileId, url },
  };
}

/** Image items by the content part they come from: an untouched part keeps its item. */
const partItems = new WeakMap<object, GeneratedImageItem>();

function partItem(part: object, id: string, make: () => GeneratedImageItem): GeneratedImageItem {
  const hit = partItems.get(part);
  const item = make();
  // Reuse the previous object when it is equal, so the UI sees an unchanged item.
  if (hit !== undefined && hit.id === id && hit.image?.url === item.image?.url) return hit;
  partItems.set(part, item);
  return item;
}

function messageItems(message: Message, fileUrl: (id: string) => string): ThreadItem[] {
  const createdAt = isoTime(message.created_at);
  const streaming = message.status === "in_progress";
  if (message.role === "user") {
    const item: UserMessageItem = {
      type: "user_message",
      id: message.id,
      thread_id: message.thread_id,
      created_at: createdAt,
      content: message.content.map((part) => ({
        type: "input_text",
        text:
          part.type === "text"
            ? part.text.value
            : part.type === "refusal"
              ? part.refusal
              : part.type === "image_url"
                ? part.image_url.url
                : `[image ${part.image_file.file_id}]`,
      })),
      attachments: [],
      inference_options: {},
    };
    return [item];
  }
  const before: ThreadItem[] = [];
  const after: ThreadItem[] = [];
  const content: AssistantMessageContent[] = [];
  message.content.forEach((part, index) => {
    const images = content.length === 0 ? before : after;
    const id = `${message.id}:content:${index}`;
    switch (part.type) {
      case "text":
        content.push(convertAssistantText(part.text.value, part.text.annotations, streaming));
        break;
      case "refusal":
        content.push({ type: "output_text", text: part.refusal, annotations: [], refusal: true });
        break;
      case "image_file": {
        const fileId = part.image_file.file_id;
        images.push(
          partItem(part, id, () =>
            imageItem(id, message.thread_id, createdAt, fileId, fileUrl(fileId)),
          ),
        );
        break;
      }
      case "image_url":
        images.push(
          partItem(part, id, () =>
            imageItem(id, message.thread_id, createdAt, part.image_url.url, part.image_url.url),
          ),
        );
        break;
    }
  });
  if (content.length === 0 && before.length > 0) return before;
  const item: AssistantMessageItem = {
    type: "assistant_message",
    id: message.id,
    thread_id: message.thread_id,
    created_at: createdAt,
    content,
  };
  return [...before, item, ...after];
}

function indicator(step: RunStep): TaskStatusIndicator {
  if (step.status === "in_progress") return "loading";
  if (step.status === "completed") return "complete";
  return "none";
}

function parseArguments(text: string): JsonObject {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as JsonObject;
    }
    return { value } as JsonObject;
  } catch {
    // Arguments still streaming (or not JSON): keep the text.
    return { raw: text };
  }
}

function functionCallItem(
  call: { id: string; function: { name: string; arguments: string; output?: string | null } },
  step: { thread_id: string; created_at: number },
  pending: boolean,
): ClientToolCallItem {
  const item: ClientToolCallItem = {
    type: "client_tool_call",
    id: call.id,
    thread_id: step.thread_id,
    created_at: isoTime(step.created_at),
    status: pending || call.function.output == null ? "pending" : "completed",
    call_id: call.id,
    name: call.function.name,
    arguments: parseArguments(call.function.arguments),
  };
  if (call.function.output != null) item.output = call.function.output;
  return item;
}

function fence(lang: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

function stepItems(
  step: RunStep,
  requiredIds: ReadonlySet<string>,
  fileUrl: (id: string) => string,
): ThreadItem[] {
  if (step.step_details?.type !== "tool_calls") return [];
  const tasks: Task[] = [];
  const extra: ThreadItem[] = [];
  const status_indicator = indicator(step);
  const createdAt = isoTime(step.created_at);
  step.step_details.tool_calls.forEach((call: ToolCall, index) => {
    switch (call.type) {
      case "code_interpreter": {
        const blocks = [fence("python", call.code_interpreter.input)];
        call.code_interpreter.outputs.forEach((output, o) => {
          if (output.type === "logs") blocks.push(fence("text", output.logs));
          else {
            const id = `${call.id || `${step.id}:${index}`}:output:${o}`;
            const fileId = output.image.file_id;
            extra.push(imageItem(id, step.thread_id, createdAt, fileId, fileUrl(fileId)));
          }
        });
        tasks.push({
          type: "custom",
          title: "Code interpreter",
          icon: "square-code",
          content: blocks.join("\n\n"),
          status_indicator,
        });
        break;
      }
      case "file_search": {
        const results = call.file_search.results ?? [];
        tasks.push({
          type: "file",
          title: "File search",
          status_indicator,
          sources: results.map((r) => {
            const source = fileSource(r.file_name, r.file_id);
            const text = (r.content ?? []).map((c) => c.text ?? "").join("\n");
            if (text) source.description = text;
            return source;
          }),
        });
        break;
      }
      case "function":
        extra.push(functionCallItem(call, step, requiredIds.has(call.id)));
        break;
    }
  });
  const items: ThreadItem[] = [];
  if (tasks.length > 0) {
    const workflow: WorkflowItem = {
      type: "workflow",
      id: step.id,
      thread_id: step.thread_id,
      created_at: createdAt,
      workflow: { type: "custom", tasks, expanded: false },
    };
    items.push(workflow);
  }
  return [...items, ...extra];
}

const defaultFileUrl = (id: string) => `openai-file:${id}`;

type Cache = WeakMap<object, { key: string; items: ThreadItem[] }>;
/** Per `fileUrl` function: the items made from each (immutable) message or step object. */
const caches = new WeakMap<(id: string) => string, Cache>();

/**
 * What a message or step that cannot be converted (a field the API documents is missing or has
 * another shape) becomes: one `unknown` item that keeps the object, so the rest of the run shows.
 */
function unknownItem(source: object): UnknownThreadItem {
  const raw = source as unknown as JsonObject & {
    id?: unknown;
    object?: unknown;
    thread_id?: unknown;
    created_at?: unknown;
  };
  return {
    type: "unknown",
    original_type: typeof raw.object === "string" ? raw.object : "assistants",
    id: typeof raw.id === "string" ? raw.id : "",
    thread_id: typeof raw.thread_id === "string" ? raw.thread_id : "",
    created_at: typeof raw.created_at === "number" ? isoTime(raw.created_at) : "",
    raw,
  };
}

function cached(cache: Cache, source: object, key: string, make: () => ThreadItem[]) {
  const hit = cache.get(source);
  if (hit !== undefined && hit.key === key) return hit.items;
  let items: ThreadItem[];
  try {
    items = make();
  } catch {
    items = [unknownItem(source)];
  }
  cache.set(source, { key, items });
  return items;
}

/**
 * Normalizes an Assistants run into canonical thread items, in run order:
 *
 * - each `message_creation` step gives its message: an `assistant_message` whose text parts
 *   have `【…†…】` citation markers turned into annotations at their offset (see
 *   {@link convertAssistantText}), refusals as text parts marked `refusal: true`, and
 *   `image_file` / `image_url` parts as `generated_image` items around it (`id`
 *   `<message id>:content:<index>`); user messages become `user_message` items;
 * - each `tool_calls` step gives a `workflow` item (id = step id) with one task per
 *   code interpreter call (`custom` task: the code and every log as fenced blocks) and per
 *   file search call (`file` task: the results as file sources), plus a `generated_image` item
 *   per code interpreter image output and a `client_tool_call` item per function call
 *   (`pending` while the run requires its output, `completed` with the output once submitted);
 * - messages no step references, and required tool calls no step carries, follow at the end.
 *
 * Items are cached by the message or step object they come from, so calling this after every
 * reduced batch returns the same item objects for everything the batch did not touch (React
 * skips them).
 */
export function assistantRunToThreadItems(
  state: AssistantRunState,
  options: AssistantRunToThreadItemsOptions = {},
): ThreadItem[] {
  const fileUrl = options.fileUrl ?? defaultFileUrl;
  let cache = caches.get(fileUrl);
  if (cache === undefined) {
    cache = new WeakMap();
    caches.set(fileUrl, cache);
  }
  const required = state.run?.status === "requires_action" ? state.run.required_action : null;
  const requiredCalls = required?.submit_tool_outputs.tool_calls ?? [];
  const requiredIds = new Set(requiredCalls.map((c) => c.id));
  const items: ThreadItem[] = [];
  const seen = new Set<string>();
  const push = (list: ThreadItem[]) => {
    for (const item of list) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  };
  for (const step of state.steps) {
    // A step without details (the API always sends them) has nothing to show.
    if (!isObject(step.step_details)) continue;
    if (step.step_details.type === "message_creation") {
      const message = state.messages.find(
        (m) =>
          m.id ===
          (step.step_details as { message_creation?: { message_id?: string } }).message_creation
            ?.message_id,
      );
      if (message) push(cached(cache, message, "", () => messageItems(message, fileUrl)));
    } else {
      // Which of the step's calls are pending depends on the run, not only on the step.
      const key = [...requiredIds].join(",");
      push(cached(cache, step, key, () => stepItems(step, requiredIds, fileUrl)));
    }
  }
  for (const message of state.messages) {
    if (!seen.has(message.id)) {
      push(cached(cache, message, "", () => messageItems(message, fileUrl)));
    }
  }
  for (const call of requiredCalls) {
    if (seen.has(call.id)) continue;
    const run = state.run as NonNullable<AssistantRunState["run"]>;
    push([functionCallItem(call, { thread_id: run.thread_id, created_at: run.created_at }, true)]);
  }
  return items;
}

/**
 * @internal The items of one message, exactly as {@link assistantRunToThreadItems} makes them
 * (an `unknown` item when the message cannot be converted). Used by the stream translator.
 */
export function assistantMessageItems(
  message: Message,
  fileUrl: (fileId: string) => string = defaultFileUrl,
): ThreadItem[] {
  try {
    return messageItems(message, fileUrl);
  } catch {
    return [unknownItem(message)];
  }
}

/**
 * @internal The items of one run step, exactly as {@link assistantRunToThreadItems} makes them:
 * nothing for a `message_creation` step; `requiredIds` are the calls the run waits for.
 */
export function assistantStepItems(
  step: RunStep,
  requiredIds: ReadonlySet<string>,
  fileUrl: (fileId: string) => string = defaultFileUrl,
): ThreadItem[] {
  if (!isObject(step.step_details) || step.step_details.type !== "tool_calls") return [];
  try {
    return stepItems(step, requiredIds, fileUrl);
  } catch {
    return [unknownItem(step)];
  }
}

/**
 * @internal The pending `client_tool_call` item of a required call that no step carries, as
 * {@link assistantRunToThreadItems} makes it.
 */
export function assistantRequiredCallItem(
  call: { id: string; function: { name: string; arguments: string } },
  run: { thread_id: string; created_at: number },
): ClientToolCallItem {
  return functionCallItem(call, { thread_id: run.thread_id, created_at: run.created_at }, true);
}
