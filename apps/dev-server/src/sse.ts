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

/**
 * A `text/event-stream` response that pulls frames from `frames` only as fast as the client
 * reads them. When the client goes away, the source generator is returned (its `finally` blocks
 * run), so a producer can tell a completed answer from an abandoned one.
 */
export function sseResponse(
  frames: AsyncIterable<string>,
  options: SseResponseOptions = {},
): Response {
  const iterator = frames[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.dropAfter !== undefined && sent >= options.dropAfter) {
        await iterator.return?.();
        // Let the frames already written reach the socket before it is reset.
        await new Promise((resolve) => setTimeout(resolve, 25));
        controller.error(new InjectedDropError(`stream dropped after ${sent} events`));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value));
        sent += 1;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
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
