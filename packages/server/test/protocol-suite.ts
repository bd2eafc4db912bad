/**
 * Every protocol operation over real HTTP (Node http on 127.0.0.1), driven by threadkit's own
 * `createChatKitClient`. Run against each store.
 */
import {
  type ChatKitClient,
  createChatKitClient,
  type ThreadItem,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/index";
import { type AppContext, collect, input, startApp, type TestApp } from "./helpers/app";

/** Opens an empty store for one test. */
export type OpenStore = () => Promise<{ store: Store<AppContext>; close(): Promise<void> }>;

const types = (events: ThreadStreamEvent[]) => events.map((e) => e.type);
const doneItems = (events: ThreadStreamEvent[]) =>
  events.flatMap((e) => (e.type === "thread.item.done" ? [e.item] : []));
const threadIdOf = (events: ThreadStreamEvent[]) => {
  const first = events[0];
  if (first?.type !== "thread.created") throw new Error(`no thread.created: ${types(events)}`);
  return first.thread.id;
};

/** Registers the protocol suite for one store. */
export function describeProtocol(name: string, openStore: OpenStore): void {
  describe(`ChatKit protocol over HTTP (${name})`, () => {
    let app: TestApp;
    let client: ChatKitClient;
    let closeStore: () => Promise<void>;
    beforeEach(async () => {
      const opened = await openStore();
      closeStore = opened.close;
      app = await startApp(opened.store);
      client = createChatKitClient({ url: app.url, maxRetries: 0, headers: { "x-user": "ann" } });
    });
    afterEach(async () => {
      await app.close();
      await closeStore();
    });

    it("threads.create streams the thread, the message, stream options, the answer and the title", async () => {
      const events = await collect(await client.threads.create(input("Hi there, how are you")));
      expect(types(events)).toEqual([
        "thread.created",
        "thread.item.done",
        "stream_options",
        "thread.item.added",
        // Like the Python server: a thread change is announced right after the event during
        // which `respond` made it (here the title, set before the first event).
        "thread.updated",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.done",
      ]);
      const threadId = threadIdOf(events);
      expect(events[2]).toEqual({ type: "stream_options", stream_options: { allow_cancel: true } });
      const [user, answer] = doneItems(events);
      expect(user).toMatchObject({ type: "user_message", thread_id: threadId });
      expect(answer).toMatchObject({
        type: "assistant_message",
        content: [{ type: "output_text", text: "Hello world", annotations: [] }],
      });
      const updated = events[4];
      expect(updated?.type === "thread.updated" && updated.thread.title).toBe(
        "Hi there, how are yo",
      );
      const thread = await client.threads.getById(threadId);
      expect(thread.title).toBe("Hi there, how are yo");
      expect(thread.items.data.map((i) => i.id)).toEqual([user?.id, answer?.id]);
      expect(thread.status).toEqual({ type: "active" });
    });

    it("add_user_message appends; items.list pages both ways; threads.list pages threads", async () => {
      const threadId = threadIdOf(await collect(await client.threads.create(input("one"))));
      await collect(await client.threads.addUserMessage(threadId, input("two")));
      await collect(await client.threads.addUserMessage(threadId, input("three")));
      const asc: string[] = [];
      for await (const item of client.items.list(threadId, { limit: 2, order: "asc" })) {
        asc.push(
          item.type === "user_message" && item.content[0]?.type === "input_text"
            ? item.content[0].text
            : item.type,
        );
      }
      expect(asc).toEqual([
        "one",
        "assistant_message",
        "two",
        "assistant_message",
        "three",
        "assistant_message",
      ]);
      const newest = await client.items.list(threadId, { limit: 4 });
      expect(newest.has_more).toBe(true);
      expect(newest.data[0]?.type).toBe("assistant_message");
      const desc: ThreadItem[] = [];
      for await (const item of client.items.list(threadId, { limit: 4, order: "desc" }))
        desc.push(item);
      expect(desc.map((i) => i.id)).toEqual(
        (await client.items.list(threadId, { limit: 50, order: "asc" })).data
          .map((i) => i.id)
          .reverse(),
      );
      const second = threadIdOf(await collect(await client.threads.create(input("other"))));
      const page = await client.threads.list({ limit: 1 });
      expect(page.data.map((t) => t.id)).toEqual([second]);
      expect(page.has_more).toBe(true);
      const all: string[] = [];
      for await (const thread of client.threads.list({ limit: 1, order: "asc" }))
        all.push(thread.id);
      expect(all).toEqual([threadId, second]);
      expect(page.data[0]?.items).toEqual({ data: [], has_more: false });
    });

    it("threads.update renames, threads.delete deletes (then 404)", async () => {
      const threadId = threadIdOf(await collect(await client.threads.create(input("x"))));
      expect((await client.threads.update(threadId, "Renamed")).title).toBe("Renamed");
      expect((await client.threads.getById(threadId)).title).toBe("Renamed");
      await client.threads.delete(threadId);
      await expect(client.threads.getById(threadId)).rejects.toMatchObject({ status: 404 });
      expect((await client.threads.list()).data).toEqual([]);
    });

    it("client tool calls: the output completes the call and the answer continues", async () => {
      const events = await collect(await client.threads.create(input("use the tool")));
      const threadId = threadIdOf(events);
      expect(doneItems(events)[1]).toMatchObject({
        type: "client_tool_call",
        status: "pending",
        name: "get_weather",
        call_id: "call_1",
        arguments: { city: "Oslo" },
      });
      const after = await collect(await client.threads.addClientToolOutput(threadId, { temp: 3 }));
      expect(types(after)).toEqual(["stream_options", "thread.item.done"]);
      expect(doneItems(after)[0]).toMatchObject({
        type: "assistant_message",
        content: [{ text: 'Tool said {"temp":3}' }],
      });
      const items = (await client.threads.getById(threadId)).items.data;
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "client_tool_call",
        "assistant_message",
      ]);
      expect(items[1]).toMatchObject({ status: "completed", output: { temp: 3 } });
      // No pending call any more.
      await expect(client.threads.addClientToolOutput(threadId, {})).rejects.toMatchObject({
        status: 400,
      });
    });

    it("retry_after_item removes the later items and answers the message again", async () => {
      const first = await collect(await client.threads.create(input("first")));
      const threadId = threadIdOf(first);
      const firstMessage = doneItems(first)[0]!;
      await collect(await client.threads.addUserMessage(threadId, input("second")));
      const retried = await collect(await client.threads.retryAfterItem(threadId, firstMessage.id));
      expect(types(retried)).toContain("thread.item.done");
      const items = (await client.items.list(threadId, { limit: 20, order: "asc" })).data;
      expect(items.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
      expect(items[0]?.id).toBe(firstMessage.id);
      expect(items[1]?.id).toBe(doneItems(retried)[0]?.id);
      const answer = doneItems(first)[1]!;
      await expect(client.threads.retryAfterItem(threadId, answer.id)).rejects.toMatchObject({
        status: 404,
      });
      await expect(client.threads.retryAfterItem(threadId, items[1]!.id)).rejects.toMatchObject({
        status: 400,
      });
    });

    it("streams a widget as text deltas and root updates, then answers streamed and sync actions", async () => {
      const events = await collect(await client.threads.create(input("a widget please")));
      const threadId = threadIdOf(events);
      const updates = events.flatMap((e) => (e.type === "thread.item.updated" ? [e.update] : []));
      expect(updates).toEqual([
        {
          type: "widget.streaming_text.value_delta",
          component_id: "body",
          delta: "Your order",
          done: false,
        },
        {
          type: "widget.streaming_text.value_delta",
          component_id: "body",
          delta: " is ready",
          done: false,
        },
        // The title changes and `streaming` ends: not an append, so the whole root goes.
        { type: "widget.root.updated", widget: expect.objectContaining({ type: "Card" }) },
      ]);
      const widget = doneItems(events)[1]!;
      expect(widget).toMatchObject({ type: "widget", copy_text: "order" });
      expect(JSON.stringify(widget)).toContain("Order #1");
      const acted = await collect(
        await client.threads.customAction(threadId, widget.id, { type: "order.confirm" }),
      );
      expect(types(acted)).toEqual(["stream_options", "thread.item.replaced", "thread.item.done"]);
      expect(doneItems(acted)[0]).toMatchObject({ content: [{ text: "Confirmed for ann" }] });
      const stored = (await client.threads.getById(threadId)).items.data.find(
        (i) => i.id === widget.id,
      );
      expect(JSON.stringify(stored)).toContain("Confirmed");
      const sync = await client.threads.syncCustomAction(threadId, widget.id, {
        type: "count",
        payload: { n: 7 },
      });
      expect(JSON.stringify(sync.updated_item)).toContain("Clicked 7");
      expect(await client.threads.syncCustomAction(threadId, null, { type: "noop" })).toEqual({});
      const removed = await collect(
        await client.threads.customAction(threadId, widget.id, { type: "remove" }),
      );
      expect(types(removed)).toEqual(["stream_options", "thread.item.removed"]);
      const left = (await client.threads.getById(threadId)).items.data.map((i) => i.id);
      expect(left).not.toContain(widget.id);
      await expect(
        client.threads.customAction(threadId, doneItems(events)[0]!.id, { type: "x" }),
      ).rejects.toMatchObject({ status: 400 });
    });

    it("keeps hidden context out of streams, threads and item lists", async () => {
      const events = await collect(await client.threads.create(input("hidden note")));
      const threadId = threadIdOf(events);
      expect(doneItems(events).map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
      expect(JSON.stringify(events)).not.toContain("for the model only");
      const thread = await client.threads.getById(threadId);
      expect(thread.items.data.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
      const listed = await client.items.list(threadId, { limit: 10, order: "asc" });
      expect(listed.data.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
      const stored = await app.server.store.loadThreadItems(
        threadId,
        { limit: 10, order: "asc" },
        { user: "ann" },
      );
      expect(stored.data.map((i) => i.type)).toEqual([
        "user_message",
        "hidden_context_item",
        "assistant_message",
      ]);
    });

    it("turns errors into error events: custom message and retry, or stream.error for a crash", async () => {
      const oops = await collect(await client.threads.create(input("oops")));
      expect(oops.filter((e) => e.type !== "thread.updated").slice(-2)[0]).toEqual({
        type: "progress_update",
        text: "Thinking",
      });
      expect(oops.at(-1)).toEqual({
        type: "error",
        code: "custom",
        message: "The model is unavailable.",
        allow_retry: true,
      });
      const crash = await collect(await client.threads.create(input("crash")));
      expect(crash.find((e) => e.type === "error")).toEqual({
        type: "error",
        code: "stream.error",
        allow_retry: true,
      });
      expect(app.record.errors).toHaveLength(1);
      expect((app.record.errors[0] as Error).message).toBe("boom");
      // The user messages were stored all the same.
      const threads = await client.threads.list();
      expect(threads.data).toHaveLength(2);
    });

    it("a locked thread announces its status and refuses new messages with 409", async () => {
      const events = await collect(await client.threads.create(input("lock it")));
      const threadId = threadIdOf(events);
      const updated = events.filter((e) => e.type === "thread.updated");
      expect(updated.at(-1)).toMatchObject({
        thread: { status: { type: "locked", reason: "Support took over" } },
      });
      const response = await fetch(app.url, {
        method: "POST",
        body: JSON.stringify({
          type: "threads.add_user_message",
          params: { thread_id: threadId, input: input("hey") },
        }),
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: "thread_locked" } });
      expect((await client.items.list(threadId, { limit: 10 })).data).toHaveLength(2);
    });

    it("streams workflows, notices, effects, tasks and end of turn", async () => {
      const wf = await collect(await client.threads.create(input("workflow")));
      const updates = wf.flatMap((e) => (e.type === "thread.item.updated" ? [e.update.type] : []));
      expect(updates).toEqual([
        "workflow.task.added",
        "workflow.task.updated",
        "workflow.task.added",
      ]);
      expect(doneItems(wf)[1]).toMatchObject({
        type: "workflow",
        workflow: {
          type: "reasoning",
          summary: { title: "Thought it through" },
          expanded: false,
          tasks: [
            { type: "thought", content: "Hmm, yes" },
            { type: "custom", title: "Searched" },
          ],
        },
      });
      expect(doneItems(wf)[2]?.type).toBe("end_of_turn");
      const fx = await collect(await client.threads.create(input("effects")));
      expect(fx).toContainEqual({
        type: "notice",
        level: "warning",
        message: "Careful",
        title: "Heads up",
      });
      expect(fx).toContainEqual({ type: "client_effect", name: "confetti", data: { count: 3 } });
      expect(doneItems(fx)[1]).toMatchObject({ type: "task", task: { title: "Done" } });
    });

    it("answers structured input", async () => {
      const events = await collect(await client.threads.create(input("a question")));
      const threadId = threadIdOf(events);
      const question = doneItems(events)[1]!;
      const answered = await collect(
        await client.threads.addStructuredInput(threadId, question.id, {
          status: "answered",
          answers: { size: { values: ["M", "S"], skipped: false } },
        }),
      );
      expect(answered[1]).toMatchObject({
        type: "thread.item.replaced",
        item: {
          status: "answered",
          inputs: [
            { id: "size", answer: { values: ["M"], skipped: false } },
            { id: "note", answer: { skipped: true } },
          ],
        },
      });
      expect(doneItems(answered)[0]).toMatchObject({ content: [{ text: "Answers: M, " }] });
      await expect(
        client.threads.addStructuredInput(threadId, question.id, {
          status: "skipped",
          answers: {},
        }),
      ).rejects.toMatchObject({ status: 400 });
    });

    it("records feedback, with 404 for unknown items", async () => {
      const events = await collect(await client.threads.create(input("x")));
      const threadId = threadIdOf(events);
      const answer = doneItems(events)[1]!;
      await client.items.feedback(threadId, [answer.id], "positive");
      expect(app.record.feedback).toEqual([
        { threadId, itemIds: [answer.id], kind: "positive", user: "ann" },
      ]);
      await expect(client.items.feedback(threadId, ["msg_nope"], "negative")).rejects.toMatchObject(
        {
          status: 404,
        },
      );
      expect(app.record.feedback).toHaveLength(1);
    });

    it("creates, attaches and deletes attachments; integration metadata never reaches the client", async () => {
      const created = await client.attachments.create({
        name: "cat.png",
        size: 10,
        mime_type: "image/png",
      });
      expect(created).toMatchObject({
        id: "atc_test1",
        type: "image",
        preview_url: "https://cdn.example/atc_test1",
        upload_descriptor: { method: "PUT" },
      });
      expect(created).not.toHaveProperty("metadata");
      const events = await collect(await client.threads.create(input("look", [created.id])));
      const threadId = threadIdOf(events);
      const message = doneItems(events)[0]!;
      expect(message).toMatchObject({ attachments: [{ id: created.id, thread_id: threadId }] });
      expect(JSON.stringify(events)).not.toContain("secret-bucket");
      expect(JSON.stringify(await client.threads.getById(threadId))).not.toContain("secret-bucket");
      const stored = await app.server.store.loadAttachment(created.id, { user: "ann" });
      expect(stored).toMatchObject({ thread_id: threadId, metadata: { bucket: "secret-bucket" } });
      await client.attachments.delete(created.id);
      await expect(client.attachments.delete(created.id)).rejects.toMatchObject({ status: 404 });
      await expect(client.threads.create(input("gone", [created.id]))).rejects.toMatchObject({
        status: 404,
      });
    });

    it("transcribes dictation", async () => {
      const audio = Buffer.from("abcdef").toString("base64");
      expect(await client.input.transcribe(audio, "audio/webm;codecs=opus")).toEqual({
        text: "6 bytes of audio/webm",
      });
      await expect(client.input.transcribe("@@not base64@@", "audio/webm")).rejects.toMatchObject({
        status: 400,
      });
    });

    it("saves the partial answer and a hidden note when the client goes away, and aborts respond", async () => {
      const threadId = threadIdOf(await collect(await client.threads.create(input("start"))));
      const controller = new AbortController();
      const body = await client.threads.addUserMessage(threadId, input("slow please"), {
        signal: controller.signal,
      });
      const reader = body.getReader();
      await app.record.slowStarted;
      await reader.read();
      controller.abort();
      await reader.cancel().catch(() => {});
      const store = app.server.store;
      let stored: string[] = [];
      for (let i = 0; i < 100; i += 1) {
        const page = await store.loadThreadItems(
          threadId,
          { limit: 20, order: "asc" },
          { user: "ann" },
        );
        stored = page.data.map((item) => item.type);
        if (stored.includes("sdk_hidden_context")) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(stored).toEqual([
        "user_message",
        "assistant_message",
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      const visible = (await client.items.list(threadId, { limit: 20, order: "asc" })).data;
      expect(visible.at(-1)).toMatchObject({
        type: "assistant_message",
        content: [{ text: "Partial " }],
      });
      expect(visible).toHaveLength(4);
      expect(app.record.aborted).toBe(1);
      expect(app.record.errors).toEqual([]);
    });
  });
}
