import type {
  AssistantMessageItem,
  Page,
  Thread,
  ThreadItem,
  ThreadMetadata,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import {
  chatkit,
  chatkitJson,
  chatkitStream,
  doneItems,
  input,
  startServer,
  startThread,
} from "./test-utils";

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe("POST /chatkit streaming operations", () => {
  it("frames every event as `data: <json>` + blank line with the event-stream content type", async () => {
    const response = await chatkit(server, "threads.create", { input: input("hello there") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const text = await response.text();
    const frames = text.split("\n\n");
    expect(frames.pop()).toBe("");
    for (const frame of frames) {
      expect(frame).toMatch(/^data: \{.*\}$/);
      expect(frame).not.toContain("\n");
    }
  });

  it("answers threads.create with thread.created, the user item, stream_options, the reply and a title", async () => {
    const { threadId, events } = await startThread(server, "hello there friend");
    expect(events.slice(0, 3).map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
    ]);
    const user = events[1];
    expect(user?.type === "thread.item.done" && user.item).toMatchObject({
      type: "user_message",
      thread_id: threadId,
      content: [{ type: "input_text", text: "hello there friend" }],
    });
    expect(events[2]).toEqual({ type: "stream_options", stream_options: { allow_cancel: true } });
    const reply = doneItems(events).find(
      (item): item is AssistantMessageItem => item.type === "assistant_message",
    );
    expect(reply?.content[0]?.text).toContain("You said: **hello there friend**");
    // The word deltas add up to the final text.
    const deltas = events.flatMap((e) =>
      e.type === "thread.item.updated" &&
      e.update.type === "assistant_message.content_part.text_delta"
        ? [e.update.delta]
        : [],
    );
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(reply?.content[0]?.text);
    const last = events[events.length - 1];
    expect(last).toMatchObject({
      type: "thread.updated",
      thread: { id: threadId, title: "hello there friend" },
    });
  });

  it("continues a thread with threads.add_user_message and stores both turns", async () => {
    const { threadId } = await startThread(server, "first");
    const events = await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("second"),
    });
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["thread.item.done", "stream_options"]);
    const page = await chatkitJson<Page<ThreadItem>>(server, "items.list", {
      thread_id: threadId,
      order: "asc",
    });
    expect(page.data.map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "assistant_message",
    ]);
  });
});

describe("POST /chatkit JSON operations", () => {
  it("gets a thread by id with its first items ascending", async () => {
    const { threadId } = await startThread(server, "hi");
    const thread = await chatkitJson<Thread>(server, "threads.get_by_id", { thread_id: threadId });
    expect(thread).toMatchObject({ id: threadId, title: "hi", status: { type: "active" } });
    expect(thread.items.data.map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
    ]);
    expect(thread.items.has_more).toBe(false);
  });

  it("lists threads newest first with cursor paging", async () => {
    const ids: string[] = [];
    for (const text of ["one", "two", "three"])
      ids.push((await startThread(server, text)).threadId);
    const first = await chatkitJson<Page<ThreadMetadata>>(server, "threads.list", { limit: 2 });
    expect(first.data.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    expect(first.after).toBe(ids[1]);
    expect(first.data[0]).toMatchObject({ items: { data: [], has_more: false } });
    const second = await chatkitJson<Page<ThreadMetadata>>(server, "threads.list", {
      limit: 2,
      after: first.after,
    });
    expect(second.data.map((t) => t.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
    const asc = await chatkitJson<Page<ThreadMetadata>>(server, "threads.list", { order: "asc" });
    expect(asc.data.map((t) => t.id)).toEqual(ids);
  });

  it("pages items in both orders", async () => {
    const { threadId } = await startThread(server, "a");
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("b"),
    });
    const all = await chatkitJson<Page<ThreadItem>>(server, "items.list", {
      thread_id: threadId,
      order: "asc",
    });
    const ids = all.data.map((item) => item.id);
    expect(ids).toHaveLength(4);
    const desc1 = await chatkitJson<Page<ThreadItem>>(server, "items.list", {
      thread_id: threadId,
      limit: 3,
    });
    expect(desc1.data.map((item) => item.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(desc1.has_more).toBe(true);
    const desc2 = await chatkitJson<Page<ThreadItem>>(server, "items.list", {
      thread_id: threadId,
      limit: 3,
      after: desc1.after,
    });
    expect(desc2.data.map((item) => item.id)).toEqual([ids[0]]);
    expect(desc2.has_more).toBe(false);
  });

  it("renames, gives feedback and deletes", async () => {
    const { threadId, events } = await startThread(server, "rename me");
    const renamed = await chatkitJson<Thread>(server, "threads.update", {
      thread_id: threadId,
      title: "Renamed",
    });
    expect(renamed.title).toBe("Renamed");
    const itemId = doneItems(events).find((item) => item.type === "assistant_message")?.id;
    expect(
      await chatkitJson(server, "items.feedback", {
        thread_id: threadId,
        item_ids: [itemId],
        kind: "positive",
      }),
    ).toEqual({});
    expect(server.services.store.getFeedback(threadId, itemId ?? "")).toBe("positive");
    expect(await chatkitJson(server, "threads.delete", { thread_id: threadId })).toEqual({});
    const missing = await chatkit(server, "threads.get_by_id", { thread_id: threadId });
    expect(missing.status).toBe(404);
  });

  it("transcribes audio deterministically", async () => {
    const result = await chatkitJson(server, "input.transcribe", {
      audio_base64: Buffer.from("abcd").toString("base64"),
      mime_type: "audio/webm;codecs=opus",
    });
    expect(result).toEqual({ text: "Transcribed 4 bytes of audio/webm audio." });
  });
});

describe("POST /chatkit bad input", () => {
  it.each([
    ["not JSON", "{oops", 400, "Request body is not valid JSON."],
    [
      "an unknown type",
      JSON.stringify({ type: "threads.explode", params: {} }),
      400,
      "Unknown request type 'threads.explode'.",
    ],
    [
      "a missing thread",
      JSON.stringify({ type: "items.list", params: { thread_id: "thr_missing" } }),
      404,
      "No thread found with id 'thr_missing'.",
    ],
    [
      "a bad order",
      JSON.stringify({ type: "threads.list", params: { order: "sideways" } }),
      400,
      'Invalid ChatKit request (threads.list) at params.order: expected ("asc" | "desc"), received "sideways"',
    ],
    [
      "bad content",
      JSON.stringify({
        type: "threads.create",
        params: { input: { content: [{ type: "x" }], attachments: [] } },
      }),
      400,
      'Invalid ChatKit request (threads.create) at params.input.content[0].type: expected ("input_text" | "input_tag"), received "x"',
    ],
    [
      "an input_tag without data (the Python SDK requires it)",
      JSON.stringify({
        type: "threads.create",
        params: {
          input: { content: [{ type: "input_tag", id: "e", text: "Ana" }], attachments: [] },
        },
      }),
      400,
      'Invalid ChatKit request (threads.create) at params.input.content[0].data: expected "data", received undefined',
    ],
    [
      "an unknown cursor",
      JSON.stringify({ type: "threads.list", params: { after: "thr_nope" } }),
      400,
      "Unknown cursor 'thr_nope'.",
    ],
  ])("answers %s with a typed error", async (_name, body, status, message) => {
    const response = await fetch(`${server.url}/chatkit`, { method: "POST", body });
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toBe(message);
  });

  it("creates no thread when the input is invalid", async () => {
    await chatkit(server, "threads.create", { input: { content: "nope" } });
    const page = await chatkitJson<Page<ThreadMetadata>>(server, "threads.list", {});
    expect(page.data).toEqual([]);
  });
});
