import { act, renderHook, waitFor } from "@testing-library/react";
import { type ReactNode, StrictMode } from "react";
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
import { createTestProtocolClient } from "../../test/protocol-client";
import { RunStreamError } from "../engine/run-errors";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { ThreadProvider, useThreadStore } from "../thread/thread-context";
import { selectThreadItem } from "../thread/thread-state";
import { useThreadItems } from "../thread/use-thread-items";
import { type UseRunStreamOptions, useRunStream } from "./use-run-stream";

const fixture = (name: string) => readFixture(`chatkit-protocol/${name}`);

/** Prefixes a stream with the server's confirmation of the sent user message. */
const confirmed = (sse: string, threadId = "thr_test") =>
  `data: ${JSON.stringify({
    type: "thread.item.done",
    item: {
      type: "user_message",
      id: "msg_sent",
      thread_id: threadId,
      created_at: "2026-05-01T10:00:00",
      content: [{ type: "input_text", text: "what is selected?" }],
      attachments: [],
      inference_options: {},
    },
  })}\n\n${sse}`;

/** Answers each protocol operation type with the next fixture queued for it. */
function protocolServer(streams: Record<string, string[]>, extra?: Handler) {
  return startServer(async (request, res) => {
    const type = request.body?.type as string;
    const next = streams[type]?.shift();
    if (next !== undefined) {
      await sendSse(res, next, { chunkSize: 7 });
      return;
    }
    if (extra) return extra(request, res);
    sendJson(res, 404, { error: `no fixture for ${type}` });
  });
}

function setup(
  server: TestServer,
  threadId: string | null,
  options: UseRunStreamOptions = {},
  callbacks: { onEffect?: (effect: unknown) => void; onError?: (error: Error) => void } = {},
) {
  const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients} {...callbacks}>
      {children}
    </ThreadkitProvider>
  );
  return renderHook(
    ({ id }: { id: string | null }) => {
      const run = useRunStream(id, options);
      const store = useThreadStore(run.threadId);
      const itemIds = useStore(store, (state) => state.itemIds);
      return { run, store, itemIds };
    },
    { wrapper, initialProps: { id: threadId } },
  );
}

const requestsOf = (server: TestServer, type: string) =>
  server.requests.filter((request) => request.body?.type === type);

