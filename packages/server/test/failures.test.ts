/** Failures of the server's own parts (the store) and the Node adapter with pre-parsed bodies. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createChatKitServer, events } from "../src/index";
import { toNodeHandler } from "../src/node/index";
import { SqliteStore } from "../src/sqlite/index";
import { collect, input } from "./helpers/app";

class FlakyStore extends SqliteStore {
  failLists = false;
  failItems = false;
  override async loadThreads(...args: Parameters<SqliteStore["loadThreads"]>) {
    if (this.failLists) throw new Error("database is on fire");
    return super.loadThreads(...args);
  }
  override async addThreadItem(...args: Parameters<SqliteStore["addThreadItem"]>) {
    if (this.failItems && args[1].type === "assistant_message") throw new Error("disk full");
    return super.addThreadItem(...args);
  }
}

function setup() {
  const store = new FlakyStore(":memory:");
  const errors: unknown[] = [];
  const server = createChatKitServer({
    store,
    onError: (error) => errors.push(error),
    async *respond(_thread, _input, ctx) {
      yield events.itemDone(ctx.assistantMessage("stored?"));
    },
  });
  const post = (body: unknown) =>
    server.handle(
      new Request("http://local/chatkit", { method: "POST", body: JSON.stringify(body) }),
      {},
    );
  return { store, errors, server, post };
}

describe("failures inside the server", () => {
  it("a failing store on a JSON request is a 500 with a JSON body, reported to onError", async () => {
    const { store, errors, post } = setup();
    store.failLists = true;
    const response = await post({ type: "threads.list", params: {} });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: {
        type: "server_error",
        code: "server_error",
        message: "The server failed to answer the request.",
        param: null,
      },
    });
    expect((errors[0] as Error).message).toBe("database is on fire");
    store.failLists = false;
    expect((await post({ type: "threads.list", params: {} })).status).toBe(200);
  });

  it("a failing store mid-stream ends the stream with a retryable error event", async () => {
    const { store, errors, post } = setup();
    store.failItems = true;
    const response = await post({ type: "threads.create", params: { input: input("hi") } });
    expect(response.status).toBe(200);
    const streamed = await collect(response.body!);
    expect(streamed.at(-1)).toEqual({ type: "error", code: "stream.error", allow_retry: true });
    expect((errors[0] as Error).message).toBe("disk full");
    // The user message is stored; the answer that could not be stored was not sent as done.
    const threadId = streamed[0]?.type === "thread.created" ? streamed[0].thread.id : "";
    const items = await store.loadThreadItems(threadId, { limit: 5, order: "asc" }, {});
    expect(items.data.map((i) => i.type)).toEqual(["user_message"]);
    expect(
      streamed
        .filter((e) => e.type === "thread.item.done")
        .map((e) => e.type === "thread.item.done" && e.item.type),
    ).toEqual(["user_message"]);
  });
});

describe("toNodeHandler after a body parser (Express's express.json())", () => {
  it("re-serializes an already parsed body", async () => {
    const store = new SqliteStore(":memory:");
    const server = createChatKitServer({
      store,
      async *respond(_thread, _input, ctx) {
        yield events.itemDone(ctx.assistantMessage("ok"));
      },
    });
    const handler = toNodeHandler(server);
    // A stand-in for express.json(): reads the stream, sets req.body, then calls the route.
    const http = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        (req as IncomingMessage & { body: unknown }).body = JSON.parse(
          Buffer.concat(chunks).toString(),
        );
        void handler(req, res);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/chatkit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "threads.create", params: { input: input("héllo") } }),
      });
      const streamed = await collect(response.body!);
      expect(streamed.find((e) => e.type === "thread.item.done")).toMatchObject({
        item: { content: [{ type: "input_text", text: "héllo" }] },
      });
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      store.close();
    }
  });
});
