import { afterAll, beforeAll, beforeEach } from "vitest";
import { readJsonFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import type { ThreadBackendCapabilities } from "../chatkit/backend";
import {
  AbortError,
  APIError,
  ThreadkitError,
  UnsupportedOperationError,
  ValidationError,
} from "../errors";
import { createChatKitRestClient } from "./client";
import { normalizeChatKitRestItemsPage, normalizeChatKitRestThread } from "./normalize";
import { createChatKitRestBackend } from "./rest-backend";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const thread = (id: string) => ({
  id,
  object: "chatkit.thread",
  created_at: 1712345600,
  status: { type: "active" },
  title: "Escalation",
  user: "u1",
});

const itemsPage = readJsonFixture("chatkit-items", "openapi-list-items-example.json") as {
  data: unknown[];
  last_id?: string;
};

function backend() {
  return createChatKitRestBackend({
    apiKey: "sk-test",
    baseUrl: `${server.url}/v1`,
    retryBaseDelayMs: 1,
  });
}

const requested = () => server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);

describe("createChatKitRestBackend", () => {
  it("is read-only, except for deleting threads", () => {
    expect(backend().capabilities).toEqual<ThreadBackendCapabilities>({
      run: false,
      rename: false,
      delete: true,
      feedback: false,
      attachments: false,
      customActions: false,
      transcribe: false,
    });
  });

  it("accepts an existing client or { client }", async () => {
    server.handle((_req, res) => sendJson(res, 200, { object: "list", data: [], has_more: false }));
    const client = createChatKitRestClient({ apiKey: "sk-own", baseUrl: `${server.url}/own` });
    await createChatKitRestBackend(client).listThreads();
    await createChatKitRestBackend({ client }).listThreads();
    expect(requested()).toEqual(["GET /own/chatkit/threads", "GET /own/chatkit/threads"]);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-own");
  });

  it("lists one page of threads, normalised, with after = last_id", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        object: "list",
        data: [thread("cthr_1"), thread("cthr_2")],
        first_id: "cthr_1",
        last_id: "cthr_2",
        has_more: true,
      }),
    );
    const page = await backend().listThreads({ limit: 2, order: "desc", after: "cthr_0" });
    expect(page).toEqual({
      data: [
        normalizeChatKitRestThread(thread("cthr_1")),
        normalizeChatKitRestThread(thread("cthr_2")),
      ],
      has_more: true,
      after: "cthr_2",
    });
    expect(page.data[0]).toMatchObject({ id: "cthr_1", created_at: "2024-04-05T19:33:20.000Z" });
    expect(requested()).toEqual(["GET /v1/chatkit/threads?limit=2&order=desc&after=cthr_0"]);
  });

  it("gets a thread with its embedded items (real example)", async () => {
    const example = readJsonFixture("chatkit-items", "openapi-retrieve-thread-example.json");
    server.handle((_req, res) => sendJson(res, 200, example));
    const got = await backend().getThread("cthr_abc123");
    expect(got).toEqual(normalizeChatKitRestThread(example));
    expect(got.items.data.length).toBeGreaterThan(0);
    expect(requested()).toEqual(["GET /v1/chatkit/threads/cthr_abc123"]);
  });

  it("gets a thread without embedded items by adding their first page", async () => {
    server.handle((req, res) =>
      sendJson(res, 200, req.url.pathname.endsWith("/items") ? itemsPage : thread("cthr_1")),
    );
    const got = await backend().getThread("cthr_1");
    const items = normalizeChatKitRestItemsPage(itemsPage, { threadId: "cthr_1" });
    expect(got.id).toBe("cthr_1");
    expect(got.items.data).toEqual(items.data);
    expect(got.items.data.length).toBeGreaterThan(0);
    expect(requested()).toEqual([
      "GET /v1/chatkit/threads/cthr_1",
      "GET /v1/chatkit/threads/cthr_1/items?order=asc",
    ]);
  });

  it("lists one page of items (real example), normalised", async () => {
    server.handle((_req, res) => sendJson(res, 200, { ...itemsPage, has_more: true }));
    const page = await backend().listItems("cthr_1", { limit: 3, order: "asc", after: "cthi_0" });
    const expected = normalizeChatKitRestItemsPage(itemsPage, { threadId: "cthr_1" });
    expect(page.data).toEqual(expected.data);
    expect(page.has_more).toBe(true);
    expect(page.after).toBe(expected.last_id);
    expect(requested()).toEqual([
      "GET /v1/chatkit/threads/cthr_1/items?limit=3&order=asc&after=cthi_0",
    ]);
  });

  it("deletes a thread", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, { id: "cthr_1", object: "chatkit.thread.deleted", deleted: true }),
    );
    await expect(backend().deleteThread("cthr_1")).resolves.toBeUndefined();
    expect(requested()).toEqual(["DELETE /v1/chatkit/threads/cthr_1"]);
  });

  it("rejects what the API cannot do with UnsupportedOperationError, sending nothing", async () => {
    const b = backend();
    const refusals = await Promise.all([
      b.renameThread("cthr_1", "x").catch((e: unknown) => e),
      b.feedback("cthr_1", ["i"], "positive").catch((e: unknown) => e),
      b.createAttachment({ name: "a", size: 1, mime_type: "text/plain" }).catch((e: unknown) => e),
      b.uploadAttachment(new Blob(["a"])).catch((e: unknown) => e),
      b.deleteAttachment("atc_1").catch((e: unknown) => e),
      b.syncCustomAction("cthr_1", null, { type: "x", payload: null }).catch((e: unknown) => e),
      b.transcribe({ audioBase64: "AA", mimeType: "audio/mp4" }).catch((e: unknown) => e),
      (async () => {
        for await (const _ of b.run({
          type: "add_message",
          threadId: "t",
          input: {
            content: [],
            attachments: [],
            inference_options: {},
          },
        })) {
          // never reached
        }
      })().catch((e: unknown) => e),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(UnsupportedOperationError);
      expect(refusal).toBeInstanceOf(ThreadkitError);
    }
    expect(refusals.map((e) => (e as UnsupportedOperationError).operation)).toEqual([
      "renameThread",
      "feedback",
      "createAttachment",
      "uploadAttachment",
      "deleteAttachment",
      "syncCustomAction",
      "transcribe",
      "run",
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("surfaces failures and aborts as ThreadkitError subclasses", async () => {
    server.handle((_req, res) =>
      sendJson(res, 404, { error: { message: "No thread", type: "invalid_request_error" } }),
    );
    const missing = await backend()
      .getThread("cthr_x")
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(APIError);
    expect(missing).toMatchObject({ status: 404, message: "No thread" });

    server.handle((_req, res) =>
      sendJson(res, 200, { object: "list", data: [{ id: 3 }], has_more: false }),
    );
    const invalid = await backend()
      .listThreads()
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);

    server.handle(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = backend().listItems("cthr_1", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
