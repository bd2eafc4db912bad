import { fixtureNames, readFixture } from "../../test/fixtures";
import { parseAssistantStreamEvent } from "./parse-stream-event";
import { type AssistantStreamReaderEvent, readAssistantStream } from "./read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
} from "./reduce-assistant-run";
import type { Message, RunStep, TextContentBlock } from "./types";

const FOLDER = "assistants";

async function readAll(name: string): Promise<AssistantStreamReaderEvent[]> {
  const events: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(readFixture(FOLDER, name))) events.push(event);
  return events;
}

function reduceAll(events: readonly AssistantStreamReaderEvent[]): AssistantRunState {
  return events.reduce(reduceAssistantRun, createAssistantRunState());
}

/**
 * File search results (requested with `include[]`) arrive only on the step's completed object;
 * the deltas carry `results: []`. Compare everything else.
 */
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

/**
 * Recordings whose deltas were trimmed by their authors (SOURCES.md), so the accumulated text
 * cannot equal the completed text. Every other recording must match exactly.
 */
const TRIMMED_MESSAGES = new Set([
  "simple-openai-file-search-step-deltas.sse",
  "openapi-create-thread-and-run-streaming.sse",
  "openapi-create-thread-and-run-streaming-functions.sse",
  "openapi-submit-tool-outputs-streaming.sse",
]);

describe("reduceAssistantRun on recorded runs", () => {
  for (const name of fixtureNames(FOLDER, ".sse")) {
    it(`rebuilds every completed message and step of ${name} from its deltas`, async () => {
      const events = await readAll(name);
      let checked = 0;
      for (const [index, event] of events.entries()) {
        if (
          event.event === "thread.message.completed" ||
          event.event === "thread.message.incomplete"
        ) {
          const before = reduceAll(events.slice(0, index));
          const built = before.messages.find((m) => m.id === event.data.id) as Message;
          expect(built).toBeDefined();
          if (TRIMMED_MESSAGES.has(name)) continue;
          expect(built.content).toEqual(event.data.content);
          checked++;
        }
        if (event.event === "thread.run.step.completed") {
          const before = reduceAll(events.slice(0, index));
          const built = before.steps.find((s) => s.id === event.data.id) as RunStep | undefined;
          if (built === undefined) continue; // continuation streams start at step.completed
          expect(withoutSearchResults(built.step_details)).toEqual(
            withoutSearchResults(event.data.step_details),
          );
          checked++;
        }
      }
      for (const [index, event] of events.entries()) {
        if (event.event !== "thread.run.requires_action") continue;
        // The required calls the run lists must equal the calls rebuilt from the step deltas.
        const before = reduceAll(events.slice(0, index));
        const calls = before.steps.flatMap((s) =>
          s.step_details.type === "tool_calls" ? s.step_details.tool_calls : [],
        );
        for (const required of event.data.required_action?.submit_tool_outputs.tool_calls ?? []) {
          const call = calls.find((c) => c.id === required.id);
          if (call === undefined && TRIMMED_MESSAGES.has(name)) continue;
          expect(call).toMatchObject({ type: "function", function: required.function });
          checked++;
        }
      }
      const final = reduceAll(events);
      // After the authoritative objects, the state holds them exactly.
      for (const event of events) {
        if (event.event === "thread.message.completed") {
          expect(final.messages.find((m) => m.id === event.data.id)).toEqual(event.data);
        }
        if (event.event === "thread.run.step.completed") {
          expect(final.steps.find((s) => s.id === event.data.id)).toEqual(event.data);
        }
      }
      const completes = events.some(
        (e) =>
          e.event === "thread.message.completed" ||
          e.event === "thread.run.step.completed" ||
          e.event === "thread.run.requires_action",
      );
      if (!TRIMMED_MESSAGES.has(name) && completes) {
        expect(checked).toBeGreaterThan(0);
      }
    });
  }
});

