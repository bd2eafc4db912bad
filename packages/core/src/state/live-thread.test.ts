import type { ClientToolCallItem, ThreadItem } from "../chatkit/thread-item";
import { createAssistantMessage, createUserMessage, textDelta } from "../testing/factories";
import { applyThreadEvents, completeThreadToolCall } from "./apply-thread-events";
import {
  addOptimisticThreadMessage,
  isThreadToolCallCompleted,
  mergeThreadPage,
  upsertLiveThreadItem,
  upsertLiveThreadItems,
} from "./live-thread";
import { reduceThreadStreamEvents } from "./reduce-thread-stream";
import { createThreadState, selectThreadItem } from "./thread-state";

const toolCall = (id: string, status: "pending" | "completed", output?: unknown) =>
  ({
    type: "client_tool_call",
    id,
    thread_id: "thr_test",
    created_at: "2026-01-01T00:00:00",
    status,
    call_id: `call_${id}`,
    name: "lookup",
    arguments: {},
    ...(output === undefined ? {} : { output }),
  }) as ClientToolCallItem;

const endOfTurn = (id: string): ThreadItem => ({
  type: "end_of_turn",
  id,
  thread_id: "thr_test",
  created_at: "2026-01-01T00:00:00",
});

describe("applyThreadEvents", () => {
  it("reduces a batch like reduceThreadStreamEvents and counts it as one live change", () => {
    const events = [
      { type: "thread.item.added" as const, item: createAssistantMessage("m", [""]) },
      textDelta("m", "Hel"),
      textDelta("m", "lo"),
    ];
    const state = applyThreadEvents(createThreadState(), events);
    const plain = reduceThreadStreamEvents(createThreadState(), events);
    expect(state.itemIds).toEqual(plain.itemIds);
    expect(selectThreadItem(state, "m")).toEqual(selectThreadItem(plain, "m"));
    expect(state.live.version).toBe(1);
    expect(state.live.changedAt.get("m")).toBe(1);
    expect(applyThreadEvents(state, [textDelta("m", "!")]).live.version).toBe(2);
  });

  it("returns the same state for an empty batch", () => {
    const state = createThreadState([endOfTurn("a")]);
    expect(applyThreadEvents(state, [])).toBe(state);
  });
});

describe("mergeThreadPage", () => {
  it("never overwrites a streaming item, and dedupes ids", () => {
    const live = createAssistantMessage("b", ["live"]);
    let state = applyThreadEvents(createThreadState(), [{ type: "thread.item.added", item: live }]);
    state = mergeThreadPage(state, [endOfTurn("a"), createAssistantMessage("b", ["stale"])], {
      position: "prepend",
    });
    state = mergeThreadPage(state, [endOfTurn("c")], { position: "append" });
    expect(state.itemIds).toEqual(["a", "b", "c"]);
    expect(selectThreadItem(state, "b")).toBe(live);
  });

  it("keeps an item a live change touched after `since`, but takes newer pages", () => {
    let state = createThreadState();
    const since = state.live.version;
    const done = createAssistantMessage("b", ["final text"]);
    state = applyThreadEvents(state, [
      { type: "thread.item.added", item: createAssistantMessage("b", [""]) },
      { type: "thread.item.done", item: done },
    ]);
    state = mergeThreadPage(state, [endOfTurn("a"), createAssistantMessage("b", [""])], {
      position: "prepend",
      since,
    });
    expect(state.itemIds).toEqual(["a", "b"]);
    expect(selectThreadItem(state, "b")).toBe(done);
    const fresh = createAssistantMessage("b", ["edited on the server"]);
    state = mergeThreadPage(state, [fresh], { position: "append", since: state.live.version });
    expect(selectThreadItem(state, "b")).toBe(fresh);
  });

  it("counts items a live run upserted as live changes", () => {
    let state = createThreadState();
    const since = state.live.version;
    const live = createAssistantMessage("m", ["from the run"]);
    state = upsertLiveThreadItems(state, [live]);
    state = mergeThreadPage(state, [createAssistantMessage("m", ["older"])], {
      position: "prepend",
      since,
    });
    expect(selectThreadItem(state, "m")).toBe(live);
    expect(upsertLiveThreadItems(state, [])).toBe(state);
  });

  it("replaces an optimistic message by its copy in a page, and only that one", () => {
    let state = addOptimisticThreadMessage(
      createThreadState(),
      createUserMessage("optimistic_a", "hello"),
    );
    state = mergeThreadPage(state, [createUserMessage("u0", "earlier question")], {
      position: "prepend",
    });
    expect(state.itemIds).toEqual(["u0", "optimistic_a"]);
    state = mergeThreadPage(
      state,
      [createAssistantMessage("m2", ["reply"]), createUserMessage("u1", "hello")],
      { position: "prepend" },
    );
    expect(state.itemIds).toEqual(["m2", "u1", "u0"]);
    expect(state.live.optimisticIds).toEqual([]);
  });
});

