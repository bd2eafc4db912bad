/** Server-sent event framing and a pull-based stream with fault injection. */

/** One ChatKit protocol frame: `data: <json>\n\n` (no `event:` or `id:` lines). */
export function dataFrame(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** One Assistants API frame: `event: <name>\ndata: <json>\n\n`. */
export function namedFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/** Options of {@link sseResponse}. */
export interface SseResponseOptions {
  /** Cut the connection (an error mid-body, as a dropped network would) after N frames. */
  dropAfter?: number | undefined;
  /** Send N frames, then nothing more, with the connection left open (a stalled server). */
  silentAfter?: number | undefined;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** Thrown into the body stream to reset the connection on purpose. */
export class InjectedDropError extends Error {
  override readonly name = "InjectedDropError";
  constructor(message: string) {
    super(message);
    // The Node adapter logs it; the stack would only be noise.
    this.stack = `InjectedDropError: ${message} (x-threadkit-fault)`;
  }
}

/** Frames already produced are sent together, up to this many characters per chunk. */
const MAX_CHUNK = 64 * 1024;
const TICK = Symbol("tick");

/**
 * A `text/event-stream` response that pulls frames from `frames` only as fast as the client
 * reads them. Frames produced back to back (in the same turn of the event loop) go out as one
 * network chunk; a frame that waits on a timer goes out on its own, as soon as it exists.
 * When the client goes away, the source generator is returned (its `finally` blocks run), so a
 * producer can tell a completed answer from an abandoned one.
 */
export function sseResponse(
  frames: AsyncIterable<string>,
  options: SseResponseOptions = {},
): Response {
  const iterator = frames[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const dropAt = options.dropAfter ?? Number.POSITIVE_INFINITY;
  const silentAt = options.silentAfter ?? Number.POSITIVE_INFINITY;
  const limit = Math.min(dropAt, silentAt);
  let sent = 0;
  let pending: Promise<IteratorResult<string>> | null = null;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (sent >= silentAt && silentAt < dropAt) {
          // Stalled: the pull never settles, so the stream stays open until the client leaves.
          await new Promise<never>(() => {});
        }
        if (sent >= limit) {
          pending = null;
          await iterator.return?.();
          // Let the frames already written reach the socket before it is reset.
          await new Promise((resolve) => setTimeout(resolve, 25));
          controller.error(new InjectedDropError(`stream dropped after ${sent} events`));
          return;
        }
        const first = await (pending ?? iterator.next());
        pending = null;
        if (first.done) {
          controller.close();
          return;
        }
        let chunk = first.value;
        let count = 1;
        const tick = new Promise<typeof TICK>((resolve) => setImmediate(() => resolve(TICK)));
        while (chunk.length < MAX_CHUNK && sent + count < limit) {
          const next = iterator.next();
          const winner = await Promise.race([next, tick]);
          if (winner === TICK || winner.done) {
            pending = next;
            break;
          }
          chunk += winner.value;
          count += 1;
        }
        controller.enqueue(encoder.encode(chunk));
        sent += count;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      pending = null;
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      // Makes the Node adapter send the headers at once instead of pre-reading the body, so the
      // client sees the stream start immediately and an injected drop lands mid-body.
      "Transfer-Encoding": "chunked",
      ...options.headers,
    },
  });
}
