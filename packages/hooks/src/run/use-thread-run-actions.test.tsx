import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import {
  createAssistantMessage,
  createUserMessage,
  formatServerSentEvents,
} from "@threadkit/core/testing";
import { type ReactNode, StrictMode } from "react";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";

// The run runtime (and with it the engine) is loaded with `import()` on the first action: here
// its load fails until the test lets it through, as a dropped connection would make it fail.
const runtime = vi.hoisted(() => ({ available: false }));
vi.mock("../engine/run-runtime", async (importOriginal) => {
  if (!runtime.available) throw new TypeError("Failed to fetch dynamically imported module");
  return importOriginal();
});

const at = "2026-05-01T10:00:00";
const thread = { thread_id: "thr_1", created_at: at };
const userMessage = (id: string, text: string): ThreadItem =>
  createUserMessage(id, text, { ...thread, quoted_text: null });
const assistantMessage = (id: string, text: string): ThreadItem =>
  createAssistantMessage(id, [text], thread);
const sse = (...events: object[]) => formatServerSentEvents(events.map((data) => ({ data })));

async function setup(server: TestServer, onError = vi.fn()) {
  // Imported here, after the mock: the hook reaches the runtime only through `import()`.
  const { ThreadkitProvider } = await import("../provider/threadkit-provider");
  const { useThreadRunActions } = await import("./use-thread-run-actions");
  const { useThreadRunStatus } = await import("./use-thread-run-status");
  const { useThreadItems } = await import("../thread/use-thread-items");
  const clients = { protocol: createTestProtocolClient(server.url) };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <ThreadkitProvider clients={clients} queryClient={queryClient} onError={onError}>
        {children}
      </ThreadkitProvider>
    </StrictMode>
  );
  return renderHook(
    () => ({
      actions: useThreadRunActions("thr_1"),
      status: useThreadRunStatus("thr_1"),
      items: useThreadItems("thr_1"),
    }),
    { wrapper },
  );
}

describe("useThreadRunActions", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("shows code that fails to load on the thread, and its retry loads it and runs", async () => {
    runtime.available = false;
    server = await startServer(async (request, res) => {
      if (request.body?.type === "items.list") {
        sendJson(res, 200, {
          data: [assistantMessage("msg_a1", "First."), userMessage("msg_u1", "one")],
          has_more: false,
        });
        return;
      }
      await sendSse(
        res,
        sse({ type: "thread.item.done", item: assistantMessage("msg_a2", "Again.") }),
      );
    });
    const onError = vi.fn();
    const { result } = await setup(server, onError);
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.actions.backend?.capabilities.run).toBe(true);

    const failed = await act(() => result.current.actions.retryAfterItem("msg_u1"));
    expect(failed.status).toBe("error");
    expect(failed.error?.name).toBe("RunEngineLoadError");
    expect(onError).toHaveBeenCalledWith(failed.error);
    // Shown on the thread like a run's failure, with its retry; nothing was sent.
    expect(result.current.status.error?.error).toBe(failed.error);
    // Described as `describeRunFailure` describes it (which loads with the failed code).
    const { describeRunFailure } = await import("../engine/run-failure");
    const described = describeRunFailure(failed.error!, false);
    expect(described).toEqual({ kind: "connection", reason: "network", retryAt: null });
    expect(result.current.status.error).toMatchObject(described);
    expect(result.current.status.retry).not.toBeNull();
    expect(server.requests.filter((r) => r.body?.type !== "items.list")).toEqual([]);

    // Still failing: the retry shows the new failure, with its retry.
    const again = await act(() => result.current.status.retry!());
    expect(again.status).toBe("error");
    expect(again.error?.name).toBe("RunEngineLoadError");
    expect(again.error).not.toBe(failed.error);
    expect(result.current.status.error?.error).toBe(again.error);
    expect(server.requests.filter((r) => r.body?.type !== "items.list")).toEqual([]);

    runtime.available = true;
    const retried = await act(() => result.current.status.retry!());
    expect(retried.status).toBe("done");
    expect(server.requests.find((r) => r.body?.type === "threads.retry_after_item")?.body).toEqual({
      type: "threads.retry_after_item",
      params: { thread_id: "thr_1", item_id: "msg_u1" },
    });
    expect(result.current.status.error).toBeNull();
  });

  it("answers structured input, sends widget actions and feedback on runners of its own", async () => {
    runtime.available = true;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startServer(async (request, res) => {
      const type = request.body?.type;
      if (type === "items.list") {
        sendJson(res, 200, { data: [], has_more: false });
        return;
      }
      if (type === "items.feedback") {
        sendJson(res, 200, {});
        return;
      }
      if (type === "threads.sync_custom_action") {
        sendJson(res, 200, { updated_item: assistantMessage("msg_w", "Updated.") });
        return;
      }
      if (type === "threads.add_structured_input") {
        // Held open: the widget action below runs while this answer streams.
        await sendSse(res, sse({ type: "progress_update", text: "Thinking" }), { keepOpen: true });
        await released;
        res.end(sse({ type: "thread.item.done", item: assistantMessage("msg_a2", "Thanks.") }));
        return;
      }
      await sendSse(
        res,
        sse({ type: "thread.item.done", item: assistantMessage("msg_a3", "Done.") }),
      );
    });
    const onError = vi.fn();
    const { result } = await setup(server, onError);
    await waitFor(() => expect(result.current.items.status).toBe("success"));

    let answering: Promise<unknown> = Promise.resolve();
    act(() => {
      answering = result.current.actions.submitStructuredInput("msg_si", {
        status: "skipped",
        answers: {},
      });
    });
    await waitFor(() => expect(result.current.status.progress?.text).toBe("Thinking"));
    await act(() =>
      result.current.actions.sendServerAction({ type: "pick", payload: { id: 1 } }, "msg_w"),
    );
    await act(() =>
      result.current.actions.sendServerAction(
        { type: "toggle", payload: null, streaming: false },
        "msg_w",
      ),
    );
    await act(() => result.current.actions.sendFeedback(["msg_a1"], "positive"));
    release();
    await act(() => answering);
    const sent = server.requests.map((r) => r.body).filter((b) => b?.type !== "items.list");
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "threads.add_structured_input" }),
        expect.objectContaining({
          type: "threads.custom_action",
          params: expect.objectContaining({
            item_id: "msg_w",
            action: { type: "pick", payload: { id: 1 } },
          }),
        }),
        expect.objectContaining({ type: "threads.sync_custom_action" }),
        expect.objectContaining({
          type: "items.feedback",
          params: { thread_id: "thr_1", item_ids: ["msg_a1"], kind: "positive" },
        }),
      ]),
    );
    expect(result.current.items.itemIds).toContain("msg_w");
    expect(onError).not.toHaveBeenCalled();
  });
});
