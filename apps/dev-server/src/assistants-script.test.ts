import {
  type AssistantRunState,
  type AssistantStreamReaderEvent,
  assistantRunToThreadItems,
  createAssistantRunState,
  type Message,
  parseMessage,
  parseRun,
  parseRunStep,
  type RunStep,
  readAssistantStream,
  reduceAssistantRun,
  reduceAssistantRunEvents,
  type ThreadItem,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHART_FILE, NOTES_FILE, WIDGETS_FILE } from "./assistants-files";
import { ASSISTANTS_KEYWORDS } from "./assistants-script";
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
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return json;
}

const reduceAll = (events: readonly AssistantStreamReaderEvent[]): AssistantRunState =>
  events.reduce(reduceAssistantRun, createAssistantRunState());

/** File search results come only on the completed step (the deltas carry `results: []`). */
function withoutSearchResults(details: RunStep["step_details"]): unknown {
  if (details.type !== "tool_calls") return details;
  return {
    ...details,
    tool_calls: details.tool_calls.map((call) =>
      call.type === "file_search"
        ? { ...call, file_search: { ...call.file_search, results: "(completed only)" } }
        : call,
    ),
  };
}

interface Run {
  events: AssistantStreamReaderEvent[];
  state: AssistantRunState;
  items: ThreadItem[];
}

const fileUrl = (id: string) => `${server.url}/v1/files/${id}/content`;

/**
 * Streams a run for `text` over HTTP, decodes it with core's reader and reducer, and checks
 * that every completed message and step equals what its deltas built, and that the final
 * state equals what the REST API returns afterwards.
 */
