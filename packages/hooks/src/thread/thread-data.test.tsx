import { act, render, renderHook, waitFor } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import { type ReactNode, StrictMode, useState } from "react";
import { closeAfterCleanup, sendJson, startServer, type TestServer } from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThread } from "./use-thread";
import { useThreadItems } from "./use-thread-items";

const message = (threadId: string, id: string, text: string): ThreadItem => ({
  type: "user_message",
  id,
  thread_id: threadId,
  created_at: "2025-11-27T16:00:00",
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});

const thread = (id: string, title: string) => ({
  id,
  title,
  created_at: "2025-11-27T16:00:00",
  status: { type: "active" },
  items: { data: [], has_more: false, after: null },
});

/** A server whose pages say `<thread>:v<version>`; `version` goes up with `bump()`. */
async function historyServer() {
  let version = 1;
  const server = await startServer((request, res) => {
    const { type, params } = request.body;
    if (type === "items.list") {
      const id = `${params.thread_id}_v${version}`;
      return sendJson(res, 200, {
        data: [message(params.thread_id, id, id)],
        has_more: false,
        after: null,
      });
    }
    if (type === "threads.get_by_id") {
      return sendJson(res, 200, thread(params.thread_id, `${params.thread_id} v${version}`));
    }
    sendJson(res, 404, { detail: "not found" });
  });
  return {
    server,
    bump: () => {
      version += 1;
    },
  };
}

const requests = (server: TestServer, type: string, threadId?: string) =>
  server.requests.filter(
    (r) =>
      r.body?.type === type && (threadId === undefined || r.body.params.thread_id === threadId),
  );

let switchTo: (id: string | null) => void = () => {};
let seen: { ids: readonly string[]; status: string; hasQueryClient: boolean } | null = null;
function SwitchingView({ threadId }: { threadId: string }) {
  const { itemIds, status } = useThreadItems(threadId);
  const context = useThreadkitContext();
  seen = { ids: itemIds, status, hasQueryClient: context.queryClient() !== undefined };
  return null;
}
function SwitchingApp() {
  const [threadId, setThreadId] = useState<string | null>("thr_1");
  switchTo = setThreadId;
  return threadId === null ? null : <SwitchingView key={threadId} threadId={threadId} />;
}

let setShown: (shown: boolean) => void = () => {};
let shownIds: readonly string[] = [];
function ShowingView() {
  shownIds = useThreadItems("thr_1").itemIds;
  return null;
}
function ShowingApp() {
  const [shown, set] = useState(true);
  setShown = set;
  return shown ? <ShowingView /> : null;
}

describe("the thread history cache (no QueryClient)", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("sends one request for a thread that several components show, in StrictMode", async () => {
    ({ server } = await historyServer());
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
      </StrictMode>
    );
    const { result } = renderHook(
      () => ({
        a: useThreadItems("thr_1"),
        b: useThreadItems("thr_1"),
        title: useThread("thr_1"),
        sameTitle: useThread("thr_1"),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.a.status).toBe("success"));
    await waitFor(() => expect(result.current.title.status).toBe("success"));
    expect(result.current.b.itemIds).toEqual(["thr_1_v1"]);
    expect(result.current.sameTitle.thread?.title).toBe("thr_1 v1");
    expect(requests(server, "items.list")).toHaveLength(1);
    expect(requests(server, "threads.get_by_id")).toHaveLength(1);
  });

  it("keeps loaded pages across thread switches and remounts, and never makes a QueryClient", async () => {
    ({ server } = await historyServer());
    const clients = { protocol: createTestProtocolClient(server.url) };
    seen = null;
    render(
      <ThreadkitProvider clients={clients}>
        <SwitchingApp />
      </ThreadkitProvider>,
    );
    await waitFor(() => expect(seen?.ids).toEqual(["thr_1_v1"]));
    act(() => switchTo("thr_2"));
    await waitFor(() => expect(seen?.ids).toEqual(["thr_2_v1"]));
    act(() => switchTo(null));
    act(() => switchTo("thr_1"));
    // Back on the first thread: its page shows at once, without a request.
    expect(seen).toEqual({ ids: ["thr_1_v1"], status: "success", hasQueryClient: false });
    expect(requests(server, "items.list").map((r) => r.body.params.thread_id)).toEqual([
      "thr_1",
      "thr_2",
    ]);
  });

  it("reloads a thread's pages with refetch and with invalidateThread (shown now, hidden when next shown)", async () => {
    const history = await historyServer();
    server = history.server;
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => ({
        items: useThreadItems(id),
        thread: useThread(id),
        context: useThreadkitContext(),
      }),
      { wrapper, initialProps: { id: "thr_1" } },
    );
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    history.bump();
    await act(() => result.current.items.refetch());
    expect([...result.current.items.itemIds].sort()).toEqual(["thr_1_v1", "thr_1_v2"]);
    rerender({ id: "thr_2" });
    await waitFor(() => expect(result.current.items.itemIds).toEqual(["thr_2_v2"]));
    await waitFor(() => expect(result.current.thread.thread?.title).toBe("thr_2 v2"));
    history.bump();
    // thr_2 is shown: it reloads now (pages and metadata); thr_1 is not: it reloads when shown.
    await act(() => result.current.context.invalidateThread("thr_2"));
    await act(() => result.current.context.invalidateThread("thr_1"));
    expect([...result.current.items.itemIds].sort()).toEqual(["thr_2_v2", "thr_2_v3"]);
    expect(result.current.thread.thread?.title).toBe("thr_2 v3");
    expect(requests(server, "items.list", "thr_1")).toHaveLength(2);
    rerender({ id: "thr_1" });
    await waitFor(() => expect(result.current.items.itemIds).toContain("thr_1_v3"));
    expect(requests(server, "items.list", "thr_1")).toHaveLength(3);
  });

  it("aborts a page request once nothing shows the thread, and loads it again when shown", async () => {
    let aborted = false;
    let answer = false;
    server = await startServer((_request, res) => {
      if (!answer) {
        res.on("close", () => {
          aborted = !res.writableEnded;
        });
        return;
      }
      sendJson(res, 200, { data: [message("thr_1", "msg_1", "hi")], has_more: false });
    });
    const clients = { protocol: createTestProtocolClient(server.url) };
    shownIds = [];
    render(
      <ThreadkitProvider clients={clients}>
        <ShowingApp />
      </ThreadkitProvider>,
    );
    await waitFor(() => expect(server.requests).toHaveLength(1));
    act(() => setShown(false));
    await waitFor(() => expect(aborted).toBe(true));
    answer = true;
    act(() => setShown(true));
    await waitFor(() => expect(shownIds).toEqual(["msg_1"]));
    expect(server.requests).toHaveLength(2);
  });
});
