/**
 * Scale-out with real processes: two server processes (helpers/process-server.ts, each with its
 * own pool) on one PostgreSQL database, as two machines behind a load balancer would run.
 * `scale-out.test.ts` covers the same ground in one process, on PostgreSQL and on a SQLite file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ChatKitClient,
  createChatKitClient,
  readThreadStream,
  type ThreadItem,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collect, input } from "./helpers/app";
import { createPostgresSchema, postgresUrl, type TestSchema } from "./helpers/databases";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");

interface ServerProcess {
  url: string;
  child: ChildProcess;
  client: ChatKitClient;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

function startProcess(schema: TestSchema): Promise<ServerProcess> {
  // Node itself runs the server (tsx as a loader, not a wrapper process), so that a signal
  // reaches the process that holds the connections.
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=@threadkit/source",
      path.join(here, "helpers", "process-server.ts"),
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, THREADKIT_PG_URL: postgresUrl(), THREADKIT_PG_SCHEMA: schema.name },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /process-server listening on (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      child.stdout?.off("data", onData);
      const url = match[1];
      resolve({
        url,
        child,
        client: createChatKitClient({ url: `${url}/chatkit`, maxRetries: 0 }),
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) =>
      reject(
        new Error(`the server process exited (${code ?? signal}) before listening:\n${output}`),
      ),
    );
  });
}

async function waitForSlow(server: ServerProcess): Promise<void> {
  for (;;) {
    const { waiting } = (await (await fetch(`${server.url}/slow-started`)).json()) as {
      waiting: number;
    };
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function allItems(
  client: ChatKitClient,
  threadId: string,
  order: "asc" | "desc",
  limit: number,
): Promise<ThreadItem[]> {
  const items: ThreadItem[] = [];
  for await (const item of client.items.list(threadId, { order, limit })) items.push(item);
  return items;
}

const threadOf = (events: ThreadStreamEvent[]): string => {
  const created = events[0];
  if (created?.type !== "thread.created") throw new Error("no thread.created event");
  return created.thread.id;
};
const doneItems = (events: ThreadStreamEvent[]): ThreadItem[] =>
  events.flatMap((e) => (e.type === "thread.item.done" ? [e.item] : []));
const userText = (item: ThreadItem): string =>
  item.type === "user_message" && item.content[0]?.type === "input_text"
    ? item.content[0].text
    : "";

describe("two server processes on one PostgreSQL database", () => {
  let schema: TestSchema;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeEach(async () => {
    schema = await createPostgresSchema();
    // Both start at once: they race to create the schema.
    [a, b] = await Promise.all([startProcess(schema), startProcess(schema)]);
  }, 60_000);

  afterEach(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
  });

  it("one streams while the other serves items.list and threads.list consistently", async () => {
    const threadId = threadOf(await collect(await a.client.threads.create(input("hello"))));
    const reading = collect(await a.client.threads.addUserMessage(threadId, input("slow please")));
    await waitForSlow(a);

    // Mid-stream on A: B sees what A committed (the user message, the task), not the partial answer.
    const during = await allItems(b.client, threadId, "asc", 2);
    expect(during.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "task",
    ]);
    expect((await allItems(b.client, threadId, "desc", 3)).map((i) => i.id)).toEqual(
      during.map((i) => i.id).reverse(),
    );
    const listed = (await b.client.threads.list({ limit: 10 })).data;
    expect(listed.map((t) => [t.id, t.title])).toEqual([[threadId, "hello"]]);

    await fetch(`${a.url}/gate`, { method: "POST" });
    const streamed = doneItems(await reading);
    const after = await allItems(b.client, threadId, "asc", 3);
    expect(after.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "task",
      "assistant_message",
    ]);
    // Everything A streamed as done is stored exactly as sent, and B serves it.
    expect(after.slice(2)).toEqual(streamed);
    expect(after.at(-1)).toMatchObject({ content: [{ text: "Partial answer" }] });
  });

  it("two clients writing to one thread at once, through both processes, lose nothing and keep order", async () => {
    const threadId = threadOf(await collect(await a.client.threads.create(input("start"))));
    const send = async (server: ServerProcess, who: string) => {
      const sent: ThreadStreamEvent[][] = [];
      for (let n = 0; n < 6; n++) {
        sent.push(
          await collect(await server.client.threads.addUserMessage(threadId, input(`${who} ${n}`))),
        );
      }
      return sent;
    };
    const [fromA, fromB] = await Promise.all([send(a, "first"), send(b, "second")]);
    for (const events of [...fromA, ...fromB]) {
      expect(events.some((e) => e.type === "error")).toBe(false);
    }

    const stored = await allItems(a.client, threadId, "asc", 5);
    expect((await allItems(b.client, threadId, "desc", 4)).map((i) => i.id)).toEqual(
      stored.map((i) => i.id).reverse(),
    );
    expect(new Set(stored.map((i) => i.id)).size).toBe(stored.length);
    expect(stored).toHaveLength(26);
    // Each client's messages are stored in the order it sent them.
    const texts = stored.map(userText).filter(Boolean);
    expect(texts.filter((t) => t.startsWith("first"))).toEqual(
      Array.from({ length: 6 }, (_, n) => `first ${n}`),
    );
    expect(texts.filter((t) => t.startsWith("second"))).toEqual(
      Array.from({ length: 6 }, (_, n) => `second ${n}`),
    );
    // Every streamed item is stored exactly as it was sent, and each answer follows its message.
    const byId = new Map(stored.map((item, index) => [item.id, { item, index }]));
    for (const events of [...fromA, ...fromB]) {
      const [message, answer] = doneItems(events);
      expect(message && byId.get(message.id)?.item).toEqual(message);
      expect(answer && byId.get(answer.id)?.item).toEqual(answer);
      expect(byId.get(answer?.id ?? "")?.index).toBeGreaterThan(
        byId.get(message?.id ?? "")?.index ?? Number.POSITIVE_INFINITY,
      );
      expect(answer).toMatchObject({
        content: [{ text: `Echo: ${userText(message as ThreadItem)}` }],
      });
    }
  });

  it("a process killed mid-stream loses nothing it committed; the other carries on", async () => {
    const threadId = threadOf(await collect(await a.client.threads.create(input("hello"))));
    const body = await a.client.threads.addUserMessage(threadId, input("slow please"));
    const received: ThreadStreamEvent[] = [];
    const reading = (async () => {
      try {
        for await (const event of readThreadStream(body)) received.push(event as ThreadStreamEvent);
      } catch {
        // The connection dies with the process.
      }
    })();
    await waitForSlow(a);
    a.child.kill("SIGKILL");
    await a.exited;
    await reading;

    const stored = await allItems(b.client, threadId, "asc", 2);
    expect(stored.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "task",
    ]);
    expect(userText(stored[2] as ThreadItem)).toBe("slow please");
    // Every item the client saw done before the kill is stored as it was sent.
    const seen = doneItems(received);
    expect(seen.map((i) => i.type)).toEqual(["user_message", "task"]);
    expect(stored.slice(2)).toEqual(seen);
    // The thread itself is intact, and B answers on it.
    expect((await b.client.threads.getById(threadId)).title).toBe("hello");
    const next = await collect(
      await b.client.threads.addUserMessage(threadId, input("still here")),
    );
    expect(doneItems(next).at(-1)).toMatchObject({ content: [{ text: "Echo: still here" }] });
    const after = await allItems(b.client, threadId, "desc", 3);
    expect(after.map((i) => i.type)).toEqual([
      "assistant_message",
      "user_message",
      "task",
      "user_message",
      "assistant_message",
      "user_message",
    ]);
  });
});
