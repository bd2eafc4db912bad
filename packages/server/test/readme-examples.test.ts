/** The README's examples, compiled and run (with an in-memory database and a fake model). */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createChatKitClient } from "@threadkit/core";
import { createChatKitServer, events, type StoredThreadItem } from "../src/index";
import { toNodeHandler } from "../src/node/index";
import { SqliteStore } from "../src/sqlite/index";
import { collect, input } from "./helpers/app";

async function* callYourModel(history: StoredThreadItem[], signal: AbortSignal) {
  if (signal.aborted) return;
  yield `${history.length} items so far`;
}
const userFromCookie = async (request: Request) => request.headers.get("x-user") ?? "anon";

type Ctx = { user: string };

const server = createChatKitServer<Ctx>({
  store: new SqliteStore<Ctx>(":memory:", { owner: (ctx) => ctx.user }),
  async *respond(thread, _input, ctx) {
    if (thread.title == null) thread.title = "New chat";
    yield events.progress("Thinking…");
    yield* ctx.streamText(callYourModel(await ctx.loadAllItems(), ctx.signal));
  },
});

async function POST(request: Request) {
  const user = await userFromCookie(request);
  return server.handle(request, { user });
}

it("the Next.js route handler example answers and scopes threads per user", async () => {
  const response = await POST(
    new Request("http://localhost/api/chatkit", {
      method: "POST",
      headers: { "x-user": "ann" },
      body: JSON.stringify({ type: "threads.create", params: { input: input("hi") } }),
    }),
  );
  const streamed = await collect(response.body!);
  expect(streamed.map((e) => e.type)).toContain("progress_update");
  const done = streamed.filter((e) => e.type === "thread.item.done").at(-1);
  expect(done).toMatchObject({ item: { content: [{ text: "1 items so far" }] } });
  expect(streamed.find((e) => e.type === "thread.updated")).toMatchObject({
    thread: { title: "New chat" },
  });
  const list = (user: string) =>
    POST(
      new Request("http://localhost/api/chatkit", {
        method: "POST",
        headers: { "x-user": user },
        body: JSON.stringify({ type: "threads.list", params: {} }),
      }),
    ).then((r) => r.json());
  expect((await list("ann")).data).toHaveLength(1);
  expect((await list("bob")).data).toHaveLength(0);
});

it("the Node http example serves the same server", async () => {
  const http = createServer(
    toNodeHandler(server, { context: (req) => ({ user: String(req.headers["x-user"]) }) }),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = http.address() as AddressInfo;
    const client = createChatKitClient({
      url: `http://127.0.0.1:${port}`,
      maxRetries: 0,
      headers: { "x-user": "ann" },
    });
    expect((await client.threads.list()).data).toHaveLength(1);
  } finally {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
});
