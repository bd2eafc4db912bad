/**
 * Scale-out: two servers, each with its own connection pool (as two processes or machines
 * would have), on one database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ChatKitClient, createChatKitClient, type ThreadItem } from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/index";
import { PostgresStore } from "../src/postgres/index";
import { SqliteStore } from "../src/sqlite/index";
import { type AppContext, collect, input, startApp, type TestApp } from "./helpers/app";
import { createPostgresSchema } from "./helpers/databases";

type OpenPair = () => Promise<{
  stores: [Store<AppContext>, Store<AppContext>];
  close(): Promise<void>;
}>;

function describeScaleOut(name: string, openPair: OpenPair) {
  describe(`two servers on one ${name} database`, () => {
    let a: TestApp;
    let b: TestApp;
    let clientA: ChatKitClient;
    let clientB: ChatKitClient;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const pair = await openPair();
      close = pair.close;
      a = await startApp(pair.stores[0]);
      b = await startApp(pair.stores[1]);
      clientA = createChatKitClient({ url: a.url, maxRetries: 0 });
      clientB = createChatKitClient({ url: b.url, maxRetries: 0 });
    });
    afterEach(async () => {
      a.record.gate.open();
      await a.close();
      await b.close();
      await close();
    });

    it("one server streams while the other serves the thread consistently", async () => {
      const created = await collect(await clientA.threads.create(input("hello")));
      const threadId = created[0]?.type === "thread.created" ? created[0].thread.id : "";
      const body = await clientA.threads.addUserMessage(threadId, input("slow answer"));
      const reading = collect(body);
      await a.record.slowStarted;
      // Mid-stream on A: B sees the stored user message, not the half-written answer.
      const during = (await clientB.items.list(threadId, { limit: 20, order: "asc" })).data;
      expect(during.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "user_message",
      ]);
      expect((await clientB.threads.getById(threadId)).items.data).toHaveLength(3);
      a.record.gate.open();
      const streamed = await reading;
      const answer = streamed
        .flatMap((e) => (e.type === "thread.item.done" ? [e.item] : []))
        .at(-1);
      const after = (await clientB.items.list(threadId, { limit: 20, order: "asc" })).data;
      expect(after.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "user_message",
        "assistant_message",
      ]);
      expect(after.at(-1)).toEqual(answer);
      expect(after.at(-1)).toMatchObject({ content: [{ text: "Partial answer" }] });
      // A rename on B shows on A.
      await clientB.threads.update(threadId, "Shared");
      expect((await clientA.threads.getById(threadId)).title).toBe("Shared");
    });

    it("a status change streamed on one server keeps a rename made meanwhile on the other", async () => {
      const created = await collect(await clientA.threads.create(input("hello")));
      const threadId = created[0]?.type === "thread.created" ? created[0].thread.id : "";
      const reading = collect(
        await clientA.threads.addUserMessage(threadId, input("wait then lock")),
      );
      await a.record.slowStarted;
      await clientB.threads.update(threadId, "Renamed on B");
      a.record.gate.open();
      const streamed = await reading;
      expect(streamed.filter((e) => e.type === "thread.updated").at(-1)).toMatchObject({
        thread: { title: "Renamed on B", status: { type: "locked", reason: "Done waiting" } },
      });
      const thread = await clientB.threads.getById(threadId);
      expect(thread.title).toBe("Renamed on B");
      expect(thread.status).toEqual({ type: "locked", reason: "Done waiting" });
    });

    it("concurrent writers to one thread through both servers lose nothing", async () => {
      const created = await collect(await clientA.threads.create(input("start")));
      const threadId = created[0]?.type === "thread.created" ? created[0].thread.id : "";
      const texts = Array.from({ length: 12 }, (_, i) => `message ${i}`);
      const results = await Promise.all(
        texts.map(async (text, i) => {
          const client = i % 2 === 0 ? clientA : clientB;
          return collect(await client.threads.addUserMessage(threadId, input(text)));
        }),
      );
      for (const events of results) expect(events.some((e) => e.type === "error")).toBe(false);
      const fromA: ThreadItem[] = [];
      for await (const item of clientA.items.list(threadId, { limit: 5, order: "asc" }))
        fromA.push(item);
      const fromB: ThreadItem[] = [];
      for await (const item of clientB.items.list(threadId, { limit: 7, order: "desc" }))
        fromB.push(item);
      expect(fromB.map((i) => i.id)).toEqual(fromA.map((i) => i.id).reverse());
      expect(new Set(fromA.map((i) => i.id)).size).toBe(fromA.length);
      const userTexts = fromA.flatMap((item) =>
        item.type === "user_message" && item.content[0]?.type === "input_text"
          ? [item.content[0].text]
          : [],
      );
      expect(userTexts.sort()).toEqual(["start", ...texts].sort());
      expect(fromA.filter((i) => i.type === "assistant_message")).toHaveLength(13);
      // Every streamed item is stored exactly as it was sent.
      const streamedIds = results.flatMap((events) =>
        events.flatMap((e) => (e.type === "thread.item.done" ? [e.item.id] : [])),
      );
      for (const id of streamedIds) expect(fromA.map((i) => i.id)).toContain(id);
    });

    it("threads created on both servers list on both", async () => {
      await Promise.all(
        Array.from({ length: 6 }, async (_, i) =>
          collect(await (i % 2 ? clientA : clientB).threads.create(input(`t${i}`))),
        ),
      );
      const onA: string[] = [];
      for await (const thread of clientA.threads.list({ limit: 4 })) onA.push(thread.id);
      const onB: string[] = [];
      for await (const thread of clientB.threads.list({ limit: 2, order: "asc" }))
        onB.push(thread.id);
      expect(onA).toHaveLength(6);
      expect(onB).toEqual([...onA].reverse());
    });
  });
}

describeScaleOut("PostgreSQL", async () => {
  const schema = await createPostgresSchema();
  return {
    stores: [
      new PostgresStore<AppContext>(schema.pool(4)),
      new PostgresStore<AppContext>(schema.pool(4)),
    ],
    close: () => schema.drop(),
  };
});

describeScaleOut("SQLite file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "threadkit-scale-"));
  const file = path.join(dir, "chat.sqlite");
  const first = new SqliteStore<AppContext>(file);
  const second = new SqliteStore<AppContext>(file);
  return {
    stores: [first, second],
    close: async () => {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
