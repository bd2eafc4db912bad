/** Helpers for the dev server's own tests (not exported from the package). */
import type { ThreadItem, ThreadStreamEvent, UserMessageInput } from "@threadkit/core";
import type { StoredThreadItem } from "@threadkit/server";
import { createDevServer, type DevServer, type DevServerOptions } from "./server";
import { userContext } from "./services";
import type { Clock } from "./util";

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 0, 1, 12, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Starts an in-memory server on an ephemeral 127.0.0.1 port. */
export function startServer(options: DevServerOptions = {}): Promise<DevServer> {
  return createDevServer({ port: 0, inMemory: true, delayMs: 0, ...options });
}

/** POSTs a protocol request to `/chatkit`. */
export function chatkit(
  server: DevServer,
  type: string,
  params: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${server.url}/chatkit`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ type, params }),
    ...(signal ? { signal } : {}),
  });
}

/** A JSON protocol request that must succeed. */
export async function chatkitJson<T = any>(
  server: DevServer,
  type: string,
  params: unknown,
): Promise<T> {
  const response = await chatkit(server, type, params);
  if (!response.ok)
    throw new Error(`${type} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Minimal SSE parsing for `data:`-only protocol streams: asserts the exact framing (every frame
 * is one `data: <json>` line followed by a blank line) and returns the parsed events.
 */
export function parseDataFrames(text: string): ThreadStreamEvent[] {
  if (text === "") return [];
  if (!text.endsWith("\n\n"))
    throw new Error(`stream does not end with a blank line: ${JSON.stringify(text.slice(-40))}`);
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((frame) => {
      if (!frame.startsWith("data: ") || frame.includes("\n"))
        throw new Error(`bad frame: ${frame.slice(0, 80)}`);
      return JSON.parse(frame.slice(6)) as ThreadStreamEvent;
    });
}

/** Runs a streaming protocol request and returns its events. */
export async function chatkitStream(
  server: DevServer,
  type: string,
  params: unknown,
  headers: Record<string, string> = {},
): Promise<ThreadStreamEvent[]> {
  const response = await chatkit(server, type, params, headers);
  if (!response.ok)
    throw new Error(`${type} answered ${response.status}: ${await response.text()}`);
  if (!response.headers.get("content-type")?.startsWith("text/event-stream"))
    throw new Error("not an event stream");
  return parseDataFrames(await response.text());
}

/** A user message input. */
export function input(text: string, attachments: string[] = []): UserMessageInput {
  return { content: [{ type: "input_text", text }], attachments, inference_options: {} };
}

/** Starts a thread with one message and returns its id with the stream's events. */
export async function startThread(
  server: DevServer,
  text: string,
): Promise<{ threadId: string; events: ThreadStreamEvent[] }> {
  const events = await chatkitStream(server, "threads.create", { input: input(text) });
  const created = events[0];
  if (created?.type !== "thread.created") throw new Error("first event is not thread.created");
  return { threadId: created.thread.id, events };
}

/** The items of every `thread.item.done` event. */
export function doneItems(events: ThreadStreamEvent[]): ThreadItem[] {
  return events.flatMap((event) => (event.type === "thread.item.done" ? [event.item] : []));
}

/** Parses named (`event:` + `data:`) frames of an Assistants stream. */
export function parseNamedFrames(text: string): { event: string; data: string }[] {
  if (!text.endsWith("\n\n")) throw new Error("stream does not end with a blank line");
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((frame) => {
      const match = /^event: (\S+)\ndata: (.*)$/.exec(frame);
      if (!match) throw new Error(`bad frame: ${frame.slice(0, 80)}`);
      return { event: match[1] ?? "", data: match[2] ?? "" };
    });
}

/** Every stored item of an anonymous thread, oldest first (hidden context included). */
export async function storedItems(
  server: DevServer,
  threadId: string,
): Promise<StoredThreadItem[]> {
  const items: StoredThreadItem[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await server.services.threads.loadThreadItems(
      threadId,
      { after, limit: 100, order: "asc" },
      userContext(),
    );
    items.push(...page.data);
    if (!page.has_more || !page.after) return items;
    after = page.after;
  }
}
