/**
 * Driving the official-SDK server through @threadkit/core: every event must validate (no
 * `stream.malformed`, no `unknown` event or item), and the streamed items are reduced with
 * threadkit's own reducer, so tests assert on what threadkit parsed.
 */
import {
  type ChatKitClient,
  createChatKitClient,
  createThreadState,
  readThreadStream,
  reduceThreadStream,
  selectThreadItems,
  type ThreadItem,
  type ThreadState,
  type ThreadStreamEvent,
  type UserMessageInput,
} from "@threadkit/core";
import { inject } from "vitest";

/** The server's base URL (global setup). */
export const serverUrl = (): string => inject("officialServerUrl");

/** core's protocol client against the official-SDK server, without retries. */
export function officialClient(): ChatKitClient {
  return createChatKitClient({ url: `${serverUrl()}/chatkit`, maxRetries: 0 });
}

/** A text message as the composer sends it. */
export function textInput(text: string, extra: Partial<UserMessageInput> = {}): UserMessageInput {
  return {
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
    ...extra,
  };
}

function assertKnownItem(item: ThreadItem, where: string): void {
  if (item.type === "unknown") {
    throw new Error(`${where}: threadkit did not recognise the item ${JSON.stringify(item)}`);
  }
}

/** Reads a response stream; throws on any malformed or unknown event or item. */
export async function collect(body: ReadableStream<Uint8Array>): Promise<ThreadStreamEvent[]> {
  const events: ThreadStreamEvent[] = [];
  for await (const event of readThreadStream(body)) {
    if (event.type === "stream.malformed" || event.type === "unknown") {
      throw new Error(
        `threadkit rejected an event of the official server: ${JSON.stringify(event)}`,
      );
    }
    const known = event as ThreadStreamEvent;
    if ("item" in known) assertKnownItem(known.item, known.type);
    events.push(known);
  }
  return events;
}

/** What one response did, as threadkit sees it. */
export interface Turn {
  events: ThreadStreamEvent[];
  /** The state after reducing the events onto `before`. */
  state: ThreadState;
  items: ThreadItem[];
  types: string[];
}

/** Collects a response and reduces it with threadkit's reducer onto `before`. */
export async function turn(
  body: Promise<ReadableStream<Uint8Array>>,
  before: ThreadState = createThreadState(),
): Promise<Turn> {
  const events = await collect(await body);
  const state = events.reduce(reduceThreadStream, before);
  return { events, state, items: selectThreadItems(state), types: events.map((e) => e.type) };
}

/** The id of the thread a `threads.create` response created. */
export function createdThreadId(events: readonly ThreadStreamEvent[]): string {
  const created = events.find((event) => event.type === "thread.created");
  if (created?.type !== "thread.created") throw new Error("no thread.created event");
  return created.thread.id;
}

/** Items of a type, from a list of items. */
export function ofType<T extends ThreadItem["type"]>(
  items: readonly ThreadItem[],
  type: T,
): Extract<ThreadItem, { type: T }>[] {
  return items.filter((item): item is Extract<ThreadItem, { type: T }> => item.type === type);
}

/** The text of an assistant message. */
export function textOf(item: ThreadItem | undefined): string {
  return item?.type === "assistant_message" ? item.content.map((part) => part.text).join("") : "";
}

/** Every item the server stored for a thread (items.list, paged), in order. */
export async function storedItems(client: ChatKitClient, threadId: string): Promise<ThreadItem[]> {
  const items: ThreadItem[] = [];
  for await (const item of client.items.list(threadId, { order: "asc", limit: 50 })) {
    assertKnownItem(item, "items.list");
    items.push(item);
  }
  return items;
}

/** What the server recorded outside its store (feedback, transcriptions, uploads). */
export interface ServerState {
  feedback: { thread_id: string; item_ids: string[]; kind: string }[];
  transcriptions: { mime_type: string; size: number }[];
  uploads: Record<string, number>;
  deleted_attachments: string[];
  attachments: string[];
}

export async function serverState(): Promise<ServerState> {
  const response = await fetch(`${serverUrl()}/debug/state`);
  return (await response.json()) as ServerState;
}
