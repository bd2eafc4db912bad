import type { Annotation, Attachment, Task, ThreadItem, UserMessageContent } from "@threadkit/core";
import type { Context, Hono } from "hono";
import type { AppEnv } from "./app-env";
import type { DevServices } from "./services";
import type { PageQuery, PageResult, StoredThread } from "./store";
import { badRequest, notFound, optionalInt, optionalString, readOrder, toUnix } from "./util";

type Json = Record<string, unknown>;

/** A thread in the hosted REST shape (`chatkit.thread`, unix seconds). */
export function toRestThread(thread: StoredThread): Json {
  return {
    id: thread.id,
    object: "chatkit.thread",
    created_at: toUnix(thread.created_at),
    status:
      thread.status.type === "active"
        ? { type: "active" }
        : { type: thread.status.type, reason: thread.status.reason ?? null },
    title: thread.title,
    user: thread.user,
  };
}

function unix(iso: string): number {
  return toUnix(Date.parse(iso));
}

function restContent(part: UserMessageContent): Json {
  // The REST API has no input_tag part: a tag becomes its visible text.
  return part.type === "input_text"
    ? { type: "input_text", text: part.text }
    : { type: "input_text", text: `@${part.text}` };
}

function restAttachment(attachment: Attachment): Json {
  return {
    type: attachment.type,
    id: attachment.id,
    name: attachment.name,
    mime_type: attachment.mime_type,
    preview_url: attachment.type === "image" ? attachment.preview_url : null,
  };
}

function restAnnotation(annotation: Annotation): Json | null {
  const source = annotation.source;
  if (source.type === "file")
    return { type: "file", source: { type: "file", filename: source.filename } };
  if (source.type === "url") return { type: "url", source: { type: "url", url: source.url } };
  return null; // entity sources have no REST shape
}

function restTask(task: Task): {
  heading: string | null;
  summary: string | null;
  type: "custom" | "thought";
} {
  const summary = task.type === "thought" || task.type === "custom" ? (task.content ?? null) : null;
  return {
    heading: task.title ?? null,
    summary,
    type: task.type === "thought" ? "thought" : "custom",
  };
}

/**
 * A protocol item in the hosted REST shape (chatkit.md §1.6): `chatkit.`-prefixed types, unix
 * seconds, widgets and tool arguments as JSON strings, tasks as heading/summary. Item types the
 * REST API has no shape for are sent as `chatkit.<type>` with their protocol fields.
 */
export function toRestItem(item: ThreadItem): Json {
  const base = {
    id: item.id,
    object: "chatkit.thread_item",
    thread_id: item.thread_id,
    created_at: unix(item.created_at),
  };
  switch (item.type) {
    case "user_message": {
      const content = item.content.map(restContent);
      if (item.quoted_text) content.push({ type: "quoted_text", text: item.quoted_text });
      const options = item.inference_options;
      const hasOptions = Boolean(options.model || options.tool_choice);
      return {
        ...base,
        type: "chatkit.user_message",
        content,
        attachments: item.attachments.map(restAttachment),
        inference_options: hasOptions
          ? { model: options.model ?? null, tool_choice: options.tool_choice ?? null }
          : null,
      };
    }
    case "assistant_message":
      return {
        ...base,
        type: "chatkit.assistant_message",
        content: item.content.map((part) => ({
          type: "output_text",
          text: part.text,
          annotations: part.annotations.map(restAnnotation).filter((a) => a !== null),
        })),
      };
    case "widget":
      return { ...base, type: "chatkit.widget", widget: JSON.stringify(item.widget) };
    case "client_tool_call":
      return {
        ...base,
        type: "chatkit.client_tool_call",
        status: item.status === "pending" ? "in_progress" : "completed",
        call_id: item.call_id,
        name: item.name,
        arguments: JSON.stringify(item.arguments),
        output: item.output === undefined ? null : JSON.stringify(item.output),
      };
    case "task": {
      const task = restTask(item.task);
      return {
        ...base,
        type: "chatkit.task",
        heading: task.heading,
        summary: task.summary,
        task_type: task.type,
      };
    }
    case "workflow":
      return { ...base, type: "chatkit.task_group", tasks: item.workflow.tasks.map(restTask) };
    default: {
      const { id: _id, thread_id: _thread, created_at: _created, type, ...rest } = item;
      return { ...base, ...rest, type: `chatkit.${type}` };
    }
  }
}

/** A REST list page: `{object: "list", data, first_id, last_id, has_more}`. */
export function toRestList<T>(page: PageResult<T>, map: (value: T) => Json): Json {
  const data = page.data.map(map);
  return {
    object: "list",
    data,
    first_id: (data[0]?.id as string | undefined) ?? null,
    last_id: (data[data.length - 1]?.id as string | undefined) ?? null,
    has_more: page.has_more,
  };
}

/** Reads `limit` (1–100, default 20), `order` (default desc), `after`, `before` from the query. */
export function readRestPage(c: Context<AppEnv>): PageQuery {
  const query = c.req.query();
  const after = optionalString(query, "after", "query");
  const before = optionalString(query, "before", "query");
  if (after !== undefined && before !== undefined)
    throw badRequest("Pass either after or before, not both.", "before");
  return {
    limit: optionalInt(query, "limit", 1, 100, "query") ?? 20,
    order: readOrder(query, "desc", "query"),
    after,
    before,
  };
}

/** `/v1/chatkit/sessions` and `/v1/chatkit/threads`: the hosted ChatKit REST API. */
export function registerChatKitRestRoutes(app: Hono<AppEnv>, services: DevServices): void {
  const { store, sessions } = services;
  app.post("/v1/chatkit/sessions", async (c) => c.json(sessions.create(await readJson(c))));
  app.post("/v1/chatkit/sessions/:id/cancel", (c) => c.json(sessions.cancel(c.req.param("id"))));

  app.get("/v1/chatkit/threads", (c) => {
    const user = c.req.query("user") ?? c.get("info").session?.user;
    return c.json(toRestList(store.listThreads(readRestPage(c), user), toRestThread));
  });
  const thread = (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    const found = store.getThread(id);
    const session = c.get("info").session;
    if (!found || (session && found.user !== session.user)) throw notFound("thread", id);
    return found;
  };
  app.get("/v1/chatkit/threads/:id", (c) => c.json(toRestThread(thread(c))));
  app.delete("/v1/chatkit/threads/:id", (c) => {
    const found = thread(c);
    store.deleteThread(found.id);
    return c.json({ id: found.id, object: "chatkit.thread.deleted", deleted: true });
  });
  app.get("/v1/chatkit/threads/:id/items", (c) => {
    const found = thread(c);
    return c.json(toRestList(store.listItems(found.id, readRestPage(c)), toRestItem));
  });
}

/** The JSON body, or a 400 for anything that is not JSON. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Request body is not valid JSON.");
  }
}
