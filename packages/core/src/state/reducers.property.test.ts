import fc from "fast-check";
import { fixtureNames, readFixture } from "../../test/fixtures";
import { readAssistantStream } from "../assistants/read-assistant-stream";
import {
  createAssistantRunState,
  reduceAssistantRun,
  reduceAssistantRunEvents,
} from "../assistants/reduce-assistant-run";
import type { MessageDeltaEvent } from "../assistants/types";
import { readThreadStream } from "../chatkit/read-thread-stream";
import type { ThreadItemUpdate } from "../chatkit/stream-event";
import type { AssistantMessageItem, ThreadItem } from "../chatkit/thread-item";
import {
  createAssistantMessage,
  createUserMessage,
  createWidgetItem,
  createWorkflowItem,
} from "../testing/factories";
import { streamFromString } from "../testing/stream-from-string";
import {
  reduceThreadStream,
  reduceThreadStreamEvents,
  type ThreadStreamReducerEvent,
} from "./reduce-thread-stream";
import { createThreadState, selectThreadItem, type ThreadState } from "./thread-state";

const id = fc.constantFrom("a", "b", "c", "d");
const index = fc.integer({ min: -1, max: 3 });
const text = fc.string({ maxLength: 6 });

const item: fc.Arbitrary<ThreadItem> = fc.oneof(
  fc.tuple(id, fc.array(text, { maxLength: 3 })).map(([i, t]) => createAssistantMessage(i, t)),
  fc.tuple(id, text).map(([i, t]) => createUserMessage(i, t)),
  id.map((i) =>
    createWidgetItem(i, {
      type: "Card",
      children: [
        { type: "Text", id: "t", value: "" },
        { type: "Col", children: [] },
      ],
    }),
  ),
  id.map((i) => createWorkflowItem(i)),
);

const update: fc.Arbitrary<ThreadItemUpdate> = fc.oneof(
  fc.record({
    type: fc.constant("assistant_message.content_part.text_delta" as const),
    content_index: index,
    delta: text,
  }),
  fc.record({
    type: fc.constant("assistant_message.content_part.annotation_added" as const),
    content_index: index,
    annotation_index: index,
    annotation: fc.constant({
      type: "annotation" as const,
      source: { type: "url" as const, url: "https://x.example", title: "x" },
      index: 1,
    }),
  }),
  fc.record({
    type: fc.constantFrom(
      "assistant_message.content_part.added" as const,
      "assistant_message.content_part.done" as const,
    ),
    content_index: index,
    content: text.map((t) => ({ type: "output_text" as const, text: t, annotations: [] })),
  }),
  fc.record({
    type: fc.constant("widget.streaming_text.value_delta" as const),
    component_id: fc.constantFrom("t", "missing"),
    delta: text,
    done: fc.boolean(),
  }),
  fc.record({
    type: fc.constantFrom("workflow.task.added" as const, "workflow.task.updated" as const),
    task_index: index,
    task: text.map((t) => ({ type: "thought" as const, content: t })),
  }),
);