describe("reduceAssistantRun", () => {
  const delta = (content: unknown[]): AssistantStreamReaderEvent =>
    ({
      event: "thread.message.delta",
      data: { id: "msg_1", object: "thread.message.delta", delta: { content } },
    }) as AssistantStreamReaderEvent;
  const stepDelta = (toolCalls: unknown[]): AssistantStreamReaderEvent =>
    ({
      event: "thread.run.step.delta",
      data: {
        id: "step_1",
        object: "thread.run.step.delta",
        delta: { step_details: { type: "tool_calls", tool_calls: toolCalls } },
      },
    }) as AssistantStreamReaderEvent;

  it("merges text, annotations by index, images and refusals by content index", () => {
    const state = reduceAll([
      delta([{ index: 0, type: "text", text: { value: "Hi 【1†a】" } }]),
      delta([
        {
          index: 0,
          type: "text",
          text: {
            annotations: [{ index: 0, type: "file_citation", text: "【1†a】", start_index: 3 }],
          },
        },
      ]),
      delta([
        {
          index: 0,
          type: "text",
          text: {
            annotations: [
              { index: 0, type: "file_citation", end_index: 8, file_citation: { file_id: "f" } },
            ],
          },
        },
      ]),
      delta([{ index: 1, type: "image_file", image_file: { file_id: "img" } }]),
      delta([
        { index: 2, type: "refusal", refusal: "No" },
        { index: 3, type: "image_url", image_url: { url: "https://x/y.png" } },
      ]),
      delta([{ index: 2, type: "refusal", refusal: "pe" }]),
    ]);
    expect(state.messages[0]?.content).toEqual([
      {
        type: "text",
        text: {
          value: "Hi 【1†a】",
          annotations: [
            {
              type: "file_citation",
              text: "【1†a】",
              start_index: 3,
              end_index: 8,
              file_citation: { file_id: "f" },
            },
          ],
        },
      },
      { type: "image_file", image_file: { file_id: "img" } },
      { type: "refusal", refusal: "Nope" },
      { type: "image_url", image_url: { url: "https://x/y.png" } },
    ]);
    // A delta for a message the stream never created starts from a stub.
    expect(state.messages[0]).toMatchObject({
      id: "msg_1",
      object: "thread.message",
      status: "in_progress",
    });
  });

  it("merges tool calls by index: function arguments, code input, logs and images", () => {
    const state = reduceAll([
      stepDelta([
        { index: 0, type: "function", id: "call_1", function: { name: "f", arguments: '{"a"' } },
      ]),
      stepDelta([{ index: 0, type: "function", function: { arguments: ":1}" } }]),
      stepDelta([
        { index: 1, type: "code_interpreter", id: "ci", code_interpreter: { input: "print(" } },
      ]),
      stepDelta([
        {
          index: 1,
          type: "code_interpreter",
          code_interpreter: { input: "1)", outputs: [{ index: 0, type: "logs", logs: "1" }] },
        },
      ]),
      stepDelta([
        {
          index: 1,
          type: "code_interpreter",
          code_interpreter: {
            outputs: [
              { index: 0, type: "logs", logs: "\n" },
              { index: 1, type: "image", image: { file_id: "png" } },
            ],
          },
        },
      ]),
    ]);
    const details = state.steps[0]?.step_details;
    expect(details).toEqual({
      type: "tool_calls",
      tool_calls: [
        {
          id: "call_1",
          type: "function",
          function: { name: "f", arguments: '{"a":1}', output: null },
        },
        {
          id: "ci",
          type: "code_interpreter",
          code_interpreter: {
            input: "print(1)",
            outputs: [
              { type: "logs", logs: "1\n" },
              { type: "image", image: { file_id: "png" } },
            ],
          },
        },
      ],
    });
  });

  it("keeps streamed content when a created object arrives late, and takes terminal runs as they are", () => {
    const message = {
      id: "msg_1",
      object: "thread.message",
      created_at: 1,
      thread_id: "t",
      status: "in_progress",
      incomplete_details: null,
      completed_at: null,
      incomplete_at: null,
      role: "assistant",
      content: [],
      assistant_id: "a",
      run_id: "r",
      attachments: [],
      metadata: {},
    };
    let state = reduceAll([
      delta([{ index: 0, type: "text", text: { value: "Hello" } }]),
      { event: "thread.message.in_progress", data: message } as AssistantStreamReaderEvent,
    ]);
    expect(state.messages[0]?.content).toEqual([
      { type: "text", text: { value: "Hello", annotations: [] } },
    ]);
    for (const status of ["completed", "incomplete", "failed", "cancelled", "expired"] as const) {
      const run = { id: "r", object: "thread.run", status } as unknown;
      state = reduceAssistantRun(state, {
        event: `thread.run.${status}`,
        data: run,
      } as AssistantStreamReaderEvent);
      expect(state.run?.status).toBe(status);
    }
    const error = { message: "boom", type: "server_error", code: null, param: null };
    state = reduceAssistantRun(state, { event: "error", data: error });
    expect(state.error).toEqual(error);
    state = reduceAssistantRun(state, { event: "done", data: "[DONE]" });
    expect(state.done).toBe(true);
    expect(reduceAssistantRun(state, { event: "unknown", original_event: "x", data: {} })).toBe(
      state,
    );
  });
});

