import { createAssistantMessage, createUserMessage } from "../testing/factories";
import {
  createThreadState,
  dismissThreadNotices,
  mergeThreadItems,
  removeThreadItem,
  selectThreadItem,
  selectThreadItems,
  upsertThreadItem,
} from "./thread-state";

describe("createThreadState", () => {
  it("holds items in order, a later duplicate replacing the earlier in place", () => {
    const a1 = createUserMessage("a", "one");
    const b = createUserMessage("b");
    const a2 = createUserMessage("a", "two");
    const state = createThreadState([a1, b, a2]);
    expect(state.itemIds).toEqual(["a", "b"]);
    expect(selectThreadItem(state, "a")).toBe(a2);
    expect(state).toMatchObject({
      thread: null,
      allowCancel: false,
      progress: null,
      notices: [],
      effects: [],
      error: null,
    });
  });
});

describe("mergeThreadItems", () => {
  const page1 = [createUserMessage("3"), createAssistantMessage("4", ["x"])];
  const page0 = [createUserMessage("1"), createAssistantMessage("2", ["y"])];

  it("prepends older pages and appends newer ones", () => {
    let state = createThreadState(page1);
    state = mergeThreadItems(state, page0, { position: "prepend" });
    expect(state.itemIds).toEqual(["1", "2", "3", "4"]);
    state = mergeThreadItems(state, [createUserMessage("5")], { position: "append" });
    expect(state.itemIds).toEqual(["1", "2", "3", "4", "5"]);
    expect(selectThreadItems(state).map((i) => i.id)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("replaces duplicates in place and keeps itemIds when no id is new", () => {
    const state = createThreadState([...page0, ...page1]);
    const fresh = createAssistantMessage("2", ["updated"]);
    const next = mergeThreadItems(state, [fresh, page1[0] as never], { position: "prepend" });
    expect(next.itemIds).toBe(state.itemIds);
    expect(selectThreadItem(next, "2")).toBe(fresh);
    expect(selectThreadItem(next, "1")).toBe(selectThreadItem(state, "1"));
    expect(mergeThreadItems(next, [fresh], { position: "append" })).toBe(next);
  });
});

describe("upsertThreadItem and removeThreadItem", () => {
  it("appends new items, replaces known ones, and removes by id", () => {
    let state = createThreadState([createUserMessage("a")]);
    state = upsertThreadItem(state, createUserMessage("b"));
    const ids = state.itemIds;
    state = upsertThreadItem(state, createUserMessage("a", "changed"));
    expect(state.itemIds).toBe(ids);
    state = removeThreadItem(state, "a");
    expect(state.itemIds).toEqual(["b"]);
    expect(removeThreadItem(state, "zzz")).toBe(state);
  });
});

describe("dismissThreadNotices", () => {
  it("drops notices up to a sequence number", () => {
    const state = {
      ...createThreadState(),
      notices: [
        { seq: 1, level: "info" as const, message: "a", title: null },
        { seq: 2, level: "info" as const, message: "b", title: null },
      ],
    };
    expect(dismissThreadNotices(state, 1).notices.map((n) => n.seq)).toEqual([2]);
    expect(dismissThreadNotices(state, 0)).toBe(state);
  });
});
