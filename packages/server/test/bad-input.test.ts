/** Bad input gets a clear 4xx JSON error, never a crash, and nothing is stored. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatKitServer, events } from "../src/index";
import { SqliteStore } from "../src/sqlite/index";
import { type AppContext, collect, input, startApp, type TestApp } from "./helpers/app";

let store: SqliteStore<AppContext>;
let app: TestApp;
beforeEach(async () => {
  store = new SqliteStore<AppContext>(":memory:");
  app = await startApp(store, { maxBodyBytes: 2048 });
});
afterEach(async () => {
  await app.close();
  store.close();
});

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    json: JSON.parse(text),
  };
}

const call = (type: string, params: unknown) => post(JSON.stringify({ type, params }));

async function newThread(): Promise<{ threadId: string; itemIds: string[] }> {
  const response = await fetch(app.url, {
    method: "POST",
    body: JSON.stringify({ type: "threads.create", params: { input: input("hello") } }),
  });
  const streamed = await collect(response.body!);
  const created = streamed[0];
  if (created?.type !== "thread.created") throw new Error("no thread");
  return {
    threadId: created.thread.id,
    itemIds: streamed.flatMap((e) => (e.type === "thread.item.done" ? [e.item.id] : [])),
  };
}

async function storedCounts() {
  const threads = store.db.prepare("SELECT COUNT(*) AS n FROM threadkit_threads").get() as {
    n: number;
  };
  const items = store.db.prepare("SELECT COUNT(*) AS n FROM threadkit_items").get() as {
    n: number;
  };
  return { threads: threads.n, items: items.n };
}

describe("bad input over HTTP", () => {
  it("malformed JSON, a non-object body and a missing type are 400s", async () => {
    const broken = await post("{not json");
    expect(broken.status).toBe(400);
    expect(broken.type).toMatch(/application\/json/);
    expect(broken.json).toMatchObject({
      error: { type: "invalid_request_error", code: "invalid_json" },
    });
    expect(broken.json.error.message).toMatch(/not JSON/);
    const array = await post("[1,2]");
    expect(array.status).toBe(400);
    expect(array.json.error).toMatchObject({ code: "invalid_request", param: null });
    expect(array.json.error.message).toContain("JSON object {type, params}");
    expect((await post("")).status).toBe(400);
    expect((await post(JSON.stringify({ params: {} }))).status).toBe(400);
  });

  it("an unknown request type is a 400 naming it", async () => {
    const response = await call("threads.explode", {});
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: "unknown_request_type", param: "type" });
    expect(response.json.error.message).toContain("threads.explode");
  });

  it("invalid params are a 400 naming the field", async () => {
    const response = await call("threads.create", { input: { content: "nope" } });
    expect(response.status).toBe(400);
    expect(response.json.error.param).toMatch(/^params\.input\.content/);
    const limit = await call("threads.list", { limit: 0 });
    expect(limit.status).toBe(400);
    expect(limit.json.error.param).toBe("params.limit");
    expect((await call("items.list", { thread_id: "t", limit: 2.5 })).status).toBe(400);
    // ChatKit.js asks for 9999 threads; large limits are served (clamped), not refused.
    expect((await call("threads.list", { limit: 9999 })).status).toBe(200);
    const kind = await call("items.feedback", { thread_id: "t", item_ids: [], kind: "meh" });
    expect(kind.status).toBe(400);
    expect(await storedCounts()).toEqual({ threads: 0, items: 0 });
  });

  it("an oversized body is a 413, declared or streamed", async () => {
    const big = JSON.stringify({
      type: "threads.create",
      params: { input: input("x".repeat(5000)) },
    });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe("request_too_large");
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await fetch(app.url, {
      method: "POST",
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await storedCounts()).toEqual({ threads: 0, items: 0 });
  });

  it("only POST is answered", async () => {
    const response = await fetch(app.url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it("unknown thread ids are 404s for every operation that names one", async () => {
    const missing = { thread_id: "thr_missing" };
    const requests: [string, unknown][] = [
      ["threads.get_by_id", missing],
      ["threads.update", { ...missing, title: "x" }],
      ["threads.delete", missing],
      ["items.list", missing],
      ["items.feedback", { ...missing, item_ids: ["a"], kind: "positive" }],
      ["threads.add_user_message", { ...missing, input: input("hi") }],
      ["threads.add_client_tool_output", { ...missing, result: 1 }],
      ["threads.retry_after_item", { ...missing, item_id: "a" }],
      ["threads.custom_action", { ...missing, action: { type: "x" } }],
      ["threads.sync_custom_action", { ...missing, action: { type: "x" } }],
      [
        "threads.add_structured_input",
        { ...missing, item_id: "a", input: { status: "skipped", answers: {} } },
      ],
    ];
    for (const [type, params] of requests) {
      const response = await call(type, params);
      expect([type, response.status]).toEqual([type, 404]);
      expect(response.json.error).toMatchObject({ code: "not_found", param: "params.thread_id" });
    }
    expect(await storedCounts()).toEqual({ threads: 0, items: 0 });
  });

  it("unknown item ids and cursors are 4xx and change nothing", async () => {
    const { threadId } = await newThread();
    const before = await storedCounts();
    const retry = await call("threads.retry_after_item", {
      thread_id: threadId,
      item_id: "msg_nope",
    });
    expect(retry.status).toBe(404);
    expect(retry.json.error.param).toBe("params.item_id");
    const action = await call("threads.custom_action", {
      thread_id: threadId,
      item_id: "msg_nope",
      action: { type: "x" },
    });
    expect(action.status).toBe(404);
    const cursor = await call("items.list", { thread_id: threadId, after: "msg_nope" });
    expect(cursor.status).toBe(400);
    expect(cursor.json.error).toMatchObject({ code: "invalid_cursor", param: "params.after" });
    expect((await call("threads.list", { after: "thr_nope" })).status).toBe(400);
    expect(await storedCounts()).toEqual(before);
  });

  it("a message with an unknown attachment creates no thread", async () => {
    const response = await call("threads.create", { input: input("hi", ["atc_nope"]) });
    expect(response.status).toBe(404);
    expect(response.json.error.param).toBe("params.input.attachments[0]");
    expect(await storedCounts()).toEqual({ threads: 0, items: 0 });
    // The server keeps serving.
    const { threadId } = await newThread();
    expect((await call("threads.get_by_id", { thread_id: threadId })).status).toBe(200);
  });
});

describe("operations the server was not given", () => {
  it("answer 501 with the option to add", async () => {
    const bare = new SqliteStore<AppContext>(":memory:");
    const server = createChatKitServer<AppContext>({
      store: bare,
      async *respond(_thread, _input, ctx) {
        yield events.itemDone(ctx.assistantMessage("ok"));
      },
    });
    const send = async (type: string, params: unknown) => {
      const response = await server.handle(
        new Request("http://local/chatkit", {
          method: "POST",
          body: JSON.stringify({ type, params }),
        }),
        { user: "u" },
      );
      return {
        status: response.status,
        json: (await response.json()) as { error: { message: string } },
      };
    };
    const created = await server.process(
      { type: "threads.create", params: { input: input("hi") } },
      { user: "u" },
    );
    if (!created.streaming) throw new Error("expected a stream");
    const streamed = [];
    for await (const event of created.events) streamed.push(event);
    const threadId = streamed[0]?.type === "thread.created" ? streamed[0].thread.id : "";
    const cases: [string, unknown, string][] = [
      ["attachments.create", { name: "a", size: 1, mime_type: "text/plain" }, "attachments"],
      ["attachments.delete", { attachment_id: "a" }, "attachments"],
      ["input.transcribe", { audio_base64: "", mime_type: "audio/webm" }, "transcribe"],
      ["threads.custom_action", { thread_id: threadId, action: { type: "x" } }, "action"],
      ["threads.sync_custom_action", { thread_id: threadId, action: { type: "x" } }, "syncAction"],
    ];
    for (const [type, params, option] of cases) {
      const response = await send(type, params);
      expect([type, response.status]).toEqual([type, 501]);
      expect(response.json.error.message).toContain(option);
    }
    // Feedback without a handler is accepted, as in the Python server.
    const item = streamed.find((e) => e.type === "thread.item.done");
    const feedback = await send("items.feedback", {
      thread_id: threadId,
      item_ids: [item?.type === "thread.item.done" ? item.item.id : ""],
      kind: "positive",
    });
    expect(feedback).toEqual({ status: 200, json: {} });
    bare.close();
  });
});
