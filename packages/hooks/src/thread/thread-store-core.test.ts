import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { describe, expect, it, vi } from "vitest";
import { loadedRunRuntime, loadRunRuntime } from "../engine/load-run-runtime";
import { createThreadStoreRegistry } from "../provider/threadkit-provider";
import { completeThreadToolCall, selectThreadItem } from "./thread-state";
import { createThreadStore } from "./thread-store";
import {
  buildThreadStore,
  type ThreadEventsSource,
  type ThreadRunReducers,
} from "./thread-store-core";
import { applyStoreEvents } from "./thread-store-events";

const assistant = (id: string, text: string): ThreadItem => ({
  type: "assistant_message",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  content: [{ type: "output_text", text, annotations: [] }],
});

const endOfTurn = (id: string): ThreadItem => ({
  type: "end_of_turn",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
});

const toolCall = (id: string): ThreadItem => ({
  type: "client_tool_call",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  status: "pending",
  call_id: `call_${id}`,
  name: "lookup",
  arguments: {},
});

const delta = (itemId: string, text: string): ThreadStreamEvent => ({
  type: "thread.item.updated",
  item_id: itemId,
  update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: text },
});

const textOf = (item: ThreadItem | undefined) =>
  item?.type === "assistant_message" ? item.content[0]?.text : undefined;

/** A reducer source that arrives when the test says so (or fails to). */
function controlledSource() {
  let reducer: ThreadRunReducers | null = null;
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const load = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  const source: ThreadEventsSource = { current: () => reducer, load };
  return {
    source,
    load,
    arrive() {
      reducer = REDUCERS;
      settle?.resolve();
    },
    fail() {
      settle?.reject(new Error("chunk failed"));
    },
  };
}

const REDUCERS: ThreadRunReducers = { applyStoreEvents, completeThreadToolCall };

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("createThreadStore", () => {
  it("applies events at once, without any loading", () => {
    const store = createThreadStore("thr_1");
    store.getState().apply([{ type: "thread.item.added", item: assistant("a", "") }]);
    store.getState().apply([delta("a", "Hi")]);
    expect(textOf(selectThreadItem(store.getState(), "a"))).toBe("Hi");
    expect(store.getState().streamingItemIds).toEqual(["a"]);
  });
});

describe("a store whose stream reducer loads later", () => {
  it("changes the state at once for every action but `apply` and `completeClientToolCall`, before the reducers load", () => {
    const { source, load } = controlledSource();
    const store = buildThreadStore("thr_1", [endOfTurn("a")], source);
    store.getState().mergeItems([endOfTurn("b")], "append");
    store.getState().upsertItem(assistant("c", "one"));
    store.getState().addOptimisticMessage(assistant("d", "sent"));
    store.getState().removeItem("a");
    const end = store.getState().beginRun();
    expect(store.getState().itemIds).toEqual(["b", "c", "d"]);
    expect(store.getState().runsInFlight).toBe(1);
    end();
    expect(store.getState().runsInFlight).toBe(0);
    expect(load).not.toHaveBeenCalled();
  });

  it("keeps events applied before the reducer, and every action after them, in order", async () => {
    const { source, load, arrive } = controlledSource();
    const store = buildThreadStore("thr_1", [], source);
    const listener = vi.fn();
    store.subscribe(listener);
    const since = store.getState().liveVersion();
    store.getState().apply([{ type: "thread.item.added", item: assistant("m", "") }]);
    store.getState().apply([delta("m", "Hel")]);
    // A page read before the events: it must not undo them once they apply.
    store.getState().mergeItems([endOfTurn("a"), assistant("m", "stale")], "prepend", since);
    store.getState().apply([delta("m", "lo")]);
    store.getState().apply([{ type: "thread.item.added", item: assistant("x", "") }]);
    // The echo of an optimistic message: it must remove `x` after `x` was added.
    store.getState().removeItem("x");
    // A posted tool output completes the call the waiting events bring.
    store.getState().apply([{ type: "thread.item.done", item: toolCall("t") }]);
    store.getState().completeClientToolCall("t", { ok: true });
    expect(store.getState().isClientToolCallCompleted("t")).toBe(false);
    expect(load).toHaveBeenCalled();
    const loads = load.mock.calls.length;
    expect(store.getState().itemIds).toEqual([]);
    expect(listener).not.toHaveBeenCalled();

    arrive();
    await tick();
    expect(store.getState().itemIds).toEqual(["a", "m", "t"]);
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hello");
    expect(selectThreadItem(store.getState(), "t")).toMatchObject({
      status: "completed",
      output: { ok: true },
    });
    // Events right after the arrival apply at once.
    store.getState().apply([delta("m", "!")]);
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hello!");
    expect(load).toHaveBeenCalledTimes(loads);
  });

  it("applies waiting events first when an action comes after the reducer arrived elsewhere", () => {
    let reducer: ThreadRunReducers | null = null;
    const source: ThreadEventsSource = {
      current: () => reducer,
      load: () => new Promise(() => {}),
    };
    const store = buildThreadStore("thr_1", [], source);
    store.getState().apply([{ type: "thread.item.added", item: assistant("m", "") }]);
    // A run loaded the runtime on its own; its first action flushes the waiting events first.
    reducer = REDUCERS;
    store.getState().apply([delta("m", "Hi")]);
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hi");
    store.getState().upsertItem(assistant("m", "Hi there"));
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hi there");
  });

  it("loses nothing when the reducer fails to load, and tries again on the next action", async () => {
    const first = controlledSource();
    const store = buildThreadStore("thr_1", [], first.source);
    store.getState().apply([{ type: "thread.item.added", item: assistant("m", "") }]);
    first.fail();
    await tick();
    expect(store.getState().itemIds).toEqual([]);
    store.getState().apply([delta("m", "Hi")]);
    expect(first.load).toHaveBeenCalledTimes(2);
    first.arrive();
    await tick();
    expect(store.getState().itemIds).toEqual(["m"]);
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hi");
  });
});

describe("the provider's stores", () => {
  it("take the stream reducer from the run engine's runtime, applying events in order across its arrival", async () => {
    expect(loadedRunRuntime()).toBeNull();
    const store = createThreadStoreRegistry().get("thr_1");
    store.getState().mergeItems([endOfTurn("a")], "append");
    expect(store.getState().itemIds).toEqual(["a"]);
    store.getState().apply([{ type: "thread.item.added", item: assistant("m", "") }]);
    store.getState().apply([delta("m", "Hel")]);
    expect(store.getState().itemIds).toEqual(["a"]);
    const runtime = await loadRunRuntime();
    // Events a run produces right after the load: behind the waiting ones, at once.
    store.getState().apply([delta("m", "lo")]);
    expect(runtime.applyStoreEvents).toBe(applyStoreEvents);
    expect(store.getState().itemIds).toEqual(["a", "m"]);
    expect(textOf(selectThreadItem(store.getState(), "m"))).toBe("Hello");
  });
});
