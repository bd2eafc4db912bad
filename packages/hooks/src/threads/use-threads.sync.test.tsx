import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "../run/use-run-stream";
import { useThreadStore } from "../thread/thread-context";
import { useThread } from "../thread/use-thread";
import { useDeleteThread, useRenameThread, useThreads } from "./use-threads";

// One source of truth for a thread's metadata: streams, renames and deletes reach the open
// thread's header (`useThread`) and every history list at once, without refetching the list.

const thread = (id: string, title: string | null, created_at = "2026-05-01T10:00:00") => ({
  id,
  title,
  created_at,
  status: { type: "active" },
  metadata: {},
  items: { data: [], has_more: false },
});
const sse = (...events: unknown[]) =>
  events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");
const userDone = (threadId: string) => ({
  type: "thread.item.done",
  item: {
    type: "user_message",
    id: `msg_${threadId}`,
    thread_id: threadId,
    created_at: "2026-05-01T10:05:00",
    content: [{ type: "input_text", text: "hi" }],
    attachments: [],
    quoted_text: null,
    inference_options: {},
  },
});

describe("thread metadata across streams, renames and the history", () => {
  let server: TestServer;
  let failWrites = false;
  // Holds writes until released, so the optimistic state can be observed.
  let writeGate: Promise<void> = Promise.resolve();
  let releaseWrites: () => void = () => {};
  let readGate: Promise<void> = Promise.resolve();
  let releaseReads: () => void = () => {};
  afterEach(() => {
    releaseReads();
    readGate = Promise.resolve();
    failWrites = false;
    releaseWrites();
    writeGate = Promise.resolve();
    return closeAfterCleanup(server);
  });

  beforeEach(async () => {
    server = await startServer(async (request, res) => {
      const { type, params } = request.body;
      if (type === "threads.list") {
        return sendJson(res, 200, {
          data: [thread("thr_1", "First title"), thread("thr_0", "Older", "2026-04-01T10:00:00")],
          has_more: false,
          after: "thr_0",
        });
      }
      if (type === "threads.get_by_id") {
        // Read now, answered when the test lets it (maybe after the thread changed).
        const read = thread("thr_1", "First title");
        await readGate;
        return sendJson(res, 200, read);
      }
      if (type === "threads.add_user_message") {
        return sendSse(
          res,
          sse(userDone("thr_1"), { type: "thread.updated", thread: thread("thr_1", "Streamed") }),
        );
      }
      if (type === "threads.create") {
        return sendSse(
          res,
          sse(
            { type: "thread.created", thread: thread("thr_new", null, "2026-05-02T10:00:00") },
            userDone("thr_new"),
            {
              type: "thread.updated",
              thread: thread("thr_new", "Brand new", "2026-05-02T10:00:00"),
            },
          ),
        );
      }
      await writeGate;
      if (failWrites) return sendJson(res, 500, { detail: "refused" });
      if (type === "threads.update") {
        return sendJson(res, 200, thread(params.thread_id, params.title));
      }
      return sendJson(res, 200, {});
    });
  });

  function setup(threadId: string | null) {
    const clients = { protocol: createTestProtocolClient(server.url) };
    // No QueryClient: the lists, details and mutations need none.
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const rendered = renderHook(
      () => {
        const run = useRunStream(threadId);
        return {
          run,
          thread: useThread(run.threadId),
          store: useThreadStore(run.threadId),
          list: useThreads(),
          rename: useRenameThread(),
          remove: useDeleteThread(),
          context: useThreadkitContext(),
        };
      },
      { wrapper },
    );
    return rendered;
  }

  const listRequests = () => server.requests.filter((r) => r.body?.type === "threads.list");
  const titles = (result: ReturnType<typeof setup>["result"]) =>
    result.current.list.threads.map((t) => `${t.id}:${t.title}`);

  it("shows a rename of a thread a stream titled in its header, its store and the list", async () => {
    const { result } = setup("thr_1");
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.run.send("hi"));
    expect(result.current.thread.thread?.title).toBe("Streamed");
    await act(() => result.current.rename.mutateAsync({ threadId: "thr_1", title: "Renamed" }));
    expect(result.current.thread.thread?.title).toBe("Renamed");
    expect(result.current.store.getState().thread?.title).toBe("Renamed");
    expect(titles(result)).toEqual(["thr_1:Renamed", "thr_0:Older"]);
  });

  it("shows the new title at once and rolls the header back when the server refuses", async () => {
    const { result } = setup("thr_1");
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.run.send("hi"));
    failWrites = true;
    writeGate = new Promise((resolve) => {
      releaseWrites = resolve;
    });
    let renaming: Promise<unknown> = Promise.resolve();
    act(() => {
      renaming = result.current.rename
        .mutateAsync({ threadId: "thr_1", title: "Renamed" })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.thread.thread?.title).toBe("Renamed"));
    releaseWrites();
    await act(() => renaming);
    await waitFor(() => expect(result.current.thread.thread?.title).toBe("Streamed"));
    expect(result.current.store.getState().thread?.title).toBe("Streamed");
  });

  it("keeps a streamed title when a load of the thread read before it answers after it", async () => {
    readGate = new Promise((resolve) => {
      releaseReads = resolve;
    });
    const { result } = setup("thr_1");
    await waitFor(() =>
      expect(server.requests.some((r) => r.body?.type === "threads.get_by_id")).toBe(true),
    );
    await act(() => result.current.run.send("hi"));
    expect(result.current.thread.thread?.title).toBe("Streamed");
    releaseReads();
    // The load in flight (which `load` hands back) ended: a stale answer would have landed.
    const detail = result.current.context.threadData.detail("thr_1");
    expect(detail.getSnapshot().status).toBe("pending");
    await act(() =>
      detail.load(
        () => Promise.reject(new Error("not a new load")),
        () => null,
      ),
    );
    expect(detail.getSnapshot().status).toBe("success");
    expect(result.current.thread.thread?.title).toBe("Streamed");
  });

  it("puts a title a stream sent (thread.updated) into the list without a refetch", async () => {
    const { result } = setup("thr_1");
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.run.send("hi"));
    expect(titles(result)).toEqual(["thr_1:Streamed", "thr_0:Older"]);
    expect(listRequests()).toHaveLength(1);
  });

  it("adds a thread its first message created to the top of the list without a refetch", async () => {
    const { result } = setup(null);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.run.send("hi"));
    expect(result.current.run.threadId).toBe("thr_new");
    expect(titles(result)).toEqual(["thr_new:Brand new", "thr_1:First title", "thr_0:Older"]);
    expect(result.current.thread.thread?.title).toBe("Brand new");
    expect(listRequests()).toHaveLength(1);
  });

  it("renames and deletes in the list without a refetch", async () => {
    const { result } = setup("thr_1");
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.rename.mutateAsync({ threadId: "thr_0", title: "Renamed" }));
    expect(titles(result)).toEqual(["thr_1:First title", "thr_0:Renamed"]);
    await act(() => result.current.remove.mutateAsync("thr_0"));
    expect(titles(result)).toEqual(["thr_1:First title"]);
    // A refetch would have started as the mutations settled: `load` would hand it back.
    const list = result.current.context.threadLists()!.list(20, "desc");
    let started = false;
    await act(() =>
      list.load(() => {
        started = true;
        return Promise.reject(new Error("not a new load"));
      }),
    );
    expect(started).toBe(false);
    expect(titles(result)).toEqual(["thr_1:First title"]);
    expect(listRequests()).toHaveLength(1);
  });
});
