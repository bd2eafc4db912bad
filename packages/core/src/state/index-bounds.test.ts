/**
 * One event with an index far past the end (`content_index: 150000000`) used to pad arrays up to
 * it: 1e7 cost 1.3 s and +0.9 GB per event, 1.5e8 froze the tab and crashed it.
 */

import { assistantRunToThreadItems } from "../assistants/assistant-run-to-thread-items";
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
} from "../assistants/read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
} from "../assistants/reduce-assistant-run";
import type { Message } from "../assistants/types";
import { readThreadStream, type ThreadStreamReaderEvent } from "../chatkit/read-thread-stream";
import type { AssistantMessageItem } from "../chatkit/thread-item";
import { MAX_INDEX_GAP } from "./index-bounds";
import { reduceThreadStream } from "./reduce-thread-stream";
import { createThreadState, selectThreadItem, type ThreadState } from "./thread-state";

const HUGE = 150_000_000;

function sse(events: readonly object[]): string {
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");
}

function assistantSse(events: readonly [string, object][]): string {
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join("");
}

async function readThread(text: string): Promise<ThreadStreamReaderEvent[]> {
  const out: ThreadStreamReaderEvent[] = [];
  for await (const event of readThreadStream(text)) out.push(event);
  return out;
}

async function readAssistant(text: string): Promise<AssistantStreamReaderEvent[]> {
  const out: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(text)) out.push(event);
  return out;
}

const message: AssistantMessageItem = {
  type: "assistant_message",
  id: "m1",
  thread_id: "t1",
  created_at: "2026-01-01T00:00:00Z",
  content: [],
};
const update = (u: object) => ({ type: "thread.item.updated", item_id: "m1", update: u });
const delta = (index: number, text: string) =>
  update({ type: "assistant_message.content_part.text_delta", content_index: index, delta: text });
const part = { type: "output_text", text: "x", annotations: [] };

describe("ChatKit stream indexes", () => {
  it("reports an index past the end as malformed, skips it and keeps the rest", async () => {
    const events = await readThread(
      sse([
        { type: "thread.item.added", item: message },
        delta(0, "Hel"),
        delta(HUGE, "boom"),
        update({
          type: "assistant_message.content_part.added",
          content_index: HUGE,
          content: part,
        }),
        update({ type: "assistant_message.content_part.done", content_index: 1e7, content: part }),
        update({
          type: "assistant_message.content_part.annotation_added",
          content_index: HUGE,
          annotation_index: 0,
          annotation: { type: "annotation", source: { type: "url", url: "u", title: "t" } },
        }),
        delta(-1, "neg"),
        delta(0.5, "half"),
        delta(0, "lo"),
        delta(1, " next part"),
      ]),
    );
    const bad = events.filter((e) => e.type === "stream.malformed");
    expect(bad).toHaveLength(6);
    expect(bad.every((e) => e.type === "stream.malformed" && e.reason === "invalid_index")).toBe(
      true,
    );
    expect(bad[0]).toMatchObject({ message: expect.stringContaining("content_index") });
    let state: ThreadState = createThreadState();
    for (const event of events) state = reduceThreadStream(state, event);
    const item = selectThreadItem(state, "m1") as AssistantMessageItem;
    expect(item.content.map((p) => p.text)).toEqual(["Hello", " next part"]);
  });

  it("accepts an index up to MAX_INDEX_GAP past the next one", async () => {
    const events = await readThread(
      sse([
        { type: "thread.item.added", item: message },
        delta(MAX_INDEX_GAP, "gap"),
        delta(MAX_INDEX_GAP * 2 + 2, "too far"),
      ]),
    );
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "stream.malformed",
    ]);
  });

  it("never pads an item far past its end in the reducer (hand-built events)", () => {
    let state = reduceThreadStream(undefined, { type: "thread.item.added", item: message });
    const before = state;
    for (const event of [
      delta(1e6, "x"),
      update({ type: "assistant_message.content_part.added", content_index: 1e6, content: part }),
    ]) {
      state = reduceThreadStream(state, event as never);
    }
    expect(state).toBe(before);
    expect((selectThreadItem(state, "m1") as AssistantMessageItem).content).toEqual([]);
  });
});

const messageObject = (content: Message["content"] = []): Message => ({
  id: "msg_1",
  object: "thread.message",
  created_at: 1,
  thread_id: "thread_1",
  status: "in_progress",
  incomplete_details: null,
  completed_at: null,
  incomplete_at: null,
  role: "assistant",
  content,
  assistant_id: null,
  run_id: null,
  attachments: [],
  metadata: {},
});
const messageDelta = (content: object[]) =>
  ["thread.message.delta", { id: "msg_1", object: "thread.message.delta", delta: { content } }] as [
    string,
    object,
  ];
