import { act, renderHook } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import {
  createAssistantMessage,
  createUserMessage,
  formatServerSentEvents,
} from "@threadkit/core/testing";
import type { ReactNode } from "react";
import { useStore } from "zustand";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "../thread/thread-context";
import { useRunStream } from "./use-run-stream";

// The official server answers `threads.retry_after_item` by deleting every item after the user
// message in its store, without `thread.item.removed` events; the client has to drop them too.

const at = "2026-05-01T10:00:00";
const thread = { thread_id: "thr_1", created_at: at };
const userMessage = (id: string, text: string): ThreadItem =>
  createUserMessage(id, text, { ...thread, quoted_text: null });
const assistantMessage = (id: string, text: string): ThreadItem =>
  createAssistantMessage(id, [text], thread);
const sse = (...events: object[]) => formatServerSentEvents(events.map((data) => ({ data })));
const reply = (id: string, text: string) =>
  sse(
    { type: "thread.item.added", item: assistantMessage(id, "") },
    {
      type: "thread.item.updated",
      item_id: id,
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: text },
    },
    { type: "thread.item.done", item: assistantMessage(id, text) },
  );

function setup(server: TestServer) {
  const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_1");
      const store = useThreadStore("thr_1");
      const itemIds = useStore(store, (state) => state.itemIds);
      return { run, store, itemIds };
    },
    { wrapper },
  );
}

const requestsOf = (server: TestServer, type: string) =>
  server.requests.filter((request) => request.body?.type === type);

describe("useRunStream retries (threads.retry_after_item)", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("drops the cut partial reply when the retry after a dropped stream is accepted", async () => {
    server = await startServer(async (request, res) => {
      if (request.body?.type === "threads.add_user_message") {
        // The message is stored and the reply has begun when the connection breaks.
        await sendSse(
          res,
          sse(
            { type: "thread.item.done", item: userMessage("msg_user", "hi") },
            { type: "thread.item.added", item: assistantMessage("msg_partial", "") },
            {
              type: "thread.item.updated",
              item_id: "msg_partial",
              update: {
                type: "assistant_message.content_part.text_delta",
                content_index: 0,
                delta: "Once upon",
              },
            },
          ),
          { keepOpen: true },
        );
        setTimeout(() => res.destroy(), 20);
        return;
      }
      await sendSse(res, reply("msg_new", "A whole story."), { chunkSize: 11 });
    });
    const { result } = setup(server);
    const first = await act(() => result.current.run.send("hi"));
    expect(first).toMatchObject({ status: "error", accepted: true, userMessageId: "msg_user" });
    expect(result.current.itemIds).toEqual(["msg_user", "msg_partial"]);

    const retried = await act(() => result.current.run.retry());
    expect(retried).toMatchObject({ status: "done", accepted: true });
    expect(requestsOf(server, "threads.retry_after_item")).toHaveLength(1);
    expect(result.current.itemIds).toEqual(["msg_user", "msg_new"]);
    expect(result.current.store.getState().itemsById.get("msg_partial")).toBeUndefined();
  });

  it("drops every item after the user message when retryAfterItem is accepted", async () => {
    server = await startServer((_request, res) => sendSse(res, reply("msg_a1b", "Again.")));
    const { result } = setup(server);
    act(() =>
      result.current.store
        .getState()
        .mergeItems(
          [
            userMessage("msg_u1", "one"),
            assistantMessage("msg_a1", "First."),
            userMessage("msg_u2", "two"),
            assistantMessage("msg_a2", "Second."),
          ],
          "append",
        ),
    );
    const outcome = await act(() => result.current.run.retryAfterItem("msg_u1"));
    expect(outcome).toMatchObject({ status: "done", accepted: true });
    expect(requestsOf(server, "threads.retry_after_item")[0]?.body.params).toEqual({
      thread_id: "thr_1",
      item_id: "msg_u1",
    });
    expect(result.current.itemIds).toEqual(["msg_u1", "msg_a1b"]);
  });

  it("drops the items as soon as the retry is accepted, before the new reply arrives", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startServer(async (_request, res) => {
      await sendSse(res, sse({ type: "progress_update", text: "Thinking" }), { keepOpen: true });
      await released;
      res.end(reply("msg_a1b", "Again."));
    });
    const { result } = setup(server);
    act(() =>
      result.current.store
        .getState()
        .mergeItems([userMessage("msg_u1", "one"), assistantMessage("msg_a1", "First.")], "append"),
    );
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.retryAfterItem("msg_u1");
    });
    await vi.waitFor(() => expect(result.current.run.progress?.text).toBe("Thinking"));
    expect(result.current.itemIds).toEqual(["msg_u1"]);
    release();
    await act(() => done);
    expect(result.current.itemIds).toEqual(["msg_u1", "msg_a1b"]);
  });

  it("keeps the items when the retry fails before the server accepted it", async () => {
    server = await startServer((_request, res) => sendJson(res, 503, { detail: "down" }));
    const { result } = setup(server);
    act(() =>
      result.current.store
        .getState()
        .mergeItems([userMessage("msg_u1", "one"), assistantMessage("msg_a1", "First.")], "append"),
    );
    const outcome = await act(() => result.current.run.retryAfterItem("msg_u1"));
    expect(outcome).toMatchObject({ status: "error", accepted: false });
    expect(result.current.itemIds).toEqual(["msg_u1", "msg_a1"]);
    expect(result.current.store.getState().runFailure).not.toBeNull();
  });

  it("never brings removed items back from a page requested before the retry", async () => {
    server = await startServer((_request, res) => sendSse(res, reply("msg_a1b", "Again.")));
    const { result } = setup(server);
    const page = [userMessage("msg_u1", "one"), assistantMessage("msg_a1", "First.")];
    act(() => result.current.store.getState().mergeItems(page, "append"));
    const since = result.current.store.getState().liveVersion();
    await act(() => result.current.run.retryAfterItem("msg_u1"));
    // The page requested before the retry lands after it.
    act(() => result.current.store.getState().mergeItems(page, "prepend", since));
    expect(result.current.itemIds).toEqual(["msg_u1", "msg_a1b"]);
  });
});
