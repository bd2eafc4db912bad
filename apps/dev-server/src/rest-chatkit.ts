import type {
  Annotation,
  Attachment,
  Page,
  Task,
  ThreadItem,
  ThreadMetadata,
  UserMessageContent,
} from "@threadkit/core";
import { NotFoundError, type StoredThreadItem } from "@threadkit/server";
import type { Context, Hono } from "hono";
import type { AppEnv } from "./app-env";
import { type DevContext, type DevServices, threadOwner, userContext } from "./services";
import type { PageQuery, PageResult } from "./store";
import { badRequest, notFound, optionalInt, optionalString, readOrder, toUnix } from "./util";

type Json = Record<string, unknown>;

/** A thread of `user` in the hosted REST shape (`chatkit.thread`, unix seconds). */
export function toRestThread(thread: ThreadMetadata, user: string): Json {
  return {
    id: thread.id,
    object: "chatkit.thread",
    created_at: unix(thread.created_at),
    status:
      thread.status.type === "active"
        ? { type: "active" }
        : { type: thread.status.type, reason: thread.status.reason ?? null },
    title: thread.title ?? null,
    user,
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

/**
 * A page through the async store, with the REST API's `before` cursor too: the page before an
 * id is the page after it in the opposite order, turned around.
 */
async function restPage<T extends { id: string }>(
  query: PageQuery,
  load: (options: {
    after: string | null;
    limit: number;
    order: "asc" | "desc";
  }) => Promise<Page<T>>,
): Promise<PageResult<T>> {
  if (query.before === undefined) {
    const page = await load({ after: query.after ?? null, limit: query.limit, order: query.order });
    return { data: page.data, has_more: page.has_more };
  }
  const page = await load({
    after: query.before,
    limit: query.limit,
    order: query.order === "asc" ? "desc" : "asc",
  });
  return { data: [...page.data].reverse(), has_more: page.has_more };
}

/** Cursor errors of the store answer as the REST API's 400 naming the query parameter. */
async function withCursor<T>(query: PageQuery, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const cursor = query.after ?? query.before;
    if (cursor !== undefined && (error as { code?: string }).code === "invalid_cursor") {
      throw badRequest(`Unknown cursor '${cursor}'.`, query.after ? "after" : "before");
    }
    throw error;
  }
}

function isHidden(item: StoredThreadItem): boolean {
  return item.type === "hidden_context_item" || item.type === "sdk_hidden_context";
}

/**
 * `/v1/chatkit/sessions` and `/v1/chatkit/threads`: the hosted ChatKit REST API. Threads and
 * items are read through the `@threadkit/server` store, as the owner named by `user` (or the
 * session's user, or `anonymous`).
 */
export function registerChatKitRestRoutes(app: Hono<AppEnv>, services: DevServices): void {
  const { threads, sessions } = services;
  app.post("/v1/chatkit/sessions", async (c) => c.json(sessions.create(await readJson(c))));
  app.post("/v1/chatkit/sessions/:id/cancel", (c) => c.json(sessions.cancel(c.req.param("id"))));

  app.get("/v1/chatkit/threads", async (c) => {
    const user = c.req.query("user") ?? c.get("info").session?.user ?? "anonymous";
    const query = readRestPage(c);
    const context = userContext(user);
    const page = await withCursor(query, () =>
      restPage(query, (options) => threads.loadThreads(options, context)),
    );
    return c.json(toRestList(page, (thread) => toRestThread(thread, user)));
  });
  const thread = async (c: Context<AppEnv>): Promise<[ThreadMetadata, DevContext]> => {
    const id = c.req.param("id") ?? "";
    const session = c.get("info").session;
    const context = userContext(session ? session.user : threadOwner(services.store, id));
    try {
      return [await threads.loadThread(id, context), context];
    } catch (error) {
      if (error instanceof NotFoundError) throw notFound("thread", id);
      throw error;
    }
  };
  app.get("/v1/chatkit/threads/:id", async (c) => {
    const [found, context] = await thread(c);
    return c.json(toRestThread(found, context.user));
  });
  app.delete("/v1/chatkit/threads/:id", async (c) => {
    const [found, context] = await thread(c);
    await threads.deleteThread(found.id, context);
    return c.json({ id: found.id, object: "chatkit.thread.deleted", deleted: true });
  });
  app.get("/v1/chatkit/threads/:id/items", async (c) => {
    const [found, context] = await thread(c);
    const query = readRestPage(c);
    const page = await withCursor(query, () =>
      restPage(query, (options) => threads.loadThreadItems(found.id, options, context)),
    );
    // Hidden context stays on the server, as in the protocol's items.list.
    const visible = page.data.filter((item) => !isHidden(item)) as ThreadItem[];
    return c.json(toRestList({ data: visible, has_more: page.has_more }, toRestItem));
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
