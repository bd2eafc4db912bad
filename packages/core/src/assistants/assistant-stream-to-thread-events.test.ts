/**
 * The contract of the stream translator: every recorded Assistants stream, replayed through
 * `createAssistantStreamTranslator` and reduced with `reduceThreadStream`, gives the items the
 * run projection (`reduceAssistantRunEvents` + `assistantRunToThreadItems`) gives, after every
 * batch and at the end.
 */
import { fixtureNames, readFixture } from "../../test/fixtures";
import type { ThreadStreamReaderEvent } from "../chatkit/read-thread-stream";
import type { ThreadItem } from "../chatkit/thread-item";
import { reduceThreadStreamEvents } from "../state/reduce-thread-stream";
import { createThreadState, selectThreadItems, startThreadStream } from "../state/thread-state";
import { assistantRunToThreadItems } from "./assistant-run-to-thread-items";
import { createAssistantStreamTranslator } from "./assistant-stream-to-thread-events";
import {
  type AssistantStreamReaderEvent,
  readAssistantStreamBatches,
} from "./read-assistant-stream";
import { createAssistantRunState, reduceAssistantRunEvents } from "./reduce-assistant-run";

const FOLDER = "assistants";
const FIXTURES = fixtureNames(FOLDER, ".sse");

/** The fixture as a byte stream cut every `size` bytes (0: one chunk). */
function body(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      const step = size === 0 ? bytes.length : size;
      for (let at = 0; at < bytes.length; at += step)
        controller.enqueue(bytes.slice(at, at + step));
      controller.close();
    },
  });
}

async function batchesOf(name: string, size: number): Promise<AssistantStreamReaderEvent[][]> {
  const out: AssistantStreamReaderEvent[][] = [];
  for await (const batch of readAssistantStreamBatches(body(readFixture(FOLDER, name), size))) {
    out.push(batch);
  }
  return out;
}

/** Items by id; the order is compared separately. */
function byId(items: readonly ThreadItem[]): Record<string, ThreadItem> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

interface Replay {
  events: ThreadStreamReaderEvent[][];
  /** After each batch: [translated items, projected items]. */
  frames: [ThreadItem[], ThreadItem[]][];
}

async function replay(name: string, size: number): Promise<Replay> {
  const translator = createAssistantStreamTranslator();
  let run = createAssistantRunState();
  let thread = startThreadStream(createThreadState());
  const events: ThreadStreamReaderEvent[][] = [];
  const frames: [ThreadItem[], ThreadItem[]][] = [];
  for (const batch of await batchesOf(name, size)) {
    const translated = translator.push(batch);
    events.push(translated);
    thread = reduceThreadStreamEvents(thread, translated);
    run = reduceAssistantRunEvents(run, batch);
    frames.push([selectThreadItems(thread), assistantRunToThreadItems(run)]);
  }
  return { events, frames };
}

describe.each(FIXTURES)("%s through the translator", (name) => {
  it.each([0, 97, 7])(
    "gives the projected items after every batch (chunks of %i bytes)",
    async (size) => {
      const { frames } = await replay(name, size);
      expect(frames.length).toBeGreaterThan(0);
      for (const [translated, projected] of frames) {
        expect(byId(translated)).toEqual(byId(projected));
      }
      const [translated, projected] = frames.at(-1) as [ThreadItem[], ThreadItem[]];
      expect(translated.map((item) => item.id)).toEqual(projected.map((item) => item.id));
    },
  );

  it("keeps every malformed and unknown event, and reports errors", async () => {
    const batches = await batchesOf(name, 0);
    const source = batches.flat();
    const { events } = await replay(name, 0);
    const out = events.flat();
    const count = (
      list: readonly { event?: unknown; type?: unknown }[],
      key: "event" | "type",
      value: string,
    ) => list.filter((e) => e[key] === value).length;
    expect(count(out, "type", "stream.malformed")).toBe(count(source, "event", "stream.malformed"));
    expect(count(out, "type", "unknown")).toBe(count(source, "event", "unknown"));
    const failures =
      count(source, "event", "error") +
      count(source, "event", "thread.run.failed") +
      count(source, "event", "thread.run.expired");
    expect(count(out, "type", "error")).toBe(failures);
  });
});

describe("events by identity", () => {
  it("turns each text delta into one text_delta of its content part, and adds each item once", async () => {
    const { events } = await replay("dotnet-streaming-run-text.sse", 97);
    const out = events.flat();
    const source = (await batchesOf("dotnet-streaming-run-text.sse", 97)).flat();
    const textDeltas = source.filter(
      (e) => e.event === "thread.message.delta" && e.data.delta.content?.[0]?.type === "text",
    );
    const updates = out.flatMap((e) =>
      e.type === "thread.item.updated" &&
      e.update.type === "assistant_message.content_part.text_delta"
        ? [e.update]
        : [],
    );
    expect(textDeltas.length).toBeGreaterThan(5);
    // The first delta of a message may open its part (`content_part.added`); every other one is a delta.
    expect(updates.length).toBeGreaterThanOrEqual(textDeltas.length - 1);
    expect(updates.every((u) => u.content_index === 0)).toBe(true);
    const added = out.flatMap((e) => (e.type === "thread.item.added" ? [e.item.id] : []));
    expect(new Set(added).size).toBe(added.length);
    expect(out.filter((e) => e.type === "thread.item.done").length).toBeGreaterThan(0);
  });

  it("streams code interpreter input as workflow task updates of one task index", async () => {
    const { events } = await replay("simple-openai-v1-code-interpreter.sse", 0);
    const out = events.flat();
    const tasks = out.flatMap((e) =>
      e.type === "thread.item.updated" &&
      (e.update.type === "workflow.task.added" || e.update.type === "workflow.task.updated")
        ? [e.update]
        : [],
    );
    expect(tasks.length).toBeGreaterThan(50);
    expect(new Set(tasks.map((t) => t.task_index))).toEqual(new Set([0]));
  });

  it("ends a requires_action stream with the pending client tool call as its last call event", async () => {
    const { events } = await replay("dotnet-streaming-tool-call-requires-action.sse", 0);
    const calls = events
      .flat()
      .flatMap((e) =>
        (e.type === "thread.item.done" || e.type === "thread.item.added") &&
        e.item.type === "client_tool_call"
          ? [{ type: e.type, status: e.item.status }]
          : [],
      );
    expect(calls.at(-1)).toEqual({ type: "thread.item.done", status: "pending" });
  });

  it("reports an error event and a failed run as ChatKit errors that allow a retry", () => {
    const translator = createAssistantStreamTranslator();
    const out = translator.push([
      { event: "error", data: { code: "server_error", message: "boom" } },
    ] as AssistantStreamReaderEvent[]);
    expect(out).toEqual([
      { type: "error", code: "server_error", message: "boom", allow_retry: true },
    ]);
  });
});
