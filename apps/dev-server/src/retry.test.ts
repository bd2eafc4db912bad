import type { StoredThreadItem } from "@threadkit/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DevServer } from "./server";
import { userContext } from "./services";
import {
  chatkit,
  chatkitStream,
  doneItems,
  input,
  startServer,
  startThread,
  storedItems,
} from "./test-utils";

// `threads.retry_after_item` as the official Python server answers it (chatkit/server.py):
// every item after the user message is deleted from the store, and the stream that follows
// carries no `thread.item.removed` for them. Clients drop them on their own.

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const stored = (threadId: string): Promise<StoredThreadItem[]> => storedItems(server, threadId);

describe("threads.retry_after_item", () => {
  it("deletes every item after the message without thread.item.removed events", async () => {
    const { threadId, events } = await startThread(server, "hello");
    const first = doneItems(events)[0];
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("and again"),
    });
    expect((await stored(threadId)).map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "assistant_message",
    ]);
    const retried = await chatkitStream(server, "threads.retry_after_item", {
      thread_id: threadId,
      item_id: first?.id,
    });
    expect(retried.filter((event) => event.type === "thread.item.removed")).toEqual([]);
    expect(retried.some((event) => event.type === "thread.item.done")).toBe(true);
    const after = await stored(threadId);
    expect(after.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    expect(after[0]?.id).toBe(first?.id);
  });

  it("replaces the partial reply a dropped stream left in the store", async () => {
    const response = await chatkit(server, "threads.create", {
      input: input("Tell me a story !drop=20"),
    });
    await response.text().catch(() => "");
    const [thread] = (
      await server.services.threads.loadThreads(
        { after: null, limit: 1, order: "desc" },
        userContext(),
      )
    ).data;
    const threadId = thread?.id ?? "";
    // The server keeps a non-empty pending reply when the client goes away, and a hidden note
    // that the user cancelled, as Python's does.
    await vi.waitFor(async () =>
      expect((await stored(threadId)).map((item) => item.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]),
    );
    const [user, partial] = await stored(threadId);
    await chatkitStream(server, "threads.retry_after_item", {
      thread_id: threadId,
      item_id: user?.id,
    });
    const after = await stored(threadId);
    expect(after.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    expect(after[1]?.id).not.toBe(partial?.id);
  });

  it("keeps the items when the retry fails before its stream starts", async () => {
    const { threadId, events } = await startThread(server, "hello");
    const before = await stored(threadId);
    const response = await chatkit(
      server,
      "threads.retry_after_item",
      { thread_id: threadId, item_id: doneItems(events)[0]?.id },
      { "x-threadkit-fault": "503" },
    );
    expect(response.status).toBe(503);
    expect(await stored(threadId)).toEqual(before);
  });
});
