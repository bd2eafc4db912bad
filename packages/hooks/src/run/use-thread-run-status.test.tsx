import type { ServerResponse } from "node:http";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { RunStreamError } from "../engine/run-errors";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "./use-run-stream";
import { useThreadRunStatus } from "./use-thread-run-status";

const fixture = (name: string) => readFixture(`chatkit-protocol/${name}`);

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

const requestsOf = (server: TestServer, type: string) =>
  server.requests.filter((request) => request.body?.type === type);

/**
 * One run and, apart from it, the run status of the same thread as another component reads it:
 * only the thread's store connects them.
 */
function setup(server: TestServer, threadId: string | null) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    ({ id }: { id: string | null }) => {
      const run = useRunStream(id);
      const status = useThreadRunStatus(run.threadId);
      return { run, status };
    },
    { wrapper, initialProps: { id: threadId } },
  );
}

describe("useThreadRunStatus", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("shows the notices and the live progress of a streaming run, and drops progress when it ends", async () => {
    let open: ServerResponse | undefined;
    server = await startServer(async (_request, res) => {
      await sendSse(
        res,
        userDone +
          fixture("node-http-notice-frame.sse") +
          fixture("py-server-tool-status-tail.sse"),
        { chunkSize: 7, keepOpen: true },
      );
      open = res;
    });
    const { result } = setup(server, "thr_1");
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("hi");
    });
    await waitFor(() =>
      expect(result.current.status.progress).toEqual({ text: "Tool status", icon: null }),
    );
    expect(result.current.status.notices).toEqual([
      { seq: 1, level: "info", message: "first", title: null },
    ]);
    expect(result.current.status.error).toBeNull();

    await act(async () => {
      open?.end();
      await done;
    });
    expect(result.current.run.status).toBe("idle");
    expect(result.current.status.progress).toBeNull();
    // Notices stay until dismissed.
    expect(result.current.status.notices).toHaveLength(1);
    act(() => result.current.status.dismissNotice(1));
    expect(result.current.status.notices).toEqual([]);
    expect(result.current.run.notices).toEqual([]);
  });

  it("keeps a retryable stream error until retry, whose retry re-runs after the user message", async () => {
    let fail = true;
    server = await startServer(async (_request, res) => {
      if (fail) {
        fail = false;
        await sendSse(res, userDone + fixture("py-server-stream-error-retry-tail.sse"));
        return;
      }
      await sendSse(res, fixture("node-custom-action-stream.sse"));
    });
    const { result } = setup(server, "thr_1");
    await act(() => result.current.run.send("hi"));
    expect(result.current.status.error).toEqual({
      kind: "server",
      reason: "stream_error",
      retryAt: null,
      code: "stream.error",
      message: null,
      allowRetry: true,
      error: result.current.run.error,
    });
    expect(result.current.run.error).toBeInstanceOf(RunStreamError);
    expect(result.current.status.retry).toBe(result.current.run.retry);

    await act(() => result.current.status.retry!());
    expect(requestsOf(server, "threads.retry_after_item")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "msg_user",
    });
    expect(result.current.status.error).toBeNull();
    expect(result.current.status.retry).toBeNull();
  });

  it("offers no retry when the server's error event does not allow one, and shows its message", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(res, userDone + fixture("py-docs-error-custom-message.sse"));
    });
    const { result } = setup(server, "thr_1");
    await act(() => result.current.run.send("hi"));
    expect(result.current.status.error).toMatchObject({
      kind: "server",
      code: "custom",
      message: "We blocked that message for safety.",
      allowRetry: false,
    });
    expect(result.current.status.retry).toBeNull();
  });

  it("reports a dropped stream as a connection error and clears it as soon as the retry starts", async () => {
    let requests = 0;
    let open: ServerResponse | undefined;
    server = await startServer(async (_request, res) => {
      requests += 1;
      if (requests === 1) {
        await sendSse(res, userDone + fixture("py-server-tool-status-tail.sse"), {
          keepOpen: true,
        });
        setTimeout(() => res.destroy(), 20);
        return;
      }
      await sendSse(res, fixture("py-server-tool-status-tail.sse"), { keepOpen: true });
      open = res;
    });
    const { result } = setup(server, "thr_1");
    await act(() => result.current.run.send("hi"));
    expect(result.current.status.error).toMatchObject({
      kind: "connection",
      message: null,
      allowRetry: true,
    });
    expect(result.current.status.error?.error).toBe(result.current.run.error);
    // The broken stream took its progress with it.
    expect(result.current.status.progress).toBeNull();

    let retried: Promise<unknown> = Promise.resolve();
    act(() => {
      retried = result.current.status.retry!();
    });
    expect(result.current.status.error).toBeNull();
    await waitFor(() => expect(result.current.status.progress?.text).toBe("Tool status"));
    expect(requestsOf(server, "threads.retry_after_item")).toHaveLength(1);
    await act(async () => {
      open?.end();
      await retried;
    });
    expect(result.current.status.error).toBeNull();
    expect(result.current.status.progress).toBeNull();
  });

  it("is cleared by the next run on the thread, from any component", async () => {
    let fail = true;
    server = await startServer(async (_request, res) => {
      if (fail) {
        fail = false;
        await sendSse(res, userDone + fixture("py-server-stream-error-retry-tail.sse"));
        return;
      }
      await sendSse(res, fixture("banking-threads-add-user-message-stream.sse"));
    });
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({
        first: useRunStream("thr_1"),
        second: useRunStream("thr_1"),
        status: useThreadRunStatus("thr_1"),
      }),
      { wrapper },
    );
    await act(() => result.current.first.send("hi"));
    expect(result.current.status.error?.code).toBe("stream.error");
    await act(() => result.current.second.send("again"));
    expect(result.current.status.error).toBeNull();
  });

  it("takes the failure back when the run moves to another thread", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(res, userDone + fixture("py-server-stream-error-retry-tail.sse"));
    });
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => ({ run: useRunStream(id), status: useThreadRunStatus("thr_1") }),
      { wrapper, initialProps: { id: "thr_1" } },
    );
    await act(() => result.current.run.send("hi"));
    expect(result.current.status.retry).not.toBeNull();
    rerender({ id: "thr_2" });
    // Its retry would now run on thr_2: the stale failure must not offer it.
    expect(result.current.status.error).toBeNull();
    expect(result.current.status.retry).toBeNull();
  });
});