const step = {
  id: "step_1",
  object: "thread.run.step",
  created_at: 1,
  assistant_id: "asst",
  thread_id: "thread_1",
  run_id: "run_1",
  type: "tool_calls",
  status: "in_progress",
  step_details: { type: "tool_calls", tool_calls: [] },
  last_error: null,
  expired_at: null,
  cancelled_at: null,
  failed_at: null,
  completed_at: null,
  metadata: null,
  usage: null,
};
const stepDelta = (toolCalls: object[]) =>
  [
    "thread.run.step.delta",
    {
      id: "step_1",
      object: "thread.run.step.delta",
      delta: { step_details: { type: "tool_calls", tool_calls: toolCalls } },
    },
  ] as [string, object];

describe("Assistants stream indexes", () => {
  it("reports content, annotation, tool call and output indexes past the end", async () => {
    const annotation = (index: number) => ({
      index,
      type: "file_citation",
      text: "【4:0†a.txt】",
      start_index: 0,
      end_index: 1,
      file_citation: { file_id: "f" },
    });
    const events = await readAssistant(
      assistantSse([
        ["thread.message.created", messageObject()],
        messageDelta([{ index: 0, type: "text", text: { value: "Hi" } }]),
        messageDelta([{ index: HUGE, type: "text", text: { value: "boom" } }]),
        messageDelta([{ index: 0, type: "text", text: { annotations: [annotation(HUGE)] } }]),
        messageDelta([{ index: 0, type: "text", text: { annotations: [annotation(0)] } }]),
        ["thread.run.step.created", step],
        stepDelta([{ index: 0, type: "code_interpreter", code_interpreter: { input: "1+1" } }]),
        stepDelta([{ index: HUGE, type: "function", function: { name: "f" } }]),
        stepDelta([
          {
            index: 0,
            type: "code_interpreter",
            code_interpreter: { outputs: [{ index: HUGE, type: "logs", logs: "x" }] },
          },
        ]),
        stepDelta([
          {
            index: 0,
            type: "code_interpreter",
            code_interpreter: { outputs: [{ index: 0, type: "logs", logs: "2" }] },
          },
        ]),
      ]),
    );
    const bad = events.filter((e) => e.event === "stream.malformed");
    expect(bad.map((e) => e.event === "stream.malformed" && e.reason)).toEqual([
      "invalid_index",
      "invalid_index",
      "invalid_index",
      "invalid_index",
    ]);
    const state = events.reduce<AssistantRunState>(reduceAssistantRun, createAssistantRunState());
    const content = state.messages[0]?.content ?? [];
    expect(content).toHaveLength(1);
    expect(content[0]).toMatchObject({ text: { value: "Hi", annotations: [expect.anything()] } });
    const details = state.steps[0]?.step_details;
    expect(details?.type === "tool_calls" && details.tool_calls).toEqual([
      {
        id: "",
        type: "code_interpreter",
        code_interpreter: { input: "1+1", outputs: [{ type: "logs", logs: "2" }] },
      },
    ]);
    expect(() => assistantRunToThreadItems(state)).not.toThrow();
  });

  it("never pads far past the end in the reducer (hand-built events)", () => {
    const at = (events: AssistantStreamReaderEvent[]) =>
      events.reduce<AssistantRunState>(reduceAssistantRun, createAssistantRunState());
    const state = at([
      { event: "thread.message.created", data: messageObject() },
      {
        event: "thread.message.delta",
        data: {
          id: "msg_1",
          object: "thread.message.delta",
          delta: {
            content: [
              { index: 0, type: "text", text: { value: "ok" } },
              { index: 1e6, type: "text", text: { value: "x" } },
            ],
          },
        },
      },
      {
        event: "thread.message.delta",
        data: {
          id: "msg_1",
          object: "thread.message.delta",
          delta: {
            content: [
              {
                index: 0,
                type: "text",
                text: {
                  annotations: [
                    { index: 1e6, type: "file_path", text: "p", file_path: { file_id: "f" } },
                  ],
                },
              },
            ],
          },
        },
      },
      { event: "thread.run.step.created", data: step as never },
      {
        event: "thread.run.step.delta",
        data: {
          id: "step_1",
          object: "thread.run.step.delta",
          delta: {
            step_details: {
              type: "tool_calls",
              tool_calls: [
                { index: 1e6, type: "function", function: { name: "f" } },
                {
                  index: 0,
                  type: "code_interpreter",
                  code_interpreter: { outputs: [{ index: 1e6, type: "logs", logs: "x" }] },
                },
              ],
            },
          },
        },
      },
    ]);
    expect(state.messages[0]?.content).toEqual([
      { type: "text", text: { value: "ok", annotations: [] } },
    ]);
    const details = state.steps[0]?.step_details;
    expect(details?.type === "tool_calls" && details.tool_calls).toEqual([
      { id: "", type: "code_interpreter", code_interpreter: { input: "", outputs: [] } },
    ]);
  });
});
