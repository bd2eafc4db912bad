import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Thread } from "@threadkit/core";
import { afterEach, describe, expect, it } from "vitest";
import { createDevServer } from "./server";
import { chatkitJson, chatkitStream, input, startThread, storedItems } from "./test-utils";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps threads, items, sessions, attachments and Assistants objects across a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "threadkit-dev-"));
    dirs.push(dataDir);
    const first = await createDevServer({ port: 0, dataDir, delayMs: 0 });
    const { threadId } = await startThread(first, "show me the form");
    await chatkitStream(first, "threads.add_user_message", {
      thread_id: threadId,
      input: input("second turn"),
    });
    const before = await chatkitJson<Thread>(first, "threads.get_by_id", { thread_id: threadId });
    const session = await (
      await fetch(`${first.url}/v1/chatkit/sessions`, {
        method: "POST",
        body: JSON.stringify({ user: "u", workflow: { id: "wf" } }),
      })
    ).json();
    const upload = new FormData();
    upload.set("file", new Blob(["bytes"], { type: "text/plain" }), "a.txt");
    const attachment = await (
      await fetch(`${first.url}/chatkit/upload`, { method: "POST", body: upload })
    ).json();
    const assistant = await (
      await fetch(`${first.url}/v1/assistants`, {
        method: "POST",
        body: JSON.stringify({ model: "m" }),
      })
    ).json();
    await first.close();

    const second = await createDevServer({ port: 0, dataDir, delayMs: 0 });
    try {
      const after = await chatkitJson<Thread>(second, "threads.get_by_id", { thread_id: threadId });
      expect(after).toEqual(before);
      expect(after.items.data.map((item) => item.type)).toEqual([
        "user_message",
        "widget",
        "user_message",
        "assistant_message",
      ]);
      // New items still sort after the old ones.
      await chatkitStream(second, "threads.add_user_message", {
        thread_id: threadId,
        input: input("third"),
      });
      const items = await storedItems(second, threadId);
      expect(items.map((item) => item.type).slice(-2)).toEqual([
        "user_message",
        "assistant_message",
      ]);
      const list = await chatkitJson(second, "threads.list", {});
      expect(list.data.map((t: { id: string }) => t.id)).toEqual([threadId]);
      const secretCheck = await fetch(`${second.url}/chatkit`, {
        method: "POST",
        headers: { Authorization: `Bearer ${session.client_secret}` },
        body: JSON.stringify({ type: "threads.list", params: {} }),
      });
      expect(secretCheck.status).toBe(200);
      expect(await (await fetch(`${second.url}/files/${attachment.id}`)).text()).toBe("bytes");
      expect((await fetch(`${second.url}/v1/assistants/${assistant.id}`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
