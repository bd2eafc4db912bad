import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { ThreadProvider } from "../thread/thread-context";
import { useThread } from "../thread/use-thread";
import { useItemFeedback } from "./use-item-feedback";
import { useDeleteThread, useRenameThread, useThreads } from "./use-threads";

const threadList = JSON.parse(readFixture("chatkit-protocol/banking-threads-list-response.json"));
const threadById = JSON.parse(
  readFixture("chatkit-protocol/banking-threads-get-by-id-response.json"),
);

function setup(server: TestServer) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>
      <ThreadProvider threadId="thr_12c3ba2d">{children}</ThreadProvider>
    </ThreadkitProvider>
  );
  return renderHook(
    () => ({
      list: useThreads({ pageSize: 9 }),
      thread: useThread("thr_12c3ba2d"),
      remove: useDeleteThread(),
      rename: useRenameThread(),
      feedback: useItemFeedback(),
    }),
    { wrapper },
  );
}

describe("thread history hooks", () => {
  let server: TestServer;
  let failWrites = false;
  // Holds write requests until released, so the optimistic state can be observed.
  let writeGate: Promise<void> = Promise.resolve();
  let releaseWrites: () => void = () => {};
  const holdWrites = () => {
    writeGate = new Promise((resolve) => {
      releaseWrites = resolve;
    });
  };
  afterEach(() => {
    failWrites = false;
    releaseWrites();
    writeGate = Promise.resolve();
    return closeAfterCleanup(server);
  });

  beforeEach(async () => {
    server = await startServer(async (request, res) => {
      const { type, params } = request.body;
      if (type === "threads.list") return sendJson(res, 200, threadList);
      if (type === "threads.get_by_id") return sendJson(res, 200, threadById);
      await writeGate;
      if (failWrites) return sendJson(res, 500, { detail: "refused" });
      if (type === "threads.update")
        return sendJson(res, 200, { ...threadById, title: params.title });
      return sendJson(res, 200, {});
    });
  });

  it("lists threads and reads one thread's metadata", async () => {
    const { result } = setup(server);
    await waitFor(() => expect(result.current.list.status).toBe("success"));
    expect(result.current.list.threads.map((t) => t.title)).toEqual([
      "can you pay this bill for me",
      "how much I have on my account",
    ]);
    expect(result.current.list.hasMore).toBe(false);
    expect(server.requests[0]?.body.params).toEqual({ limit: 9, order: "desc", after: null });
    await waitFor(() => expect(result.current.thread.thread?.id).toBe("thr_12c3ba2d"));
    expect(result.current.thread.thread).not.toHaveProperty("items");
  });

  it("removes a deleted thread at once and restores it when the server refuses", async () => {
    const { result } = setup(server);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    failWrites = true;
    holdWrites();
    let deleting: Promise<unknown> = Promise.resolve();
    act(() => {
      deleting = result.current.remove.mutateAsync("thr_5a1bad4f").catch(() => {});
    });
    await waitFor(() =>
      expect(result.current.list.threads.map((t) => t.id)).toEqual(["thr_aa16ec0c"]),
    );
    releaseWrites();
    await act(() => deleting);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    expect(result.current.remove.error).toBeTruthy();
  });

  it("deletes a thread", async () => {
    const { result } = setup(server);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    await act(() => result.current.remove.mutateAsync("thr_5a1bad4f"));
    expect(server.requests.find((r) => r.body.type === "threads.delete")?.body.params).toEqual({
      thread_id: "thr_5a1bad4f",
    });
  });

  it("renames a thread optimistically and rolls back on failure", async () => {
    const { result } = setup(server);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    failWrites = true;
    holdWrites();
    let renaming: Promise<unknown> = Promise.resolve();
    act(() => {
      renaming = result.current.rename
        .mutateAsync({ threadId: "thr_aa16ec0c", title: "Balance" })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.list.threads[1]?.title).toBe("Balance"));
    releaseWrites();
    await act(() => renaming);
    await waitFor(() =>
      expect(result.current.list.threads[1]?.title).toBe("how much I have on my account"),
    );
  });

  it("shows a change in the same task as the call once the mutations' code has loaded", async () => {
    const { result } = setup(server);
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    // The first call loads the code (a page preloads it when idle).
    await act(() => result.current.rename.mutateAsync({ threadId: "thr_aa16ec0c", title: "A" }));
    holdWrites();
    let renaming: Promise<unknown> = Promise.resolve();
    act(() => {
      renaming = result.current.rename.mutateAsync({ threadId: "thr_aa16ec0c", title: "B" });
    });
    // No waiting: the lists changed before the call returned.
    expect(result.current.list.threads[1]?.title).toBe("B");
    expect(result.current.rename.isPending).toBe(true);
    releaseWrites();
    await act(() => renaming);
    expect(result.current.rename.data?.title).toBe("B");
  });

  it("sends item feedback for the current thread", async () => {
    const { result } = setup(server);
    await act(() =>
      result.current.feedback.mutateAsync({ itemIds: ["msg_12aed261"], kind: "positive" }),
    );
    expect(server.requests.find((r) => r.body.type === "items.feedback")?.body.params).toEqual({
      thread_id: "thr_12c3ba2d",
      item_ids: ["msg_12aed261"],
      kind: "positive",
    });
  });
});
