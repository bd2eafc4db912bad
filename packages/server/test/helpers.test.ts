/** The builders and helpers `respond` uses: widget diffs, text and workflow streaming, ids. */
import type { WidgetRoot } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import {
  createRespondContext,
  defaultGenerateId,
  diffWidget,
  events,
  type ServerStreamEvent,
} from "../src/index";
import { SqliteStore } from "../src/sqlite/index";

const root = (value: string, extra: Record<string, unknown> = {}): WidgetRoot => ({
  type: "Card",
  children: [{ type: "Markdown", id: "md", value, ...extra }],
});

async function drain<T>(gen: AsyncGenerator<ServerStreamEvent, T, undefined>) {
  const out: ServerStreamEvent[] = [];
  for (;;) {
    const next = await gen.next();
    if (next.done) return { events: out, value: next.value };
    out.push(next.value);
  }
}

function context() {
  const store = new SqliteStore(":memory:");
  const thread = {
    id: "thr_1",
    created_at: "2026-01-01T00:00:00.000Z",
    status: { type: "active" as const },
  };
  let t = Date.UTC(2026, 0, 1);
  const ctx = createRespondContext(
    store,
    thread,
    {},
    new AbortController().signal,
    () => new Date(t),
  );
  return { ctx, store, advance: (ms: number) => (t += ms) };
}

describe("diffWidget", () => {
  it("sends appended text as deltas and anything else as a root update", () => {
    expect(diffWidget(root("Hel"), root("Hello"))).toEqual([
      { type: "widget.streaming_text.value_delta", component_id: "md", delta: "lo", done: true },
    ]);
    expect(
      diffWidget(root("Hel", { streaming: true }), root("Hello", { streaming: true })),
    ).toEqual([
      { type: "widget.streaming_text.value_delta", component_id: "md", delta: "lo", done: false },
    ]);
    expect(diffWidget(root("same"), root("same"))).toEqual([]);
    const changed = { ...root("Hello"), size: "lg" };
    expect(diffWidget(root("Hello"), changed)).toEqual([
      { type: "widget.root.updated", widget: changed },
    ]);
    const rewritten = root("Bye");
    expect(diffWidget(root("Hello"), rewritten)).toEqual([
      { type: "widget.root.updated", widget: rewritten },
    ]);
  });
});

describe("RespondContext helpers", () => {
  it("streamText sends the message part by part and returns the item", async () => {
    const { ctx } = context();
    const annotation = {
      type: "annotation" as const,
      source: { type: "url" as const, title: "T", url: "https://x" },
      index: 5,
    };
    const { events: out, value } = await drain(
      ctx.streamText(["Hello", "", " there"], { annotations: [annotation] }),
    );
    expect(out.map((e) => (e.type === "thread.item.updated" ? e.update.type : e.type))).toEqual([
      "thread.item.added",
      "assistant_message.content_part.added",
      "assistant_message.content_part.text_delta",
      "assistant_message.content_part.text_delta",
      "assistant_message.content_part.annotation_added",
      "assistant_message.content_part.done",
      "thread.item.done",
    ]);
    expect(value).toMatchObject({
      type: "assistant_message",
      thread_id: "thr_1",
      created_at: "2026-01-01T00:00:00.000Z",
      content: [{ type: "output_text", text: "Hello there", annotations: [annotation] }],
    });
    expect(value.id).toMatch(/^msg_[0-9a-f]{16}$/);
  });

  it("streamWidget sends a single root as one done event", async () => {
    const { ctx } = context();
    const { events: out, value } = await drain(ctx.streamWidget(root("x"), { copyText: "x" }));
    expect(out).toEqual([{ type: "thread.item.done", item: value }]);
    expect(value).toMatchObject({ type: "widget", widget: root("x"), copy_text: "x" });
  });

  it("streamWidget replaces the whole root when its text nodes change identity", async () => {
    const { ctx } = context();
    const roots = (async function* () {
      yield root("abc", { streaming: true });
      yield {
        type: "Card",
        children: [{ type: "Markdown", id: "other", value: "z" }],
      } as WidgetRoot;
    })();
    const { events: out, value } = await drain(ctx.streamWidget(roots));
    expect(out.map((e) => (e.type === "thread.item.updated" ? e.update.type : e.type))).toEqual([
      "thread.item.added",
      "widget.root.updated",
      "thread.item.done",
    ]);
    expect(JSON.stringify(value.widget)).toContain('"other"');
  });

  it("workflow tracks its tasks and closes with the elapsed seconds", async () => {
    const { ctx, advance } = context();
    const workflow = ctx.workflow();
    expect(workflow.start()).toMatchObject({
      type: "thread.item.added",
      item: { type: "workflow" },
    });
    expect(workflow.addTask({ type: "custom", title: "a" })).toMatchObject({
      update: { type: "workflow.task.added", task_index: 0 },
    });
    expect(workflow.addTask({ type: "custom", title: "b" })).toMatchObject({
      update: { type: "workflow.task.added", task_index: 1 },
    });
    expect(() => workflow.updateTask(5, { type: "custom" })).toThrow(RangeError);
    workflow.updateTask(1, { type: "custom", title: "b2" });
    advance(3200);
    expect(workflow.end()).toMatchObject({
      type: "thread.item.done",
      item: {
        workflow: {
          type: "custom",
          tasks: [{ title: "a" }, { title: "b2" }],
          summary: { duration: 3 },
          expanded: false,
        },
      },
    });
  });

  it("loadAllItems reads every page", async () => {
    const { ctx, store } = context();
    await store.saveThread(ctx.thread, {});
    for (let i = 0; i < 230; i += 1) await store.addThreadItem("thr_1", ctx.hiddenContext(i), {});
    const items = await ctx.loadAllItems();
    expect(
      items.map((item) => (item.type === "hidden_context_item" ? item.content : null)),
    ).toEqual(Array.from({ length: 230 }, (_, i) => i));
  });
});

describe("events and ids", () => {
  it("builds error events with the Python defaults", () => {
    expect(events.error()).toEqual({ type: "error", code: "stream.error", allow_retry: false });
    expect(events.error({ message: "Nope", allowRetry: true })).toEqual({
      type: "error",
      code: "custom",
      message: "Nope",
      allow_retry: true,
    });
    expect(events.progress("Working")).toEqual({ type: "progress_update", text: "Working" });
  });

  it("prefixes ids by type", () => {
    expect(defaultGenerateId("thread")).toMatch(/^thr_/);
    expect(defaultGenerateId("tool_call")).toMatch(/^tc_/);
    expect(defaultGenerateId("sdk_hidden_context")).toMatch(/^shcx_/);
    expect(defaultGenerateId("message")).not.toBe(defaultGenerateId("message"));
  });
});
