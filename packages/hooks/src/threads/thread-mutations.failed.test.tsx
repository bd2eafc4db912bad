import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useDeleteThread, useRenameThread, useThreads } from "./use-threads";

// The mutations' chunk does not load (the network, a deploy that removed it).
vi.mock("./thread-mutations", () => {
  throw new Error("chunk failed to load");
});

const threadList = JSON.parse(readFixture("chatkit-protocol/banking-threads-list-response.json"));

describe("the thread mutations' code failing to load", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(async (request, res) => {
      if (request.body.type === "threads.list") return sendJson(res, 200, threadList);
      return sendJson(res, 200, {});
    });
  });
  afterEach(() => closeAfterCleanup(server));

  it("reports a clear error, changes nothing and sends nothing", async () => {
    const onError = vi.fn();
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients} onError={onError}>
        {children}
      </ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({ list: useThreads(), remove: useDeleteThread(), rename: useRenameThread() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.threads).toHaveLength(2));
    const before = result.current.list.threads;
    let deleting!: Promise<void>;
    act(() => {
      deleting = result.current.remove.mutateAsync("thr_5a1bad4f");
    });
    expect(result.current.remove.isPending).toBe(true);
    await act(() => deleting.catch(() => {}));
    await expect(deleting).rejects.toMatchObject({
      name: "ThreadMutationsLoadError",
      message: expect.stringContaining("failed to load"),
    });
    expect(result.current.remove.status).toBe("error");
    expect(result.current.remove.error?.name).toBe("ThreadMutationsLoadError");
    expect(onError).toHaveBeenCalledWith(result.current.remove.error);
    // A rename fails the same way (the load is tried again, and fails again).
    const onRenameError = vi.fn();
    await act(async () => {
      result.current.rename.mutate(
        { threadId: "thr_aa16ec0c", title: "Balance" },
        { onError: onRenameError },
      );
    });
    await waitFor(() => expect(result.current.rename.status).toBe("error"));
    expect(onRenameError).toHaveBeenCalledWith(result.current.rename.error, {
      threadId: "thr_aa16ec0c",
      title: "Balance",
    });
    // The list is as it was, and no write reached the server.
    expect(result.current.list.threads).toBe(before);
    expect(
      server.requests.filter(
        (r) => r.body.type === "threads.delete" || r.body.type === "threads.update",
      ),
    ).toEqual([]);
  });
});
