import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import {
  createAssistantMessage,
  createUserMessage,
  formatServerSentEvents,
} from "@threadkit/core/testing";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadItems } from "../thread/use-thread-items";
import { useRetryAfterItem } from "./use-retry-after-item";
import { useRunStream } from "./use-run-stream";
import { useThreadRunStatus } from "./use-thread-run-status";

// A server that crashed mid-turn leaves a thread ending with a user message nobody answered;
// after a reload, the thread offers to get the reply (`threads.retry_after_item`).

const at = "2026-05-01T10:00:00";
const thread = { thread_id: "thr_1", created_at: at };
const userMessage = (id: string, text: string): ThreadItem =>
  createUserMessage(id, text, { ...thread, quoted_text: null });
const assistantMessage = (id: string, text: string): ThreadItem =>
  createAssistantMessage(id, [text], thread);
const sse = (...events: object[]) => formatServerSentEvents(events.map((data) => ({ data })));

function setup(server: TestServer) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients} queryClient={queryClient}>
      {children}
    </ThreadkitProvider>
  );
  return renderHook(
    () => ({
      items: useThreadItems("thr_1"),
      status: useThreadRunStatus("thr_1"),
      retryAfterItem: useRetryAfterItem("thr_1"),
      run: useRunStream("thr_1"),
    }),
    { wrapper },
  );
}

describe("an unanswered user message", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("is offered after a reload, and retry_after_item on it streams the reply", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startServer(async (request, res) => {
      if (request.body?.type === "items.list") {
        sendJson(res, 200, {
          data: [
            userMessage("msg_u1", "one"),
            assistantMessage("msg_a1", "First."),
            userMessage("msg_u2", "two"),
          ].reverse(),
          has_more: false,
        });
        return;
      }
      await sendSse(res, sse({ type: "progress_update", text: "Thinking" }), { keepOpen: true });
      await released;
      res.end(sse({ type: "thread.item.done", item: assistantMessage("msg_a2", "Second.") }));
    });
    const { result } = setup(server);
    await waitFor(() => expect(result.current.status.unansweredMessage?.id).toBe("msg_u2"));

    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.retryAfterItem("msg_u2");
    });
    // Not offered twice while the reply is on its way.
    expect(result.current.status.unansweredMessage).toBeNull();
    await waitFor(() => expect(result.current.status.progress?.text).toBe("Thinking"));
    expect(result.current.status.unansweredMessage).toBeNull();
    release();
    await act(() => done);
    expect(server.requests.find((r) => r.body?.type === "threads.retry_after_item")?.body).toEqual({
      type: "threads.retry_after_item",
      params: { thread_id: "thr_1", item_id: "msg_u2" },
    });
    expect(result.current.status.unansweredMessage).toBeNull();
  });

  it("is not offered when the thread ends with a reply, nor while a failure offers its retry", async () => {
    server = await startServer(async (request, res) => {
      if (request.body?.type === "items.list") {
        sendJson(res, 200, {
          data: [assistantMessage("msg_a1", "First."), userMessage("msg_u1", "one")],
          has_more: false,
        });
        return;
      }
      // The message is stored, then the connection breaks before any reply.
      await sendSse(res, sse({ type: "thread.item.done", item: userMessage("msg_u2", "two") }), {
        keepOpen: true,
      });
      setTimeout(() => res.destroy(), 20);
    });
    const { result } = setup(server);
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.status.unansweredMessage).toBeNull();
    await act(() => result.current.run.send("two"));
    expect(result.current.status.error).not.toBeNull();
    expect(result.current.status.retry).not.toBeNull();
    expect(result.current.status.unansweredMessage).toBeNull();
  });
});
