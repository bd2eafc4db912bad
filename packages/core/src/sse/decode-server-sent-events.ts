/**
 * Server-sent events decoding on top of `eventsource-parser` (spec-conformant line parsing), with
 * byte decoding, cancellation and a defined end-of-stream rule.
 */
import { createParser, type ParseError } from "eventsource-parser";

/** One decoded server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `undefined` when the server sent none. */
  event?: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` field; `undefined` when the server sent none. */
  id?: string | undefined;
}

/** A line of the body that is not valid SSE (reported, then skipped). */
export interface ServerSentEventLineError {
  /** The offending line (or field name) as received. */
  line: string;
  message: string;
}

/** A body the decoders accept. */
export type ServerSentEventsBody =
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | string;

/** Options of {@link decodeServerSentEvents}. */
export interface DecodeServerSentEventsOptions {
  /** Aborting stops the iteration with the signal's reason and cancels the body. */
  signal?: AbortSignal | undefined;
  /** Called for each line that is neither a known field nor a comment (e.g. `...`). */
  onInvalidLine?: ((error: ServerSentEventLineError) => void) | undefined;
}

/** A line that is not SSE (reported by the decoder in stream order among the events). */
export class InvalidServerSentEventLine implements ServerSentEventLineError {
  constructor(
    readonly line: string,
    readonly message: string,
  ) {}
}

/** What a {@link ServerSentEventDecoder} returns: an event or an invalid line. */
export type DecodedServerSentEvent = ServerSentEvent | InvalidServerSentEventLine;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
}

async function* chunksOf(
  body: ServerSentEventsBody,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array | string> {
  if (typeof body === "string") {
    yield body;
    return;
  }
  if (typeof (body as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const onAbort = () => {
      reader.cancel(signal?.reason).catch(() => {});
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        throwIfAborted(signal);
        const { done, value } = await reader.read();
        throwIfAborted(signal);
        if (done) return;
        yield value;
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      // Cancelling a finished stream is a no-op; cancelling an abandoned one frees the socket.
      reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    throwIfAborted(signal);
    yield chunk;
  }
}

/**
 * A synchronous, incremental SSE decoder: push byte or string chunks, get back the events and
 * invalid lines each chunk completed. The async readers are built on it; use it directly when
 * the chunks come from somewhere else (a Node stream, a WebSocket, a test).
 */
export interface ServerSentEventDecoder {
  /** Decodes one chunk; returns what it completed, in stream order. */
  push(chunk: Uint8Array | string): DecodedServerSentEvent[];
  /** Ends the stream: flushes a last event that has no blank line after it. */
  end(): DecodedServerSentEvent[];
}

/** Creates a {@link ServerSentEventDecoder}. */
export function createServerSentEventDecoder(): ServerSentEventDecoder {
  let batch: DecodedServerSentEvent[] = [];
  const parser = createParser({
    onEvent(message) {
      batch.push(message);
    },
    onError(error: ParseError) {
      if (error.type === "unknown-field") {
        batch.push(new InvalidServerSentEventLine(error.line ?? error.field ?? "", error.message));
      }
    },
  });
  const decoder = new TextDecoder();
  const take = () => {
    const out = batch;
    batch = [];
    return out;
  };
  return {
    push(chunk) {
      parser.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      return take();
    },
    end() {
      // A body that ends without the blank line after its last event still delivers that event:
      // servers and recordings end this way, and a cut-off event then fails JSON parsing
      // visibly. Two line feeds end a pending line (also one ending in a lone CR) and dispatch
      // the event; after a complete stream they are blank lines, which dispatch nothing.
      parser.feed(`${decoder.decode()}\n\n`);
      return take();
    },
  };
}

/**
 * @internal Decodes `body` into batches of events and invalid lines, one batch per chunk, so the
 * readers pay one async step per network chunk rather than one per event.
 */
export async function* decodeServerSentEventBatches(
  body: ServerSentEventsBody,
  signal: AbortSignal | undefined,
): AsyncGenerator<DecodedServerSentEvent[]> {
  throwIfAborted(signal);
  const decoder = createServerSentEventDecoder();
  for await (const chunk of chunksOf(body, signal)) {
    const batch = decoder.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

/**
 * Decodes a server-sent events body (a `fetch` response body, an async iterable of chunks, or a
 * string) into events. Independent of chunk boundaries (multi-byte characters split across
 * chunks included), accepts LF, CR and CRLF line ends, skips comments and `retry:` fields, and
 * passes `event: done` / `data: [DONE]` through like any other event.
 *
 * End of stream: a last event that is not followed by a blank line is still delivered.
 * Abort: when `signal` aborts, the iteration throws the signal's reason and the body is
 * cancelled.
 *
 * @example
 * for await (const { event, data } of decodeServerSentEvents(response.body!, { signal })) {
 *   console.log(event, data);
 * }
 */
export async function* decodeServerSentEvents(
  body: ServerSentEventsBody,
  options: DecodeServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  for await (const batch of decodeServerSentEventBatches(body, options.signal)) {
    for (const item of batch) {
      if (item instanceof InvalidServerSentEventLine) options.onInvalidLine?.(item);
      else yield item;
    }
  }
}
