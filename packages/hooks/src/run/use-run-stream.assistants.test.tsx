import { act, renderHook, waitFor } from "@testing-library/react";
import { createAssistantsClient } from "@threadkit/core";
import type { ReactNode } from "react";
import { useStore } from "zustand";
import {
  closeAfterCleanup,
  type Handler,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { RunStreamError } from "../engine/run-errors";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "../thread/thread-context";
import { selectThreadItem } from "../thread/thread-state";
import { useThreadItems } from "../thread/use-thread-items";
import { type UseRunStreamOptions, useRunStream } from "./use-run-stream";

const fixture = (name: string) => readFixture(`assistants/${name}`);

/** A user message as `POST /threads/{id}/messages` and `GET …/messages` return it. */
const userMessage = (threadId: string, id: string, text: string) => ({
  id,
  object: "thread.message",
  created_at: 1761861530,
  assistant_id: null,
  thread_id: threadId,
  run_id: null,
  status: "completed",
  incomplete_details: null,
  incomplete_at: null,
  completed_at: 1761861530,
  role: "user",
  content: [{ type: "text", text: { value: text, annotations: [] } }],
  attachments: [],
  metadata: {},
});

function setup(server: TestServer, threadId: string | null, options: UseRunStreamOptions = {}) {
  const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream(threadId, { assistant: { assistantId: "asst_1" }, ...options });
      const store = useThreadStore(run.threadId);
      const itemIds = useStore(store, (state) => state.itemIds);
      return { run, store, itemIds };
    },
    { wrapper },
  );
}

const route =
  (routes: Record<string, Handler>): Handler =>
  (request, res) => {
    const key = `${request.method} ${request.url.split("?")[0]}`;
    const handler = routes[key];
    if (handler) return handler(request, res);
    sendJson(res, 404, { error: { message: `no route ${key}` } });
  };