describe("reduceAssistantRun, one text delta at a time", () => {
  const textDelta = (id: string, value: string): AssistantStreamReaderEvent => ({
    event: "thread.message.delta",
    data: {
      id,
      object: "thread.message.delta",
      delta: { content: [{ index: 0, type: "text", text: { value } }] },
    },
  });
  /** A `thread.message.created` event for `id` as the reader parses it from `fields`. */
  const created = (id: string, fields: Record<string, unknown>): AssistantStreamReaderEvent =>
    parseAssistantStreamEvent("thread.message.created", {
      id,
      object: "thread.message",
      content: [{ type: "text", text: { value: "", annotations: [] } }],
      ...fields,
    }) as AssistantStreamReaderEvent;
  const withText = (message: Message, value: string): Message => ({
    ...message,
    content: [{ type: "text", text: { value, annotations: [] } }],
  });
  const textOf = (state: AssistantRunState) =>
    ((state.messages[0] as Message).content[0] as TextContentBlock).text.value;
  /** The state's JSON, where key order counts. */
  const json = (value: unknown) => JSON.stringify(value);

  const apiOrder = {
    created_at: 1,
    assistant_id: "asst_1",
    thread_id: "thread_1",
    run_id: "run_1",
    role: "assistant",
    status: "in_progress",
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    attachments: [],
    metadata: {},
  };

  it("keeps every key of the message in its order, unknown and missing keys included", () => {
    const shapes: [string, AssistantStreamReaderEvent | null][] = [
      ["a complete message", created("msg_1", apiOrder)],
      ["a message with a field the schema does not know", created("msg_1", { ...apiOrder, x: 1 })],
      ["a message without its optional fields", created("msg_1", { role: "assistant" })],
      [
        "a message with a symbol key",
        (() => {
          const event = created("msg_1", apiOrder);
          (event.data as unknown as Record<symbol, number>)[Symbol.for("tag")] = 1;
          return event;
        })(),
      ],
      ["a stub (deltas before the message)", null],
    ];
    for (const [name, event] of shapes) {
      let state = createAssistantRunState();
      if (event !== null) state = reduceAssistantRun(state, event);
      state = reduceAssistantRun(state, textDelta("msg_1", "a"));
      const first = state.messages[0] as Message;
      for (const value of ["b", "c", "d"])
        state = reduceAssistantRun(state, textDelta("msg_1", value));
      const base = event === null ? first : (event.data as Message);
      expect(json(state.messages[0]), name).toBe(json(withText(base, "abcd")));
      expect(state.messages[0], name).toStrictEqual(withText(base, "abcd"));
    }
  });

  it("keeps every key of the text part in its order, unknown keys included", () => {
    const base = created("msg_1", apiOrder).data as Message;
    const parts: [string, Record<string, unknown>, (value: string) => unknown][] = [
      [
        "the reader's order",
        { type: "text", text: { value: "", annotations: [] } },
        (value) => ({ type: "text", text: { value, annotations: [] } }),
      ],
      [
        "part keys reversed",
        { text: { value: "", annotations: [] }, type: "text" },
        (value) => ({ text: { value, annotations: [] }, type: "text" }),
      ],
      [
        "text keys reversed",
        { type: "text", text: { annotations: [], value: "" } },
        (value) => ({ type: "text", text: { annotations: [], value } }),
      ],
      [
        "an unknown key in the text",
        { type: "text", text: { value: "", annotations: [], x: 1 } },
        (value) => ({ type: "text", text: { value, annotations: [], x: 1 } }),
      ],
      [
        "an unknown key in the part",
        { type: "text", text: { value: "", annotations: [] }, x: 1 },
        (value) => ({ type: "text", text: { value, annotations: [] }, x: 1 }),
      ],
    ];
    for (const [name, part, expected] of parts) {
      const message = { ...base, content: [part] } as unknown as Message;
      let state = reduceAssistantRun(createAssistantRunState(), {
        event: "thread.message.created",
        data: message,
      });
      const states: [AssistantRunState, string][] = [];
      for (const value of ["a", "b", "c"]) {
        state = reduceAssistantRun(state, textDelta("msg_1", value));
        states.push([state, json(state)]);
      }
      expect(json((state.messages[0] as Message).content[0]), name).toBe(json(expected("abc")));
      expect((state.messages[0] as Message).content[0], name).toStrictEqual(expected("abc"));
      for (const [earlier, snapshot] of states) expect(json(earlier), name).toBe(snapshot);
    }
  });

  it("leaves every earlier state as it was, also when two states follow one", () => {
    let state = reduceAssistantRun(createAssistantRunState(), created("msg_1", apiOrder));
    const states: [AssistantRunState, string][] = [];
    for (let i = 0; i < 20; i++) {
      state = reduceAssistantRun(state, textDelta("msg_1", `${i} `));
      states.push([state, json(state)]);
    }
    const [middle] = states[9] as [AssistantRunState, string];
    const left = reduceAssistantRun(middle, textDelta("msg_1", "left"));
    const right = reduceAssistantRun(middle, textDelta("msg_1", "right"));
    const leftAgain = reduceAssistantRun(left, textDelta("msg_1", "!"));
    for (const [earlier, snapshot] of states) expect(json(earlier)).toBe(snapshot);
    expect(textOf(left)).toBe("0 1 2 3 4 5 6 7 8 9 left");
    expect(textOf(right)).toBe("0 1 2 3 4 5 6 7 8 9 right");
    expect(textOf(leftAgain)).toBe("0 1 2 3 4 5 6 7 8 9 left!");
    expect(leftAgain.messages[0]).toEqual(withText(left.messages[0] as Message, textOf(leftAgain)));
  });

  it("keeps two runs reduced in turns apart", () => {
    let a = reduceAssistantRun(createAssistantRunState(), created("msg_a", { ...apiOrder, x: 1 }));
    let b = reduceAssistantRun(createAssistantRunState(), created("msg_b", apiOrder));
    let c = createAssistantRunState();
    for (const value of ["1", "2", "3"]) {
      a = reduceAssistantRun(a, textDelta("msg_a", value));
      b = reduceAssistantRun(b, textDelta("msg_b", value));
      c = reduceAssistantRun(c, textDelta("msg_c", value));
    }
    const createdA = created("msg_a", { ...apiOrder, x: 1 }).data as Message;
    expect(json(a.messages)).toBe(json([withText(createdA, "123")]));
    expect(json(b.messages)).toBe(
      json([withText(created("msg_b", apiOrder).data as Message, "123")]),
    );
    expect(c.messages.map((m) => [m.id, m.thread_id, Object.keys(m).includes("x")])).toEqual([
      ["msg_c", "", false],
    ]);
    expect(textOf(c)).toBe("123");
  });
});
