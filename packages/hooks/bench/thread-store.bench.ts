/**
 * Cost of committing stream events to a thread store as the thread grows: one text delta, and
 * one animation frame's worth (50 deltas) committed at once, with a subscriber per item
 * selecting its own item (what `useThreadItem` does) plus one list subscriber.
 */
import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { bench, describe } from "vitest";
import { selectThreadItem } from "../src/thread/thread-state";
import { createThreadStore } from "../src/thread/thread-store";

const item = (id: string): ThreadItem => ({
  type: "assistant_message",
  id,
  thread_id: "thr_bench",
  created_at: "2026-05-01T10:00:00",
  content: [{ type: "output_text", text: "hello", annotations: [] }],
});

const delta = (id: string): ThreadStreamEvent => ({
  type: "thread.item.updated",
  item_id: id,
  update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "x" },
});

function storeWith(count: number, subscribers: number) {
  const store = createThreadStore(
    "thr_bench",
    Array.from({ length: count }, (_, i) => item(`msg_${i}`)),
  );
  // Subscribers behave like zustand's useStore: run the selector, compare with Object.is.
  for (let i = 0; i < Math.min(subscribers, count); i++) {
    const id = `msg_${count - 1 - i}`;
    let last = selectThreadItem(store.getState(), id);
    store.subscribe((state) => {
      const next = selectThreadItem(state, id);
      if (next !== last) last = next;
    });
  }
  let ids = store.getState().itemIds;
  store.subscribe((state) => {
    if (state.itemIds !== ids) ids = state.itemIds;
  });
  return store;
}

for (const count of [10, 1_000, 10_000]) {
  describe(`${count} items`, () => {
    // A virtualized list mounts about 50 item subscribers whatever the thread length.
    const store = storeWith(count, 50);
    const last = `msg_${count - 1}`;
    const one = [delta(last)];
    const frame = Array.from({ length: 50 }, () => delta(last));
    bench("commit one text delta", () => {
      store.getState().apply(one);
    });
    bench("commit one frame of 50 text deltas", () => {
      store.getState().apply(frame);
    });
  });
}
