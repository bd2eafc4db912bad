/**
 * How an Assistants run that does not finish normally reaches the user: what stays in the
 * thread, and what `useThreadRunStatus` (which `Thread.RunStatus` renders) reports.
 */
import { act, renderHook } from "@testing-library/react";
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
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "../thread/thread-context";
import { selectThreadItem } from "../thread/thread-state";
import { useRunStream } from "./use-run-stream";
import { useThreadRunStatus } from "./use-thread-run-status";

const THREAD = "thread_Wq2ScOs1iInUsyhUUDmN5NZH";
const REPLY = "msg_Tn5DNmiQEPZ80biW5AukKrvH";
const fixture = (name: string) => readFixture(`assistants/${name}`);

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

type Block = { event: string; data: Record<string, unknown> };

/** The recorded text run as blocks, without its `thread.run.completed` and `done`. */
function textRun(): { blocks: Block[]; run: Record<string, unknown> } {
  const blocks = fixture("dotnet-streaming-run-text.sse")
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => {
      const [head, ...rest] = block.split("\n");
      const data = rest.join("\n").slice("data: ".length);
      return {
        event: head!.slice("event: ".length),
        data: data === "[DONE]" ? {} : JSON.parse(data),
      };
    });
  const completed = blocks.find((b) => b.event === "thread.run.completed")!;
  return {
    blocks: blocks.filter((b) => b.event !== "thread.run.completed" && b.event !== "done"),
    run: completed.data,
  };
}

function sse(blocks: readonly Block[]): string {
  return `${blocks.map((b) => `event: ${b.event}\ndata: ${JSON.stringify(b.data)}`).join("\n\n")}\n\nevent: done\ndata: [DONE]\n\n`;
}

function setup(server: TestServer) {
  const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream(THREAD, { assistant: { assistantId: "asst_1" } });
      const store = useThreadStore(THREAD);
      const itemIds = useStore(store, (state) => state.itemIds);
      const status = useThreadRunStatus(THREAD);
      return { run, store, itemIds, status };
    },
    { wrapper },
  );
}

function serve(...streams: string[]): Promise<TestServer> {
  let next = 0;
  const routes: Record<string, Handler> = {
    [`POST /threads/${THREAD}/messages`]: (request, res) =>
      sendJson(res, 200, userMessage(THREAD, `msg_user_${next}`, request.body.content)),
    [`POST /threads/${THREAD}/runs`]: (_r, res) =>
      sendSse(res, streams[next++] ?? "", { chunkSize: 173 }),
  };
  return startServer((request, res) => {
    const handler = routes[`${request.method} ${request.url.split("?")[0]}`];
    if (handler) return handler(request, res);
    sendJson(res, 404, { error: { message: `no route ${request.url}` } });
  });
}

function replyText(store: ReturnType<typeof setup>["result"]["current"]["store"]) {
  const reply = selectThreadItem(store.getState(), REPLY);
  return reply?.type === "assistant_message" ? reply.content[0]?.text : undefined;
}