describe("useRunStream (ChatKit protocol)", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("creates a thread with the first message, shows it optimistically and follows the new id", async () => {
    server = await protocolServer({
      "threads.create": [fixture("banking-threads-create-stream.sse")],
    });
    const onThreadCreated = vi.fn();
    const { result } = setup(server, null, { onThreadCreated });
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("can you pay this bill for me");
    });
    expect(result.current.run.status).toBe("submitting");
    const [optimisticId] = result.current.itemIds;
    expect(optimisticId).toMatch(/^optimistic_/);
    expect(selectThreadItem(result.current.store.getState(), optimisticId!)).toMatchObject({
      type: "user_message",
      content: [{ type: "input_text", text: "can you pay this bill for me" }],
    });
    await act(() => done);
    expect(result.current.run.status).toBe("idle");
    expect(onThreadCreated).toHaveBeenCalledExactlyOnceWith("thr_f470d530");
    expect(result.current.run.threadId).toBe("thr_f470d530");
    expect(result.current.store.getState().threadId).toBe("thr_f470d530");
    // The fixture adds the same task id twice: it is one item.
    expect(result.current.itemIds).toEqual([
      "msg_86628adc",
      "call_4okrzGmgK8sTV1lBndLp61F1",
      "msg_e4ba1d6c",
    ]);
    const reply = selectThreadItem(result.current.store.getState(), "msg_e4ba1d6c");
    expect(reply?.type === "assistant_message" && reply.content[0]?.text).toMatch(
      /^I've extracted the following details/,
    );
    expect(result.current.run.progress).toBeNull();
    expect(result.current.run.allowCancel).toBe(false);
    expect(requestsOf(server, "threads.create")[0]?.body.params).toEqual({
      input: {
        content: [{ type: "input_text", text: "can you pay this bill for me" }],
        attachments: [],
        inference_options: {},
      },
    });
  });

  it("keeps the store when the app passes the created id back", async () => {
    server = await protocolServer({
      "threads.create": [fixture("banking-threads-create-stream.sse")],
    });
    const { result, rerender } = setup(server, null);
    await act(() => result.current.run.send("hi"));
    const store = result.current.store;
    rerender({ id: "thr_f470d530" });
    expect(result.current.store).toBe(store);
    expect(result.current.itemIds).toHaveLength(3);
    expect(result.current.run.status).toBe("idle");
  });

  it("adds a message to an existing thread", async () => {
    server = await protocolServer({
      "threads.add_user_message": [fixture("banking-threads-add-user-message-stream.sse")],
    });
    const { result } = setup(server, "thr_f470d530");
    await act(() => result.current.run.send({ text: "yes", quotedText: "the bill" }));
    expect(requestsOf(server, "threads.add_user_message")[0]?.body.params).toMatchObject({
      thread_id: "thr_f470d530",
      input: { content: [{ type: "input_text", text: "yes" }], quoted_text: "the bill" },
    });
    expect(result.current.itemIds.some((id) => id.startsWith("optimistic_"))).toBe(false);
    expect(result.current.run.status).toBe("idle");
  });

  it("runs a registered client tool and posts its output back", async () => {
    server = await protocolServer({
      "threads.add_user_message": [confirmed(fixture("node-agents-client-tool-call-done.sse"))],
      "threads.add_client_tool_output": [fixture("node-add-client-tool-output-stream.sse")],
    });
    const getSelection = vi.fn(async (_args: unknown, _call: unknown) => ({ file_id: "file_2" }));
    const { result } = setup(server, "thr_test", { clientTools: { get_selection: getSelection } });
    await act(() => result.current.run.send("what is selected?"));
    expect(getSelection).toHaveBeenCalledOnce();
    expect(getSelection.mock.calls[0]?.[1]).toMatchObject({
      name: "get_selection",
      callId: "call_123",
    });
    expect(requestsOf(server, "threads.add_client_tool_output")[0]?.body.params).toEqual({
      thread_id: "thr_test",
      result: { file_id: "file_2" },
    });
    expect(result.current.run.status).toBe("idle");
  });

  it("leaves a call to an unregistered tool pending for submitClientToolOutput", async () => {
    server = await protocolServer({
      "threads.add_user_message": [confirmed(fixture("node-agents-client-tool-call-done.sse"))],
      "threads.add_client_tool_output": [fixture("node-add-client-tool-output-stream.sse")],
    });
    const { result } = setup(server, "thr_test");
    await act(() => result.current.run.send("what is selected?"));
    expect(requestsOf(server, "threads.add_client_tool_output")).toHaveLength(0);
    await act(() => result.current.run.submitClientToolOutput({ file_id: "x" }));
    expect(requestsOf(server, "threads.add_client_tool_output")[0]?.body.params.result).toEqual({
      file_id: "x",
    });
  });

  it("marks a client tool call completed with its output once the output is posted", async () => {
    const call = JSON.parse(
      fixture("node-agents-client-tool-call-done.sse").replace(/^data: /, ""),
    ) as { item: Record<string, unknown> };
    server = await protocolServer({
      "threads.add_user_message": [
        confirmed(fixture("node-agents-client-tool-call-done.sse")),
        // A later stream carries the call again, still `pending` as stored before the output.
        confirmed(fixture("node-agents-client-tool-call-done.sse")),
      ],
      "threads.add_client_tool_output": [fixture("node-add-client-tool-output-stream.sse")],
    });
    const getSelection = vi.fn(async () => ({ file_id: "file_2" }));
    const { result } = setup(server, "thr_test", { clientTools: { get_selection: getSelection } });
    await act(() => result.current.run.send("what is selected?"));
    // The continuation stream does not send the item again; the hooks complete it.
    expect(selectThreadItem(result.current.store.getState(), "fc_123")).toEqual({
      ...call.item,
      status: "completed",
      output: { file_id: "file_2" },
    });
    await act(() => result.current.run.send("again"));
    expect(getSelection).toHaveBeenCalledOnce();
    expect(selectThreadItem(result.current.store.getState(), "fc_123")).toMatchObject({
      status: "completed",
      output: { file_id: "file_2" },
    });
    // A loaded page with the stale copy keeps the completed call too.
    act(() => result.current.store.getState().mergeItems([call.item as never], "prepend"));
    expect(selectThreadItem(result.current.store.getState(), "fc_123")).toMatchObject({
      status: "completed",
      output: { file_id: "file_2" },
    });
  });

  it("completes a pending call answered with submitClientToolOutput, not a failed post", async () => {
    let refuse = true;
    server = await protocolServer(
      { "threads.add_user_message": [confirmed(fixture("node-agents-client-tool-call-done.sse"))] },
      async (request, res) => {
        if (request.body?.type !== "threads.add_client_tool_output") {
          sendJson(res, 404, {});
        } else if (refuse) {
          sendJson(res, 500, { detail: "down" });
        } else {
          await sendSse(res, fixture("node-add-client-tool-output-stream.sse"));
        }
      },
    );
    const { result } = setup(server, "thr_test");
    await act(() => result.current.run.send("what is selected?"));
    await act(() => result.current.run.submitClientToolOutput({ file_id: "x" }));
    expect(selectThreadItem(result.current.store.getState(), "fc_123")).toMatchObject({
      status: "pending",
    });
    refuse = false;
    await act(() => result.current.run.retry());
    expect(selectThreadItem(result.current.store.getState(), "fc_123")).toMatchObject({
      status: "completed",
      output: { file_id: "x" },
    });
  });

  it("retries after the confirmed user message when the connection dropped", async () => {
    const userDone = `data: ${JSON.stringify({
      type: "thread.item.done",
      item: {
        type: "user_message",
        id: "msg_user",
        thread_id: "thr_1",
        created_at: "2026-05-01T10:00:00",
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    })}\n\n`;
    server = await startServer(async (request, res) => {
      if (request.body?.type === "threads.add_user_message") {
        // The message is stored, then the connection breaks mid-response.
        await sendSse(res, userDone + fixture("py-server-tool-status-tail.sse"), {
          keepOpen: true,
        });
        setTimeout(() => res.destroy(), 20);
        return;
      }
      await sendSse(res, fixture("node-custom-action-stream.sse"));
    });
    const { result } = setup(server, "thr_1");
    const first = await act(() => result.current.run.send("hi"));
    expect(first).toMatchObject({ status: "error", accepted: true, userMessageId: "msg_user" });
    expect(result.current.run.error).not.toBeInstanceOf(RunStreamError);
    expect(result.current.run.failedInput).toBeNull();
    await act(() => result.current.run.retry());
    expect(requestsOf(server, "threads.add_user_message")).toHaveLength(1);
    expect(requestsOf(server, "threads.retry_after_item")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "msg_user",
    });
    expect(result.current.run.status).toBe("idle");
  });

  it("resends a message whose confirmation never arrived before the connection dropped", async () => {
    let drop = true;
    server = await startServer(async (_request, res) => {
      if (drop) {
        drop = false;
        await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
        setTimeout(() => res.destroy(), 20);
        return;
      }
      await sendSse(res, fixture("banking-threads-add-user-message-stream.sse"));
    });
    const { result } = setup(server, "thr_1");
    const first = await act(() => result.current.run.send({ text: "lost" }));
    expect(first).toMatchObject({ status: "error", accepted: true, userMessageId: null });
    expect(result.current.run.failedInput).toEqual({ text: "lost" });
    await act(() => result.current.run.retry());
    expect(requestsOf(server, "threads.add_user_message")).toHaveLength(2);
    expect(requestsOf(server, "threads.retry_after_item")).toHaveLength(0);
    expect(result.current.run.status).toBe("idle");
  });

  it("reports a stream error event and retries after the last user message", async () => {
    const errorTail = fixture("py-server-stream-error-retry-tail.sse");
    const userDone = `data: ${JSON.stringify({
      type: "thread.item.done",
      item: {
        type: "user_message",
        id: "msg_user",
        thread_id: "thr_1",
        created_at: "2026-05-01T10:00:00",
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    })}\n\n`;
    server = await protocolServer({
      "threads.add_user_message": [userDone + errorTail],
      "threads.retry_after_item": [fixture("node-custom-action-stream.sse")],
    });
    const onError = vi.fn();
    const { result } = setup(server, "thr_1", {}, { onError });
    await act(() => result.current.run.send("hi"));
    expect(result.current.run.status).toBe("error");
    expect(result.current.run.error).toBeInstanceOf(RunStreamError);
    expect(result.current.run.error).toMatchObject({ code: "stream.error", allowRetry: true });
    expect(onError).toHaveBeenCalledWith(result.current.run.error);
    expect(result.current.run.failedInput).toBeNull();
    await act(() => result.current.run.retry());
    expect(requestsOf(server, "threads.retry_after_item")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "msg_user",
    });
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.error).toBeNull();
  });

  it("keeps the input of a send the server rejected and resends it on retry", async () => {
    let fail = true;
    server = await startServer(async (_request, res) => {
      if (fail) {
        sendJson(res, 500, { detail: "boom" });
        return;
      }
      await sendSse(res, fixture("banking-threads-add-user-message-stream.sse"));
    });
    const { result } = setup(server, "thr_1");
    await act(() => result.current.run.send({ text: "keep me" }));
    expect(result.current.run.status).toBe("error");
    expect(result.current.run.failedInput).toEqual({ text: "keep me" });
    expect(result.current.itemIds).toEqual([]);
    fail = false;
    await act(() => result.current.run.retry());
    expect(result.current.run.status).toBe("idle");
    expect(server.requests.map((request) => request.body.params.input.content[0].text)).toEqual([
      "keep me",
      "keep me",
    ]);
  });

  it("cancel aborts the request, which the server sees as a disconnect", async () => {
    let disconnected = false;
    server = await startServer(async (_request, res) => {
      res.on("close", () => {
        disconnected = true;
      });
      await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
    });
    const { result } = setup(server, "thr_1");
    let done: Promise<{ status: string }> = Promise.resolve({ status: "" });
    act(() => {
      done = result.current.run.send("long task");
    });
    await waitFor(() => expect(result.current.run.progress?.text).toBeTruthy());
    expect(result.current.run.allowCancel).toBe(true);
    act(() => result.current.run.cancel());
    await expect(done).resolves.toMatchObject({ status: "cancelled" });
    await waitFor(() => expect(disconnected).toBe(true));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.allowCancel).toBe(false);
  });

  it("aborts the stream on unmount", async () => {
    let disconnected = false;
    server = await startServer(async (_request, res) => {
      res.on("close", () => {
        disconnected = true;
      });
      await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
    });
    const { result, unmount } = setup(server, "thr_1");
    act(() => {
      void result.current.run.send("long task");
    });
    await waitFor(() => expect(result.current.run.status).toBe("streaming"));
    unmount();
    await waitFor(() => expect(disconnected).toBe(true));
  });

  it("hands each client effect to onEffect once", async () => {
    server = await protocolServer({
      "threads.add_user_message": [fixture("py-docs-client-effect.sse")],
    });
    const onEffect = vi.fn();
    const { result } = setup(server, "thr_1", {}, { onEffect });
    await act(() => result.current.run.send("highlight"));
    expect(onEffect).toHaveBeenCalledExactlyOnceWith({
      name: "highlight_text",
      data: { index: 142, length: 35 },
      threadId: "thr_1",
    });
    expect(result.current.store.getState().effects).toEqual([]);
  });

  it("sends structured input answers and custom actions on the thread", async () => {
    server = await protocolServer({
      "threads.add_structured_input": [fixture("node-item-replaced.sse")],
      "threads.custom_action": [fixture("node-custom-action-stream.sse")],
    });
    const { result } = setup(server, "thr_1");
    const submission = {
      status: "answered" as const,
      answers: { color: { values: ["blue"], skipped: false } },
    };
    await act(() => result.current.run.submitStructuredInput("si_1", submission));
    await act(() => result.current.run.customAction({ type: "open", payload: { id: 1 } }, "w_1"));
    expect(requestsOf(server, "threads.add_structured_input")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "si_1",
      input: submission,
    });
    expect(requestsOf(server, "threads.custom_action")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "w_1",
      action: { type: "open", payload: { id: 1 } },
    });
    expect(result.current.itemIds).toContain("msg_replace");
    expect(result.current.run.progress).toBeNull();
  });

  it("aborts the running response when the app switches threads", async () => {
    let disconnected = false;
    server = await startServer(async (_request, res) => {
      res.on("close", () => {
        disconnected = true;
      });
      await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
    });
    const { result, rerender } = setup(server, "thr_1");
    act(() => {
      void result.current.run.send("long task");
    });
    await waitFor(() => expect(result.current.run.status).toBe("streaming"));
    rerender({ id: "thr_2" });
    await waitFor(() => expect(disconnected).toBe(true));
    expect(result.current.run.threadId).toBe("thr_2");
    expect(result.current.run.status).toBe("idle");
  });

  it("skips the joined, unparseable first event of banking-custom-action-stream.sse and goes on", async () => {
    // The recorded doc block has three `data:` lines without blank lines between them; an SSE
    // parser joins them into one event whose data is not JSON. It is logged and skipped.
    server = await protocolServer({
      "threads.custom_action": [fixture("banking-custom-action-stream.sse")],
    });
    const onLog = vi.fn();
    const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
    const { result } = renderHook(
      () => {
        const run = useRunStream("thr_c56118de");
        return { run, store: useThreadStore("thr_c56118de") };
      },
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <ThreadkitProvider clients={clients} onLog={onLog}>
            {children}
          </ThreadkitProvider>
        ),
      },
    );
    await act(() => result.current.run.customAction({ type: "confirm" }));
    expect(result.current.run.status).toBe("idle");
    expect(onLog).toHaveBeenCalledWith({
      name: "run.malformed_event",
      data: expect.objectContaining({ reason: "invalid_json" }),
    });
    const done = selectThreadItem(result.current.store.getState(), "msg_705ad562");
    expect(done?.type).toBe("assistant_message");
  });

  it("works under StrictMode's double mount", async () => {
    let disconnected = false;
    server = await startServer(async (_request, res) => {
      res.on("close", () => {
        disconnected = true;
      });
      await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
    });
    const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
    const { result } = renderHook(() => useRunStream("thr_1"), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode>
          <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
        </StrictMode>
      ),
    });
    act(() => {
      void result.current.send("long task");
    });
    await waitFor(() => expect(result.current.allowCancel).toBe(true));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.status).toBe("idle"));
    await waitFor(() => expect(disconnected).toBe(true));
  });

  it("keeps a ThreadProvider with threadId null on the thread its first message created", async () => {
    server = await protocolServer({
      "threads.create": [fixture("banking-threads-create-stream.sse")],
    });
    const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
    const { result } = renderHook(
      () => ({ run: useRunStream(null), view: useThreadItems(null), store: useThreadStore() }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <ThreadkitProvider clients={clients}>
            <ThreadProvider threadId={null}>{children}</ThreadProvider>
          </ThreadkitProvider>
        ),
      },
    );
    const draft = result.current.store;
    await act(() => result.current.run.send("can you pay this bill for me"));
    expect(result.current.run.threadId).toBe("thr_f470d530");
    expect(result.current.store).toBe(draft);
    expect(result.current.store.getState().threadId).toBe("thr_f470d530");
    expect(result.current.view.itemIds).toEqual([
      "msg_86628adc",
      "call_4okrzGmgK8sTV1lBndLp61F1",
      "msg_e4ba1d6c",
    ]);
  });
});
