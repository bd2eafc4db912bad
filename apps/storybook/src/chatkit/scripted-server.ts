/**
 * A ChatKit server that lives in the page: a `fetch` answering the ChatKit server protocol from
 * memory, for stories of `<ChatKit>` (pass it as `api.fetch`). Each reply echoes the message and
 * streams in small deltas; a message containing "link" gets a `chatkit-link://` deeplink, one
 * containing "widget" gets a card with a server action button, whose action answers with a
 * confirmation, and a client action button (`map.open`). A message containing "weather" ends with a
 * pending client tool call (`get_weather`); its output gets a reply quoting it. `input.transcribe`
 * answers a fixed sentence (dictation). Every request is recorded in `requests`.
 */

import type { ThreadItem, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import {
  createAssistantMessage,
  createUserMessage,
  createWidgetItem,
  textDelta,
} from "@threadkit/core/testing";

interface StoredThread extends ThreadMetadata {
  items: ThreadItem[];
}

/** One request the server answered. */
export interface ScriptedRequest {
  type: string;
  params: Record<string, unknown>;
}

/** A running in-page server. */
export interface ScriptedServer {
  fetch: typeof fetch;
  requests: ScriptedRequest[];
  threads: Map<string, StoredThread>;
}

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates a server; `threads` seeds its history (newest first in `threads.list`). */
export function createScriptedServer(
  options: { threads?: StoredThread[]; delayMs?: number; transcription?: string } = {},
): ScriptedServer {
  const transcription = options.transcription ?? "Book a table for four at eight";
  const threads = new Map<string, StoredThread>();
  for (const thread of options.threads ?? []) threads.set(thread.id, thread);
  const requests: ScriptedRequest[] = [];
  const delayMs = options.delayMs ?? 15;
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${++counter}`;
  const now = () => new Date(Date.UTC(2026, 0, 1, 12, 0, counter)).toISOString();

  const metadata = ({ items: _items, ...thread }: StoredThread): ThreadMetadata => thread;
  const page = <T>(data: T[]) => ({ data, has_more: false });

  function reply(thread: StoredThread, text: string): ThreadStreamEvent[] {
    const id = nextId("msg");
    if (text.toLowerCase().includes("weather")) {
      const call = {
        type: "client_tool_call",
        id,
        thread_id: thread.id,
        created_at: now(),
        status: "pending",
        call_id: `call_${id}`,
        name: "get_weather",
        arguments: { city: "Lisbon" },
      } as ThreadItem;
      thread.items.push(call);
      return [{ type: "thread.item.done", item: call }];
    }
    const answer = text.toLowerCase().includes("widget")
      ? null
      : text.toLowerCase().includes("link")
        ? "Here is [your order](chatkit-link://orders/42?tab=items)."
        : `You said: “${text}”. This reply comes from the in-page server.`;
    if (answer === null) {
      const widget = createWidgetItem(id, {
        type: "Card",
        children: [
          { type: "Title", value: "Book a table?" },
          {
            type: "Button",
            label: "Confirm",
            onClickAction: { type: "booking.confirm", payload: { table: 4 } },
          },
          {
            type: "Button",
            label: "Show on map",
            variant: "outline",
            onClickAction: { type: "map.open", handler: "client", payload: { table: 4 } },
          },
        ],
      } as never);
      const item = { ...widget, thread_id: thread.id, created_at: now() };
      thread.items.push(item);
      return [{ type: "thread.item.done", item }];
    }
    const empty = createAssistantMessage(id, [""], { thread_id: thread.id, created_at: now() });
    const done = createAssistantMessage(id, [answer], { thread_id: thread.id, created_at: now() });
    thread.items.push(done);
    const words = answer.split(/(?<= )/);
    return [
      { type: "thread.item.added", item: empty },
      ...words.map((word) => textDelta(id, word)),
      { type: "thread.item.done", item: done },
    ];
  }

  function userMessage(thread: StoredThread, input: Record<string, unknown>): ThreadItem {
    const content = Array.isArray(input.content) ? input.content : [];
    const text = content
      .map((part: { text?: string }) => (typeof part?.text === "string" ? part.text : ""))
      .join("");
    const item = createUserMessage(nextId("user"), text, {
      thread_id: thread.id,
      created_at: now(),
    });
    // Tags stay parts of the stored message, as a ChatKit server keeps them.
    if (content.some((part: { type?: string }) => part?.type === "input_tag")) {
      item.content = content as typeof item.content;
    }
    thread.items.push(item);
    return item;
  }

  function textOf(item: ThreadItem): string {
    return item.type === "user_message"
      ? item.content.map((part) => ("text" in part ? part.text : "")).join("")
      : "";
  }

  function stream(events: ThreadStreamEvent[]): Response {
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const event of events) {
          await sleep(delayMs);
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
        }
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  }

  const json = (value: unknown, status = 200) =>
    new Response(JSON.stringify(value), {
      status,
      headers: { "content-type": "application/json" },
    });

  const fetchImpl = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? "{}")) as ScriptedRequest;
    const params = (body.params ?? {}) as Record<string, unknown>;
    requests.push({ type: body.type, params });
    const thread = threads.get(String(params.thread_id ?? ""));
    switch (body.type) {
      case "threads.create": {
        const created: StoredThread = {
          id: nextId("thr"),
          title: null,
          created_at: now(),
          status: { type: "active" },
          items: [],
        };
        threads.set(created.id, created);
        const user = userMessage(created, params.input as Record<string, unknown>);
        created.title = textOf(user).slice(0, 40);
        return stream([
          { type: "thread.created", thread: { ...metadata(created), items: page([]) } },
          { type: "thread.item.done", item: user },
          ...reply(created, textOf(user)),
          { type: "thread.updated", thread: { ...metadata(created), items: page([]) } },
        ]);
      }
      case "threads.add_user_message": {
        if (!thread) return json({ error: "not found" }, 404);
        const user = userMessage(thread, params.input as Record<string, unknown>);
        return stream([{ type: "thread.item.done", item: user }, ...reply(thread, textOf(user))]);
      }
      case "threads.retry_after_item": {
        if (!thread) return json({ error: "not found" }, 404);
        const index = thread.items.findIndex((item) => item.id === params.item_id);
        const user = thread.items[index];
        thread.items.splice(index + 1);
        return stream(user ? reply(thread, textOf(user)) : []);
      }
      case "threads.add_client_tool_output": {
        if (!thread) return json({ error: "not found" }, 404);
        const call = [...thread.items].reverse().find((item) => item.type === "client_tool_call");
        if (call?.type === "client_tool_call") {
          Object.assign(call, { status: "completed", output: params.result });
        }
        const answer = createAssistantMessage(
          nextId("msg"),
          [`The tool answered ${JSON.stringify(params.result)}.`],
          { thread_id: thread.id, created_at: now() },
        );
        thread.items.push(answer);
        return stream([{ type: "thread.item.done", item: answer }]);
      }
      case "threads.custom_action": {
        if (!thread) return json({ error: "not found" }, 404);
        const answer = createAssistantMessage(nextId("msg"), ["Booked: table 4."], {
          thread_id: thread.id,
          created_at: now(),
        });
        thread.items.push(answer);
        return stream([{ type: "thread.item.done", item: answer }]);
      }
      case "threads.get_by_id":
        if (!thread) return json({ error: "not found" }, 404);
        return json({ ...metadata(thread), items: page(thread.items) });
      case "threads.list":
        return json(
          page([...threads.values()].reverse().map((t) => ({ ...metadata(t), items: page([]) }))),
        );
      case "items.list": {
        if (!thread) return json({ error: "not found" }, 404);
        const items = params.order === "asc" ? thread.items : [...thread.items].reverse();
        return json(page(items));
      }
      case "threads.update":
        if (!thread) return json({ error: "not found" }, 404);
        thread.title = String(params.title ?? "");
        return json({ ...metadata(thread), items: page(thread.items) });
      case "threads.delete":
        threads.delete(String(params.thread_id));
        return json({});
      case "items.feedback":
        return json({});
      case "attachments.create": {
        const mime = String(params.mime_type ?? "application/octet-stream");
        const name = String(params.name ?? "file");
        const id = nextId("atc");
        return json(
          mime.startsWith("image/")
            ? { id, name, mime_type: mime, type: "image", preview_url: null }
            : { id, name, mime_type: mime, type: "file" },
        );
      }
      case "attachments.delete":
        return json({});
      case "input.transcribe": {
        const audio = String(params.audio_base64 ?? "");
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(audio) || !params.mime_type) {
          return json({ error: "audio_base64 and mime_type are required" }, 400);
        }
        return json({ text: transcription });
      }
      default:
        return json({ error: `unknown request ${body.type}` }, 400);
    }
  };
  return { fetch: fetchImpl as typeof fetch, requests, threads };
}

/** A thread for the seeded history: one question and its answer. */
export function seededThread(id: string, title: string, question: string): StoredThread {
  return {
    id,
    title,
    created_at: "2026-01-01T09:00:00.000Z",
    status: { type: "active" },
    items: [
      createUserMessage(`${id}_q`, question, { thread_id: id }),
      createAssistantMessage(`${id}_a`, [`An answer about ${title.toLowerCase()}.`], {
        thread_id: id,
      }),
    ],
  };
}
