/**
 * Hosted ChatKit REST items, threads and pages → the canonical protocol shapes. The mapping table
 * is in packages/core/README.md.
 */
import * as v from "valibot";
import { origin, pickExtra, toUnknownThreadItem, unixToIso } from "../chatkit/item-origin";
import type { Page, Thread, ThreadMetadata, ThreadStatus } from "../chatkit/thread";
import type {
  Annotation,
  Attachment,
  InferenceOptions,
  JsonObject,
  Task,
  ThreadItem,
  UserMessageContent,
} from "../chatkit/thread-item";
import type { WidgetRoot } from "../chatkit/widgets/types";
import { ValidationError } from "../errors";
import { isJsonObject, validationError, validationErrorFromIssues } from "../errors/issues";
import { parseJsonText } from "../errors/parse-json";
import { chatKitThreadSchema, restItemSchemas, restPageSchema } from "./schema";

/** Options of the REST normalizers. */
export interface NormalizeRestOptions {
  /**
   * Thread id for items that lack `thread_id` (the published OpenAPI examples omit it). The
   * REST client passes the id it requested.
   */
  threadId?: string;
}

/** A canonical page built from a REST cursor page; `after` is the REST `last_id`. */
export interface NormalizedPage<T> extends Page<T> {
  first_id: string | null;
  last_id: string | null;
}

type RestItemType = keyof typeof restItemSchemas;

const BASE_KEYS = ["id", "type", "thread_id", "created_at"] as const;

function restType(type: string): RestItemType | undefined {
  // The published OpenAPI examples use `user_message`/`assistant_message` without the prefix.
  const full = type.startsWith("chatkit.") ? type : `chatkit.${type}`;
  return Object.hasOwn(restItemSchemas, full) ? (full as RestItemType) : undefined;
}

function mapTask(
  kind: "custom" | "thought",
  heading: string | null | undefined,
  summary: string | null | undefined,
): Task {
  if (kind === "thought") {
    return {
      type: "thought",
      ...(heading != null ? { title: heading } : {}),
      content: summary ?? "",
    };
  }
  return {
    type: "custom",
    ...(heading != null ? { title: heading } : {}),
    ...(summary != null ? { content: summary } : {}),
  };
}

/** Validates a REST item of a known type; the output is typed by that type's schema. */
function parseRestItem<K extends keyof typeof restItemSchemas>(
  type: K,
  json: unknown,
): v.InferOutput<(typeof restItemSchemas)[K]> {
  const result = v.safeParse(restItemSchemas[type], json);
  if (!result.success) {
    throw validationErrorFromIssues(`REST thread item (${type})`, result.issues, json);
  }
  return result.output;
}

/**
 * Normalizes one hosted REST thread item (`chatkit.user_message` …) into the canonical protocol
 * `ThreadItem`:
 *
 * - unix `created_at` → ISO-8601; `widget` JSON string → widget object; `arguments`/`output` JSON
 *   strings → values; `quoted_text` content parts → the `quoted_text` field; `in_progress` →
 *   `pending`; `chatkit.task_group` → `workflow`; `chatkit.task` → `task`.
 * - Source fields without a canonical place are kept under `origin.extra`.
 * - Unknown types give an `unknown` item holding the source whole.
 * - A known type with a broken shape, or bad JSON in `widget`/`arguments`/`output`, throws a
 *   `ValidationError` naming the path.
 */
