/**
 * The protocol client's answers are checked by `./parse-thread-item`, which the client loads with
 * `import()` when a request starts (so a page's first chunks do not carry valibot and the item
 * schemas). Over real HTTP: answers are still validated, the module loads while the request is on
 * the network, and a failed load rejects with `ModuleLoadError` and is tried again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  // A fresh client module per test: it keeps the loaded checks once they have loaded.
  vi.resetModules();
});
afterEach(() => {
  vi.doUnmock("./parse-thread-item");
});

/** The client and error classes of this test's module graph. */
async function load() {
  const { createChatKitClient } = await import("./client");
  const errors = await import("../errors");
  const client = createChatKitClient({ url: `${server.url}/chatkit`, retryBaseDelayMs: 1 });
  return { client, errors };
}

const item = {
  type: "user_message",
  id: "u1",
  thread_id: "t",
  created_at: "2025-01-01T00:00:00Z",
  content: [{ type: "input_text", text: "Hi" }],
};

const malformedPage = {
  data: [
    item,
    {
      type: "assistant_message",
      id: "a1",
      thread_id: "t",
      created_at: "2025-01-01T00:00:01Z",
      content: [{ type: "output_text", text: 42, annotations: [] }],
    },
  ],
  has_more: false,
};

describe("the ChatKit client's answer checks", () => {
  it("rejects a malformed item page with ValidationError and the same issues", async () => {
    server.handle((_req, res) => sendJson(res, 200, malformedPage));
    const { client, errors } = await load();
    const error = await client.items.list("t").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.ValidationError);
    const validation = error as InstanceType<typeof errors.ValidationError>;
    expect(validation.subject).toBe("thread item (assistant_message)");
    expect(validation.path).toBe("data[1].content[0].text");
    expect(validation.issues).toEqual([
      {
        path: ["data", 1, "content", 0, "text"],
        message: "expected string, received 42",
        expected: "string",
        received: "42",
      },
    ]);
    expect(validation.input).toEqual(malformedPage);
  });

  it("validates every JSON answer: defaults filled in, unknown item types kept", async () => {
    server.handle((req, res) => {
      const type = (req.json as { type: string }).type;
      if (type === "threads.get_by_id") {
        sendJson(res, 200, {
          id: "t",
          created_at: "2025-01-01T00:00:00Z",
          status: { type: "active" },
          items: { data: [item, { type: "hologram", id: "h1" }], has_more: false },
        });
      } else if (type === "attachments.create") {
        sendJson(res, 200, { id: "f", name: "a.txt", mime_type: "text/plain", type: "file" });
      } else sendJson(res, 200, { text: 7 });
    });
    const { client, errors } = await load();
    const thread = await client.threads.getById("t");
    expect(thread.items.data[0]).toMatchObject({ type: "user_message", attachments: [] });
    expect(thread.items.data[1]).toMatchObject({ type: "unknown", original_type: "hologram" });
    expect(
      await client.attachments.create({ name: "a.txt", size: 1, mime_type: "text/plain" }),
    ).toMatchObject({ id: "f", type: "file" });
    const error = await client.input.transcribe("AAAA", "audio/webm").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.ValidationError);
    expect((error as Error).message).toContain("text");
  });

  it("starts loading the checks when the request starts, not after the answer", async () => {
    let started!: () => void;
    const loadStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    vi.doMock("./parse-thread-item", async () => {
      started();
      return vi.importActual("./parse-thread-item");
    });
    // The server answers only once the client has begun loading the checks: a client that
    // loaded them after the answer would never get one.
    server.handle(async (_req, res) => {
      await loadStarted;
      sendJson(res, 200, { data: [item], has_more: false });
    });
    const { client } = await load();
    const page = await client.items.list("t");
    expect(page.data).toEqual([{ ...item, attachments: [], inference_options: {} }]);
  });

  it("rejects with ModuleLoadError when the checks fail to load, and loads them on the next call", async () => {
    const chunkError = new TypeError("Failed to fetch dynamically imported module");
    vi.doMock("./parse-thread-item", () => {
      throw chunkError;
    });
    server.handle((_req, res) => sendJson(res, 200, { data: [item], has_more: false }));
    const { client, errors } = await load();
    const error = await client.items.list("t").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.ModuleLoadError);
    // A connection failure for code that retries on those, and a ThreadkitError.
    expect(error).toBeInstanceOf(errors.ConnectionError);
    expect(error).toBeInstanceOf(errors.ThreadkitError);
    expect((error as Error).name).toBe("ModuleLoadError");
    expect((error as Error).message).toBe(
      "Could not load the code that checks the server's answers; check the connection and try again",
    );
    // `cause` is the loader's error (here as the test runner reports a failing module).
    const cause = (error as Error).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(`${cause.message} ${String(cause.cause)}`).toContain(chunkError.message);
    expect(server.requests).toHaveLength(1);

    // The chunk is reachable again: the next call loads it and validates its answer.
    vi.doUnmock("./parse-thread-item");
    const page = await client.items.list("t");
    expect(page).toEqual({
      data: [{ ...item, attachments: [], inference_options: {} }],
      has_more: false,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("needs no checks for answers that are only acknowledged", async () => {
    vi.doMock("./parse-thread-item", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    server.handle((_req, res) => sendJson(res, 200, { deleted: true }));
    const { client } = await load();
    await client.threads.delete("t");
    await client.items.feedback("t", ["a1"], "positive");
    await client.attachments.delete("f");
    expect(await client.request("threads.delete", { thread_id: "t" })).toEqual({ deleted: true });
    expect(server.requests).toHaveLength(4);
  });

  it("sends nothing a repeat could do twice until the checks are here", async () => {
    vi.doMock("./parse-thread-item", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    server.handle((_req, res) =>
      sendJson(res, 200, { id: "f", name: "a.txt", mime_type: "text/plain", type: "file" }),
    );
    const { client, errors } = await load();
    const file = new Blob(["a"], { type: "text/plain" });
    const action = { type: "save", payload: {} };
    for (const call of [
      () => client.attachments.create({ name: "a.txt", size: 1, mime_type: "text/plain" }),
      () => client.threads.syncCustomAction("t", "w", action),
      () =>
        client.attachments.upload(file, {
          name: "a.txt",
          strategy: { type: "direct", uploadUrl: `${server.url}/upload` },
        }),
      // The upload code itself loads with the checks.
      () => client.attachments.upload(file, { name: "a.txt" }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(errors.ModuleLoadError);
    }
    // Nothing reached the server, so calling again cannot create a second attachment.
    expect(server.requests).toHaveLength(0);
    vi.doUnmock("./parse-thread-item");
    expect(
      await client.attachments.create({ name: "a.txt", size: 1, mime_type: "text/plain" }),
    ).toMatchObject({ id: "f" });
    expect(server.requests).toHaveLength(1);
    expect(await client.attachments.upload(file, { name: "a.txt" })).toMatchObject({ id: "f" });
    expect(server.requests).toHaveLength(2);
  });

  it("keeps a network failure ahead of a failed load", async () => {
    vi.doMock("./parse-thread-item", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    server.handle((_req, res) => sendJson(res, 500, { detail: "down" }));
    const { client, errors } = await load();
    const error = await client.threads.getById("t", { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.APIError);
    expect(error).toMatchObject({ status: 500, message: "down" });
  });
});
