/** Synthetic inputs shared by the stream benchmarks (no Node APIs). */
import type { ThreadStreamEvent } from "../src/chatkit/stream-event";
import { createThreadState, type ThreadState } from "../src/state/thread-state";
import { createAssistantMessage, createUserMessage, textDelta } from "../src/testing/factories";

/** A thread with `count` finished items plus one streaming assistant message `m_live`. */
export function threadWithItems(count: number): ThreadState {
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push(
      i % 2 === 0
        ? createUserMessage(`u_${i}`, `Question ${i}`)
        : createAssistantMessage(`a_${i}`, [`Answer ${i} `.repeat(20)]),
    );
  }
  items.push(createAssistantMessage("m_live", ["Streaming "]));
  return createThreadState(items);
}

/** One text delta for `m_live`. */
export const DELTA: ThreadStreamEvent = textDelta("m_live", " token");

/**
 * How the synthetic events are written: `compact` as `JSON.stringify` and the servers do,
 * `spaced` with a space after every `:` and `,` (Python's `json.dumps` default), a form the
 * readers' text delta pattern does not take, so every event goes through `JSON.parse`.
 */
export type JsonForm = "compact" | "spaced";

/** `JSON.stringify(value)` in `form` (the synthetic strings hold no `"`, `:` or `,`). */
function json(value: unknown, form: JsonForm): string {
  const text = JSON.stringify(value);
  return form === "compact" ? text : text.replace(/":/g, '": ').replace(/,"/g, ', "');
}

/**
 * A ChatKit SSE body: `thread.item.added`, `deltas` text deltas of 4–9 characters, then
 * `thread.item.done`, as `chunkSize`-byte UTF-8 chunks (like a network delivers them).
 */
export function syntheticThreadStream(
  deltas: number,
  chunkSize = 16 * 1024,
  form: JsonForm = "compact",
): Uint8Array[] {
  const parts: string[] = [];
  const item = createAssistantMessage("msg_bench", [""]);
  parts.push(`data: ${json({ type: "thread.item.added", item }, form)}\n\n`);
  let text = "";
  for (let i = 0; i < deltas; i++) {
    const delta = ` w${i % 1000}${i % 7 === 0 ? "\n" : ""}`;
    text += delta;
    parts.push(`data: ${json(textDelta("msg_bench", delta), form)}\n\n`);
  }
  const done = createAssistantMessage("msg_bench", [text]);
  parts.push(`data: ${json({ type: "thread.item.done", item: done }, form)}\n\n`);
  return chunk(parts.join(""), chunkSize);
}

/** An Assistants SSE body with `deltas` plain text `thread.message.delta` events. */
export function syntheticAssistantStream(
  deltas: number,
  chunkSize = 16 * 1024,
  form: JsonForm = "compact",
): Uint8Array[] {
  const parts: string[] = [];
  for (let i = 0; i < deltas; i++) {
    const data = {
      id: "msg_bench",
      object: "thread.message.delta",
      delta: { content: [{ index: 0, type: "text", text: { value: ` w${i % 1000}` } }] },
    };
    parts.push(`event: thread.message.delta\ndata: ${json(data, form)}\n\n`);
  }
  parts.push("event: done\ndata: [DONE]\n\n");
  return chunk(parts.join(""), chunkSize);
}

function chunk(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}
