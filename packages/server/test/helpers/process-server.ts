/**
 * One server process for the scale-out tests: @threadkit/server over Node http on a PostgreSQL
 * schema, run as a child process by `node --import tsx --conditions=@threadkit/source`.
 *
 *   THREADKIT_PG_URL=postgres://… THREADKIT_PG_SCHEMA=t_abc node --import tsx process-server.ts
 *
 * Prints `process-server listening on http://127.0.0.1:<port>` once it accepts connections.
 * Routes: `POST /chatkit` (the protocol), `POST /gate` (lets waiting `slow` answers go on) and
 * `GET /slow-started` (how many `slow` answers are waiting).
 *
 * Replies: `slow` stores a task item, then streams "Partial " and waits for `/gate` before
 * finishing "Partial answer"; anything else streams "Echo: <text>".
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createChatKitServer, events } from "../../src/index";
import { toNodeHandler } from "../../src/node/index";
import { PostgresStore } from "../../src/postgres/index";

const url = process.env.THREADKIT_PG_URL;
const schema = process.env.THREADKIT_PG_SCHEMA;
if (!url || !schema) {
  console.error("THREADKIT_PG_URL and THREADKIT_PG_SCHEMA are required.");
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
pool.on("error", () => {});
const store = new PostgresStore(pool);

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
    if (text.includes("slow")) {
      yield events.itemDone(ctx.task({ type: "custom", title: "Looked it up" }));
      const item = ctx.assistantMessage([]);
      yield events.itemAdded(item);
      yield events.contentPartAdded(item.id, 0);
      yield events.textDelta(item.id, 0, "Partial ");
      waiting += 1;
      await Promise.race([
        gate,
        new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true })),
      ]);
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
    void pool.end().finally(() => process.exit(0));
  });
}
