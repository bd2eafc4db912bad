/** `server.handle(request)` on its own (as in a Next.js route handler): no Node http involved. */
import { describe, expect, it } from "vitest";
import { createChatKitServer, events } from "../src/index";
import { SqliteStore } from "../src/sqlite/index";
import { collect, Gate, input } from "./helpers/app";

function post(type: string, params: unknown, signal?: AbortSignal): Request {
  return new Request("http://localhost/api/chatkit", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type, params }),
    ...(signal ? { signal } : {}),
  });
}

describe("server.handle with Fetch API requests", () => {
  it("answers streams as text/event-stream data frames and the rest as JSON", async () => {
    const store = new SqliteStore(":memory:");
    const server = createChatKitServer({
      store,
      async *respond(_thread, _input, ctx) {
        yield events.itemDone(ctx.assistantMessage("Hi"));
      },
    });
    const response = await server.handle(post("threads.create", { input: input("hello") }), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const text = await response.text();
    const frames = text.split("\n\n").filter(Boolean);
    expect(frames.every((frame) => frame.startsWith("data: ") && !frame.includes("\n"))).toBe(true);
    const parsed = frames.map((frame) => JSON.parse(frame.slice(6)));
    expect(parsed.map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    const list = await server.handle(post("threads.list", {}), {});
    expect(list.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await list.json()).data).toHaveLength(1);
    store.close();
  });

  it("aborting the request aborts respond, returns its generator and keeps the partial answer", async () => {
    const store = new SqliteStore(":memory:");
    const gate = new Gate();
    let sawAbort = false;
    let finalized = false;
    let reached!: () => void;
    const started = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const server = createChatKitServer({
      store,
      async *respond(_thread, _input, ctx) {
        try {
          const item = ctx.assistantMessage([]);
          yield events.itemAdded(item);
          yield events.textDelta(item.id, 0, "So far");
          reached();
          // A producer that ignores the signal: it is still stopped at its next yield.
          await gate.wait();
          sawAbort = ctx.signal.aborted;
          yield events.textDelta(item.id, 0, " and more");
        } finally {
          finalized = true;
        }
      },
    });
    const controller = new AbortController();
    const response = await server.handle(
      post("threads.create", { input: input("go") }, controller.signal),
      {},
    );
    const reader = response.body!.getReader();
    // The body is pulled lazily: read until the delta has gone out.
    let seen = "";
    while (!seen.includes("So far")) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error("stream ended early");
      seen += new TextDecoder().decode(chunk.value);
    }
    await started;
    controller.abort();
    await reader.cancel();
    const threads = await store.loadThreads({ limit: 5, order: "asc" }, {});
    const threadId = threads.data[0]!.id;
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i += 1)
        await new Promise((r) => setTimeout(r, 10));
    };
    await waitFor(
      async () =>
        (await store.loadThreadItems(threadId, { limit: 9, order: "asc" }, {})).data.length === 3,
    );
    const items = (await store.loadThreadItems(threadId, { limit: 9, order: "asc" }, {})).data;
    expect(items.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "sdk_hidden_context",
    ]);
    expect(items[1]).toMatchObject({ content: [{ text: "So far" }] });
    gate.open();
    await waitFor(async () => finalized);
    expect(sawAbort).toBe(true);
    expect(finalized).toBe(true);
    // Nothing produced after the abort was stored.
    const after = (await store.loadThreadItems(threadId, { limit: 9, order: "asc" }, {})).data;
    expect(JSON.stringify(after)).not.toContain("and more");
    store.close();
  });

  it("process() serves frameworks that parse the body themselves", async () => {
    const store = new SqliteStore(":memory:");
    const server = createChatKitServer({
      store,
      async *respond() {
        yield events.progress("noop");
      },
    });
    const result = await server.process(
      JSON.stringify({ type: "threads.create", params: { input: input("x") } }),
      {},
    );
    expect(result.streaming).toBe(true);
    if (result.streaming) {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for await (const event of result.events) {
            controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(event)}\n\n`));
          }
          controller.close();
        },
      });
      expect((await collect(body)).map((e) => e.type)).toEqual([
        "thread.created",
        "thread.item.done",
        "stream_options",
        "progress_update",
      ]);
    }
    await expect(server.process("{", {})).rejects.toMatchObject({
      status: 400,
      code: "invalid_json",
    });
    store.close();
  });
});
