/**
 * Budget: one `items.list` page (20 items) costs the same for a 10,000-item thread as for a
 * 100-item one (within 1.5×): paging walks the `(thread_id, seq)` index, it never loads a thread.
 */
import type { AssistantMessageItem } from "@threadkit/core";
import { bench, describe } from "vitest";
import { DevStore } from "../src/store";

function seeded(count: number): { store: DevStore; threadId: string; middle: string } {
  const store = new DevStore(null);
  const threadId = `thr_${count}`;
  store.createThread({
    id: threadId,
    created_at: 0,
    title: null,
    status: { type: "active" },
    user: "u",
    metadata: {},
  });
  let middle = "";
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const item: AssistantMessageItem = {
        id: `msg_${i}`,
        thread_id: threadId,
        created_at: new Date(i * 1000).toISOString(),
        type: "assistant_message",
        content: [{ type: "output_text", text: `Message ${i} `.repeat(20), annotations: [] }],
      };
      store.upsertItem(item);
      if (i === Math.floor(count / 2)) middle = item.id;
    }
  })();
  return { store, threadId, middle };
}

const small = seeded(100);
const large = seeded(10_000);

describe("items.list page of 20", () => {
  bench("100-item thread, newest page", () => {
    small.store.listItems(small.threadId, { limit: 20, order: "desc" });
  });
  bench("10,000-item thread, newest page", () => {
    large.store.listItems(large.threadId, { limit: 20, order: "desc" });
  });
  bench("10,000-item thread, page after a cursor in the middle", () => {
    large.store.listItems(large.threadId, { limit: 20, order: "asc", after: large.middle });
  });
});
