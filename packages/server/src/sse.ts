/** Server-sent event framing of a ChatKit stream. */
import type { ThreadStreamEvent } from "@threadkit/core";

/** One protocol frame: `data: <json>\n\n` (no `event:` or `id:` lines, like the Python server). */
export function encodeEvent(event: ThreadStreamEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/**
 * A `text/event-stream` response that pulls events only as fast as the client reads them. When
 * the client stops reading, `onCancel` runs and the event generator is returned, so its
 * `finally` blocks (cancellation handling) run.
 */
export function sseResponse(
  events: AsyncGenerator<ThreadStreamEvent, void, undefined>,
  onCancel: () => void,
): Response {
  const encoder = new TextEncoder();
  let finished = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        // Cancelled while this event was being produced: the stream is gone.
        if (finished) return;
        if (next.done) {
          finished = true;
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(encodeEvent(next.value)));
      } catch (error) {
        if (finished) return;
        finished = true;
        controller.error(error);
      }
    },
    async cancel() {
      if (finished) return;
      finished = true;
      onCancel();
      await events.return(undefined).catch(() => {});
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
