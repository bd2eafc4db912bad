import { act, renderHook, waitFor } from "@testing-library/react";
import { APIError, createChatKitRestClient } from "@threadkit/core";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useRunStream } from "../run/use-run-stream";
import { useThreadStore } from "../thread/thread-context";
import { selectThreadItem } from "../thread/thread-state";
import { type UseWidgetActionOptions, useWidgetAction, widgetActionKey } from "./use-widget-action";

const widgetDone = readFixture("chatkit-protocol/banking-widget-item-done.sse");

function setup(server: TestServer, options: Omit<UseWidgetActionOptions, "run"> = {}) {
  const clients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_1");
      return { run, actions: useWidgetAction({ ...options, run }), store: useThreadStore("thr_1") };
    },
    { wrapper },
  );
}

describe("useWidgetAction", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("streams a server action and shows it pending until the stream ends", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startServer(async (_request, res) => {
      await gate;
      await sendSse(res, readFixture("chatkit-protocol/node-custom-action-stream.sse"));
    });
    const { result } = setup(server);
    const action = { type: "open", payload: { id: 1 } };
    const key = widgetActionKey(action, { id: "widget_test" });
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.actions.dispatch(
        action,
        { id: "widget_test" },
        { values: { note: "x" } },
      );
    });
    expect(result.current.actions.isPending(key)).toBe(true);
    release();
    await act(() => done);
    expect(result.current.actions.isPending(key)).toBe(false);
    expect(server.requests[0]?.body).toMatchObject({
      type: "threads.custom_action",
      params: {
        thread_id: "thr_1",
        item_id: "widget_test",
        action: { type: "open", payload: { id: 1, note: "x" } },
      },
    });
    expect(result.current.actions.error).toBeNull();
  });

  it("answers a streaming:false action with sync_custom_action and replaces the item", async () => {
    const widget = JSON.parse(widgetDone.trim().slice("data: ".length)).item;
    server = await startServer(async (request, res) => {
      if (request.body.type === "threads.sync_custom_action") {
        sendJson(res, 200, { updated_item: { ...widget, copy_text: "updated" } });
        return;
      }
      await sendSse(res, widgetDone);
    });
    const { result } = setup(server);
    await act(() => result.current.run.customAction({ type: "load" }));
    expect(selectThreadItem(result.current.store.getState(), widget.id)).toMatchObject({
      type: "widget",
    });
    await act(() =>
      result.current.actions.dispatch({ type: "toggle", streaming: false }, { id: widget.id }),
    );
    expect(server.requests[1]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: widget.id,
      action: { type: "toggle", payload: null },
    });
    expect(selectThreadItem(result.current.store.getState(), widget.id)).toMatchObject({
      copy_text: "updated",
    });
  });

  it("hands client actions to the app without a request", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const onClientAction = vi.fn();
    const { result } = setup(server, { onClientAction });
    await act(() =>
      result.current.actions.dispatch(
        { type: "navigate", handler: "client", payload: { to: "/a" } },
        { id: "w_1" },
      ),
    );
    expect(onClientAction).toHaveBeenCalledWith(
      { type: "navigate", payload: { to: "/a" } },
      { id: "w_1" },
    );
    expect(server.requests).toHaveLength(0);
  });

  it("merges values as Widget.Root does: nested keys merge and the payload wins", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const onClientAction = vi.fn();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { result } = setup(server, { onClientAction });
    await act(() =>
      result.current.actions.dispatch(
        { type: "save", handler: "client", payload: { id: 1, todo: { list: "a" } } },
        { id: "w_1" },
        { values: { id: 9, todo: { title: "Milk" } } },
      ),
    );
    expect(onClientAction).toHaveBeenCalledWith(
      { type: "save", payload: { id: 1, todo: { list: "a", title: "Milk" } } },
      { id: "w_1" },
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"id" collides'));
    warn.mockRestore();
  });

  it("reports a client action without a handler as an error", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const { result } = setup(server);
    await act(() => result.current.actions.dispatch({ type: "x", handler: "client" }, null));
    await waitFor(() =>
      expect(result.current.actions.error?.message).toMatch(/no `onClientAction`/),
    );
  });

  it("sends a routed action as it is and rejects with a failure reported once", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, { detail: "broken" }));
    const onError = vi.fn();
    const clients = { protocol: createTestProtocolClient(server.url) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients} onError={onError}>
        {children}
      </ThreadkitProvider>
    );
    const { result } = renderHook(() => useWidgetAction({ run: useRunStream("thr_1") }), {
      wrapper,
    });
    expect(result.current.canSendServerActions).toBe(true);
    let caught: unknown;
    await act(() =>
      result.current
        .sendServerAction({ type: "save", streaming: false, payload: { id: 1 } }, { id: "w_1" })
        .catch((error: unknown) => {
          caught = error;
        }),
    );
    expect(caught).toBeInstanceOf(APIError);
    expect(result.current.error).toBe(caught);
    expect(onError).toHaveBeenCalledTimes(1);
    // Sent as it is: no values merged, one request.
    expect(server.requests.map((r) => r.body)).toEqual([
      {
        type: "threads.sync_custom_action",
        params: {
          thread_id: "thr_1",
          item_id: "w_1",
          action: { type: "save", payload: { id: 1 } },
        },
      },
    ]);
  });

  it("has no server actions on a backend without them, sending nothing", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, {}));
    const clients = { rest: createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    const { result } = renderHook(() => useWidgetAction({ run: useRunStream("thr_1") }), {
      wrapper,
    });
    expect(result.current.canSendServerActions).toBe(false);
    await act(async () => {
      await expect(
        result.current.sendServerAction({ type: "save", streaming: false }, { id: "w_1" }),
      ).rejects.toThrow(/needs a `protocol` client/);
    });
    expect(server.requests).toHaveLength(0);
  });
});