describe("useRunStream: Assistants runs that end early", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("shows why a run ended incomplete at the token limit (v2 recording)", async () => {
    const thread = "thread_SGytyoGQFzrGUyBp3OSSlKcy";
    const text = fixture("ruby-openai-max-tokens-incomplete-v2.sse");
    server = await startServer((request, res) => {
      if (request.url.endsWith("/messages")) {
        return sendJson(res, 200, userMessage(thread, "msg_u", request.body.content));
      }
      if (request.url.endsWith("/runs")) return sendSse(res, text);
      sendJson(res, 404, { error: { message: "no route" } });
    });
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({
        run: useRunStream(thread, { assistant: { assistantId: "asst_1" } }),
        status: useThreadRunStatus(thread),
      }),
      { wrapper },
    );
    await act(() => result.current.run.send("Hi"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.status.error).toBeNull();
    expect(result.current.status.incomplete).toEqual({ reason: "max_prompt_tokens" });
  });

  it("shows the reason of a run that completed with incomplete_details (v1 recording)", async () => {
    const thread = "thread_SGytyoGQFzrGUyBp3OSSlKcy";
    const text = fixture("ruby-openai-max-tokens-v1.sse");
    server = await startServer((request, res) => {
      if (request.url.endsWith("/messages")) {
        return sendJson(res, 200, userMessage(thread, "msg_u", request.body.content));
      }
      if (request.url.endsWith("/runs")) return sendSse(res, text);
      sendJson(res, 404, { error: { message: "no route" } });
    });
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({
        run: useRunStream(thread, { assistant: { assistantId: "asst_1" } }),
        status: useThreadRunStatus(thread),
      }),
      { wrapper },
    );
    await act(() => result.current.run.send("Hi"));
    expect(result.current.status.incomplete).toEqual({ reason: "max_prompt_tokens" });
  });

  it("thread.run.incomplete: keeps the partial reply and reports max_tokens until the next run", async () => {
    const { blocks, run } = textRun();
    const incomplete = {
      event: "thread.run.incomplete",
      data: { ...run, status: "incomplete", incomplete_details: { reason: "max_tokens" } },
    };
    server = await serve(
      sse([...blocks, incomplete]),
      sse([...blocks, { event: "thread.run.completed", data: run }]),
    );
    const { result } = setup(server);
    await act(() => result.current.run.send("Hello"));
    expect(result.current.status.incomplete).toEqual({ reason: "max_tokens" });
    expect(result.current.status.error).toBeNull();
    expect(replyText(result.current.store)?.length).toBeGreaterThan(0);
    await act(() => result.current.run.send("Again"));
    expect(result.current.status.incomplete).toBeNull();
  });

  it("thread.run.cancelling: keeps the partial reply and says the run was cancelled", async () => {
    const { blocks, run } = textRun();
    const cut = blocks.slice(0, 12);
    server = await serve(
      sse([...cut, { event: "thread.run.cancelling", data: { ...run, status: "cancelling" } }]),
    );
    const { result } = setup(server);
    await act(() => result.current.run.send("Hello"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.status.error).toBeNull();
    expect(result.current.status.incomplete).toEqual({ reason: "cancelled" });
    expect(replyText(result.current.store)?.length).toBeGreaterThan(0);
  });

  it("thread.run.expired: keeps the partial reply and reports a retryable error", async () => {
    const { blocks, run } = textRun();
    const cut = blocks.slice(0, 12);
    server = await serve(
      sse([...cut, { event: "thread.run.expired", data: { ...run, status: "expired" } }]),
    );
    const { result } = setup(server);
    await act(() => result.current.run.send("Hello"));
    expect(result.current.run.status).toBe("error");
    expect(result.current.status.error).toMatchObject({
      kind: "server",
      code: "expired",
      allowRetry: true,
    });
    expect(result.current.status.retry).toBeTypeOf("function");
    expect(replyText(result.current.store)?.length).toBeGreaterThan(0);
  });

  const toolStep = (status: string, extra: object = {}) => ({
    id: "step_tool",
    object: "thread.run.step",
    created_at: 1761861531,
    assistant_id: "asst_1",
    thread_id: THREAD,
    run_id: "run_Uy45lNz2P7BpJcqWzQkXl1Bu",
    type: "tool_calls",
    status,
    step_details: {
      type: "tool_calls",
      tool_calls: [
        { id: "ci_1", type: "code_interpreter", code_interpreter: { input: "1/0", outputs: [] } },
      ],
    },
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    metadata: {},
    usage: null,
    ...extra,
  });

  it.each([
    ["thread.run.step.failed", "failed", { last_error: { code: "server_error", message: "boom" } }],
    ["thread.run.step.expired", "expired", { expired_at: 1761861600 }],
  ])(
    "%s: shows the step's code without a spinner and the rest of the reply",
    async (event, status, extra) => {
      const { blocks, run } = textRun();
      const steps: Block[] = [
        { event: "thread.run.step.created", data: toolStep("in_progress") },
        { event, data: toolStep(status, extra) },
      ];
      server = await serve(
        sse([
          ...blocks.slice(0, 3),
          ...steps,
          ...blocks.slice(3),
          { event: "thread.run.completed", data: run },
        ]),
      );
      const { result } = setup(server);
      await act(() => result.current.run.send("Hello"));
      expect(result.current.run.status).toBe("idle");
      expect(result.current.itemIds).toEqual(["msg_user_0", "step_tool", REPLY]);
      const workflow = selectThreadItem(result.current.store.getState(), "step_tool");
      expect(workflow?.type === "workflow" && workflow.workflow.tasks).toEqual([
        expect.objectContaining({
          title: "Code interpreter",
          status_indicator: "none",
          content: expect.stringContaining("1/0"),
        }),
      ]);
      expect(replyText(result.current.store)?.length).toBeGreaterThan(0);
      expect(result.current.status.incomplete).toBeNull();
    },
  );

  it("reports a delta whose index is far past the end as malformed and keeps the reply", async () => {
    const { blocks, run } = textRun();
    const bad: Block = {
      event: "thread.message.delta",
      data: {
        id: REPLY,
        object: "thread.message.delta",
        delta: { content: [{ index: 150_000_000, type: "text", text: { value: "boom" } }] },
      },
    };
    const at = blocks.findIndex((b) => b.event === "thread.message.delta") + 2;
    server = await serve(
      sse([
        ...blocks.slice(0, at),
        bad,
        ...blocks.slice(at),
        { event: "thread.run.completed", data: run },
      ]),
    );
    const onLog = vi.fn();
    const clients = { assistants: createAssistantsClient({ baseUrl: server.url, maxRetries: 0 }) };
    const { result } = renderHook(
      () => ({
        run: useRunStream(THREAD, { assistant: { assistantId: "asst_1" } }),
        store: useThreadStore(THREAD),
      }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <ThreadkitProvider clients={clients} onLog={onLog}>
            {children}
          </ThreadkitProvider>
        ),
      },
    );
    await act(() => result.current.run.send("Hello"));
    expect(result.current.run.status).toBe("idle");
    expect(onLog).toHaveBeenCalledWith({
      name: "run.malformed_event",
      data: expect.objectContaining({ reason: "invalid_index" }),
    });
    const reply = selectThreadItem(result.current.store.getState(), REPLY);
    expect(reply?.type === "assistant_message" && reply.content.map((p) => p.text)).toEqual([
      expect.stringMatching(/\w/),
    ]);
  });
});
