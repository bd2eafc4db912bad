/**
 * Budget: one `items.list` page (20 items) costs the same for a 10,000-item thread as for a
 * 100-item one (within 1.5×): the dev server's SQLite store (`@threadkit/server/sqlite`) pages
 * through the `(thread_id, seq)` index, it never loads a thread.
 */
import type { AssistantMessageItem } from "@threadkit/core";
import { SqliteStore } from "@threadkit/server/sqlite";
import { bench, describe } from "vitest";
import { type DevContext, userContext } from "../src/services";

const context = userContext("u");

async function seeded(
  count: number,
): Promise<{ store: SqliteStore<DevContext>; threadId: string; middle: string }> {
  const store = new SqliteStore<DevContext>(":memory:", { owner: (c) => c.user });
  const threadId = `thr_${count}`;
  await store.saveThread(
    {
      id: threadId,
      created_at: new Date(0).toISOString(),
      title: null,
      status: { type: "active" },
      metadata: {},
    },
    context,
  );
  let middle = "";
  store.db.exec("BEGIN");
  for (let i = 0; i < count; i++) {
    const item: AssistantMessageItem = {
      id: `msg_${i}`,
      thread_id: threadId,
      created_at: new Date(i * 1000).toISOString(),
      type: "assistant_message",
      content: [{ type: "output_text", text: `Message ${i} `.repeat(20), annotations: [] }],
    };
    await store.addThreadItem(threadId, item, context);
    if (i === Math.floor(count / 2)) middle = item.id;
  }
  store.db.exec("COMMIT");
  return { store, threadId, middle };
}

const small = await seeded(100);
const large = await seeded(10_000);

describe("items.list page of 20", () => {
  bench("100-item thread, newest page", async () => {
    await small.store.loadThreadItems(
      small.threadId,
      { after: null, limit: 20, order: "desc" },
      context,
    );
  });
  bench("10,000-item thread, newest page", async () => {
    await large.store.loadThreadItems(
      large.threadId,
      { after: null, limit: 20, order: "desc" },
      context,
    );
  });
  bench("10,000-item thread, page after a cursor in the middle", async () => {
    await large.store.loadThreadItems(
      large.threadId,
      { after: large.middle, limit: 20, order: "asc" },
      context,
    );
  });
});
