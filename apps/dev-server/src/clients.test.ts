/**
 * The dev server against @threadkit/core's own clients: if both sides agree here, the demo and the
 * hooks can rely on this server.
 */
import {
  APIError,
  type ClientToolCallItem,
  createAssistantsClient,
  createChatKitClient,
  createChatKitRestClient,
  readAssistantStream,
  readThreadStream,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { FakeClock, input, startServer } from "./test-utils";

let server: DevServer;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock();
  server = await startServer({ clock });
});
afterEach(async () => {
  await server.close();
});

async function collect(body: ReadableStream<Uint8Array>): Promise<ThreadStreamEvent[]> {
  const events: ThreadStreamEvent[] = [];
  for await (const event of readThreadStream(body)) {
    if (event.type === "stream.malformed" || event.type === "unknown")
      throw new Error(JSON.stringify(event));
    events.push(event as ThreadStreamEvent);
  }
  return events;
}

describe("createChatKitClient against the dev server", () => {
  it("streams, lists, pages, renames and deletes", async () => {
    const client = createChatKitClient({ url: `${server.url}/chatkit`, maxRetries: 0 });
    const events = await collect(await client.threads.create(input("what's the weather in Oslo")));
    const threadId = events[0]?.type === "thread.created" ? events[0].thread.id : "";
    const call = events.flatMap((e) =>
      e.type === "thread.item.done" && e.item.type === "client_tool_call"
        ? [e.item as ClientToolCallItem]
        : [],
    )[0];
    expect(call?.name).toBe("get_weather");
    const after = await collect(
      await client.threads.addClientToolOutput(threadId, { temperature: 3 }),
    );
    expect(
      after.some((e) => e.type === "thread.item.done" && e.item.type === "assistant_message"),
    ).toBe(true);
    const thread = await client.threads.getById(threadId);
    expect(thread.items.data.map((item) => item.type)).toEqual([
      "user_message",
      "client_tool_call",
      "assistant_message",
    ]);
    const page = await client.threads.list({ limit: 5 });
    expect(page.data.map((t) => t.id)).toEqual([threadId]);
    const items: string[] = [];
    for await (const item of client.items.list(threadId, { limit: 1, order: "asc" }))
      items.push(item.id);
    expect(items).toEqual(thread.items.data.map((item) => item.id));
    expect((await client.threads.update(threadId, "Weather")).title).toBe("Weather");
    await client.threads.delete(threadId);
    await expect(client.threads.getById(threadId)).rejects.toMatchObject({ status: 404 });
  });

  it("uploads both ways and sends the attachment", async () => {
    const client = createChatKitClient({ url: `${server.url}/chatkit`, maxRetries: 0 });
    const file = new File(["hello"], "hello.txt", { type: "text/plain" });
    const twoPhase = await client.attachments.upload(file);
    expect(twoPhase).toMatchObject({ type: "file", name: "hello.txt", mime_type: "text/plain" });
    const direct = await client.attachments.upload(file, {
      strategy: { type: "direct", uploadUrl: `${server.url}/chatkit/upload` },
    });
    expect(direct.name).toBe("hello.txt");
    const events = await collect(
      await client.threads.create({ ...input("files"), attachments: [twoPhase.id, direct.id] }),
    );
    const user = events[1];
    expect(
      user?.type === "thread.item.done" && user.item.type === "user_message"
        ? user.item.attachments.map((a) => a.id)
        : [],
    ).toEqual([twoPhase.id, direct.id]);
  });

  it("surfaces 429 and expired secrets as APIError", async () => {
    const rest = createChatKitRestClient({
      baseUrl: `${server.url}/v1`,
      apiKey: "sk-dev",
      maxRetries: 0,
    });
    const session = await rest.sessions.create({
      user: "u",
      workflow: { id: "wf" },
      rate_limits: { max_requests_per_1_minute: 1 },
    });
    const client = createChatKitClient({
      url: `${server.url}/chatkit`,
      maxRetries: 0,
      headers: { Authorization: `Bearer ${session.client_secret}` },
    });
    await client.threads.list();
    const limited = await client.threads.list().then(
      () => null,
      (error: unknown) => error,
    );
    expect(limited).toBeInstanceOf(APIError);
    expect(limited).toMatchObject({ status: 429, code: "rate_limit_exceeded" });
    clock.advance(601_000);
    await expect(client.threads.list()).rejects.toMatchObject({
      status: 401,
      code: "session_expired",
    });
  });
});

describe("createChatKitRestClient against the dev server", () => {
  it("creates and cancels sessions and reads threads and items", async () => {
    const rest = createChatKitRestClient({
      baseUrl: `${server.url}/v1`,
      apiKey: "sk-dev",
      maxRetries: 0,
    });
    const session = await rest.sessions.create({ user: "ada", workflow: { id: "wf_1" } });
    expect(session.status).toBe("active");
    const client = createChatKitClient({
      url: `${server.url}/chatkit`,
      maxRetries: 0,
      headers: { Authorization: `Bearer ${session.client_secret}` },
    });
    await collect(await client.threads.create(input("show me the form")));
    const threads = await rest.threads.list({ user: "ada" });
    expect(threads.data).toHaveLength(1);
    const threadId = threads.data[0]?.id ?? "";
    expect((await rest.threads.retrieve(threadId)).title).toBe("show me the form");
    const items = await rest.threads.listItems(threadId, { order: "asc" });
    expect(items.data.map((item) => item.type)).toEqual(["user_message", "widget"]);
    expect((await rest.sessions.cancel(session.id)).status).toBe("cancelled");
    await expect(client.threads.list()).rejects.toMatchObject({ status: 401 });
    expect((await rest.threads.delete(threadId)).deleted).toBe(true);
  });
});

describe("createAssistantsClient against the dev server", () => {
  it("streams a run through requires_action and submit_tool_outputs", async () => {
    const api = createAssistantsClient({
      baseUrl: `${server.url}/v1`,
      apiKey: "sk-dev",
      maxRetries: 0,
    });
    const assistant = await api.assistants.create({
      model: "gpt-4o",
      tools: [
        {
          type: "function",
          function: { name: "get_weather", parameters: { type: "object", properties: {} } },
        },
      ],
    });
    const thread = await api.threads.create({
      messages: [{ role: "user", content: "weather in Rome?" }],
    });
    const names: string[] = [];
    let runId = "";
    let callId = "";
    for await (const event of readAssistantStream(
      await api.runs.createStream(thread.id, { assistant_id: assistant.id }),
    )) {
      names.push(event.event);
      if (event.event === "thread.run.requires_action") {
        runId = event.data.id;
        callId = event.data.required_action?.submit_tool_outputs.tool_calls[0]?.id ?? "";
      }
    }
    expect(names).not.toContain("stream.malformed");
    expect(names.at(-1)).toBe("done");
    const resumed: string[] = [];
    for await (const event of readAssistantStream(
      await api.runs.submitToolOutputsStream(thread.id, runId, {
        tool_outputs: [{ tool_call_id: callId, output: "hot" }],
      }),
    )) {
      resumed.push(event.event);
    }
    expect(resumed).not.toContain("stream.malformed");
    expect(resumed.at(-2)).toBe("thread.run.completed");
    expect((await api.runs.retrieve(thread.id, runId)).status).toBe("completed");
  });
});
