/**
 * Fuzzed streams, ChatKit and Assistants: the readers and reducers never throw, never grow a
 * list far past what the events could build, and give the same result however the bytes are
 * split. Indexes are drawn from valid ones, huge ones (1.5e8, 2^53 − 1), negative and fractional
 * ones; timestamps from valid and out-of-range ones; fields are dropped at random. Bounded to run
 * in a few seconds.
 */
import fc from "fast-check";
import { assistantRunToThreadItems } from "../src/assistants/assistant-run-to-thread-items";
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
  readAssistantStreamBatches,
} from "../src/assistants/read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
  reduceAssistantRunEvents,
} from "../src/assistants/reduce-assistant-run";
import {
  readThreadStream,
  readThreadStreamBatches,
  type ThreadStreamReaderEvent,
} from "../src/chatkit/read-thread-stream";
import { MAX_INDEX_GAP } from "../src/state/index-bounds";
import { reduceThreadStream, reduceThreadStreamEvents } from "../src/state/reduce-thread-stream";
import { createThreadState, selectThreadItems, type ThreadState } from "../src/state/thread-state";

const index = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(-1, -150_000_000, 0.5, 2.5, 1e7, 150_000_000, 2 ** 53 - 1, 1e300),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("0", null, true, {}) },
);
const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.constantFrom(9007199254740991, -9007199254740991, 1e300, -1, 0.5),
);
const text = fc.string({ maxLength: 5 });
const id = fc.constantFrom("a", "b");

/** `object` with a random subset of `keys` removed (a missing field). */
function dropSome<T extends object>(object: fc.Arbitrary<T>, keys: readonly string[]) {
  return fc
    .tuple(object, fc.subarray([...keys], { maxLength: Math.min(2, keys.length) }), fc.nat(9))
    .map(([value, drop, roll]) => {
      if (roll > 1) return value;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const key of drop) delete copy[key];
      return copy as T;
    });
}

