/**
 * End to end: a ChatKit server whose `respond` replays recorded Responses API streams through
 * `streamResponsesApi`, over real HTTP on 127.0.0.1, driven by core's `createChatKitClient`. The
 * thread a client builds from the streams equals what the store saved and what
 * `threads.get_by_id` returns.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ChatKitClient,
  createChatKitClient,
  createThreadState,
  finishThreadStream,
  parseThreadItem,
  readThreadStream,
  reduceThreadStream,
  selectThreadItems,
  type ThreadItem,
  type ThreadState,
} from "@threadkit/core";
import {
  createChatKitServer,
  type ResponsesStreamEvent,
  type StoredThreadItem,
  type StreamResponsesApiResult,
  saveCancelledItems,
  streamResponsesApi,
} from "../src/index";
import { toNodeHandler } from "../src/node/index";
import { SqliteStore } from "../src/sqlite/index";
import { input } from "./helpers/app";
import { loadResponsesFixture, replay, splitResponses } from "./helpers/responses";

type Ctx = { user: string };

let store: SqliteStore<Ctx>;
let http: Server;
let client: ChatKitClient;
const failures: unknown[] = [];
let cancelled: Promise<void>;
let modelRequestAborted: Promise<void>;

/** Plays a recording, but stops after `after` events until the request is aborted (a slow model). */
async function* stalled(events: ResponsesStreamEvent[], after: number, signal: AbortSignal) {
  for (const [index, event] of events.entries()) {
    if (index === after) {
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      return;
    }
    yield event;
  }
}

