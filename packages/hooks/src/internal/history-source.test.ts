import {
  createAssistantsBackend,
  createAssistantsClient,
  createChatKitRestBackend,
  createChatKitRestClient,
  UnsupportedOperationError,
} from "@threadkit/core";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ASSISTANTS_CAPABILITIES, lazyBackend, REST_CAPABILITIES } from "../engine/backends";
import { getHistorySource } from "./history-source";
import { getThreadBackend } from "./thread-backend";

/** The recorded REST page (oldest first), answered newest first as `order=desc` asks. */
const restPage = JSON.parse(readFixture("chatkit-items/apiref-md-list-items-example.json")) as {
  data: { id: string }[];
};
const restDescPage = {
  ...restPage,
  data: [...restPage.data].reverse(),
  has_more: true,
  first_id: "cthi_assistant_002",
  last_id: "cthi_user_001",
};

const item = (id: string) => ({
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00Z",
  type: "assistant_message",
  content: [{ type: "output_text", text: id, annotations: [] }],
});
const thread = (id: string) => ({
  id,
  title: id,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
  metadata: {},
  items: { data: [], has_more: false, after: null },
});

describe("getHistorySource through the thread backends", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("gives a newest-first REST page of items oldest first, with the older page's cursor", async () => {
    server = await startServer((_request, res) => sendJson(res, 200, restDescPage));
    const rest = createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 });
    const page = await getHistorySource({ rest }, "useThreadItems").listItems("cthr_abc123", {
      limit: 2,
      order: "desc",
      after: null,
    });
    expect(page.items.map((entry) => entry.id)).toEqual(["cthi_user_001", "cthi_assistant_002"]);
    expect(page.nextCursor).toBe("cthi_user_001");
    expect(server.requests[0]?.url).toBe("/chatkit/threads/cthr_abc123/items?limit=2&order=desc");
  });

  it("keeps an ascending REST page as it came", async () => {
    server = await startServer((_request, res) => sendJson(res, 200, restPage));
    const rest = createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 });
    const page = await getHistorySource({ rest }, "useThreadItems").listItems("cthr_abc123", {
      limit: 2,
      order: "asc",
      after: "cthi_0",
    });
    expect(page.items.map((entry) => entry.id)).toEqual(["cthi_user_001", "cthi_assistant_002"]);
    expect(page.nextCursor).toBeNull();
    expect(server.requests[0]?.url).toBe(
      "/chatkit/threads/cthr_abc123/items?limit=2&order=asc&after=cthi_0",
    );
  });

  it("gives a newest-first protocol page of items oldest first, with the older page's cursor", async () => {
    server = await startServer((_request, res) =>
      sendJson(res, 200, { data: [item("i3"), item("i2")], has_more: true, after: "i2" }),
    );
    const protocol = createTestProtocolClient(server.url);
    const page = await getHistorySource({ protocol }, "useThreadItems").listItems("thr_1", {
      limit: 2,
      order: "desc",
      after: null,
    });
    expect(page.items.map((entry) => entry.id)).toEqual(["i2", "i3"]);
    expect(page.nextCursor).toBe("i2");
    expect(server.requests[0]?.body).toMatchObject({
      type: "items.list",
      params: { thread_id: "thr_1", limit: 2, order: "desc" },
    });
  });

  it("lists threads in the order asked for, without their items", async () => {
    server = await startServer((_request, res) =>
      sendJson(res, 200, { data: [thread("t2"), thread("t1")], has_more: true, after: "t1" }),
    );
    const protocol = createTestProtocolClient(server.url);
    const page = await getHistorySource({ protocol }, "useThreads").listThreads({
      limit: 2,
      order: "desc",
      after: null,
    });
    expect(page.threads.map((entry) => entry.id)).toEqual(["t2", "t1"]);
    expect(page.threads[0]).not.toHaveProperty("items");
    expect(page.nextCursor).toBe("t1");
  });

  it("refuses to rename on the read-only REST backend without a request", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const rest = createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 });
    await expect(
      getHistorySource({ rest }, "useRenameThread").renameThread("cthr_1", "New"),
    ).rejects.toThrow(/cannot rename threads.*`useRenameThread` needs a `protocol` client/);
    expect(server.requests).toHaveLength(0);
  });

  it("names the hook when the provider has no client", () => {
    expect(() => getHistorySource({}, "useThreads")).toThrow(/`useThreads` needs a `protocol`/);
  });

  it("reads Assistants threads through the same backend and refuses what the API cannot do", async () => {
    server = await startServer((request, res) => {
      if (request.url.startsWith("/threads/thread_1/messages")) {
        return sendJson(res, 200, { object: "list", data: [], has_more: false });
      }
      sendJson(res, 200, { id: "thread_1", object: "thread", created_at: 1, metadata: {} });
    });
    const assistants = createAssistantsClient({ baseUrl: server.url, maxRetries: 0 });
    const backend = getThreadBackend({ assistants });
    expect(getThreadBackend({ assistants })).toBe(backend);
    const source = getHistorySource({ assistants }, "useThreads");
    expect((await source.getThread("thread_1")).id).toBe("thread_1");
    expect(
      (await source.listItems("thread_1", { limit: 20, order: "desc", after: null })).items,
    ).toEqual([]);
    const listed = source.listThreads({ limit: 20, order: "desc", after: null });
    await expect(listed).rejects.toThrow(
      /cannot list threads.*`useThreads` needs a `protocol` or `rest` client/,
    );
    await expect(
      listed.catch((error: Error) => Promise.reject(error.cause)),
    ).rejects.toBeInstanceOf(UnsupportedOperationError);
    const requests = server.requests.length;
    await expect(
      getHistorySource({ assistants }, "useRenameThread").renameThread("thread_1", "New"),
    ).rejects.toThrow(/cannot rename threads.*`useRenameThread` needs a `protocol` client/);
    expect(server.requests).toHaveLength(requests);
  });
});

describe("the lazily loaded backends", () => {
  it("know the capabilities of the adapters they load", () => {
    const rest = createChatKitRestBackend({ baseUrl: "http://127.0.0.1:9" });
    const assistants = createAssistantsBackend({ client: { baseUrl: "http://127.0.0.1:9" } });
    expect(REST_CAPABILITIES).toEqual(rest.capabilities);
    expect(ASSISTANTS_CAPABILITIES).toEqual(assistants.capabilities);
  });

  it("load on the first call and try again after a failed load", async () => {
    const rest = createChatKitRestBackend({ baseUrl: "http://127.0.0.1:9" });
    let loads = 0;
    const backend = lazyBackend(REST_CAPABILITIES, async () => {
      loads += 1;
      if (loads === 1) throw new Error("chunk failed");
      return rest;
    });
    expect(loads).toBe(0);
    await expect(backend.renameThread("t", "x")).rejects.toThrow("chunk failed");
    await expect(backend.renameThread("t", "x")).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(backend.feedback("t", [], "positive")).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    expect(loads).toBe(2);
  });
});
