/**
 * Behaviour ported from chatkit-python's tests/test_chatkit_server.py, driven through
 * `server.process` (no HTTP).
 */
import type { ThreadStreamEvent, WorkflowItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import {
  type ChatKitServerOptions,
  createChatKitServer,
  events,
  type ServerStreamEvent,
} from "../src/index";
import { SqliteStore } from "../src/sqlite/index";
import { input } from "./helpers/app";

function make(
  respond: ChatKitServerOptions["respond"],
  extra: Partial<ChatKitServerOptions> = {},
  store = new SqliteStore(":memory:"),
) {
  return { store, server: createChatKitServer({ store, respond, ...extra }) };
}

async function run(
  server: ReturnType<typeof make>["server"],
  body: unknown,
  signal?: AbortSignal,
): Promise<ThreadStreamEvent[]> {
  const result = await server.process(body, {}, signal ? { signal } : {});
  if (!result.streaming) throw new Error("expected a stream");
  const out: ThreadStreamEvent[] = [];
  for await (const event of result.events) out.push(event);
  return out;
}

const create = (text = "Hello") => ({ type: "threads.create", params: { input: input(text) } });
const createdId = (events: ThreadStreamEvent[]) =>
  events[0]?.type === "thread.created" ? events[0].thread.id : "";

describe("Python ChatKitServer semantics", () => {
  it("emits thread.updated right after the event during which the thread changed, and saves it", async () => {
    const { server, store } = make(async function* (thread, _input, ctx) {
      yield events.itemDone({ ...ctx.assistantMessage("A"), id: "assistant_a" });
      thread.title = "Mid-stream title";
      yield events.itemDone({ ...ctx.assistantMessage("B"), id: "assistant_b" });
      yield events.itemDone({ ...ctx.assistantMessage("C"), id: "assistant_c" });
    });
    const out = await run(server, create());
    const b = out.findIndex((e) => e.type === "thread.item.done" && e.item.id === "assistant_b");
    expect(out[b + 1]).toMatchObject({
      type: "thread.updated",
      thread: { title: "Mid-stream title" },
    });
    expect(out[b + 2]).toMatchObject({ type: "thread.item.done", item: { id: "assistant_c" } });
    expect(out.filter((e) => e.type === "thread.updated")).toHaveLength(1);
    expect((await store.loadThread(createdId(out), {})).title).toBe("Mid-stream title");
  });

  it("announces a change made after the last event at the end of the stream", async () => {
    const { server, store } = make(async function* (thread, _input, ctx) {
      yield events.itemDone(ctx.assistantMessage("A"));
      thread.metadata = { topic: "billing" };
      thread.allowed_image_domains = ["cdn.example"];
    });
    const out = await run(server, create());
    expect(out.at(-1)).toMatchObject({
      type: "thread.updated",
      thread: { allowed_image_domains: ["cdn.example"] },
    });
    // Thread metadata is stored but never sent to the client.
    expect(JSON.stringify(out)).not.toContain("billing");
    expect((await store.loadThread(createdId(out), {})).metadata).toEqual({ topic: "billing" });
  });

  it("omits unset allowed_image_domains and title from thread events, and sends metadata {}", async () => {
    const { server } = make(async function* () {});
    const out = await run(server, create());
    const created = out[0];
    expect(created?.type).toBe("thread.created");
    if (created?.type === "thread.created") {
      expect(created.thread).not.toHaveProperty("allowed_image_domains");
      expect(created.thread).not.toHaveProperty("title");
      // The SDK's `_to_thread_response` sends `metadata: {}`, never the stored metadata.
      expect(created.thread).toHaveProperty("metadata", {});
      expect(created.thread.items).toEqual({ data: [], has_more: false });
    }
  });

  it("does not let pending-item bookkeeping change the streamed workflow (no duplicated task)", async () => {
    const { server, store } = make(async function* (thread, _input, ctx) {
      const item: WorkflowItem = {
        id: "workflow-item",
        thread_id: thread.id,
        created_at: ctx.now(),
        type: "workflow",
        workflow: { type: "custom", tasks: [] },
      };
      yield events.itemAdded(item);
      const task = { type: "custom" as const, title: "foo", content: "bar" };
      yield events.taskAdded(item.id, 0, task);
      item.workflow.tasks.push(task);
      yield events.itemDone(item);
    });
    const out = await run(server, create());
    const done = out.find((e) => e.type === "thread.item.done" && e.item.type === "workflow");
    expect(
      done?.type === "thread.item.done" &&
        done.item.type === "workflow" &&
        done.item.workflow.tasks,
    ).toHaveLength(1);
    const stored = await store.loadItem(createdId(out), "workflow-item", {});
    expect(stored.type === "workflow" && stored.workflow.tasks).toEqual([
      { type: "custom", title: "foo", content: "bar" },
    ]);
  });

  it("on cancellation keeps no empty pending message, only the hidden note", async () => {
    let ctxSignal: AbortSignal | undefined;
    const { server, store } = make(async function* (_thread, _input, ctx) {
      ctxSignal = ctx.signal;
      yield events.itemAdded(ctx.assistantMessage([]));
      yield events.itemAdded(ctx.widget({ type: "Card", children: [] }));
      await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve()));
      yield events.progress("never sent");
    });
    const controller = new AbortController();
    const result = await server.process(create(), {}, { signal: controller.signal });
    if (!result.streaming) throw new Error("expected a stream");
    const seen: ServerStreamEvent[] = [];
    for await (const event of result.events) {
      seen.push(event);
      if (event.type === "thread.item.added" && event.item.type === "widget") controller.abort();
    }
    expect(ctxSignal?.aborted).toBe(true);
    expect(seen.map((e) => e.type)).not.toContain("progress_update");
    const threadId = seen[0]?.type === "thread.created" ? seen[0].thread.id : "";
    const items = (await store.loadThreadItems(threadId, { limit: 10, order: "asc" }, {})).data;
    expect(items.map((i) => i.type)).toEqual(["user_message", "sdk_hidden_context"]);
    expect(items[1]).toMatchObject({
      content: "The user cancelled the stream. Stop responding to the prior request.",
    });
  });

  it("a custom onStreamCancelled replaces the default", async () => {
    const cancelled: string[][] = [];
    const { server, store } = make(
      async function* (_thread, _input, ctx) {
        const message = ctx.assistantMessage([]);
        yield events.itemAdded(message);
        yield events.contentPartAdded(message.id, 0);
        yield events.textDelta(message.id, 0, "Half");
        await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve()));
      },
      {
        async onStreamCancelled(_thread, pending) {
          cancelled.push(
            pending.map((item) =>
              item.type === "assistant_message" ? (item.content[0]?.text ?? "") : "",
            ),
          );
        },
      },
    );
    const controller = new AbortController();
    const result = await server.process(create(), {}, { signal: controller.signal });
    if (!result.streaming) throw new Error("expected a stream");
    let threadId = "";
    for await (const event of result.events) {
      if (event.type === "thread.created") threadId = event.thread.id;
      if (event.type === "thread.item.updated" && event.update.type.endsWith("text_delta"))
        controller.abort();
    }
    expect(cancelled).toEqual([["Half"]]);
    const items = (await store.loadThreadItems(threadId, { limit: 10, order: "asc" }, {})).data;
    expect(items.map((i) => i.type)).toEqual(["user_message"]);
  });

  it("uses the store's id generators", async () => {
    class CountingStore extends SqliteStore {
      counter = 0;
      generateThreadId() {
        this.counter += 1;
        return `thr_custom_${this.counter}`;
      }
      generateItemId(type: string, thread: { id: string }) {
        this.counter += 1;
        return `${type}_custom_${this.counter}_${thread.id}`;
      }
    }
    const store = new CountingStore(":memory:");
    const { server } = make(
      async function* (_thread, _input, ctx) {
        yield events.itemDone(ctx.clientToolCall("f", {}, "call"));
      },
      {},
      store,
    );
    const out = await run(server, create());
    expect(createdId(out)).toBe("thr_custom_1");
    const done = out.flatMap((e) => (e.type === "thread.item.done" ? [e.item.id] : []));
    expect(done).toEqual(["message_custom_2_thr_custom_1", "tool_call_custom_3_thr_custom_1"]);
  });

  it("structured input: omitted answers are skipped, unknown ids ignored, single choice truncated", async () => {
    const { server, store } = make(async function* (thread, message, ctx) {
      if (message) {
        yield events.itemDone({
          id: "si",
          thread_id: thread.id,
          created_at: ctx.now(),
          type: "structured_input",
          status: "pending",
          inputs: [
            {
              type: "multiple_choice",
              id: "one",
              question: "?",
              options: [{ value: "a" }, { value: "b" }],
            },
            {
              type: "multiple_choice",
              id: "many",
              question: "?",
              multiple: true,
              options: [{ value: "a" }, { value: "b" }],
            },
            { type: "freeform", id: "free", question: "?" },
          ],
        });
      } else yield events.itemDone(ctx.assistantMessage("thanks"));
    });
    const threadId = createdId(await run(server, create()));
    const out = await run(server, {
      type: "threads.add_structured_input",
      params: {
        thread_id: threadId,
        item_id: "si",
        input: {
          status: "answered",
          answers: {
            one: { values: ["a", "b"], skipped: false },
            many: { values: ["a", "b"], skipped: false },
            ghost: { values: ["x"], skipped: false },
          },
        },
      },
    });
    expect(out.map((e) => e.type)).toEqual([
      "stream_options",
      "thread.item.replaced",
      "thread.item.done",
    ]);
    const stored = await store.loadItem(threadId, "si", {});
    expect(stored).toMatchObject({
      status: "answered",
      inputs: [
        { id: "one", answer: { values: ["a"], skipped: false } },
        { id: "many", answer: { values: ["a", "b"], skipped: false } },
        { id: "free", answer: { values: [], skipped: true } },
      ],
    });
    expect(JSON.stringify(stored)).not.toContain("ghost");
  });

  it("input.transcribe decodes base64 and passes the raw and base media types with the context", async () => {
    const seen: unknown[] = [];
    const store = new SqliteStore<{ user: string }>(":memory:");
    const server = createChatKitServer<{ user: string }>({
      store,
      async *respond() {},
      async transcribe(audio, context) {
        seen.push(Buffer.from(audio.data).toString(), audio.mimeType, audio.mediaType, context);
        return { text: "ok" };
      },
    });
    const result = await server.process(
      {
        type: "input.transcribe",
        params: {
          audio_base64: Buffer.from("hello audio").toString("base64"),
          mime_type: "audio/webm;codecs=opus",
        },
      },
      { user: "ann" },
    );
    expect(result).toEqual({ streaming: false, json: { text: "ok" } });
    expect(seen).toEqual(["hello audio", "audio/webm;codecs=opus", "audio/webm", { user: "ann" }]);
  });
});