beforeEach(async () => {
  store = new SqliteStore<Ctx>(":memory:");
  let onCancelled = () => {};
  cancelled = new Promise((resolve) => {
    onCancelled = resolve;
  });
  let onModelAbort = () => {};
  modelRequestAborted = new Promise((resolve) => {
    onModelAbort = resolve;
  });
  const server = createChatKitServer<Ctx>({
    store,
    onError: (error) => failures.push(error),
    async onStreamCancelled(thread, pending, ctx) {
      await saveCancelledItems(thread, pending, ctx);
      onCancelled();
    },
    // The user's text names the recording to play; after a client tool output, the plain answer.
    async *respond(_thread, message, ctx) {
      const first = message?.content[0];
      const name = first?.type === "input_text" ? first.text : "dotnet-hello-world.sse";
      if (name.startsWith("stalled:")) {
        // A model request (the SDK's `controller`) that hangs after a few deltas.
        const controller = new AbortController();
        controller.signal.addEventListener("abort", onModelAbort, { once: true });
        const events = await loadResponsesFixture(name.slice("stalled:".length));
        const stream = Object.assign(stalled(events, 8, controller.signal), { controller });
        yield* streamResponsesApi(stream, ctx);
        return;
      }
      for (const round of splitResponses(await loadResponsesFixture(name))) {
        const result: StreamResponsesApiResult = yield* streamResponsesApi(replay(round), ctx, {
          serverTools: {
            calculator: ({ a, b, op }) =>
              op === "add" ? Number(a) + Number(b) : Number(a) * Number(b),
          },
        });
        if (result.toolOutputs.length === 0) break;
      }
    },
  });
  http = createServer(toNodeHandler(server, { context: () => ({ user: "ann" }) }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  client = createChatKitClient({ url: `http://127.0.0.1:${port}/chatkit`, maxRetries: 0 });
});

afterEach(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  store.close();
  expect(failures).toEqual([]);
});

/** Reads one response stream into the client's thread state, failing on anything malformed. */
async function play(state: ThreadState, body: ReadableStream<Uint8Array>): Promise<ThreadState> {
  let next = state;
  for await (const event of readThreadStream(body)) {
    if (event.type === "stream.malformed" || event.type === "unknown") {
      throw new Error(`bad event: ${JSON.stringify(event)}`);
    }
    if (event.type === "error") throw new Error(`error event: ${JSON.stringify(event)}`);
    next = reduceThreadStream(next, event);
  }
  return finishThreadStream(next);
}

async function stored(threadId: string): Promise<StoredThreadItem[]> {
  const page = await store.loadThreadItems(threadId, { limit: 100, order: "asc" }, { user: "ann" });
  return page.data;
}

const plain = (items: readonly unknown[]) => JSON.parse(JSON.stringify(items)) as ThreadItem[];

it("a conversation of recorded streams reduces to exactly what the store saved", async () => {
  let state = createThreadState();
  state = await play(state, await client.threads.create(input("vercel-ai-web-search.jsonl")));
  const threadId = state.thread?.id as string;
  expect(threadId).toBeTruthy();
  for (const name of [
    "vercel-ai-reasoning-function-calls.jsonl",
    "vercel-ai-image-generation.jsonl",
    "dotnet-file-search.sse",
    "dotnet-reasoning-summary.sse",
  ]) {
    state = await play(state, await client.threads.addUserMessage(threadId, input(name)));
  }
  expect(state.streamingItemIds).toEqual([]);

  const saved = await stored(threadId);
  const reduced = selectThreadItems(state);
  expect(plain(reduced)).toEqual(plain(saved));
  expect(saved.map((item) => item.type)).toEqual([
    "user_message",
    "workflow",
    "assistant_message",
    "user_message",
    "workflow",
    "assistant_message",
    "user_message",
    "workflow",
    "generated_image",
    "user_message",
    "workflow",
    "assistant_message",
    "user_message",
    "workflow",
    "assistant_message",
  ]);
  for (const item of saved) expect(parseThreadItem(plain([item])[0])).toEqual(plain([item])[0]);

  // The client's own read of the thread agrees.
  const thread = await client.threads.getById(threadId);
  expect(plain(thread.items.data)).toEqual(plain(saved));

  // The tool loop's answer and its workflow: one thought, closed.
  const answer = saved[5];
  expect(answer).toMatchObject({
    type: "assistant_message",
    content: [{ text: "The final result is **570**.", annotations: [] }],
  });
  expect(saved[4]).toMatchObject({
    type: "workflow",
    workflow: { type: "reasoning", expanded: false, tasks: [{ type: "thought" }] },
  });
  expect(saved[2]).toMatchObject({
    content: [{ annotations: expect.arrayContaining([expect.objectContaining({ index: 411 })]) }],
  });
});

it("a client tool call is answered by the client and the conversation goes on", async () => {
  let state = createThreadState();
  state = await play(state, await client.threads.create(input("dotnet-function-call.sse")));
  const threadId = state.thread?.id as string;
  const call = selectThreadItems(state).at(-1);
  expect(call).toMatchObject({
    type: "client_tool_call",
    status: "pending",
    name: "get_weather_at_location",
    arguments: { location: "San Francisco, CA" },
  });
  state = await play(
    state,
    await client.threads.addClientToolOutput(threadId, { temperature: "15°C" }),
  );
  const saved = await stored(threadId);
  expect(saved.map((item) => item.type)).toEqual([
    "user_message",
    "client_tool_call",
    "assistant_message",
  ]);
  expect(saved[1]).toMatchObject({ status: "completed", output: { temperature: "15°C" } });
  // The client learns the call's completion from reloading the thread, not from the stream.
  const thread = await client.threads.getById(threadId);
  expect(plain(thread.items.data)).toEqual(plain(saved));
  expect(plain(selectThreadItems(state).slice(2))).toEqual(plain(saved.slice(2)));
});

it("a client that goes away mid-answer aborts the model request; the text so far is kept", async () => {
  const abort = new AbortController();
  const body = await client.threads.create(input("stalled:dotnet-hello-world.sse"), {
    signal: abort.signal,
  });
  let threadId = "";
  let deltas = "";
  try {
    for await (const event of readThreadStream(body)) {
      if (event.type === "thread.created") threadId = event.thread.id;
      if (
        event.type === "thread.item.updated" &&
        event.update.type === "assistant_message.content_part.text_delta"
      ) {
        deltas += event.update.delta;
        // The first 8 events of the recording end with 4 deltas; then the model hangs.
        if (deltas === "Hello! How can") abort.abort();
      }
    }
  } catch (error) {
    expect((error as Error).name).toBe("AbortError");
  }
  await cancelled;
  await modelRequestAborted;
  const saved = await stored(threadId);
  expect(saved.map((item) => item.type)).toEqual([
    "user_message",
    "assistant_message",
    "sdk_hidden_context",
  ]);
  expect(saved[1]).toMatchObject({
    content: [{ type: "output_text", text: "Hello! How can", annotations: [] }],
  });
});