export function normalizeChatKitRestItem(
  json: unknown,
  options: NormalizeRestOptions = {},
): ThreadItem {
  if (!isJsonObject(json)) throw validationError("REST thread item", [], "object", json, json);
  if (typeof json.type !== "string") {
    throw validationError("REST thread item", ["type"], "string", json.type, json);
  }
  const type = restType(json.type);
  if (type === undefined) {
    const item = toUnknownThreadItem(json, json.type);
    if (typeof json.created_at === "number") item.created_at = unixToIso(json.created_at);
    if (item.thread_id === "" && options.threadId) item.thread_id = options.threadId;
    return item;
  }
  const base = (src: {
    id: string;
    thread_id?: string | undefined;
    created_at?: number | undefined;
  }) => ({
    id: src.id,
    thread_id: src.thread_id ?? options.threadId ?? "",
    created_at: src.created_at === undefined ? "" : unixToIso(src.created_at),
  });
  const from = (mapped: readonly string[]) =>
    origin("chatkit_rest", json.type as string, pickExtra(json, [...BASE_KEYS, ...mapped]));

  switch (type) {
    case "chatkit.user_message": {
      const s = parseRestItem(type, json);
      const content: UserMessageContent[] = [];
      const quoted: string[] = [];
      for (const part of s.content) {
        if (part.type === "quoted_text") quoted.push(part.text);
        else content.push(part as UserMessageContent);
      }
      const attachments = s.attachments.map((a): Attachment => {
        if (a.type === "image") return { ...a, type: "image", preview_url: a.preview_url ?? null };
        // File attachments have no preview in the protocol; a non-null value stays on the object.
        const { preview_url, ...rest } = a;
        return preview_url == null ? { ...rest, type: "file" } : { ...a, type: "file" };
      });
      const io = s.inference_options;
      return {
        ...base(s),
        type: "user_message",
        content,
        attachments,
        ...(quoted.length > 0 ? { quoted_text: quoted.join("\n\n") } : {}),
        inference_options: io == null ? {} : (io as InferenceOptions),
        origin: from(["content", "attachments", "inference_options"]),
      };
    }
    case "chatkit.assistant_message": {
      const s = parseRestItem(type, json);
      return {
        ...base(s),
        type: "assistant_message",
        content: s.content.map((part) => ({
          ...part,
          type: "output_text",
          annotations: part.annotations.map((a): Annotation => {
            const { type: _kind, source, ...rest } = a;
            if (source.type === "file") {
              return {
                ...rest,
                type: "annotation",
                source: { ...source, type: "file", title: source.filename },
              };
            }
            return {
              ...rest,
              type: "annotation",
              source: { ...source, type: "url", title: source.url },
            };
          }),
        })),
        origin: from(["content"]),
      };
    }
    case "chatkit.widget": {
      const s = parseRestItem(type, json);
      const widget = parseJsonText(s.widget, "REST thread item (chatkit.widget) widget JSON", [
        "widget",
      ]);
      if (!isJsonObject(widget) || typeof widget.type !== "string") {
        throw new ValidationError({
          subject: "REST thread item (chatkit.widget)",
          issues: [
            {
              path: ["widget"],
              message: "expected a JSON object with a string `type`",
              expected: "widget object",
            },
          ],
          input: json,
        });
      }
      return { ...base(s), type: "widget", widget: widget as WidgetRoot, origin: from(["widget"]) };
    }
    case "chatkit.client_tool_call": {
      const s = parseRestItem(type, json);
      const subject = "REST thread item (chatkit.client_tool_call)";
      const args = parseJsonText(s.arguments, `${subject} arguments JSON`, ["arguments"]);
      if (!isJsonObject(args)) {
        throw validationError(subject, ["arguments"], "JSON object", args, json);
      }
      const hasOutput = s.output != null;
      return {
        ...base(s),
        type: "client_tool_call",
        status: s.status === "completed" ? "completed" : "pending",
        call_id: s.call_id,
        name: s.name,
        arguments: args,
        ...(hasOutput
          ? { output: parseJsonText(s.output as string, `${subject} output JSON`, ["output"]) }
          : {}),
        origin: from(["status", "call_id", "name", "arguments", "output"]),
      };
    }
    case "chatkit.task": {
      const s = parseRestItem(type, json);
      return {
        ...base(s),
        type: "task",
        task: mapTask(s.task_type, s.heading, s.summary),
        origin: from(["task_type", "heading", "summary"]),
      };
    }
    case "chatkit.task_group": {
      const s = parseRestItem(type, json);
      return {
        ...base(s),
        type: "workflow",
        workflow: {
          type: "custom",
          tasks: s.tasks.map((task) => {
            const { type: kind, heading, summary, ...rest } = task;
            return { ...rest, ...mapTask(kind, heading, summary) } as Task;
          }),
          expanded: false,
        },
        origin: from(["tasks"]),
      };
    }
  }
}

function normalizeItemAt(json: unknown, index: number, options: NormalizeRestOptions): ThreadItem {
  try {
    return normalizeChatKitRestItem(json, options);
  } catch (error) {
    if (error instanceof ValidationError) throw error.withPrefix(["data", index]);
    throw error;
  }
}

/**
 * Normalizes a REST cursor page of items (`GET /v1/chatkit/threads/{id}/items`). `after` is set to
 * `last_id` so the page also works as a protocol `Page`.
 */
export function normalizeChatKitRestItemsPage(
  json: unknown,
  options: NormalizeRestOptions = {},
): NormalizedPage<ThreadItem> {
  const result = v.safeParse(restPageSchema, json);
  if (!result.success) throw validationErrorFromIssues("REST page", result.issues, json);
  const { data, first_id, last_id, has_more, ...rest } = result.output;
  return {
    ...rest,
    data: data.map((item, index) => normalizeItemAt(item, index, options)),
    has_more,
    first_id: first_id ?? null,
    last_id: last_id ?? null,
    after: last_id ?? null,
  } as NormalizedPage<ThreadItem>;
}

const THREAD_KEYS = ["id", "object", "created_at", "status", "title", "items"];

/**
 * Normalizes a hosted thread (`chatkit.thread`) into a protocol `Thread`: unix `created_at` →
 * ISO, `status` kept, `user` and other fields under `origin.extra`. Embedded `items` (as in the
 * retrieve example) are normalized; otherwise `items` is an empty page.
 */
export function normalizeChatKitRestThread(json: unknown): Thread {
  const result = v.safeParse(chatKitThreadSchema, json);
  if (!result.success) throw validationErrorFromIssues("REST thread", result.issues, json);
  const src = result.output;
  const meta: ThreadMetadata = {
    id: src.id,
    title: src.title ?? null,
    created_at: src.created_at === undefined ? "" : unixToIso(src.created_at),
    status: (src.status ?? { type: "active" }) as ThreadStatus,
    origin: origin("chatkit_rest", "chatkit.thread", pickExtra(src, THREAD_KEYS)),
  };
  const items = (src as JsonObject).items;
  if (items === undefined) return { ...meta, items: { data: [], has_more: false } };
  try {
    return { ...meta, items: normalizeChatKitRestItemsPage(items, { threadId: src.id }) };
  } catch (error) {
    if (error instanceof ValidationError) throw error.withPrefix(["items"]);
    throw error;
  }
}

/** Normalizes a REST cursor page of threads (`GET /v1/chatkit/threads`). */
export function normalizeChatKitRestThreadsPage(json: unknown): NormalizedPage<Thread> {
  const result = v.safeParse(restPageSchema, json);
  if (!result.success) throw validationErrorFromIssues("REST page", result.issues, json);
  const { data, first_id, last_id, has_more, ...rest } = result.output;
  return {
    ...rest,
    data: data.map((thread, index) => {
      try {
        return normalizeChatKitRestThread(thread);
      } catch (error) {
        if (error instanceof ValidationError) throw error.withPrefix(["data", index]);
        throw error;
      }
    }),
    has_more,
    first_id: first_id ?? null,
    last_id: last_id ?? null,
    after: last_id ?? null,
  } as NormalizedPage<Thread>;
}
