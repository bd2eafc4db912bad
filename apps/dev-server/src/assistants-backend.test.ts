/**
 * `createAssistantsBackend` against the dev server's Assistants API over real HTTP: runs become
 * ChatKit thread events, client tool calls go round through `client_tool_output`, and the
 * thread read back from history shows what the stream showed.
 */
import {
  APIError,
  type ClientToolCallItem,
  createAssistantsBackend,
  createAssistantsClient,
  createThreadState,
  NoPendingToolCallError,
  reduceThreadStreamEvents,
  selectThreadItems,
  startThreadStream,
  type ThreadBackend,
  type ThreadItem,
  type ThreadRunBatch,
  type ThreadRunOperation,
  type ThreadState,
  UnsupportedOperationError,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { FakeClock, input, startServer } from "./test-utils";

let server: DevServer;
let backend: ThreadBackend;

beforeEach(async () => {
  server = await startServer({ clock: new FakeClock() });
  const client = createAssistantsClient({
    baseUrl: `${server.url}/v1`,
    apiKey: "sk-dev",
    maxRetries: 0,
  });
  const assistant = await client.assistants.create({
    model: "gpt-4o",
    tools: [
      {
        type: "function",
        function: { name: "get_weather", parameters: { type: "object", properties: {} } },
      },
    ],
  });
  backend = createAssistantsBackend({ client, assistantId: assistant.id });
});
afterEach(async () => {
  await server.close();
});

interface Outcome {
  batches: ThreadRunBatch[];
  state: ThreadState;
}

async function run(operation: ThreadRunOperation, state = createThreadState()): Promise<Outcome> {
  const batches: ThreadRunBatch[] = [];
  let next = startThreadStream(state);
  for await (const batch of backend.run(operation)) {
    expect(batch.length).toBeGreaterThan(0);
    batches.push(batch);
    next = reduceThreadStreamEvents(next, batch);
  }
  return { batches, state: next };
}

const types = (items: readonly ThreadItem[]) => items.map((item) => item.type);

describe("createAssistantsBackend against the dev server", () => {
  it("runs a client tool call round trip and reads the same thread back", async () => {
    const first = await run({ type: "create_thread", input: input("what's the weather in Rome?") });
    const events = first.batches.flat();
    expect(events[0]?.type).toBe("thread.created");
    expect(events.some((e) => e.type === "stream.malformed" || e.type === "error")).toBe(false);
    const threadId = first.state.thread?.id ?? "";
    expect(threadId).toMatch(/^thread_/);
    const calls = events.flatMap((e) =>
      (e.type === "thread.item.added" || e.type === "thread.item.done") &&
      e.item.type === "client_tool_call"
        ? [e]
        : [],
    );
    // The last call event is the pending call a ChatKit run engine answers.
    const pending = calls.at(-1);
    expect(pending?.type).toBe("thread.item.done");
    expect(pending && "item" in pending ? pending.item : null).toMatchObject({
      status: "pending",
      name: "get_weather",
    });
    expect(types(selectThreadItems(first.state))).toEqual(["user_message", "client_tool_call"]);
    const userItem = selectThreadItems(first.state)[0];
    expect(userItem).toMatchObject({
      content: [{ type: "input_text", text: "what's the weather in Rome?" }],
    });

    const second = await run(
      { type: "client_tool_output", threadId, result: { temperature: 21 } },
      first.state,
    );
    const items = selectThreadItems(second.state);
    expect(types(items)).toEqual(["user_message", "client_tool_call", "assistant_message"]);
    expect((items[1] as ClientToolCallItem).status).toBe("completed");
    expect((items[1] as ClientToolCallItem).output).toBe('{"temperature":21}');
    const reply = items[2];
    expect(reply?.type === "assistant_message" ? reply.content[0]?.text : "").toContain(
      '{"temperature":21}',
    );
    // Streamed text arrived as deltas of the message's first part.
    expect(
      second.batches
        .flat()
        .some(
          (e) =>
            e.type === "thread.item.updated" &&
            e.update.type === "assistant_message.content_part.text_delta",
        ),
    ).toBe(true);

    const thread = await backend.getThread(threadId);
    expect(thread.id).toBe(threadId);
    expect(types(thread.items.data)).toEqual(types(items));
    const strip = (item: ThreadItem) => {
      const { origin: _origin, ...rest } = item as ThreadItem & { origin?: unknown };
      return rest;
    };
    expect(thread.items.data.slice(1).map(strip)).toEqual(items.slice(1).map(strip));
    const page = await backend.listItems(threadId, { limit: 1, order: "desc" });
    expect(page.has_more).toBe(true);
    // Newest first: the reply, then the call its run made before it.
    expect(page.data.map((item) => item.id)).toEqual([reply?.id, items[1]?.id]);

    await expect(
      collect(backend.run({ type: "client_tool_output", threadId, result: 1 })),
    ).rejects.toBeInstanceOf(NoPendingToolCallError);
  });

  it("adds messages to a thread, streams workflows and citations, and deletes the thread", async () => {
    const first = await run({ type: "create_thread", input: input("hello there") });
    const threadId = first.state.thread?.id ?? "";
    const code = await run({
      type: "add_message",
      threadId,
      input: input("calculate it in python"),
    });
    const codeItems = selectThreadItems(code.state);
    expect(types(codeItems)).toEqual(["user_message", "workflow", "assistant_message"]);
    expect(
      code.batches
        .flat()
        .some((e) => e.type === "thread.item.updated" && e.update.type === "workflow.task.updated"),
    ).toBe(true);
    const cited = await run({ type: "add_message", threadId, input: input("cite your sources") });
    const message = selectThreadItems(cited.state).at(-1);
    expect(message?.type).toBe("assistant_message");
    const part = message?.type === "assistant_message" ? message.content[0] : undefined;
    expect(part?.text).not.toContain("【");
    expect(part?.annotations.length).toBeGreaterThan(0);

    const history = await backend.listItems(threadId);
    expect(types(history.data)).toEqual([
      ...types(selectThreadItems(first.state)),
      ...types(codeItems),
      ...types(selectThreadItems(cited.state)),
    ]);

    await backend.deleteThread(threadId);
    await expect(backend.getThread(threadId)).rejects.toMatchObject({ status: 404 });
  });

  it("reports a failed run as an error event and refuses what the API cannot do", async () => {
    const failed = await run({ type: "create_thread", input: input("fail") });
    expect(failed.state.error).toMatchObject({ allowRetry: true });
    await expect(
      collect(backend.run({ type: "add_message", threadId: "thread_missing", input: input("hi") })),
    ).rejects.toBeInstanceOf(APIError);
    await expect(backend.listThreads()).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(backend.renameThread("thread_1", "x")).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    await expect(backend.feedback("thread_1", ["a"], "positive")).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    await expect(
      collect(
        backend.run({
          type: "custom_action",
          threadId: "thread_1",
          itemId: null,
          action: { type: "x" },
        }),
      ),
    ).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(backend.capabilities).toMatchObject({ run: true, delete: true, rename: false });
  });
});

async function collect(iterable: AsyncIterable<ThreadRunBatch>): Promise<ThreadRunBatch[]> {
  const out: ThreadRunBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}
