/** The measured pipelines, shared by the vitest benches and the plain node script. */
import { createParser } from "eventsource-parser";
import { assistantRunToThreadItems } from "../src/assistants/assistant-run-to-thread-items";
import { createAssistantStreamTranslator } from "../src/assistants/assistant-stream-to-thread-events";
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
  readAssistantStreamBatches,
} from "../src/assistants/read-assistant-stream";
import {
  createAssistantRunState,
  reduceAssistantRun,
  reduceAssistantRunEvents,
} from "../src/assistants/reduce-assistant-run";
import { readThreadStream, readThreadStreamBatches } from "../src/chatkit/read-thread-stream";
import { reduceThreadStream, reduceThreadStreamEvents } from "../src/state/reduce-thread-stream";
import { createThreadState } from "../src/state/thread-state";

/** The floor: TextDecoder + eventsource-parser + JSON.parse of every event, nothing else. */
export function floor(chunks: readonly Uint8Array[]): number {
  let count = 0;
  const parser = createParser({
    onEvent(message) {
      if (message.data !== "[DONE]") JSON.parse(message.data);
      count++;
    },
  });
  const decoder = new TextDecoder();
  for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed("\n\n");
  return count;
}

/** decode + validate + reduce through the public API, one `for await` per event. */
export async function threadPipeline(chunks: readonly Uint8Array[]): Promise<number> {
  let state = createThreadState();
  let count = 0;
  for await (const event of readThreadStream(chunks)) {
    state = reduceThreadStream(state, event);
    count++;
  }
  if (state.itemIds.length !== 1) throw new Error("bad reduction");
  return count;
}

/** The same for an Assistants run stream. */
export async function assistantPipeline(chunks: readonly Uint8Array[]): Promise<number> {
  let state = createAssistantRunState();
  let count = 0;
  for await (const event of readAssistantStream(chunks)) {
    state = reduceAssistantRun(state, event);
    count++;
  }
  if (state.messages.length !== 1) throw new Error("bad reduction");
  return count;
}

/** decode + validate through the public per-event reader, one `for await` per event; no reduction. */
export async function threadReader(chunks: readonly Uint8Array[]): Promise<number> {
  let count = 0;
  for await (const event of readThreadStream(chunks))
    if (event.type !== "stream.malformed") count++;
  return count;
}

/** The same for an Assistants run stream. */
export async function assistantReader(chunks: readonly Uint8Array[]): Promise<number> {
  let count = 0;
  for await (const event of readAssistantStream(chunks))
    if (event.event !== "stream.malformed") count++;
  return count;
}

/** decode + validate + reduce, one synchronous reduction per network chunk (batches). */
export async function threadBatchPipeline(chunks: readonly Uint8Array[]): Promise<number> {
  let state = createThreadState();
  let count = 0;
  for await (const events of readThreadStreamBatches(chunks)) {
    state = reduceThreadStreamEvents(state, events);
    count += events.length;
  }
  if (state.itemIds.length !== 1) throw new Error("bad reduction");
  return count;
}

/** The same for an Assistants run stream. */
export async function assistantBatchPipeline(chunks: readonly Uint8Array[]): Promise<number> {
  let state = createAssistantRunState();
  let count = 0;
  for await (const events of readAssistantStreamBatches(chunks)) {
    state = reduceAssistantRunEvents(state, events);
    count += events.length;
  }
  if (state.messages.length !== 1) throw new Error("bad reduction");
  return count;
}

/** The Assistants batches of a stream, decoded and validated once (to time what follows alone). */
export async function assistantBatches(
  chunks: readonly Uint8Array[],
): Promise<AssistantStreamReaderEvent[][]> {
  const out: AssistantStreamReaderEvent[][] = [];
  for await (const batch of readAssistantStreamBatches(chunks)) out.push(batch);
  return out;
}

/**
 * The run projection path (what the hooks did per frame before the Assistants backend): reduce
 * the batch into the run, project the whole run into items, and publish the items whose JSON
 * changed.
 */
export function projectionPath(batches: readonly AssistantStreamReaderEvent[][]): number {
  let run = createAssistantRunState();
  const published = new Map<string, string>();
  let changed = 0;
  for (const batch of batches) {
    run = reduceAssistantRunEvents(run, batch);
    for (const item of assistantRunToThreadItems(run)) {
      const json = JSON.stringify(item);
      if (published.get(item.id) === json) continue;
      published.set(item.id, json);
      changed++;
    }
  }
  if (published.size !== 1) throw new Error("bad projection");
  return changed;
}

/** The backend path: translate each batch into ChatKit events, reduce them into the thread state. */
export function translatorPath(batches: readonly AssistantStreamReaderEvent[][]): number {
  const translator = createAssistantStreamTranslator();
  let state = createThreadState();
  let count = 0;
  for (const batch of batches) {
    const events = translator.push(batch);
    count += events.length;
    state = reduceThreadStreamEvents(state, events);
  }
  if (state.itemIds.length !== 1) throw new Error("bad translation");
  return count;
}
