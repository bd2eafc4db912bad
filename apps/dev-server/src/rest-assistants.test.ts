import {
  parseAssistant,
  parseMessage,
  parseRun,
  parseRunStep,
  readAssistantStream,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { parseNamedFrames, startServer } from "./test-utils";

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.url}/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", "OpenAI-Beta": "assistants=v2" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await response.json();
  if (!response.ok)
    throw Object.assign(new Error(JSON.stringify(json)), { status: response.status, json });
  return json;
}

/** Runs a streaming request through @threadkit/core's reader; returns event names and data. */
async function stream(path: string, body: unknown): Promise<{ event: string; data: any }[]> {
  const response = await fetch(`${server.url}/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const events: { event: string; data: any }[] = [];
  for await (const event of readAssistantStream(response.body!)) {
    expect(event.event, JSON.stringify(event).slice(0, 300)).not.toBe("stream.malformed");
    expect(event.event).not.toBe("unknown");
    events.push(event as { event: string; data: any });
  }
  return events;
}

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather",
    parameters: { type: "object", properties: { city: { type: "string" } } },
  },
};

describe("Assistants API", () => {
  it("creates, lists, updates and deletes assistants", async () => {
    const a = await api("POST", "/assistants", {
      model: "gpt-4o",
      name: "A",
      tools: [weatherTool],
    });
    expect(parseAssistant(a)).toMatchObject({
      id: a.id,
      object: "assistant",
      name: "A",
      model: "gpt-4o",
    });
    const b = await api("POST", "/assistants", { model: "gpt-4o", name: "B" });
    const list = await api("GET", "/assistants?limit=1");
    expect(list).toMatchObject({ object: "list", first_id: b.id, has_more: true });
    expect(
      (await api("GET", `/assistants?after=${b.id}`)).data.map((x: { id: string }) => x.id),
    ).toEqual([a.id]);
    expect((await api("POST", `/assistants/${a.id}`, { name: "A2" })).name).toBe("A2");
    expect(await api("DELETE", `/assistants/${a.id}`)).toEqual({
      id: a.id,
      object: "assistant.deleted",
      deleted: true,
    });
    await expect(api("GET", `/assistants/${a.id}`)).rejects.toMatchObject({ status: 404 });
    await expect(api("POST", "/assistants", { name: "no model" })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("manages threads and messages with paging", async () => {
    const thread = await api("POST", "/threads", {
      messages: [
        { role: "user", content: "one" },
        { role: "user", content: [{ type: "text", text: "two" }] },
      ],
      metadata: { k: "v" },
    });
    expect(thread).toMatchObject({ object: "thread", metadata: { k: "v" } });
    const added = await api("POST", `/threads/${thread.id}/messages`, {
      role: "user",
      content: "three",
    });
    expect(parseMessage(added)).toMatchObject({
      role: "user",
      content: [{ type: "text", text: { value: "three", annotations: [] } }],
      status: "completed",
    });
    const page = await api("GET", `/threads/${thread.id}/messages?limit=2`);
    expect(page.data.map((m: any) => m.content[0].text.value)).toEqual(["three", "two"]);
    const asc = await api("GET", `/threads/${thread.id}/messages?order=asc`);
    expect(asc.data.map((m: any) => m.content[0].text.value)).toEqual(["one", "two", "three"]);
    expect(
      (await api("POST", `/threads/${thread.id}/messages/${added.id}`, { metadata: { x: "1" } }))
        .metadata,
    ).toEqual({ x: "1" });
    expect(await api("DELETE", `/threads/${thread.id}/messages/${added.id}`)).toEqual({
      id: added.id,
      object: "thread.message.deleted",
      deleted: true,
    });
    await expect(
      api("POST", `/threads/${thread.id}/messages`, { role: "robot", content: "x" }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await api("DELETE", `/threads/${thread.id}`)).toEqual({
      id: thread.id,
      object: "thread.deleted",
      deleted: true,
    });
    await expect(api("GET", `/threads/${thread.id}/messages`)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("streams a text run with the documented event sequence", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "hello world" }],
    });
    const events = await stream(`/threads/${thread.id}/runs`, {
      assistant_id: assistant.id,
      stream: true,
    });
    const names = events.map((e) => e.event);
    const deltas = names.filter((n) => n === "thread.message.delta").length;
    expect(deltas).toBeGreaterThan(2);
    expect(names).toEqual([
      "thread.run.created",
      "thread.run.queued",
      "thread.run.in_progress",
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.message.created",
      "thread.message.in_progress",
      ...Array(deltas).fill("thread.message.delta"),
      "thread.message.completed",
      "thread.run.step.completed",
      "thread.run.completed",
      "done",
    ]);
    const text = events
      .filter((e) => e.event === "thread.message.delta")
      .map((e) => e.data.delta.content[0].text.value)
      .join("");
    const completed = events.find((e) => e.event === "thread.message.completed")?.data;
    expect(text).toBe(completed.content[0].text.value);
    expect(text).toBe("You said: **hello world**");
    const run = events[events.length - 2]?.data;
    expect(parseRun(run)).toMatchObject({
      status: "completed",
      thread_id: thread.id,
      assistant_id: assistant.id,
    });
    expect((await api("GET", `/threads/${thread.id}/runs/${run.id}`)).status).toBe("completed");
    const steps = await api("GET", `/threads/${thread.id}/runs/${run.id}/steps`);
    expect(steps.data.map((s: unknown) => parseRunStep(s).step_details.type)).toEqual([
      "message_creation",
    ]);
    const step = await api("GET", `/threads/${thread.id}/runs/${run.id}/steps/${steps.data[0].id}`);
    expect(step.status).toBe("completed");
  });

  it("frames every Assistants event as `event:` + `data:` and ends with [DONE]", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const response = await fetch(`${server.url}/v1/threads/runs`, {
      method: "POST",
      body: JSON.stringify({
        assistant_id: assistant.id,
        stream: true,
        thread: { messages: [{ role: "user", content: "hi" }] },
      }),
    });
    const frames = parseNamedFrames(await response.text());
    expect(frames[0]?.event).toBe("thread.created");
    expect(frames[frames.length - 1]).toEqual({ event: "done", data: "[DONE]" });
  });

  it("stops at requires_action, then submit_tool_outputs streams the continuation", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o", tools: [weatherTool] });
    const thread = await api("POST", "/threads", {});
    const first = await stream(`/threads/${thread.id}/runs`, {
      assistant_id: assistant.id,
      stream: true,
      additional_messages: [{ role: "user", content: "What's the weather in Lisbon?" }],
    });
    const names = first.map((e) => e.event);
    expect(names.slice(3, 6)).toEqual([
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.run.step.delta",
    ]);
    expect(names.at(-2)).toBe("thread.run.requires_action");
    const run = first.at(-2)?.data;
    const call = run.required_action.submit_tool_outputs.tool_calls[0];
    expect(call.function).toEqual({
      name: "get_weather",
      arguments: JSON.stringify({ city: "Lisbon" }),
    });
    const args = first
      .filter((e) => e.event === "thread.run.step.delta")
      .map((e) => e.data.delta.step_details.tool_calls[0].function.arguments ?? "")
      .join("");
    expect(args).toBe(call.function.arguments);
    await expect(
      api("POST", `/threads/${thread.id}/runs/${run.id}/submit_tool_outputs`, {
        tool_outputs: [{ tool_call_id: "call_wrong", output: "x" }],
      }),
    ).rejects.toMatchObject({ status: 400 });
    const second = await stream(`/threads/${thread.id}/runs/${run.id}/submit_tool_outputs`, {
      stream: true,
      tool_outputs: [{ tool_call_id: call.id, output: "sunny, 24°C" }],
    });
    expect(second.map((e) => e.event).slice(0, 3)).toEqual([
      "thread.run.step.completed",
      "thread.run.queued",
      "thread.run.in_progress",
    ]);
    expect(second[0]?.data.step_details.tool_calls[0].function.output).toBe("sunny, 24°C");
    expect(second.at(-2)?.event).toBe("thread.run.completed");
    const messages = await api("GET", `/threads/${thread.id}/messages`);
    expect(messages.data[0].content[0].text.value).toContain("sunny, 24°C");
    await expect(
      api("POST", `/threads/${thread.id}/runs/${run.id}/submit_tool_outputs`, {
        tool_outputs: [{ tool_call_id: call.id, output: "x" }],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("runs without streaming; polling sees the final state", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "markdown please" }],
    });
    const run = await api("POST", `/threads/${thread.id}/runs`, { assistant_id: assistant.id });
    expect(run.status).toBe("queued");
    await expect
      .poll(async () => (await api("GET", `/threads/${thread.id}/runs/${run.id}`)).status)
      .toBe("completed");
    const messages = await api("GET", `/threads/${thread.id}/messages`);
    expect(messages.data[0].content[0].text.value).toContain("```ts");
    expect(
      (await api("GET", `/threads/${thread.id}/runs`)).data.map((r: { id: string }) => r.id),
    ).toEqual([run.id]);
    const byRun = await api("GET", `/threads/${thread.id}/messages?run_id=${run.id}`);
    expect(byRun.data.map((m: { role: string; run_id: string }) => [m.role, m.run_id])).toEqual([
      ["assistant", run.id],
    ]);
  });

  it("fails a run on `fail` and rejects a second active run", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o", tools: [weatherTool] });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "please fail" }],
    });
    const events = await stream(`/threads/${thread.id}/runs`, {
      assistant_id: assistant.id,
      stream: true,
    });
    expect(events.at(-2)).toMatchObject({
      event: "thread.run.failed",
      data: { status: "failed", last_error: { code: "server_error" } },
    });
    await api("POST", `/threads/${thread.id}/messages`, { role: "user", content: "weather?" });
    await stream(`/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true });
    await expect(
      api("POST", `/threads/${thread.id}/runs`, { assistant_id: assistant.id }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      api("POST", `/threads/${thread.id}/messages`, { role: "user", content: "x" }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("cancels a run waiting for tool outputs", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o", tools: [weatherTool] });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "weather" }],
    });
    const events = await stream(`/threads/${thread.id}/runs`, {
      assistant_id: assistant.id,
      stream: true,
    });
    const run = events.at(-2)?.data;
    expect((await api("POST", `/threads/${thread.id}/runs/${run.id}/cancel`)).status).toBe(
      "cancelling",
    );
    expect((await api("GET", `/threads/${thread.id}/runs/${run.id}`)).status).toBe("cancelled");
    await expect(api("POST", `/threads/${thread.id}/runs/${run.id}/cancel`)).rejects.toMatchObject({
      status: 400,
    });
  });

  it("cancels a streaming run mid-message", async () => {
    const slow = server;
    server = await startServer({ delayMs: 15 });
    await slow.close();
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "markdown" }],
    });
    const response = await fetch(`${server.url}/v1/threads/${thread.id}/runs`, {
      method: "POST",
      body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
    });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("thread.message.delta"))
      text += new TextDecoder().decode((await reader.read()).value);
    const runId = /"id":"(run_\w+)"/.exec(text)?.[1];
    await api("POST", `/threads/${thread.id}/runs/${runId}/cancel`);
    while (true) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    const names = parseNamedFrames(text).map((f) => f.event);
    expect(names.slice(-3)).toEqual(["thread.run.step.cancelled", "thread.run.cancelled", "done"]);
    const messages = await api("GET", `/threads/${thread.id}/messages`);
    expect(messages.data[0].status).toBe("incomplete");
  });
});
