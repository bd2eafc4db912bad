/**
 * The behaviour every `Store` must have, run against each implementation (SQLite, PostgreSQL).
 * Modelled on chatkit-python's `tests/test_store.py`.
 */
import type { Attachment, ThreadMetadata, UserMessageItem } from "@threadkit/core";
import { afterEach, describe, expect, it } from "vitest";
import { BadRequestError, NotFoundError, type Store, type StoredThreadItem } from "../src/index";
import type { SqlStoreOptions } from "../src/sql";

/** The request context used by the suite. */
export interface TestContext {
  user: string;
}

/** Opens a fresh, empty store (and closes it). */
export type StoreFactory = (
  options?: SqlStoreOptions<TestContext>,
) => Promise<{ store: Store<TestContext>; close(): Promise<void> }>;

const ctx: TestContext = { user: "alice" };

function thread(id: string, extra: Partial<ThreadMetadata> = {}): ThreadMetadata {
  return {
    id,
    title: `Thread ${id}`,
    created_at: "2026-01-01T00:00:00.000Z",
    status: { type: "active" },
    metadata: { test: "test" },
    ...extra,
  };
}

function message(threadId: string, id: string, text = id): UserMessageItem {
  return {
    id,
    thread_id: threadId,
    created_at: "2026-01-01T00:00:00.000Z",
    type: "user_message",
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
  };
}