describe("client tool calls", () => {
  it("keeps a posted output over a later pending copy from a stream, a page or an upsert", () => {
    let state = applyThreadEvents(createThreadState(), [
      { type: "thread.item.done", item: toolCall("t", "pending") },
    ]);
    expect(isThreadToolCallCompleted(state, "t")).toBe(false);
    state = completeThreadToolCall(state, "t", { temperature: 21 });
    expect(isThreadToolCallCompleted(state, "t")).toBe(true);
    expect(selectThreadItem(state, "t")).toMatchObject({
      status: "completed",
      output: { temperature: 21 },
    });
    state = applyThreadEvents(state, [
      { type: "thread.item.done", item: toolCall("t", "pending") },
    ]);
    expect(selectThreadItem(state, "t")).toMatchObject({ status: "completed" });
    state = mergeThreadPage(state, [toolCall("t", "pending")], { position: "append" });
    expect(selectThreadItem(state, "t")).toMatchObject({
      status: "completed",
      output: { temperature: 21 },
    });
    state = upsertLiveThreadItem(state, toolCall("t", "pending"));
    expect(selectThreadItem(state, "t")).toMatchObject({ status: "completed" });
    state = upsertLiveThreadItems(state, [toolCall("t", "pending")]);
    expect(selectThreadItem(state, "t")).toMatchObject({ status: "completed" });
  });

  it("remembers an output posted before the call arrived, `undefined` included", () => {
    let state = completeThreadToolCall(createThreadState(), "t", undefined);
    expect(isThreadToolCallCompleted(state, "t")).toBe(true);
    state = applyThreadEvents(state, [
      { type: "thread.item.added", item: toolCall("t", "pending") },
    ]);
    expect(selectThreadItem(state, "t")).toMatchObject({ status: "completed" });
  });
});

describe("single items without the stream reducer", () => {
  it("upserts, sends and completes exactly as the matching `thread.item.done` events do", () => {
    let base = applyThreadEvents(createThreadState([endOfTurn("a")]), [
      { type: "thread.item.added", item: createAssistantMessage("m", [""]) },
      textDelta("m", "Hi"),
      { type: "progress_update", text: "Thinking" },
      { type: "thread.item.added", item: toolCall("t", "pending") },
    ]);
    base = completeThreadToolCall(base, "t", 1);
    const done = (item: ThreadItem) =>
      applyThreadEvents(base, [{ type: "thread.item.done", item }]);
    for (const item of [
      createAssistantMessage("m", ["Hi!"]),
      toolCall("t", "pending"),
      endOfTurn("b"),
    ]) {
      const upserted = upsertLiveThreadItem(base, item);
      const expected = done(item);
      expect(upserted.itemIds).toEqual(expected.itemIds);
      expect([...upserted.itemsById]).toEqual([...expected.itemsById]);
      expect(upserted.streamingItemIds).toEqual(expected.streamingItemIds);
      expect(upserted.progress).toBeNull();
      expect(upserted.live).toEqual(expected.live);
    }
    const optimistic = createUserMessage("u", "Hello");
    const sent = addOptimisticThreadMessage(base, optimistic);
    expect(sent.itemIds).toEqual(done(optimistic).itemIds);
    expect(sent.progress).toBeNull();
  });

  it("ignores a broken hand-built item like the stream reducer does", () => {
    const state = createThreadState([endOfTurn("a")]);
    const next = upsertLiveThreadItem(state, null as unknown as ThreadItem);
    expect(next.itemIds).toBe(state.itemIds);
    expect(next.live.version).toBe(1);
    expect(
      applyThreadEvents(state, [{ type: "thread.item.done", item: null as unknown as ThreadItem }])
        .live.version,
    ).toBe(1);
  });
});
