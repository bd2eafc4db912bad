import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { type ThreadItem, ValidationError } from "@threadkit/core";
import type { ReactNode } from "react";
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
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "../run/use-run-stream";
import { useThreadStore } from "./thread-context";
import { selectThreadItem } from "./thread-state";
import { useThreadItems } from "./use-thread-items";

const bankingThread = JSON.parse(
  readFixture("chatkit-protocol/banking-threads-get-by-id-response.json"),
) as { id: string; items: { data: ThreadItem[] } };

const olderMessage = (n: number): ThreadItem => ({
  type: "user_message",
  id: `msg_old_${n}`,
  thread_id: bankingThread.id,
  created_at: `2025-11-27T16:0${n}:00`,
  content: [{ type: "input_text", text: `older ${n}` }],
  attachments: [],
  inference_options: {},
});

function render(server: TestServer, threadId: string | null, pageSize = 2) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients} queryClient={queryClient}>
      {children}
    </ThreadkitProvider>
  );
  return renderHook(
    ({ id }: { id: string | null }) => ({
      items: useThreadItems(id, { pageSize }),
      store: useThreadStore(id),
      run: useRunStream(id),
    }),
    { wrapper, initialProps: { id: threadId } },
  );
}

const itemsServer = (pages: Record<string, unknown>, extra?: Handler) =>
  startServer(async (request, res) => {
    if (request.body?.type === "items.list") {
      const key = `${request.body.params.thread_id}:${request.body.params.after ?? ""}`;
      if (key in pages) {
        sendJson(res, 200, pages[key]);
        return;
      }
    }
    if (extra) return extra(request, res);
    sendJson(res, 404, { detail: "not found" });
  });

describe("useThreadItems", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("loads the newest page, then older pages before it", async () => {
    const newest = [...bankingThread.items.data].reverse();
    server = await itemsServer({
      [`${bankingThread.id}:`]: { data: newest, has_more: true, after: "msg_974428ee" },
      [`${bankingThread.id}:msg_974428ee`]: {
        data: [olderMessage(2), olderMessage(1)],
        has_more: false,
        after: null,
      },
    });
    const { result } = render(server, bankingThread.id);
    expect(result.current.items.status).toBe("pending");
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.itemIds).toEqual(["msg_974428ee", "msg_12aed261"]);
    expect(result.current.items.hasOlder).toBe(true);
    await act(() => result.current.items.fetchOlder());
    expect(result.current.items.itemIds).toEqual([
      "msg_old_1",
      "msg_old_2",
      "msg_974428ee",
      "msg_12aed261",
    ]);
    await waitFor(() => expect(result.current.items.hasOlder).toBe(false));
    expect(server.requests.map((request) => request.body.params)).toEqual([
      { thread_id: bankingThread.id, limit: 2, order: "desc", after: null },
      { thread_id: bankingThread.id, limit: 2, order: "desc", after: "msg_974428ee" },
    ]);
  });

  it("trusts has_more over a leftover cursor (the fixture sends after with has_more false)", async () => {
    // banking-threads-get-by-id-response.json: "has_more": false next to "after": "msg_12aed261".
    server = await itemsServer({ [`${bankingThread.id}:`]: bankingThread.items });
    const { result } = render(server, bankingThread.id);
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.hasOlder).toBe(false);
  });

  it("deduplicates a loaded item that a stream already delivered, keeping one id", async () => {
    let releasePage: () => void = () => {};
    const pageGate = new Promise<void>((resolve) => {
      releasePage = resolve;
    });
    server = await startServer(async (request, res) => {
      if (request.body.type === "items.list") {
        await pageGate;
        const data = [...bankingThread.items.data].reverse();
        sendJson(res, 200, { data, has_more: false });
        return;
      }
      const done = { type: "thread.item.done", item: bankingThread.items.data[1] };
      await sendSse(res, `data: ${JSON.stringify(done)}\n\n`);
    });
    const { result } = render(server, bankingThread.id);
    await act(() => result.current.run.customAction({ type: "refresh" }));
    expect(result.current.items.itemIds).toEqual(["msg_12aed261"]);
    releasePage();
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.itemIds).toEqual(["msg_974428ee", "msg_12aed261"]);
  });

  it("aborts the old thread's page request when the thread changes", async () => {
    let aborted = false;
    server = await startServer((request, res) => {
      if (request.body.params.thread_id === "thr_slow") {
        res.on("close", () => {
          aborted = !res.writableEnded;
        });
        return;
      }
      sendJson(res, 200, { data: [olderMessage(1)], has_more: false });
    });
    const { result, rerender } = render(server, "thr_slow");
    await waitFor(() => expect(server.requests).toHaveLength(1));
    rerender({ id: "thr_fast" });
    await waitFor(() => expect(result.current.items.itemIds).toEqual(["msg_old_1"]));
    await waitFor(() => expect(aborted).toBe(true));
    expect(result.current.store.getState().threadId).toBe("thr_fast");
  });

  it("reports a page that fails validation as an error and keeps the live items", async () => {
    server = await itemsServer({
      "thr_1:": { data: [{ type: "assistant_message", id: 7 }], has_more: false },
    });
    const { result } = render(server, "thr_1");
    await waitFor(() => expect(result.current.items.status).toBe("error"));
    expect(result.current.items.error).toBeInstanceOf(ValidationError);
    expect(result.current.items.itemIds).toEqual([]);
  });

  it("shows a new thread's live items without loading anything", async () => {
    server = await itemsServer({});
    const { result } = render(server, null);
    expect(result.current.items.status).toBe("success");
    expect(server.requests).toHaveLength(0);
    expect(selectThreadItem(result.current.store.getState(), "x")).toBeUndefined();
  });
});
