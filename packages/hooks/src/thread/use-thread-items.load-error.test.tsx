/**
 * The protocol client loads its answer checks with the first request. When that code cannot be
 * loaded (a chunk that failed to download), the history fails like any connection failure, the
 * thread's live items stay, and the next load of the page loads the checks again.
 */
import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { ConnectionError, ModuleLoadError, type ThreadItem } from "@threadkit/core";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { closeAfterCleanup, sendJson, startServer, type TestServer } from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "./thread-context";
import { useThreadItems } from "./use-thread-items";

/** The module the protocol client loads its checks from (core's source in this workspace). */
const checks = "../../../core/src/chatkit/parse-thread-item.ts";

const message: ThreadItem = {
  type: "user_message",
  id: "msg_1",
  thread_id: "thr_1",
  created_at: "2025-11-27T16:00:00",
  content: [{ type: "input_text", text: "Hello" }],
  attachments: [],
  inference_options: {},
};

describe("useThreadItems when the answer checks fail to load", () => {
  let server: TestServer;
  afterEach(() => {
    vi.doUnmock(checks);
    return closeAfterCleanup(server);
  });

  it("fails with ModuleLoadError, keeps the live items and loads the checks on refetch", async () => {
    vi.doMock(checks, () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    server = await startServer((request, res) => {
      if (request.body?.type === "items.list") {
        sendJson(res, 200, { data: [message], has_more: false, after: null });
        return;
      }
      sendJson(res, 404, { detail: "not found" });
    });
    const clients = { protocol: createTestProtocolClient(server.url) };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients} queryClient={queryClient}>
        {children}
      </ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({ items: useThreadItems("thr_1"), store: useThreadStore("thr_1") }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.items.status).toBe("error"));
    expect(result.current.items.error).toBeInstanceOf(ModuleLoadError);
    expect(result.current.items.error).toBeInstanceOf(ConnectionError);
    expect(result.current.items.itemIds).toEqual([]);
    expect(server.requests).toHaveLength(1);

    // The chunk is reachable again: reloading the page loads the checks and shows the items.
    vi.doUnmock(checks);
    await act(() => result.current.items.refetch());
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.itemIds).toEqual(["msg_1"]);
    expect(result.current.items.error).toBeNull();
  });
});