describe("useRunStream (Assistants runs)", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("creates a thread and run, runs the requested function and continues the run", async () => {
    const thread = "thread_6oUGUBxLwhyApwhYBhWjHI5f";
    const run = "run_oyfV44CrJXYJkvb2qsd80LvJ";
    server = await startServer(
      route({
        "POST /threads/runs": (_r, res) =>
          sendSse(res, fixture("dotnet-streaming-tool-call-requires-action.sse"), {
            chunkSize: 97,
          }),
        [`POST /threads/${thread}/runs/${run}/submit_tool_outputs`]: (_r, res) =>
          sendSse(res, fixture("dotnet-streaming-tool-call-after-submit.sse"), { chunkSize: 97 }),
        [`GET /threads/${thread}/messages`]: (_r, res) =>
          sendJson(res, 200, {
            object: "list",
            data: [userMessage(thread, "msg_user_1", "What should I wear?")],
            first_id: "msg_user_1",
            last_id: "msg_user_1",
            has_more: false,
          }),
      }),
    );
    const weather = vi.fn(async () => ({ temperature: 30, sky: "sunny" }));
    const onThreadCreated = vi.fn();
    const { result } = setup(server, null, {
      clientTools: { get_current_weather: weather },
      onThreadCreated,
    });
    await act(() => result.current.run.send("What should I wear?"));
    expect(result.current.run.status).toBe("idle");
    expect(onThreadCreated).toHaveBeenCalledExactlyOnceWith(thread);
    expect(result.current.run.threadId).toBe(thread);
    expect(weather).toHaveBeenCalledOnce();
    expect(server.requests[0]?.body).toMatchObject({
      assistant_id: "asst_1",
      stream: true,
      thread: { messages: [{ role: "user", content: "What should I wear?" }] },
    });
    // The user message is read back as soon as the thread exists, before the tool output goes.
    expect(server.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`)).toEqual([
      "POST /threads/runs",
      `GET /threads/${thread}/messages`,
      `POST /threads/${thread}/runs/${run}/submit_tool_outputs`,
    ]);
    expect(server.requests[2]?.body).toMatchObject({
      stream: true,
      tool_outputs: [
        {
          tool_call_id: "call_xyFYaEeyocjyE6jN64QTcxip",
          output: '{"temperature":30,"sky":"sunny"}',
        },
      ],
    });
    const state = result.current.store.getState();
    expect(result.current.itemIds[0]).toBe("msg_user_1");
    expect(result.current.itemIds.some((id) => id.startsWith("optimistic_"))).toBe(false);
    const reply = selectThreadItem(state, "msg_kSkj4ryQchn1MSwL3I2N0uWV");
    expect(reply?.type === "assistant_message" && reply.content[0]?.text).toMatch(
      /^Since it's warm and sunny outside/,
    );
  });

  it("adds the message to an existing thread, then streams the run", async () => {
    const thread = "thread_Wq2ScOs1iInUsyhUUDmN5NZH";
    server = await startServer(
      route({
        [`POST /threads/${thread}/messages`]: (request, res) =>
          sendJson(res, 200, userMessage(thread, "msg_user_2", request.body.content)),
        [`POST /threads/${thread}/runs`]: (_r, res) =>
          sendSse(res, fixture("dotnet-streaming-run-text.sse"), { chunkSize: 211 }),
      }),
    );
    const { result } = setup(server, thread);
    await act(() => result.current.run.send("Hello"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.itemIds).toEqual(["msg_user_2", "msg_Tn5DNmiQEPZ80biW5AukKrvH"]);
    const reply = selectThreadItem(result.current.store.getState(), "msg_Tn5DNmiQEPZ80biW5AukKrvH");
    expect(reply?.type === "assistant_message" && reply.content[0]?.text.length).toBeGreaterThan(0);
  });

  it("keeps the streamed reply when a history page requested before it arrives after it", async () => {
    const thread = "thread_Wq2ScOs1iInUsyhUUDmN5NZH";
    const sse = fixture("dotnet-streaming-run-text.sse");
    const created = sse.split("\n\n").find((b) => b.startsWith("event: thread.message.created"));
    // The reply as the server stored it when the page was read: created, nothing written yet.
    const stale = JSON.parse(created!.slice(created!.indexOf("data: ") + 6));
    let releasePage: () => void = () => {};
    const pageHeld = new Promise<void>((resolve) => {
      releasePage = resolve;
    });
    server = await startServer(
      route({
        [`POST /threads/${thread}/messages`]: (request, res) =>
          sendJson(res, 200, userMessage(thread, "msg_user_5", request.body.content)),
        [`POST /threads/${thread}/runs`]: (_r, res) => sendSse(res, sse, { chunkSize: 211 }),
        [`GET /threads/${thread}/messages`]: async (_r, res) => {
          await pageHeld;
          sendJson(res, 200, {
            object: "list",
            data: [stale],
            first_id: stale.id,
            last_id: stale.id,
            has_more: false,
          });
        },
        [`GET /threads/${thread}/runs/${stale.run_id}/steps`]: (_r, res) =>
          sendJson(res, 200, {
            object: "list",
            data: [],
            first_id: null,
            last_id: null,
            has_more: false,
          }),
      }),
    );
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(
      () => {
        const run = useRunStream(thread, { assistant: { assistantId: "asst_1" } });
        const items = useThreadItems(thread);
        return { run, items, store: useThreadStore(thread) };
      },
      { wrapper },
    );
    await waitFor(() =>
      expect(server.requests.some((r) => r.url.startsWith(`/threads/${thread}/messages`))).toBe(
        true,
      ),
    );
    await act(() => result.current.run.send("Hello"));
    const text = () => {
      const reply = selectThreadItem(result.current.store.getState(), stale.id);
      return reply?.type === "assistant_message" ? (reply.content[0]?.text ?? "") : "";
    };
    expect(text().length).toBeGreaterThan(0);
    releasePage();
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(text().length).toBeGreaterThan(0);
  });

  it("reports an error event in the middle of a run", async () => {
    server = await startServer(
      route({
        "POST /threads/thread_x/messages": (request, res) =>
          sendJson(res, 200, userMessage("thread_x", "msg_user_3", request.body.content)),
        "POST /threads/thread_x/runs": (_r, res) =>
          sendSse(res, fixture("simple-openai-error-event-midstream.sse")),
      }),
    );
    const { result } = setup(server, "thread_x");
    await act(() => result.current.run.send("Hi"));
    expect(result.current.run.status).toBe("error");
    expect(result.current.run.error).toBeInstanceOf(RunStreamError);
    expect(result.current.run.error?.message).toMatch(/The server had an error/);
  });

  it("skips unknown future events", async () => {
    server = await startServer(
      route({
        "POST /threads/thread_x/messages": (request, res) =>
          sendJson(res, 200, userMessage("thread_x", "msg_user_4", request.body.content)),
        "POST /threads/thread_x/runs": (_r, res) =>
          sendSse(res, fixture("dotnet-mock-unknown-future-events.sse")),
      }),
    );
    const { result } = setup(server, "thread_x");
    await act(() => result.current.run.send("Hi"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.error).toBeNull();
  });

  it("cancel aborts the stream and cancels the run on the server", async () => {
    const thread = "thread_Wq2ScOs1iInUsyhUUDmN5NZH";
    const partial = fixture("dotnet-streaming-run-text.sse").split("\n\n").slice(0, 8).join("\n\n");
    server = await startServer(
      route({
        [`POST /threads/${thread}/messages`]: (request, res) =>
          sendJson(res, 200, userMessage(thread, "msg_user_5", request.body.content)),
        [`POST /threads/${thread}/runs`]: (_r, res) =>
          sendSse(res, `${partial}\n\n`, { keepOpen: true }),
        [`POST /threads/${thread}/runs/run_Uy45lNz2P7BpJcqWzQkXl1Bu/cancel`]: (_r, res) =>
          sendJson(res, 500, { error: { message: "the test only records this call" } }),
      }),
    );
    const { result } = setup(server, thread);
    let done: Promise<{ status: string }> = Promise.resolve({ status: "" });
    act(() => {
      done = result.current.run.send("Hello");
    });
    await waitFor(() => expect(result.current.run.status).toBe("streaming"));
    await waitFor(() => expect(result.current.itemIds).toContain("msg_Tn5DNmiQEPZ80biW5AukKrvH"));
    act(() => result.current.run.cancel());
    await expect(done).resolves.toMatchObject({ status: "cancelled" });
    await waitFor(() =>
      expect(server.requests.map((r) => r.url)).toContain(
        `/threads/${thread}/runs/run_Uy45lNz2P7BpJcqWzQkXl1Bu/cancel`,
      ),
    );
  });

  it("gets through the published example with `...` lines and a JSON line without data:", async () => {
    // openapi-create-thread-and-run-streaming.sse: the malformed lines are skipped; the text
    // that did arrive is kept, and the run ends without an error.
    server = await startServer(
      route({
        "POST /threads/runs": (_r, res) =>
          sendSse(res, fixture("openapi-create-thread-and-run-streaming.sse")),
        "GET /threads/thread_123/messages": (_r, res) =>
          sendJson(res, 500, { error: { message: "lookup is best effort" } }),
      }),
    );
    const { result } = setup(server, null);
    await act(() => result.current.run.send("Hello"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.threadId).toBe("thread_123");
    const assistant = result.current.itemIds
      .map((id) => selectThreadItem(result.current.store.getState(), id))
      .find((item) => item?.type === "assistant_message");
    expect(assistant?.type === "assistant_message" && assistant.content[0]?.text).toBeTruthy();
  });
});