/** Splits `text` into byte chunks at random positions (multi-byte characters included). */
const splits = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });
function chunked(text: string, at: readonly number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const cuts = [...new Set(at.map((x) => Math.floor(x * bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  return chunks;
}

/** Reader events as plain data (the `error` objects of malformed events left out). */
function plain(events: readonly object[]): unknown {
  return events.map((event) => {
    const { error: _error, ...rest } = event as { error?: unknown };
    return rest;
  });
}

/* ----------------------------------- ChatKit ----------------------------------- */

const chatkitItem = fc.record({
  type: fc.constant("assistant_message"),
  id,
  thread_id: fc.constant("t"),
  created_at: fc.constant("2026-01-01T00:00:00Z"),
  content: fc.array(
    fc.record({ type: fc.constant("output_text"), text, annotations: fc.constant([]) }),
    { maxLength: 2 },
  ),
});
const part = fc.record({ type: fc.constant("output_text"), text, annotations: fc.constant([]) });
const chatkitUpdate = fc.oneof(
  dropSome(
    fc.record({
      type: fc.constant("assistant_message.content_part.text_delta"),
      content_index: index,
      delta: text,
    }),
    ["content_index", "delta"],
  ),
  dropSome(
    fc.record({
      type: fc.constantFrom(
        "assistant_message.content_part.added",
        "assistant_message.content_part.done",
      ),
      content_index: index,
      content: part,
    }),
    ["content_index", "content"],
  ),
  fc.record({
    type: fc.constant("assistant_message.content_part.annotation_added"),
    content_index: index,
    annotation_index: index,
    annotation: fc.constant({ type: "annotation", source: { type: "url", url: "u", title: "t" } }),
  }),
);
const chatkitEvent = fc.oneof(
  { weight: 1, arbitrary: chatkitItem.map((item) => ({ type: "thread.item.added", item })) },
  {
    weight: 1,
    arbitrary: dropSome(
      chatkitItem.map((item) => ({ type: "thread.item.done", item })),
      ["item"],
    ),
  },
  {
    weight: 5,
    arbitrary: dropSome(
      fc.record({ type: fc.constant("thread.item.updated"), item_id: id, update: chatkitUpdate }),
      ["item_id", "update"],
    ),
  },
  { weight: 1, arbitrary: id.map((item_id) => ({ type: "thread.item.removed", item_id })) },
);

async function readChatKit(body: string | Uint8Array[]): Promise<ThreadStreamReaderEvent[]> {
  const out: ThreadStreamReaderEvent[] = [];
  for await (const event of readThreadStream(body)) out.push(event);
  return out;
}

function contentLengths(state: ThreadState): number[] {
  return selectThreadItems(state).map((item) =>
    item.type === "assistant_message" ? item.content.length : 0,
  );
}

describe("ChatKit streams (fuzzed)", () => {
  it("never throw, stay bounded and do not depend on how the bytes are split", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chatkitEvent, { maxLength: 25 }), splits, async (events, at) => {
        const sse = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("");
        const whole = await readChatKit(sse);
        const split = await readChatKit(chunked(sse, at));
        expect(plain(split)).toEqual(plain(whole));
        const batches: ThreadStreamReaderEvent[][] = [];
        for await (const batch of readThreadStreamBatches(chunked(sse, at))) batches.push(batch);
        expect(plain(batches.flat())).toEqual(plain(whole));
        let state = createThreadState();
        for (const event of whole) state = reduceThreadStream(state, event);
        const batched = reduceThreadStreamEvents(undefined, whole);
        expect(selectThreadItems(batched)).toEqual(selectThreadItems(state));
        // Each event adds at most MAX_INDEX_GAP + 1 parts; items bring at most 2.
        const bound = 2 + events.length * (MAX_INDEX_GAP + 1);
        for (const length of contentLengths(state)) expect(length).toBeLessThanOrEqual(bound);
        // What the reader passed on is applied as is by the reducer: an update whose index it let
        // through never needs padding past the gap.
        for (const event of whole) {
          if (event.type === "stream.malformed" && event.reason === "invalid_index") {
            expect(event.message).toMatch(/content_index/);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("reducers never throw on hand-built events with any index", () => {
    fc.assert(
      fc.property(fc.array(chatkitEvent, { maxLength: 25 }), (events) => {
        const state = reduceThreadStreamEvents(undefined, events as never[]);
        const bound = 2 + events.length * (MAX_INDEX_GAP + 1);
        for (const length of contentLengths(state)) expect(length).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 150 },
    );
  });
});

/* ---------------------------------- Assistants --------------------------------- */

const annotationDelta = fc.record({
  index,
  type: fc.constant("file_citation"),
  text: fc.constant("【4:0†a.txt】"),
  file_citation: fc.constant({ file_id: "file_a" }),
});
const messageDelta = dropSome(
  fc.record({
    id: fc.constantFrom("msg_a", "msg_b"),
    object: fc.constant("thread.message.delta"),
    delta: fc.record({
      content: fc.array(
        fc.record({
          index,
          type: fc.constant("text"),
          text: fc.record(
            { value: text, annotations: fc.array(annotationDelta, { maxLength: 2 }) },
            { requiredKeys: [] },
          ),
        }),
        { maxLength: 2 },
      ),
    }),
  }),
  ["delta"],
);
const message = dropSome(
  fc.record({
    id: fc.constantFrom("msg_a", "msg_b"),
    object: fc.constant("thread.message"),
    created_at: timestamp,
    thread_id: fc.constant("thread_1"),
    status: fc.constantFrom("in_progress", "completed", "incomplete"),
    role: fc.constantFrom("assistant", "user"),
    content: fc.array(
      fc.record({
        type: fc.constant("text"),
        text: fc.record({ value: text, annotations: fc.constant([]) }),
      }),
      { maxLength: 2 },
    ),
    incomplete_details: fc.option(
      fc.record({ reason: fc.constantFrom("max_tokens", "max_prompt_tokens") }),
    ),
  }),
  ["content", "created_at", "role", "thread_id"],
);
const toolCallDelta = fc.oneof(
  fc.record({
    index,
    type: fc.constant("code_interpreter"),
    code_interpreter: fc.record(
      {
        input: text,
        outputs: fc.array(fc.record({ index, type: fc.constant("logs"), logs: text }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    index,
    type: fc.constant("function"),
    function: fc.record({ name: text, arguments: text }, { requiredKeys: [] }),
  }),
);
const stepDelta = fc.record({
  id: fc.constantFrom("step_a", "step_b"),
  object: fc.constant("thread.run.step.delta"),
  delta: fc.record(
    {
      step_details: fc.record({
        type: fc.constant("tool_calls"),
        tool_calls: fc.array(toolCallDelta, { maxLength: 2 }),
      }),
    },
    { requiredKeys: [] },
  ),
});
const step = dropSome(
  fc.record({
    id: fc.constantFrom("step_a", "step_b"),
    object: fc.constant("thread.run.step"),
    created_at: timestamp,
    thread_id: fc.constant("thread_1"),
    run_id: fc.constant("run_1"),
    type: fc.constantFrom("tool_calls", "message_creation"),
    status: fc.constantFrom("in_progress", "completed", "failed", "expired", "cancelled"),
    step_details: fc.oneof(
      fc.record({
        type: fc.constant("message_creation"),
        message_creation: fc.record({ message_id: fc.constantFrom("msg_a", "msg_b") }),
      }),
      fc.record({ type: fc.constant("tool_calls"), tool_calls: fc.constant([]) }),
    ),
  }),
  ["step_details", "created_at", "thread_id"],
);
const run = fc.record({
  id: fc.constant("run_1"),
  object: fc.constant("thread.run"),
  created_at: timestamp,
  thread_id: fc.constant("thread_1"),
  assistant_id: fc.constant("asst_1"),
  status: fc.constantFrom("in_progress", "completed", "incomplete", "cancelling", "expired"),
});
const assistantEvent: fc.Arbitrary<[string, unknown]> = fc.oneof(
  {
    weight: 5,
    arbitrary: messageDelta.map((d) => ["thread.message.delta", d] as [string, unknown]),
  },
  { weight: 3, arbitrary: stepDelta.map((d) => ["thread.run.step.delta", d] as [string, unknown]) },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom(
        "thread.message.created",
        "thread.message.completed",
        "thread.message.incomplete",
      ),
      message,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom(
        "thread.run.step.created",
        "thread.run.step.completed",
        "thread.run.step.failed",
        "thread.run.step.expired",
      ),
      step,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom(
        "thread.run.created",
        "thread.run.incomplete",
        "thread.run.cancelling",
        "thread.run.expired",
      ),
      run,
    ),
  },
);

async function readAssistants(body: string | Uint8Array[]): Promise<AssistantStreamReaderEvent[]> {
  const out: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(body)) out.push(event);
  return out;
}

function sizes(state: AssistantRunState): number[] {
  const out: number[] = [];
  // Hand-built events may carry objects without the fields the API always sends.
  for (const m of state.messages) {
    const content = m.content ?? [];
    out.push(content.length);
    for (const part of content) {
      if (part.type === "text") out.push(part.text?.annotations?.length ?? 0);
    }
  }
  for (const s of state.steps) {
    const details = s.step_details;
    if (details?.type !== "tool_calls") continue;
    out.push(details.tool_calls?.length ?? 0);
    for (const call of details.tool_calls ?? []) {
      if (call.type === "code_interpreter") out.push(call.code_interpreter?.outputs?.length ?? 0);
    }
  }
  return out;
}

describe("Assistants streams (fuzzed)", () => {
  it("never throw, stay bounded, convert to items and do not depend on byte splits", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(assistantEvent, { maxLength: 20 }), splits, async (events, at) => {
        const sse = events
          .map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
          .join("");
        const whole = await readAssistants(sse);
        const split = await readAssistants(chunked(sse, at));
        expect(plain(split)).toEqual(plain(whole));
        const batches: AssistantStreamReaderEvent[][] = [];
        for await (const batch of readAssistantStreamBatches(chunked(sse, at))) batches.push(batch);
        expect(plain(batches.flat())).toEqual(plain(whole));
        const state = whole.reduce<AssistantRunState>(
          reduceAssistantRun,
          createAssistantRunState(),
        );
        expect(reduceAssistantRunEvents(undefined, whole)).toEqual(state);
        const bound = 2 + events.length * 2 * (MAX_INDEX_GAP + 1);
        for (const size of sizes(state)) expect(size).toBeLessThanOrEqual(bound);
        const items = assistantRunToThreadItems(state);
        expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
        for (const item of items) expect(typeof item.created_at).toBe("string");
      }),
      { numRuns: 120 },
    );
  });

  it("reducers and conversion never throw on hand-built events with any index", () => {
    fc.assert(
      fc.property(fc.array(assistantEvent, { maxLength: 20 }), (events) => {
        const reader = events.map(([event, data]) => ({
          event,
          data,
        })) as AssistantStreamReaderEvent[];
        const state = reduceAssistantRunEvents(undefined, reader);
        const bound = 2 + events.length * 2 * (MAX_INDEX_GAP + 1);
        for (const size of sizes(state)) expect(size).toBeLessThanOrEqual(bound);
        expect(() => assistantRunToThreadItems(state)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
