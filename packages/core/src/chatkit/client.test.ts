import { afterAll, beforeAll, beforeEach } from "vitest";
import { readFixture, readJsonFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { APIError, ConnectionError, NotEventStreamError, ValidationError } from "../errors";
import { createChatKitClient } from "./client";
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

function client(extra: Partial<Parameters<typeof createChatKitClient>[0]> = {}) {
  return createChatKitClient({ url: `${server.url}/chatkit`, retryBaseDelayMs: 1, ...extra });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe("createChatKitClient", () => {
  it("posts {type, params, metadata} and returns the event stream body", async () => {
    const sse = readFixture("chatkit-protocol", "banking-threads-create-stream.sse");
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(sse);
    });
    const body = await client({ metadata: { page: "home" } }).threads.create(input);
    expect(await readAll(body)).toBe(sse);
    const req = server.requests[0];
    expect(req?.method).toBe("POST");
    expect(req?.headers.accept).toBe("text/event-stream");
    expect(req?.json).toEqual({
      type: "threads.create",
      params: { input },
      metadata: { page: "home" },
    });
  });

  it("sends an input_tag with `data` (the Python SDK answers 400 without it)", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("");
    });
    // What ChatKit.js and untyped callers may hand over: a tag without `data`.
    const tag = { type: "input_tag", id: "ent_1", text: "Ana", interactive: true };
    const loose = { ...input, content: [tag] } as unknown as UserMessageInput;
    await client().threads.create(loose);
    await client().threads.addUserMessage("t", loose);
    for (const req of server.requests) {
      expect((req.json as { params: { input: unknown } }).params.input).toEqual({
        ...input,
        content: [{ ...tag, data: {} }],
      });
    }
    expect(server.requests).toHaveLength(2);
    expect(loose.content[0]).not.toHaveProperty("data");
  });

  it("sends every streaming operation with its params", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("");
    });
    const c = client();
    const action = { type: "open", payload: { id: 1 } };
    await c.threads.addUserMessage("t", input);
    await c.threads.addClientToolOutput("t", { file_id: "file_2" });
    await c.threads.addStructuredInput("t", "i", { status: "skipped", answers: {} });
    await c.threads.retryAfterItem("t", "i");
    await c.threads.customAction("t", "w", action, { metadata: {} });
    expect(server.requests.map((r) => r.json)).toEqual([
      { type: "threads.add_user_message", params: { thread_id: "t", input } },
      {
        type: "threads.add_client_tool_output",
        params: { thread_id: "t", result: { file_id: "file_2" } },
      },
      {
        type: "threads.add_structured_input",
        params: { thread_id: "t", item_id: "i", input: { status: "skipped", answers: {} } },
      },
      { type: "threads.retry_after_item", params: { thread_id: "t", item_id: "i" } },
      {
        type: "threads.custom_action",
        params: { thread_id: "t", item_id: "w", action },
        metadata: {},
      },
    ]);
  });

  it("never retries a streaming operation the server answered with an error status", async () => {
    // A server may store the message and still answer 5xx: a repeat would store it again.
    server.handle((_req, res) => sendJson(res, 503, { detail: "stored, then failed" }));
    const error = await client()
      .threads.create(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it("never retries a streaming operation whose connection broke after sending", async () => {
    server.handle((_req, res) => {
      res.destroy();
    });
    const error = await client()
      .threads.addUserMessage("t", input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a streaming operation whose connection was refused before sending", async () => {
    const closed = await startTestServer();
    const refusedUrl = closed.url;
    await closed.close();
    const urls: string[] = [];
    const countingFetch: typeof fetch = (url, init) => {
      urls.push(String(url));
      // The first attempt goes to a closed port (refused); the retry reaches the server.
      return fetch(urls.length === 1 ? `${refusedUrl}/chatkit` : url, init);
    };
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end('data: {"type":"progress_update","text":"ok"}\n\n');
    });
    const body = await client({ fetch: countingFetch }).threads.create(input);
    expect(await readAll(body)).toContain("progress_update");
    expect(urls).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it("still retries an idempotent JSON operation on 5xx", async () => {
    const thread = readJsonFixture("chatkit-protocol", "banking-threads-get-by-id-response.json");
    server.handle((_req, res, index) => {
      if (index === 0) return sendJson(res, 503, { detail: "warming up" }, { "retry-after": "0" });
      sendJson(res, 200, thread);
    });
    await client().threads.getById("thr_1");
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["text/html; charset=utf-8", "<!doctype html><title>Sign in</title>"],
    ["application/json", '{"ok":true}'],
    ["text/plain", "\u0000garbage"],
  ])(
    "rejects a 2xx %s answer to a streaming operation as not an event stream",
    async (type, text) => {
      server.handle((_req, res) => {
        res.writeHead(200, { "content-type": type });
        res.end(text);
      });
      const error = await client()
        .threads.create(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotEventStreamError);
      expect(error).toMatchObject({ status: 200, contentType: type });
      expect(server.requests).toHaveLength(1);
    },
  );

  it("accepts an event stream content type with parameters", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "Text/Event-Stream; charset=utf-8" });
      res.end('data: {"type":"progress_update","text":"ok"}\n\n');
    });
    const body = await client().threads.create(input);
    expect(await readAll(body)).toContain("progress_update");
  });

  it("never retries a request that already streamed", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"type":"progress_update","text":"1"}\n\n');
      setTimeout(() => res.destroy(), 20);
    });
    const body = await client().threads.create(input);
    await expect(readAll(body)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("cancels a streaming body when the caller aborts, without a timeout cutting it", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"type":"progress_update","text":"1"}\n\n');
      // Keep the stream open past the client's timeout.
    });
    const controller = new AbortController();
    const body = await client({ timeoutMs: 50 }).threads.create(input, {
      signal: controller.signal,
    });
    const reader = body.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("progress_update");
    await new Promise((r) => setTimeout(r, 120)); // longer than timeoutMs: still open
    const pending = reader.read();
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it("reads a ChatKit server error body", async () => {
    server.handle((_req, res) => sendJson(res, 422, { detail: "Invalid request" }));
    const error = await client()
      .threads.getById("t")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 422, message: "Invalid request" });
  });

  it("validates threads.get_by_id and threads.list answers (real captures)", async () => {
    const thread = readJsonFixture("chatkit-protocol", "banking-threads-get-by-id-response.json");
    const list = readJsonFixture("chatkit-protocol", "banking-threads-list-response.json");
    server.handle((req, res) =>
      sendJson(res, 200, (req.json as { type: string }).type === "threads.list" ? list : thread),
    );
    const got = await client().threads.getById("thr_1");
    expect(got).toMatchObject(thread as object);
    const page = await client().threads.list({ limit: 9999, order: "desc" });
    expect(page.data).toHaveLength(2);
    expect(server.requests[1]?.json).toEqual(
      readJsonFixture("chatkit-protocol", "banking-req-threads-list.json"),
    );
  });

  it("walks items.list pages with after", async () => {
    const item = (id: string) => ({
      type: "end_of_turn",
      id,
      thread_id: "t",
      created_at: "2026-01-01T00:00:00",
    });
    server.handle((req, res) => {
      const after = (req.json as { params: { after?: string } }).params.after;
      sendJson(
        res,
        200,
        after === "b"
          ? { data: [item("c")], has_more: false, after: "c" }
          : { data: [item("a"), item("b")], has_more: true, after: "b" },
      );
    });
    const ids: string[] = [];
    for await (const it of client().items.list("t", { limit: 2, order: "asc" })) ids.push(it.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests.map((r) => r.json)).toEqual([
      { type: "items.list", params: { limit: 2, order: "asc", thread_id: "t" } },
      { type: "items.list", params: { limit: 2, order: "asc", thread_id: "t", after: "b" } },
    ]);
  });

  it("names the path when an answer has a broken item", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: [
          { type: "assistant_message", id: "m", thread_id: "t", created_at: "x", content: [{}] },
        ],
        has_more: false,
      }),
    );
    const error = await client()
      .items.list("t")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).path).toBe("data[0].content[0].type");
  });

  it("runs the JSON operations", async () => {
    const updated = {
      type: "end_of_turn",
      id: "e",
      thread_id: "t",
      created_at: "2026-01-01T00:00:00",
    };
    server.handle((req, res) => {
      const type = (req.json as { type: string }).type;
      if (type === "threads.sync_custom_action")
        return sendJson(res, 200, { updated_item: updated });
      if (type === "input.transcribe") return sendJson(res, 200, { text: "hello" });
      sendJson(res, 200, {});
    });
    const c = client();
    expect(await c.threads.syncCustomAction("t", null, { type: "x" })).toEqual({
      updated_item: updated,
    });
    expect(await c.input.transcribe("AAAA", "audio/webm;codecs=opus")).toEqual({ text: "hello" });
    await c.threads.delete("t");
    await c.items.feedback("t", ["m"], "positive");
    await c.attachments.delete("atc_1");
    expect(server.requests.map((r) => (r.json as { type: string }).type)).toEqual([
      "threads.sync_custom_action",
      "input.transcribe",
      "threads.delete",
      "items.feedback",
      "attachments.delete",
    ]);
  });

  it("uploads two-phase: attachments.create, then the bytes to the descriptor", async () => {
    const created = readJsonFixture(
      "chatkit-protocol",
      "py-server-attachments-create-response.json",
    ) as {
      upload_descriptor: { url: string };
    };
    server.handle((req, res) => {
      if (req.url.pathname === "/chatkit") {
        return sendJson(res, 200, {
          ...created,
          upload_descriptor: { ...created.upload_descriptor, url: `${server.url}/upload/atc_1` },
        });
      }
      res.writeHead(204);
      res.end();
    });
    const progress: number[] = [];
    const file = new File(["hello world"], "notes.txt", { type: "text/plain" });
    const attachment = await client().attachments.upload(file, {
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(attachment.id).toBe("atc_1");
    expect(server.requests[0]?.json).toEqual({
      type: "attachments.create",
      params: { name: "notes.txt", size: 11, mime_type: "text/plain" },
    });
    const put = server.requests[1];
    expect(put?.method).toBe("PUT");
    expect(put?.headers["x-my-header"]).toBe("my-value");
    expect(put?.body.toString()).toBe("hello world");
    // Without XMLHttpRequest, progress is reported once, at the end.
    expect(progress).toEqual([11]);
  });

  it("uploads direct: multipart POST with a file field", async () => {
    server.handle((req, res) => {
      const text = req.body.toString();
      expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(text).toContain('name="file"; filename="pic.png"');
      sendJson(res, 200, {
        id: "atc_2",
        type: "image",
        name: "pic.png",
        mime_type: "image/png",
        preview_url: "https://x/p.png",
      });
    });
    const attachment = await client({ headers: { authorization: "Bearer t" } }).attachments.upload(
      new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
      { strategy: { type: "direct", uploadUrl: `${server.url}/direct` }, name: "pic.png" },
    );
    expect(attachment).toMatchObject({ id: "atc_2", type: "image" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer t");
  });

  it("fails a direct upload with a typed error", async () => {
    server.handle((_req, res) => sendJson(res, 413, { error: { message: "too big" } }));
    const error = await client()
      .attachments.upload(new Blob(["x"]), {
        strategy: { type: "direct", uploadUrl: `${server.url}/d` },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 413, message: "too big" });
  });

  it("rejects operations sent through the wrong method", async () => {
    const c = client();
    // @ts-expect-error threads.get_by_id is not a streaming operation
    await expect(c.stream("threads.get_by_id", { thread_id: "t" })).rejects.toThrow(TypeError);
    // @ts-expect-error threads.create is a streaming operation
    await expect(c.request("threads.create", { input })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