async function run(text: string): Promise<Run> {
  const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
  const thread = await api("POST", "/threads", { messages: [{ role: "user", content: text }] });
  const response = await fetch(`${server.url}/v1/threads/${thread.id}/runs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const events: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(response.body!)) {
    expect(event.event, JSON.stringify(event).slice(0, 300)).not.toBe("stream.malformed");
    expect(event.event).not.toBe("unknown");
    events.push(event);
  }
  let checked = 0;
  for (const [index, event] of events.entries()) {
    if (event.event === "thread.message.completed") {
      const built = reduceAll(events.slice(0, index)).messages.find((m) => m.id === event.data.id);
      expect(built?.content).toEqual(event.data.content);
      checked++;
    }
    if (event.event === "thread.run.step.completed") {
      const built = reduceAll(events.slice(0, index)).steps.find((s) => s.id === event.data.id);
      expect(withoutSearchResults(built!.step_details)).toEqual(
        withoutSearchResults(event.data.step_details),
      );
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
  const state = reduceAll(events);
  // The batched reducer (what the hooks use) ends in the same state.
  expect(reduceAssistantRunEvents(undefined, events)).toEqual(state);
  expect(state.done).toBe(true);
  expect(state.run?.status).toBe("completed");
  const runId = state.run!.id;
  const messages = await api("GET", `/threads/${thread.id}/messages?order=asc&run_id=${runId}`);
  expect(messages.data.map((m: unknown) => parseMessage(m))).toEqual(state.messages);
  const steps = await api("GET", `/threads/${thread.id}/runs/${runId}/steps?order=asc`);
  expect(steps.data.map((s: unknown) => parseRunStep(s))).toEqual(state.steps);
  expect(parseRun(await api("GET", `/threads/${thread.id}/runs/${runId}`))).toEqual(state.run);
  for (const message of state.messages) {
    for (const part of message.content) {
      if (part.type !== "text") continue;
      for (const annotation of part.text.annotations) {
        expect(part.text.value.slice(annotation.start_index, annotation.end_index)).toBe(
          annotation.text,
        );
      }
    }
  }
  return { events, state, items: assistantRunToThreadItems(state, { fileUrl }) };
}

const names = (events: AssistantStreamReaderEvent[]) => events.map((e) => e.event);
const stepTypes = (state: AssistantRunState) =>
  state.steps.map((s) => [s.step_details.type, s.status]);

function texts(item: ThreadItem | undefined): { text: string; annotations: unknown[] }[] {
  if (item?.type !== "assistant_message") throw new Error(`not a message: ${item?.type}`);
  return item.content;
}

describe("scripted Assistants runs", () => {
  it("cites files with markers and file_citation annotation deltas", async () => {
    const { events, state, items } = await run("please cite your sources");
    const annotated = events.filter(
      (e) =>
        e.event === "thread.message.delta" &&
        e.data.delta.content?.some((p) => p.type === "text" && (p.text?.annotations?.length ?? 0)),
    );
    expect(annotated).toHaveLength(3);
    // While streaming, no marker ever shows in the message text.
    let partial = createAssistantRunState();
    for (const event of events) {
      partial = reduceAssistantRun(partial, event);
      for (const item of assistantRunToThreadItems(partial))
        if (item.type === "assistant_message")
          for (const part of item.content) expect(part.text).not.toContain("【");
    }
    const message = state.messages[0] as Message;
    const part = message.content[0];
    expect(part?.type === "text" && part.text.annotations.map((a) => a.type)).toEqual([
      "file_citation",
      "file_citation",
      "file_citation",
    ]);
    expect(items.map((i) => i.type)).toEqual(["assistant_message"]);
    const [content] = texts(items[0]);
    expect(content?.text).not.toContain("【");
    expect(content?.annotations).toEqual([
      expect.objectContaining({
        type: "annotation",
        source: expect.objectContaining({ filename: "chatkit-notes.md", file_id: NOTES_FILE.id }),
      }),
      expect.objectContaining({ source: expect.objectContaining({ file_id: NOTES_FILE.id }) }),
      expect.objectContaining({ source: expect.objectContaining({ file_id: WIDGETS_FILE.id }) }),
    ]);
    // The cited files exist on the server.
    for (const id of [NOTES_FILE.id, WIDGETS_FILE.id]) {
      expect(await api("GET", `/files/${id}`)).toMatchObject({ id, object: "file" });
      const file = await fetch(fileUrl(id));
      expect(await file.text()).toContain("# ");
    }
  });

  it("streams a code interpreter step (input deltas, then logs) and a message about it", async () => {
    const { events, state, items } = await run("run some code");
    expect(stepTypes(state)).toEqual([
      ["tool_calls", "completed"],
      ["message_creation", "completed"],
    ]);
    const inputs = events.filter(
      (e) =>
        e.event === "thread.run.step.delta" &&
        e.data.delta.step_details?.type === "tool_calls" &&
        e.data.delta.step_details.tool_calls?.[0]?.type === "code_interpreter" &&
        e.data.delta.step_details.tool_calls[0].code_interpreter?.input,
    );
    expect(inputs.length).toBeGreaterThan(5);
    const details = state.steps[0]?.step_details;
    const call = details?.type === "tool_calls" ? details.tool_calls[0] : undefined;
    expect(call?.type === "code_interpreter" && call.code_interpreter.outputs).toEqual([
      { type: "logs", logs: "Area of a circle with radius 3: 28.27\n" },
    ]);
    expect(items.map((i) => i.type)).toEqual(["workflow", "assistant_message"]);
    const workflow = items[0];
    if (workflow?.type !== "workflow") throw new Error("no workflow");
    expect(workflow.workflow.tasks).toEqual([
      expect.objectContaining({ type: "custom", title: "Code interpreter" }),
    ]);
    const task = workflow.workflow.tasks[0] as { content?: string };
    expect(task.content).toContain("```python\nimport math");
    expect(task.content).toContain("```text\nArea of a circle with radius 3: 28.27");
    expect(texts(items[1])[0]?.text).toContain("28.27");
  });

  it("runs a file search step whose results come on the completed step, then cites them", async () => {
    const { events, state, items } = await run("file search for the notes");
    expect(stepTypes(state)).toEqual([
      ["tool_calls", "completed"],
      ["message_creation", "completed"],
    ]);
    const delta = events.find((e) => e.event === "thread.run.step.delta");
    expect(delta?.data).toMatchObject({
      delta: {
        step_details: { tool_calls: [{ type: "file_search", file_search: { results: [] } }] },
      },
    });
    expect(items.map((i) => i.type)).toEqual(["workflow", "assistant_message"]);
    const workflow = items[0];
    if (workflow?.type !== "workflow") throw new Error("no workflow");
    expect(workflow.workflow.tasks).toEqual([
      expect.objectContaining({
        type: "file",
        title: "File search",
        sources: [
          expect.objectContaining({ filename: "chatkit-notes.md", file_id: NOTES_FILE.id }),
          expect.objectContaining({ filename: "widgets-guide.md", file_id: WIDGETS_FILE.id }),
        ],
      }),
    ]);
    expect(texts(items[1])[0]?.annotations).toHaveLength(3);
  });

  it("streams a refusal part with refusal deltas", async () => {
    const { events, state, items } = await run("refuse this");
    const deltas = events.filter((e) => e.event === "thread.message.delta");
    expect(deltas.length).toBeGreaterThan(3);
    for (const delta of deltas)
      expect(delta.data).toMatchObject({ delta: { content: [{ index: 0, type: "refusal" }] } });
    expect(state.messages[0]?.content).toEqual([
      { type: "refusal", refusal: "I'm sorry, but I can't help with that request." },
    ]);
    expect(texts(items[0])).toEqual([
      {
        type: "output_text",
        text: "I'm sorry, but I can't help with that request.",
        annotations: [],
        refusal: true,
      },
    ]);
  });

  it("shows an image_file part the server serves as a PNG, then text", async () => {
    const { events, state, items } = await run("draw a chart");
    const first = events.find((e) => e.event === "thread.message.delta");
    expect(first?.data).toMatchObject({
      delta: {
        content: [
          { index: 0, type: "image_file", image_file: { file_id: CHART_FILE.id } },
          { index: 1, type: "text", text: { value: "", annotations: [] } },
        ],
      },
    });
    expect(state.messages[0]?.content.map((p) => p.type)).toEqual(["image_file", "text"]);
    expect(items.map((i) => i.type)).toEqual(["generated_image", "assistant_message"]);
    const image = items[0];
    if (image?.type !== "generated_image") throw new Error("no image");
    expect(image.image?.id).toBe(CHART_FILE.id);
    const response = await fetch(image.image!.url);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(bytes.readUInt32BE(16)).toBe(320); // IHDR width
    expect(texts(items[1])[0]?.text).toContain("chart");
  });

  it("lists every keyword on `help`, and keeps markdown and the echo", async () => {
    const help = await run("help");
    const text = texts(help.items[0])[0]?.text ?? "";
    for (const rule of ASSISTANTS_KEYWORDS.slice(1)) expect(text).toContain(`\`${rule.words[0]}\``);
    expect(text).toContain("`weather`");
    expect(text).toContain("`fail`");
    const markdown = await run("markdown please");
    expect(texts(markdown.items[0])[0]?.text).toContain("```ts");
    const echo = await run("hello there");
    expect(texts(echo.items[0])[0]?.text).toBe("You said: **hello there**");
    expect(names(echo.events).filter((n) => n.includes("step.created"))).toHaveLength(1);
  });

  it("runs the same script without streaming; polling sees the completed steps", async () => {
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const thread = await api("POST", "/threads", {
      messages: [{ role: "user", content: "search" }],
    });
    const queued = await api("POST", `/threads/${thread.id}/runs`, { assistant_id: assistant.id });
    expect(queued.status).toBe("queued");
    await expect
      .poll(async () => (await api("GET", `/threads/${thread.id}/runs/${queued.id}`)).status)
      .toBe("completed");
    const steps = await api("GET", `/threads/${thread.id}/runs/${queued.id}/steps?order=asc`);
    const search = parseRunStep(steps.data[0]);
    const call =
      search.step_details.type === "tool_calls" ? search.step_details.tool_calls[0] : null;
    expect(call?.type === "file_search" && call.file_search.results?.map((r) => r.file_id)).toEqual(
      [NOTES_FILE.id, WIDGETS_FILE.id],
    );
  });

  /**
   * Starts a slow streamed run for `prompt`, cancels it once three `event` frames arrived, and
   * reads the stream to its end.
   */
  async function cancelMidRun(prompt: string, event: string) {
    const fast = server;
    server = await startServer({ delayMs: 15 });
    await fast.close();
    const assistant = await api("POST", "/assistants", { model: "gpt-4o" });
    const thread = await api("POST", "/threads", { messages: [{ role: "user", content: prompt }] });
    const response = await fetch(`${server.url}/v1/threads/${thread.id}/runs`, {
      method: "POST",
      body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
    });
    const reader = response.body!.getReader();
    let text = "";
    while (text.split(`event: ${event}\n`).length - 1 < 3)
      text += new TextDecoder().decode((await reader.read()).value);
    const runId = /"id":"(run_\w+)"/.exec(text)?.[1];
    await api("POST", `/threads/${thread.id}/runs/${runId}/cancel`);
    while (true) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    return { thread, runId, frames: parseNamedFrames(text) };
  }

  it("cancels a streaming code step and keeps the input written so far", async () => {
    const { thread, runId, frames } = await cancelMidRun("workflow", "thread.run.step.delta");
    expect(frames.map((f) => f.event).slice(-3)).toEqual([
      "thread.run.step.cancelled",
      "thread.run.cancelled",
      "done",
    ]);
    const steps = await api("GET", `/threads/${thread.id}/runs/${runId}/steps`);
    expect(steps.data).toHaveLength(1);
    const step = parseRunStep(steps.data[0]);
    expect(step.status).toBe("cancelled");
    const call = step.step_details.type === "tool_calls" ? step.step_details.tool_calls[0] : null;
    expect(call?.type).toBe("code_interpreter");
    const input = call?.type === "code_interpreter" ? call.code_interpreter.input : "";
    expect(input.startsWith("import math")).toBe(true);
    expect((await api("GET", `/threads/${thread.id}/runs/${runId}`)).status).toBe("cancelled");
  });

  it("ends a cancelled reply with thread.message.incomplete", async () => {
    const { frames } = await cancelMidRun("markdown", "thread.message.delta");
    expect(frames.map((f) => f.event).slice(-4)).toEqual([
      "thread.message.incomplete",
      "thread.run.step.cancelled",
      "thread.run.cancelled",
      "done",
    ]);
    const incomplete = JSON.parse(frames.at(-4)?.data ?? "{}");
    expect(incomplete.status).toBe("incomplete");
    expect(incomplete.incomplete_details).toEqual({ reason: "run_cancelled" });
  });
});