/** Registers the shared store behaviour suite. */
export function describeStoreBehaviour(name: string, open: StoreFactory): void {
  describe(`${name} store behaviour`, () => {
    const closers: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const close of closers.splice(0)) await close();
    });
    async function fresh(options?: SqlStoreOptions<TestContext>): Promise<Store<TestContext>> {
      const opened = await open(options);
      closers.push(opened.close);
      return opened.store;
    }

    it("saves, loads and overwrites thread metadata; a missing thread is NotFoundError", async () => {
      const store = await fresh();
      await store.saveThread(thread("thr_1", { title: null }), ctx);
      expect(await store.loadThread("thr_1", ctx)).toEqual(thread("thr_1", { title: null }));
      await store.saveThread(
        thread("thr_1", { title: "Renamed", status: { type: "locked", reason: "done" } }),
        ctx,
      );
      expect(await store.loadThread("thr_1", ctx)).toMatchObject({
        title: "Renamed",
        status: { type: "locked", reason: "done" },
        metadata: { test: "test" },
      });
      await expect(store.loadThread("thr_missing", ctx)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("pages threads in both orders with cursors; updates keep a thread's place", async () => {
      const store = await fresh();
      for (const id of ["t1", "t2", "t3", "t4", "t5"]) await store.saveThread(thread(id), ctx);
      await store.saveThread(thread("t2", { title: "updated" }), ctx);
      const asc1 = await store.loadThreads({ limit: 2, order: "asc" }, ctx);
      expect(asc1.data.map((t) => t.id)).toEqual(["t1", "t2"]);
      expect(asc1).toMatchObject({ has_more: true, after: "t2" });
      const asc2 = await store.loadThreads({ limit: 2, order: "asc", after: asc1.after }, ctx);
      expect(asc2.data.map((t) => t.id)).toEqual(["t3", "t4"]);
      const asc3 = await store.loadThreads({ limit: 2, order: "asc", after: asc2.after }, ctx);
      expect(asc3.data.map((t) => t.id)).toEqual(["t5"]);
      expect(asc3.has_more).toBe(false);
      expect(asc3.after ?? null).toBeNull();
      const desc = await store.loadThreads({ limit: 3, order: "desc" }, ctx);
      expect(desc.data.map((t) => t.id)).toEqual(["t5", "t4", "t3"]);
      const desc2 = await store.loadThreads({ limit: 3, order: "desc", after: desc.after }, ctx);
      expect(desc2.data.map((t) => t.id)).toEqual(["t2", "t1"]);
      expect(desc2.data[0]?.title).toBe("updated");
      await expect(
        store.loadThreads({ limit: 2, order: "asc", after: "nope" }, ctx),
      ).rejects.toBeInstanceOf(BadRequestError);
    });

    it("keeps items in insertion order, pages both ways, replaces in place", async () => {
      const store = await fresh();
      await store.saveThread(thread("thr"), ctx);
      for (let i = 0; i < 5; i += 1) await store.addThreadItem("thr", message("thr", `m${i}`), ctx);
      const asc = await store.loadThreadItems("thr", { limit: 3, order: "asc" }, ctx);
      expect(asc.data.map((i) => i.id)).toEqual(["m0", "m1", "m2"]);
      expect(asc).toMatchObject({ has_more: true, after: "m2" });
      const rest = await store.loadThreadItems("thr", { limit: 3, order: "asc", after: "m2" }, ctx);
      expect(rest.data.map((i) => i.id)).toEqual(["m3", "m4"]);
      expect(rest.has_more).toBe(false);
      const desc = await store.loadThreadItems(
        "thr",
        { limit: 2, order: "desc", after: "m3" },
        ctx,
      );
      expect(desc.data.map((i) => i.id)).toEqual(["m2", "m1"]);
      expect(desc.has_more).toBe(true);
      await store.saveItem("thr", message("thr", "m1", "edited"), ctx);
      const all = await store.loadThreadItems("thr", { limit: 10, order: "asc" }, ctx);
      expect(all.data.map((i) => i.id)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
      expect(await store.loadItem("thr", "m1", ctx)).toEqual(message("thr", "m1", "edited"));
      await expect(
        store.loadThreadItems("thr", { limit: 2, order: "asc", after: "zzz" }, ctx),
      ).rejects.toBeInstanceOf(BadRequestError);
    });

    it("loads, deletes and isolates items per thread; missing items are NotFoundError", async () => {
      const store = await fresh();
      await store.saveThread(thread("a"), ctx);
      await store.saveThread(thread("b"), ctx);
      await store.addThreadItem("a", message("a", "x"), ctx);
      await store.addThreadItem("b", message("b", "y"), ctx);
      await expect(store.loadItem("a", "y", ctx)).rejects.toBeInstanceOf(NotFoundError);
      await store.deleteThreadItem("a", "x", ctx);
      await store.deleteThreadItem("a", "x", ctx);
      await expect(store.loadItem("a", "x", ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.loadThreadItems("b", { limit: 5, order: "asc" }, ctx)).data).toEqual([
        message("b", "y"),
      ]);
    });

    it("deletes a thread with its items and nothing else", async () => {
      const store = await fresh();
      await store.saveThread(thread("a"), ctx);
      await store.saveThread(thread("b"), ctx);
      await store.addThreadItem("a", message("a", "x"), ctx);
      await store.addThreadItem("b", message("b", "y"), ctx);
      await store.deleteThread("a", ctx);
      await expect(store.loadThread("a", ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.loadThreadItems("a", { limit: 5, order: "asc" }, ctx)).data).toEqual([]);
      expect((await store.loadThreadItems("b", { limit: 5, order: "asc" }, ctx)).data).toHaveLength(
        1,
      );
      expect(
        (await store.loadThreads({ limit: 5, order: "asc" }, ctx)).data.map((t) => t.id),
      ).toEqual(["b"]);
    });

    it("round-trips every item shape, hidden context included", async () => {
      const store = await fresh();
      await store.saveThread(thread("thr"), ctx);
      const items: StoredThreadItem[] = [
        {
          ...message("thr", "u1", "héllo ✓ with a NUL \u0000 and 😀"),
          attachments: [
            {
              id: "atc_1",
              type: "file",
              name: "a.txt",
              mime_type: "text/plain",
              metadata: { k: 1 },
            },
          ],
          quoted_text: "quote",
        },
        {
          id: "a1",
          thread_id: "thr",
          created_at: "2026-01-01T00:00:01.000Z",
          type: "assistant_message",
          content: [{ type: "output_text", text: "Hi", annotations: [] }],
        },
        {
          id: "w1",
          thread_id: "thr",
          created_at: "2026-01-01T00:00:02.000Z",
          type: "widget",
          widget: { type: "Card", children: [{ type: "Text", id: "t", value: "x" }] },
        },
        {
          id: "h1",
          thread_id: "thr",
          created_at: "2026-01-01T00:00:03.000Z",
          type: "hidden_context_item",
          content: { any: ["json", 1, null] },
        },
        {
          id: "s1",
          thread_id: "thr",
          created_at: "2026-01-01T00:00:04.000Z",
          type: "sdk_hidden_context",
          content: "cancelled",
        },
      ];
      for (const item of items) await store.addThreadItem("thr", item, ctx);
      const page = await store.loadThreadItems("thr", { limit: 10, order: "asc" }, ctx);
      expect(page.data).toEqual(items);
    });

    it("saves, loads and deletes attachment metadata", async () => {
      const store = await fresh();
      const file: Attachment = {
        id: "atc_f",
        type: "file",
        name: "a.txt",
        mime_type: "text/plain",
        metadata: { source: "test" },
      };
      const image: Attachment = {
        id: "atc_i",
        type: "image",
        name: "a.png",
        mime_type: "image/png",
        preview_url: "https://example.com/a.png",
      };
      await store.saveAttachment(file, ctx);
      await store.saveAttachment(image, ctx);
      expect(await store.loadAttachment("atc_f", ctx)).toEqual(file);
      expect(await store.loadAttachment("atc_i", ctx)).toEqual(image);
      await store.saveAttachment({ ...file, thread_id: "thr_1" }, ctx);
      expect(await store.loadAttachment("atc_f", ctx)).toMatchObject({ thread_id: "thr_1" });
      await store.deleteAttachment("atc_f", ctx);
      await expect(store.loadAttachment("atc_f", ctx)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("scopes threads and attachments to an owner from the context", async () => {
      const store = await fresh({ owner: (c) => c.user });
      const alice = { user: "alice" };
      const bob = { user: "bob" };
      await store.saveThread(thread("ta"), alice);
      await store.saveThread(thread("tb"), bob);
      expect(
        (await store.loadThreads({ limit: 10, order: "asc" }, alice)).data.map((t) => t.id),
      ).toEqual(["ta"]);
      await expect(store.loadThread("ta", bob)).rejects.toBeInstanceOf(NotFoundError);
      // Bob can neither overwrite nor delete Alice's thread.
      await expect(store.saveThread(thread("ta", { title: "mine" }), bob)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await store.deleteThread("ta", bob);
      expect((await store.loadThread("ta", alice)).title).toBe("Thread ta");
      await store.saveAttachment({ id: "atc", type: "file", name: "n", mime_type: "x/y" }, alice);
      await expect(store.loadAttachment("atc", bob)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("loses no item when many writers append to one thread at once", async () => {
      const store = await fresh();
      await store.saveThread(thread("busy"), ctx);
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.addThreadItem("busy", message("busy", `c${i}`), ctx),
        ),
      );
      const page = await store.loadThreadItems("busy", { limit: 100, order: "asc" }, ctx);
      expect(page.data.map((i) => i.id).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `c${i}`).sort(),
      );
    });
  });
}
