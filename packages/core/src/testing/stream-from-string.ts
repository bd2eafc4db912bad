/**
 * Turning fixture text into byte streams, for tests and stream-replay stories. No Node APIs: runs
 * in browsers (import fixtures with Vite's `?raw`).
 */

/** Options of {@link streamFromString}. */
export interface StreamFromStringOptions {
  /** Bytes per chunk. Default: the whole text in one chunk. */
  chunkSize?: number | undefined;
  /** Pause before each chunk after the first, in milliseconds. Default `0` (no timers). */
  delayMs?: number | undefined;
  /** Aborting errors the stream with the signal's reason. */
  signal?: AbortSignal | undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A `ReadableStream` of the UTF-8 bytes of `text`, cut into `chunkSize`-byte chunks (which may
 * split multi-byte characters, like a network does), optionally paced by `delayMs`.
 *
 * @example
 * import fixture from "./run.sse?raw";
 * for await (const event of readThreadStream(streamFromString(fixture, { chunkSize: 7 }))) {}
 */
export function streamFromString(
  text: string,
  options: StreamFromStringOptions = {},
): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const size = Math.max(1, Math.floor(options.chunkSize ?? (bytes.length || 1)));
  const { delayMs = 0, signal } = options;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener("abort", () => controller.error(signal.reason), { once: true });
      if (signal?.aborted) controller.error(signal.reason);
    },
    async pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      if (delayMs > 0 && offset > 0) await sleep(delayMs, signal);
      const end = Math.min(bytes.length, offset + size);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
    },
  });
}

/** Splits `text` at the given byte offsets (sorted, deduplicated) into UTF-8 chunks. */
export function splitBytesAt(text: string, offsets: readonly number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** Options of {@link replayEvents}. */
export interface ReplayEventsOptions {
  /** Pause between events in milliseconds. Default `0`. */
  delayMs?: number | undefined;
  /** Aborting stops the replay with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Yields `events` one by one, optionally paced: feed a reducer from a pre-parsed event list
 * (e.g. a stream-replay player with its own speed control).
 */
export async function* replayEvents<T>(
  events: Iterable<T> | AsyncIterable<T>,
  options: ReplayEventsOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { delayMs = 0, signal } = options;
  let first = true;
  for await (const event of events) {
    if (signal?.aborted) throw signal.reason;
    if (!first && delayMs > 0) await sleep(delayMs, signal);
    first = false;
    yield event;
  }
}

/**
 * Runs every event of `events` through `reducer`, returning every intermediate state (the first
 * entry is the initial state). Handy to scrub through a recorded stream.
 */
export async function collectStates<S, E>(
  events: Iterable<E> | AsyncIterable<E>,
  reducer: (state: S | undefined, event: E) => S,
  initial?: S,
): Promise<S[]> {
  const states: S[] = [];
  let state = initial;
  if (state !== undefined) states.push(state);
  for await (const event of events) {
    state = reducer(state, event);
    states.push(state);
  }
  return states;
}

/**
 * Formats events as an SSE body (`event:` line when given, one `data:` line per payload line,
 * blank line after each): build synthetic streams for tests and benchmarks.
 */
export function formatServerSentEvents(
  events: Iterable<{ event?: string; data: string | object }>,
): string {
  let out = "";
  for (const { event, data } of events) {
    if (event !== undefined) out += `event: ${event}\n`;
    const text = typeof data === "string" ? data : JSON.stringify(data);
    for (const line of text.split("\n")) out += `data: ${line}\n`;
    out += "\n";
  }
  return out;
}
