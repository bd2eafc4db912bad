import type { ThreadItem } from "@threadkit/core";
import { selectThreadItem } from "./thread-state";
import { createThreadStore } from "./thread-store";

const endOfTurn = (id: string): ThreadItem => ({
  type: "end_of_turn",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
});

const assistant = (id: string, text: string): ThreadItem => ({
  type: "assistant_message",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  content: [{ type: "output_text", text, annotations: [] }],
});

describe("createThreadStore", () => {
  it("merges pages around live items without duplicating ids or overwriting a streaming item", () => {
    const live = assistant("b", "live");
    const store = createThreadStore("thr_1");
    store.getState().apply([{ type: "thread.item.added", item: live }]);
    store.getState().mergeItems([endOfTurn("a"), assistant("b", "stale")], "prepend");
    store.getState().mergeItems([endOfTurn("c")], "append");
    const state = store.getState();
    expect(state.itemIds).toEqual(["a", "b", "c"]);
    expect(selectThreadItem(state, "b")).toBe(live);
  });

  it("keeps an item a stream finished after the page was requested, but takes older pages", () => {
    const store = createThreadStore("thr_1");
    const since = store.getState().liveVersion();
    const done = assistant("b", "final text");
    store.getState().apply([
      { type: "thread.item.added", item: assistant("b", "") },
      { type: "thread.item.done", item: done },
    ]);
    // The page was read while the reply was still empty: it must not undo the finished reply.
    store.getState().mergeItems([endOfTurn("a"), assistant("b", "")], "prepend", since);
    expect(store.getState().itemIds).toEqual(["a", "b"]);
    expect(selectThreadItem(store.getState(), "b")).toBe(done);
    // A page requested after the change is newer and replaces the item.
    const fresh = assistant("b", "edited on the server");
    store.getState().mergeItems([fresh], "append", store.getState().liveVersion());
    expect(selectThreadItem(store.getState(), "b")).toBe(fresh);
  });

  it("gives only the touched item a new identity and keeps the id list on a delta", () => {
    const a = assistant("a", "one");
    const b = assistant("b", "two");
    const store = createThreadStore("thr_1", [a, b]);
    const before = store.getState().itemIds;
    store.getState().apply([
      {
        type: "thread.item.updated",
        item_id: "b",
        update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "!" },
      },
    ]);
    const state = store.getState();
    expect(state.itemIds).toBe(before);
    expect(selectThreadItem(state, "a")).toBe(a);
    expect(selectThreadItem(state, "b")).toMatchObject({ content: [{ text: "two!" }] });
  });

  it("follows the thread id announced by thread.created", () => {
    const store = createThreadStore(null);
    store.getState().apply([
      {
        type: "thread.created",
        thread: {
          id: "thr_new",
          created_at: "2026-05-01T10:00:00",
          status: { type: "active" },
          items: { data: [], has_more: false },
        },
      },
    ]);
    expect(store.getState().threadId).toBe("thr_new");
  });

  it("does not notify subscribers when an event changes nothing", () => {
    const store = createThreadStore("thr_1", [endOfTurn("a")]);
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().removeItem("missing");
    store.getState().finishStream();
    expect(listener).not.toHaveBeenCalled();
  });

  it("replaces an optimistic message by its copy in a loaded page, and only that one", () => {
    const user = (id: string, text: string): ThreadItem => ({
      type: "user_message",
      id,
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00",
      content: [{ type: "input_text", text }],
      attachments: [],
      inference_options: {},
    });
    const store = createThreadStore("thr_1");
    store.getState().addOptimisticMessage(user("optimistic_a", "hello"));
    store.getState().mergeItems([user("u0", "earlier question")], "prepend");
    expect(store.getState().itemIds).toEqual(["u0", "optimistic_a"]);
    store.getState().mergeItems([assistant("m2", "reply"), user("u1", "hello")], "prepend");
    expect(store.getState().itemIds).toEqual(["m2", "u1", "u0"]);
    // The stream's echo arriving afterwards keeps one copy.
    store.getState().apply([
      { type: "thread.item.removed", item_id: "optimistic_a" },
      { type: "thread.item.done", item: user("u1", "hello") },
    ]);
    expect(store.getState().itemIds).toEqual(["m2", "u1", "u0"]);
  });
});
