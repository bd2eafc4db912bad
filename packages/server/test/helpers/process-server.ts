/**
 * One server process for the scale-out tests and the server benchmark: @threadkit/server over
 * Node http on a PostgreSQL schema (or a SQLite file), run as a child process by
 * `node --import tsx --conditions=@threadkit/source`.
 *
 *   THREADKIT_PG_URL=postgres://… THREADKIT_PG_SCHEMA=t_abc node --import tsx process-server.ts
 *   THREADKIT_SQLITE_FILE=/tmp/chat.sqlite node --import tsx process-server.ts
 *
 * Prints `process-server listening on http://127.0.0.1:<port>` once it accepts connections.
 * Routes: `POST /chatkit` (the protocol), `POST /gate` (lets waiting `slow` answers go on),
 * `GET /slow-started` (how many `slow` answers are waiting) and `GET /heap` (the process's V8
 * heap after a full collection when started with `--expose-gc`: `heapUsed`, `external`,
 * `arrayBuffers` in bytes, and whether it collected).
 *
 * Replies: `slow` stores a task item, then streams "Partial " and waits for `/gate` before
 * finishing "Partial answer"; `hold` streams "Held" and waits until the client goes away;
 * `burst N` streams N one-word deltas at once; anything else streams "Echo: <text>".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createChatKitServer, events, type Store } from "../../src/index";
import { toNodeHandler } from "../../src/node/index";
import { PostgresStore } from "../../src/postgres/index";
import { SqliteStore } from "../../src/sqlite/index";

const url = process.env.THREADKIT_PG_URL;
const schema = process.env.THREADKIT_PG_SCHEMA;
const sqliteFile = process.env.THREADKIT_SQLITE_FILE;
if (!(url && schema) && !sqliteFile) {
  console.error("Set THREADKIT_PG_URL and THREADKIT_PG_SCHEMA, or THREADKIT_SQLITE_FILE.");
  process.exit(2);
}

let pool: pg.Pool | null = null;
let store: Store<unknown>;
if (sqliteFile) store = new SqliteStore(sqliteFile);
else {
  pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 10 });
  pool.on("error", () => {});
  store = new PostgresStore(pool);
}
const waitForAbort = (signal: AbortSignal) =>
  new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    signal.addEventListener("abort", resolve, { once: true });
  });

let waiting = 0;
let release: () => void = () => {};
let gate = new Promise<void>((resolve) => {
  release = resolve;
});

const server = createChatKitServer({
  store,
  onError: (error) => console.error(error),
  async *respond(thread, input, ctx) {
    const text = (input?.content ?? [])
      .map((part) => (part.type === "input_text" ? part.text : ""))
      .join(" ");
    if (thread.title == null) thread.title = text.slice(0, 30);
    if (text.startsWith("hold")) {
      const item = ctx.assistantMessage([]);
      yield events.itemAdded(item);
      yield events.contentPartAdded(item.id, 0);
      yield events.textDelta(item.id, 0, "Held");
      await waitForAbort(ctx.signal);
      return;
    }
    const burst = /^burst (\d+)/.exec(text);
    if (burst) {
      yield* ctx.streamText(Array.from({ length: Number(burst[1]) }, (_, n) => `w${n} `));
      return;
    }
    if (text.includes("slow")) {
      yield events.itemDone(ctx.task({ type: "custom", title: "Looked it up" }));
      const item = ctx.assistantMessage([]);
      yield events.itemAdded(item);
      yield events.contentPartAdded(item.id, 0);
      yield events.textDelta(item.id, 0, "Partial ");
      waiting += 1;
      await Promise.race([gate, waitForAbort(ctx.signal)]);
      waiting -= 1;
      yield events.textDelta(item.id, 0, "answer");
      yield events.itemDone({
        ...item,
        content: [{ type: "output_text", text: "Partial answer", annotations: [] }],
      });
      return;
    }
    yield* ctx.streamText(["Echo: ", text]);
  },
});

const chatkit = toNodeHandler(server, { context: () => ({}) });
const http = createServer((req, res) => {
  if (req.url === "/gate" && req.method === "POST") {
    release();
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    res.end("{}");
    return;
  }
  if (req.url === "/heap") {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { heapUsed, external, arrayBuffers } = process.memoryUsage();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ heapUsed, external, arrayBuffers, collected: gc !== undefined }));
    return;
  }
  if (req.url === "/slow-started") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ waiting }));
    return;
  }
  void chatkit(req, res);
});
http.listen(0, "127.0.0.1", () => {
  const { port } = http.address() as AddressInfo;
  console.log(`process-server listening on http://127.0.0.1:${port}`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    http.closeAllConnections();
    http.close();
    void (pool?.end() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
