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

/** @internal A line that is not SSE, in stream order among the events. */
export class InvalidLine implements ServerSentEventLineError {
  constructor(
    readonly line: string,
    readonly message: string,
  ) {}
}

/** @internal An event or an invalid line, in stream order. */
export type DecodedItem = ServerSentEvent | InvalidLine;

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
 * @internal Decodes `body` into batches of events and invalid lines, one batch per chunk, so the
 * readers pay one async step per network chunk rather than one per event.
 */
export async function* decodeServerSentEventBatches(
  body: ServerSentEventsBody,
  signal: AbortSignal | undefined,
): AsyncGenerator<DecodedItem[]> {
  throwIfAborted(signal);
  let batch: DecodedItem[] = [];
  const parser = createParser({
    onEvent(message) {
      batch.push(message);
    },
    onError(error: ParseError) {
      if (error.type === "unknown-field") {
        batch.push(new InvalidLine(error.line ?? error.field ?? "", error.message));
      }
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of chunksOf(body, signal)) {
    parser.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
  // A body that ends without the blank line after its last event still delivers that event:
  // servers and recordings end this way, and a cut-off event then fails JSON parsing visibly.
  // Two line feeds end a pending line (also one ending in a lone CR) and dispatch the event;
  // after a complete stream they are blank lines, which dispatch nothing.
  parser.feed(`${decoder.decode()}\n\n`);
  if (batch.length > 0) yield batch;
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
      if (item instanceof InvalidLine) options.onInvalidLine?.(item);
      else yield item;
    }
  }
}
