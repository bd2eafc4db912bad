import { normalizeChatKitRestItemsPage, normalizeChatKitRestThreadsPage } from "@threadkit/core";
import { afterEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { chatkit, chatkitStream, input, startServer, startThread, storedItems } from "./test-utils";

let server: DevServer;
afterEach(async () => {
  await server.close();
});

describe("/v1/chatkit/threads", () => {
  it("shows protocol threads in the REST shape with paging in both directions", async () => {
    server = await startServer();
    const ids: string[] = [];
    for (const text of ["one", "two", "three"])
      ids.push((await startThread(server, text)).threadId);
    const page = await (await fetch(`${server.url}/v1/chatkit/threads?limit=2`)).json();
    expect(page).toMatchObject({
      object: "list",
      first_id: ids[2],
      last_id: ids[1],
      has_more: true,
    });
    expect(page.data[0]).toEqual({
      id: ids[2],
      object: "chatkit.thread",
      created_at: expect.any(Number),
      status: { type: "active" },
      title: "three",
      user: "anonymous",
    });
    const next = await (
      await fetch(`${server.url}/v1/chatkit/threads?limit=2&after=${page.last_id}`)
    ).json();
    expect(next.data.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
    const before = await (
      await fetch(`${server.url}/v1/chatkit/threads?limit=1&before=${ids[0]}`)
    ).json();
    expect(before.data.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
    expect(before.has_more).toBe(true);
    const asc = await (await fetch(`${server.url}/v1/chatkit/threads?order=asc`)).json();
    expect(asc.data.map((t: { id: string }) => t.id)).toEqual(ids);
    expect((await fetch(`${server.url}/v1/chatkit/threads?limit=101`)).status).toBe(400);
    expect(
      (await fetch(`${server.url}/v1/chatkit/threads?user=someone-else`).then((r) => r.json()))
        .data,
    ).toEqual([]);
  });

  it("retrieves and deletes a thread", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "hello");
    expect(
      await (await fetch(`${server.url}/v1/chatkit/threads/${threadId}`)).json(),
    ).toMatchObject({ id: threadId, object: "chatkit.thread", title: "hello" });
    const deleted = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}`, { method: "DELETE" })
    ).json();
    expect(deleted).toEqual({ id: threadId, object: "chatkit.thread.deleted", deleted: true });
    expect((await fetch(`${server.url}/v1/chatkit/threads/${threadId}`)).status).toBe(404);
    expect((await chatkit(server, "threads.get_by_id", { thread_id: threadId })).status).toBe(404);
  });

  it("lists items in the REST shapes", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "show the form");
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: {
        ...input("weather in Rome"),
        quoted_text: "earlier",
        inference_options: { model: "gpt-x" },
      },
    });
    await chatkitStream(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: { temp: 30 },
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("think"),
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("task"),
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("draw"),
    });
    const page = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc&limit=100`)
    ).json();
    const byType = (type: string) =>
      page.data.filter((item: { type: string }) => item.type === type);
    for (const item of page.data) {
      expect(item).toMatchObject({
        object: "chatkit.thread_item",
        thread_id: threadId,
        created_at: expect.any(Number),
      });
      expect(item.type).toMatch(/^chatkit\./);
    }
    const widget = byType("chatkit.widget")[0];
    expect(typeof widget.widget).toBe("string");
    expect(JSON.parse(widget.widget).type).toBe("Card");
    const user = byType("chatkit.user_message")[1];
    expect(user).toMatchObject({
      content: [
        { type: "input_text", text: "weather in Rome" },
        { type: "quoted_text", text: "earlier" },
      ],
      attachments: [],
      inference_options: { model: "gpt-x", tool_choice: null },
    });
    expect(byType("chatkit.user_message")[0].inference_options).toBeNull();
    const call = byType("chatkit.client_tool_call")[0];
    expect(call).toMatchObject({
      status: "completed",
      name: "get_weather",
      arguments: JSON.stringify({ city: "Rome", unit: "celsius" }),
      output: JSON.stringify({ temp: 30 }),
    });
    expect(byType("chatkit.task_group")[0].tasks.map((t: { type: string }) => t.type)).toEqual([
      "thought",
      "custom",
      "custom",
    ]);
    expect(byType("chatkit.task")[0]).toMatchObject({
      heading: "Indexed 3 files",
      summary: "notes.md, plan.md, todo.md",
      task_type: "custom",
    });
    expect(byType("chatkit.generated_image")[0].image.url).toMatch(/\.svg$/);
    expect(byType("chatkit.assistant_message")[0].content[0]).toMatchObject({
      type: "output_text",
      annotations: [],
    });
  });

  it("keeps only url and file annotations in REST items", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "cite");
    const page = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc`)
    ).json();
    expect(page.data[1].content[0].annotations).toEqual([
      { type: "url", source: { type: "url", url: "https://github.com/openai/chatkit-python" } },
      { type: "file", source: { type: "file", filename: "chatkit/types.py" } },
    ]);
  });

  it("round-trips through @threadkit/core's REST normalizers back to the protocol items", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "show the form");
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("weather in Rome"),
    });
    await chatkitStream(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: { temp: 30 },
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("draw"),
    });
    const json = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc&limit=100`)
    ).json();
    const page = normalizeChatKitRestItemsPage(json, { threadId });
    const stored = await storedItems(server, threadId);
    expect(page.data.map((item) => item.id)).toEqual(stored.map((item) => item.id));
    expect(page.data.map((item) => item.type)).toEqual(
      stored.map((item) => (item.type === "generated_image" ? "unknown" : item.type)),
    );
    const widget = page.data.find((item) => item.type === "widget");
    const storedWidget = stored.find((item) => item.type === "widget");
    expect(widget && "widget" in widget ? widget.widget : null).toEqual(
      storedWidget && "widget" in storedWidget ? storedWidget.widget : undefined,
    );
    const call = page.data.find((item) => item.type === "client_tool_call");
    expect(call).toMatchObject({
      status: "completed",
      arguments: { city: "Rome", unit: "celsius" },
      output: { temp: 30 },
    });
    const threads = normalizeChatKitRestThreadsPage(
      await (await fetch(`${server.url}/v1/chatkit/threads`)).json(),
    );
    expect(threads.data[0]).toMatchObject({
      id: threadId,
      title: "show the form",
      status: { type: "active" },
    });
  });
});
