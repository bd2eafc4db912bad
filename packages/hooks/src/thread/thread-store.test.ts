import type { ThreadItem } from "@threadkit/core";
import { createThreadStore } from "./thread-store";

const endOfTurn = (id: string): ThreadItem => ({
  type: "end_of_turn",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
});

test("upsertItems appends new ids and replaces existing items without touching the others", () => {
  const a = endOfTurn("a");
  const b = endOfTurn("b");
  const store = createThreadStore([a, b]);
  const replaced = { ...b, created_at: "2026-05-01T10:00:01" };
  store.getState().upsertItems([replaced, endOfTurn("c")]);
  const state = store.getState();
  expect(state.itemIds).toEqual(["a", "b", "c"]);
  expect(state.itemsById.a).toBe(a);
  expect(state.itemsById.b).toBe(replaced);
});
