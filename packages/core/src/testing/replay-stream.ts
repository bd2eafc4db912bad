/**
 * Replaying recorded SSE text through the real readers, for tests and stream-replay stories.
 * Browser-safe: pass fixture text imported with `?raw`.
 */
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
} from "../assistants/read-assistant-stream";
import { readThreadStream, type ThreadStreamReaderEvent } from "../chatkit/read-thread-stream";
import { type StreamFromStringOptions, streamFromString } from "./stream-from-string";

/**
 * Reads a recorded ChatKit stream as if it arrived over the network: the text is cut into
 * `chunkSize`-byte chunks, paced by `delayMs`, and decoded and validated by `readThreadStream`.
 *
 * @example
 * import recording from "../fixtures/run.sse?raw";
 * for await (const event of replayThreadStream(recording, { chunkSize: 32, delayMs: 20 })) {}
 */
export function replayThreadStream(
  text: string,
  options: StreamFromStringOptions = {},
): AsyncGenerator<ThreadStreamReaderEvent, void, undefined> {
  return readThreadStream(streamFromString(text, options), { signal: options.signal });
}

/** The same for a recorded Assistants run stream (`readAssistantStream`). */
export function replayAssistantStream(
  text: string,
  options: StreamFromStringOptions = {},
): AsyncGenerator<AssistantStreamReaderEvent, void, undefined> {
  return readAssistantStream(streamFromString(text, options), { signal: options.signal });
}

/** Every event of a recorded ChatKit stream, read in one go. */
export async function readThreadStreamText(text: string): Promise<ThreadStreamReaderEvent[]> {
  const events: ThreadStreamReaderEvent[] = [];
  for await (const event of readThreadStream(text)) events.push(event);
  return events;
}

/** Every event of a recorded Assistants run stream, read in one go. */
export async function readAssistantStreamText(text: string): Promise<AssistantStreamReaderEvent[]> {
  const events: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(text)) events.push(event);
  return events;
}