const event: fc.Arbitrary<ThreadStreamReducerEvent> = fc.oneof(
  { weight: 3, arbitrary: item.map((i) => ({ type: "thread.item.added" as const, item: i })) },
  { weight: 2, arbitrary: item.map((i) => ({ type: "thread.item.done" as const, item: i })) },
  { weight: 1, arbitrary: item.map((i) => ({ type: "thread.item.replaced" as const, item: i })) },
  { weight: 1, arbitrary: id.map((i) => ({ type: "thread.item.removed" as const, item_id: i })) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(id, update)
      .map(([i, u]) => ({ type: "thread.item.updated" as const, item_id: i, update: u })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<ThreadStreamReducerEvent>(
      { type: "stream_options", stream_options: { allow_cancel: false } },
      { type: "progress_update", text: "p" },
      { type: "notice", level: "info", message: "n" },
      { type: "client_effect", name: "e" },
      { type: "error", code: "custom", allow_retry: true },
      { type: "unknown", original_type: "x", raw: {} },
      { type: "stream.malformed", reason: "invalid_json", message: "m", data: "{" },
    ),
  },
);

function checkInvariants(before: ThreadState, after: ThreadState): void {
  expect(new Set(after.itemIds).size).toBe(after.itemIds.length);
  expect(after.itemsById.size).toBe(after.itemIds.length);
  for (const i of after.itemIds) expect(selectThreadItem(after, i)?.id).toBe(i);
  // Order is stable: ids present before and after keep their relative order.
  const kept = before.itemIds.filter((i) => after.itemIds.includes(i));
  expect(after.itemIds.filter((i) => kept.includes(i))).toEqual(kept);
}

describe("reduceThreadStream (properties)", () => {
  it("never throws, keeps ids unique and order stable on random event sequences", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state = createThreadState();
        for (const e of events) {
          const next = reduceThreadStream(state, e);
          checkInvariants(state, next);
          state = next;
        }
        // Batched reduction gives exactly the same state.
        expect(reduceThreadStreamEvents(createThreadState(), events)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it("accumulates exactly the concatenated deltas per content part", () => {
    const delta = fc.record({ part: fc.integer({ min: 0, max: 3 }), text });
    fc.assert(
      fc.property(
        fc.array(delta, { maxLength: 80 }),
        fc.array(event, { maxLength: 10 }),
        (deltas, noise) => {
          const target = "target";
          const events: ThreadStreamReducerEvent[] = [
            { type: "thread.item.added", item: createAssistantMessage(target, []) },
          ];
          const expected = ["", "", "", ""];
          deltas.forEach((d, k) => {
            expected[d.part] += d.text;
            events.push({
              type: "thread.item.updated",
              item_id: target,
              update: {
                type: "assistant_message.content_part.text_delta",
                content_index: d.part,
                delta: d.text,
              },
            });
            const extra = noise[k % Math.max(1, noise.length)];
            // Interleave unrelated events (other ids, stream-level events).
            if (extra !== undefined && k % 3 === 0) events.push(extra);
          });
          for (const reduceAll of [
            (es: ThreadStreamReducerEvent[]) => es.reduce(reduceThreadStream, createThreadState()),
            (es: ThreadStreamReducerEvent[]) => reduceThreadStreamEvents(undefined, es),
          ]) {
            const item = selectThreadItem(reduceAll(events), target) as AssistantMessageItem;
            const last = Math.max(-1, ...deltas.map((d) => d.part));
            expect(item.content.map((c) => c.text)).toEqual(expected.slice(0, last + 1));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on recorded streams cut at a random byte", async () => {
    const texts = fixtureNames("chatkit-protocol", ".sse").map((n) =>
      readFixture("chatkit-protocol", n),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(texts.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (k, at) => {
          const full = texts[k] as string;
          const cut = full.slice(0, Math.floor(full.length * at));
          let state = createThreadState();
          for await (const e of readThreadStream(streamFromString(cut, { chunkSize: 5 }))) {
            const next = reduceThreadStream(state, e);
            checkInvariants(state, next);
            state = next;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("reduceAssistantRun (properties)", () => {
  const messageDelta = fc.record({
    id: fc.constantFrom("msg_1", "msg_2"),
    index: fc.integer({ min: 0, max: 2 }),
    type: fc.constantFrom("text" as const, "refusal" as const),
    value: text,
  });

  function toEvent(d: { id: string; index: number; type: "text" | "refusal"; value: string }) {
    const content: MessageDeltaEvent["delta"]["content"] =
      d.type === "text"
        ? [{ index: d.index, type: "text", text: { value: d.value } }]
        : [{ index: d.index, type: "refusal", refusal: d.value }];
    return {
      event: "thread.message.delta" as const,
      data: { id: d.id, object: "thread.message.delta" as const, delta: { content } },
    };
  }

  it("accumulates text per message and part; batches equal one-by-one", () => {
    fc.assert(
      fc.property(fc.array(messageDelta, { maxLength: 80 }), (deltas) => {
        // Keep one content type per (message, part) so the expectation is a plain concat.
        const typeOf = new Map<string, string>();
        const kept = deltas.filter((d) => {
          const key = `${d.id}:${d.index}`;
          if (!typeOf.has(key)) typeOf.set(key, d.type);
          return typeOf.get(key) === d.type;
        });
        const events = kept.map(toEvent);
        const state = events.reduce(reduceAssistantRun, createAssistantRunState());
        expect(reduceAssistantRunEvents(undefined, events)).toEqual(state);
        const expected = new Map<string, string>();
        for (const d of kept) {
          const key = `${d.id}:${d.index}`;
          expected.set(key, (expected.get(key) ?? "") + d.value);
        }
        for (const [key, value] of expected) {
          const [mid, part] = key.split(":");
          const message = state.messages.find((m) => m.id === mid);
          const content = message?.content[Number(part)];
          const got =
            content?.type === "text"
              ? content.text.value
              : content?.type === "refusal"
                ? content.refusal
                : undefined;
          expect(got).toBe(value);
        }
        expect(new Set(state.messages.map((m) => m.id)).size).toBe(state.messages.length);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on recorded runs cut at a random byte", async () => {
    const texts = fixtureNames("assistants", ".sse").map((n) => readFixture("assistants", n));
    await fc.assert(
      fc.asyncProperty(
        fc.nat(texts.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (k, at) => {
          const full = texts[k] as string;
          const cut = full.slice(0, Math.floor(full.length * at));
          let state = createAssistantRunState();
          for await (const e of readAssistantStream(streamFromString(cut, { chunkSize: 64 }))) {
            state = reduceAssistantRun(state, e);
          }
          expect(new Set(state.steps.map((s) => s.id)).size).toBe(state.steps.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
