import { afterAll, beforeAll, beforeEach } from "vitest";
import { fixtureNames, readFixture, readJsonFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import {
  AbortError,
  APIError,
  NotEventStreamError,
  ThreadkitError,
  ValidationError,
} from "../errors";
import type { ThreadRunBatch, ThreadRunOperation } from "./backend";
import { createChatKitBackend } from "./chatkit-backend";
import { createChatKitClient } from "./client";
import { readThreadStream, type ThreadStreamReaderEvent } from "./read-thread-stream";
import type { UserMessageInput } from "./requests";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const input: UserMessageInput = {
  content: [{ type: "input_text", text: "Hi" }],
  attachments: [],
  inference_options: {},
};

function backend() {
  return createChatKitBackend({ url: `${server.url}/chatkit`, retryBaseDelayMs: 1 });
}

function streamAnswer(text: string) {
  server.handle((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(text);
  });
}

async function collect(run: AsyncIterable<ThreadRunBatch>): Promise<ThreadRunBatch[]> {
  const batches: ThreadRunBatch[] = [];
  for await (const batch of run) batches.push(batch);
  return batches;
}

async function readerEvents(text: string): Promise<ThreadStreamReaderEvent[]> {
  const events: ThreadStreamReaderEvent[] = [];
  for await (const event of readThreadStream(text)) events.push(event);
  return events;
}

describe("createChatKitBackend", () => {
  it("says it can do everything", () => {
    expect(backend().capabilities).toEqual({
      run: true,
      rename: true,
      delete: true,
      feedback: true,
      attachments: true,
      customActions: true,
      transcribe: true,
    });
  });

  it("accepts options, an existing client, or { client }", async () => {
    const list = readJsonFixture("chatkit-protocol", "banking-threads-list-response.json");
    server.handle((_req, res) => sendJson(res, 200, list));
    const client = createChatKitClient({ url: `${server.url}/own`, metadata: { app: "x" } });
    await createChatKitBackend(client).listThreads();
    await createChatKitBackend({ client }).listThreads();
    await backend().listThreads();
    expect(server.requests.map((r) => r.url.pathname)).toEqual(["/own", "/own", "/chatkit"]);
    expect(server.requests[0]?.json).toMatchObject({ metadata: { app: "x" } });
  });

  it("lists threads as one page (real capture)", async () => {
    const list = readJsonFixture("chatkit-protocol", "banking-threads-list-response.json") as {
      data: unknown[];
      has_more: boolean;
    };
    server.handle((_req, res) => sendJson(res, 200, list));
    const page = await backend().listThreads({ limit: 2, order: "desc", after: "thr_0" });
    expect(page.data).toEqual(list.data);
    expect(page.has_more).toBe(list.has_more);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.json).toEqual({
      type: "threads.list",
      params: { limit: 2, order: "desc", after: "thr_0" },
    });
  });

  it("gets a thread with its items (real capture)", async () => {
    const thread = readJsonFixture("chatkit-protocol", "banking-threads-get-by-id-response.json");
    server.handle((_req, res) => sendJson(res, 200, thread));
    const got = await backend().getThread("thr_12c3ba2d");
    expect(got).toMatchObject(thread as object);
    expect(got.items.data.length).toBeGreaterThan(0);
    expect(server.requests[0]?.json).toEqual({
      type: "threads.get_by_id",
      params: { thread_id: "thr_12c3ba2d" },
    });
  });

  it("lists one page of items with its cursor", async () => {
    const thread = readJsonFixture(
      "chatkit-protocol",
      "banking-threads-get-by-id-response.json",
    ) as {
      items: { data: unknown[] };
    };
    server.handle((_req, res) =>
      sendJson(res, 200, { data: thread.items.data, has_more: true, after: "msg_9" }),
    );
    const page = await backend().listItems("thr_1", { limit: 5, order: "asc" });
    expect(page).toEqual({ data: thread.items.data, has_more: true, after: "msg_9" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.json).toEqual({
      type: "items.list",
      params: { thread_id: "thr_1", limit: 5, order: "asc" },
    });
  });

  it("renames, deletes and sends feedback", async () => {
    const thread = readJsonFixture("chatkit-protocol", "banking-threads-get-by-id-response.json");
    server.handle((req, res) =>
      sendJson(
        res,
        200,
        (req.json as { type: string }).type === "threads.update"
          ? { ...(thread as object), title: "Bills" }
          : {},
      ),
    );
    const b = backend();
    expect((await b.renameThread("thr_1", "Bills")).title).toBe("Bills");
    await expect(b.deleteThread("thr_1")).resolves.toBeUndefined();
    await expect(b.feedback("thr_1", ["msg_1"], "negative")).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.json)).toEqual([
      { type: "threads.update", params: { thread_id: "thr_1", title: "Bills" } },
      { type: "threads.delete", params: { thread_id: "thr_1" } },
      {
        type: "items.feedback",
        params: { thread_id: "thr_1", item_ids: ["msg_1"], kind: "negative" },
      },
    ]);
  });

  it("creates, uploads and deletes attachments", async () => {
    const created = readJsonFixture(
      "chatkit-protocol",
      "py-server-attachments-create-response.json",
    ) as {
      upload_descriptor: { url: string };
    };
    const descriptor = { ...created.upload_descriptor, url: `${server.url}/upload/atc_1` };
    server.handle((req, res) => {
      if (req.url.pathname.startsWith("/upload/")) {
        res.writeHead(200);
        res.end();
        return;
      }
      const type = (req.json as { type: string }).type;
      sendJson(
        res,
        200,
        type === "attachments.create" ? { ...created, upload_descriptor: descriptor } : {},
      );
    });
    const b = backend();
    const attachment = await b.createAttachment({
      name: "a.txt",
      size: 3,
      mime_type: "text/plain",
    });
    expect(attachment).toMatchObject({ id: "atc_1", type: "file" });
    const progress: number[] = [];
    const uploaded = await b.uploadAttachment(new Blob(["abc"], { type: "text/plain" }), {
      name: "b.txt",
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(uploaded.id).toBe("atc_1");
    expect(progress.at(-1)).toBe(3);
    await b.deleteAttachment("atc_1");
    expect(server.requests.map((r) => [r.method, r.url.pathname, r.json])).toEqual([
      [
        "POST",
        "/chatkit",
        { type: "attachments.create", params: { name: "a.txt", size: 3, mime_type: "text/plain" } },
      ],
      [
        "POST",
        "/chatkit",
        { type: "attachments.create", params: { name: "b.txt", size: 3, mime_type: "text/plain" } },
      ],
      ["PUT", "/upload/atc_1", undefined],
      ["POST", "/chatkit", { type: "attachments.delete", params: { attachment_id: "atc_1" } }],
    ]);
    expect(server.requests[2]?.body.toString()).toBe("abc");
  });

  it("uploads straight to an upload URL with the direct strategy", async () => {
    server.handle((req, res) => {
      if (req.url.pathname === "/direct") {
        sendJson(res, 200, { type: "file", id: "atc_d", name: "c.txt", mime_type: "text/plain" });
        return;
      }
      sendJson(res, 500, {});
    });
    const uploaded = await backend().uploadAttachment(new Blob(["abc"], { type: "text/plain" }), {
      name: "c.txt",
      strategy: { type: "direct", uploadUrl: `${server.url}/direct` },
    });
    expect(uploaded).toMatchObject({ id: "atc_d", type: "file" });
    expect(server.requests.map((r) => [r.method, r.url.pathname])).toEqual([["POST", "/direct"]]);
  });

  it("answers a sync custom action with the updated item, or null", async () => {
    const thread = readJsonFixture(
      "chatkit-protocol",
      "banking-threads-get-by-id-response.json",
    ) as {
      items: { data: unknown[] };
    };
    const item = thread.items.data[0];
    let answer: unknown = { updated_item: item };
    server.handle((_req, res) => sendJson(res, 200, answer));
    const b = backend();
    const action = { type: "save", payload: { id: 1 } };
    expect(await b.syncCustomAction("thr_1", "wid_1", action)).toEqual(item);
    answer = {};
    expect(await b.syncCustomAction("thr_1", null, action)).toBeNull();
    expect(server.requests.map((r) => r.json)).toEqual([
      {
        type: "threads.sync_custom_action",
        params: { thread_id: "thr_1", item_id: "wid_1", action },
      },
      { type: "threads.sync_custom_action", params: { thread_id: "thr_1", item_id: null, action } },
    ]);
  });

  it("transcribes audio through input.transcribe", async () => {
    server.handle((_req, res) => sendJson(res, 200, { text: "hello there" }));
    await expect(
      backend().transcribe({ audioBase64: "AAAA", mimeType: "audio/webm;codecs=opus" }),
    ).resolves.toEqual({ text: "hello there" });
    expect(server.requests[0]?.json).toEqual({
      type: "input.transcribe",
      params: { audio_base64: "AAAA", mime_type: "audio/webm;codecs=opus" },
    });
  });

  it("sends each run operation as its streaming request", async () => {
    streamAnswer("");
    const action = { type: "open", payload: { id: 1 } };
    const operations: ThreadRunOperation[] = [
      { type: "create_thread", input },
      { type: "add_message", threadId: "t", input },
      { type: "client_tool_output", threadId: "t", result: { ok: true } },
      {
        type: "structured_input",
        threadId: "t",
        itemId: "i",
        input: { status: "skipped", answers: {} },
      },
      { type: "retry_after_item", threadId: "t", itemId: "i" },
      { type: "custom_action", threadId: "t", itemId: null, action },
    ];
    const b = backend();
    for (const operation of operations) expect(await collect(b.run(operation))).toEqual([]);
    expect(server.requests.map((r) => r.json)).toEqual([
      { type: "threads.create", params: { input } },
      { type: "threads.add_user_message", params: { thread_id: "t", input } },
      { type: "threads.add_client_tool_output", params: { thread_id: "t", result: { ok: true } } },
      {
        type: "threads.add_structured_input",
        params: { thread_id: "t", item_id: "i", input: { status: "skipped", answers: {} } },
      },
      { type: "threads.retry_after_item", params: { thread_id: "t", item_id: "i" } },
      { type: "threads.custom_action", params: { thread_id: "t", item_id: null, action } },
    ]);
  });

  it("sends nothing until the run is iterated", async () => {
    streamAnswer("");
    const run = backend().run({ type: "create_thread", input });
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.requests).toHaveLength(0);
    await collect(run);
    expect(server.requests).toHaveLength(1);
  });

  it("yields batches whose events equal the reader's, for every recorded stream", async () => {
    const names = fixtureNames("chatkit-protocol", ".sse");
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const text = readFixture("chatkit-protocol", name);
      streamAnswer(text);
      const batches = await collect(backend().run({ type: "add_message", threadId: "t", input }));
      for (const batch of batches) expect(batch.length).toBeGreaterThan(0);
      expect(batches.flat()).toEqual(await readerEvents(text));
    }
  });

  it("yields a batch per network chunk while the stream is still open", async () => {
    const text = readFixture("chatkit-protocol", "banking-threads-create-stream.sse");
    const cut = text.indexOf("\n\n", text.length / 2) + 2;
    const head = text.slice(0, cut);
    const tail = text.slice(cut);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(head);
      await released;
      res.end(tail);
    });
    const headEvents = await readerEvents(head);
    const before: ThreadStreamReaderEvent[] = [];
    const after: ThreadStreamReaderEvent[] = [];
    for await (const batch of backend().run({ type: "create_thread", input })) {
      if (before.length < headEvents.length) {
        before.push(...batch);
        // The tail is sent only once the head has been yielded.
        if (before.length >= headEvents.length) release();
      } else {
        after.push(...batch);
      }
    }
    expect(before).toEqual(headEvents);
    expect(after).toEqual(await readerEvents(tail));
    expect([...before, ...after]).toEqual(await readerEvents(text));
  });

  it("calls onAccepted once the response started, before any event, and not for a failed request", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": open\n\n");
      await released;
      res.end('data: {"type":"progress_update","text":"1"}\n\n');
    });
    const onAccepted = vi.fn(() => release());
    const batches = await collect(
      backend().run({ type: "create_thread", input }, undefined, { onAccepted }),
    );
    // The server sends its event only once onAccepted ran: acceptance came first.
    expect(onAccepted).toHaveBeenCalledTimes(1);
    expect(batches).toEqual([[{ type: "progress_update", text: "1" }]]);

    server.handle((_req, res) => sendJson(res, 500, { detail: "boom" }));
    const rejected = vi.fn();
    await collect(
      backend().run({ type: "create_thread", input }, undefined, { onAccepted: rejected }),
    ).catch(() => undefined);
    expect(rejected).not.toHaveBeenCalled();
  });

  it("ends the run with AbortError when the signal aborts mid-stream, and closes the request", async () => {
    let closed!: () => void;
    const requestClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"type":"progress_update","text":"1"}\n\n');
      res.on("close", closed);
      // Kept open: only the abort ends it.
    });
    const controller = new AbortController();
    const iterator = backend()
      .run({ type: "add_message", threadId: "t", input }, controller.signal)
      [Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual([{ type: "progress_update", text: "1" }]);
    const pending = iterator.next();
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(ThreadkitError);
    await requestClosed;
  });

  it("rejects with AbortError when the signal aborted before the request", async () => {
    streamAnswer("");
    const controller = new AbortController();
    controller.abort();
    const error = await collect(
      backend().run({ type: "create_thread", input }, controller.signal),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("aborts the JSON calls through their signal", async () => {
    server.handle(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = backend().getThread("t", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it("surfaces failures as ThreadkitError subclasses", async () => {
    const b = backend();
    server.handle((_req, res) => sendJson(res, 500, { detail: "boom" }));
    const failedRun = await collect(b.run({ type: "create_thread", input })).catch(
      (e: unknown) => e,
    );
    expect(failedRun).toBeInstanceOf(APIError);
    expect(failedRun).toMatchObject({ status: 500, message: "boom" });
    const failedList = await b.listThreads().catch((e: unknown) => e);
    expect(failedList).toBeInstanceOf(APIError);

    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login</html>");
    });
    const notStream = await collect(b.run({ type: "create_thread", input })).catch(
      (e: unknown) => e,
    );
    expect(notStream).toBeInstanceOf(NotEventStreamError);

    server.handle((_req, res) => sendJson(res, 200, { id: 1, items: "none" }));
    const invalid = await b.getThread("t").catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toBeInstanceOf(ThreadkitError);
  });
});
