import fc from "fast-check";
import { fixtureNames, readFixture, splitSse } from "../../test/fixtures";
import { createThreadState, selectThreadItem, type ThreadState } from "../state";
import { reduceThreadStream, reduceThreadStreamEvents } from "../state/reduce-thread-stream";
import { parseThreadStreamEvent } from "./parse-stream-event";
import {
  readThreadStream,
  readThreadStreamBatches,
  type ThreadStreamReaderEvent,
  toThreadStreamEvent,
} from "./read-thread-stream";
import { readTextDeltaData } from "./text-delta-data";

/** The reader's conversion without the fast path: `JSON.parse`, then the schema. */
function slowEvent(data: string): ThreadStreamReaderEvent | { malformed: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { malformed: "invalid_json" };
  }
  try {
    return parseThreadStreamEvent(json);
  } catch {
    return { malformed: "invalid_event" };
  }
}

/** `toThreadStreamEvent(data)` equals the slow conversion: the same values, keys in the same order. */
function expectSameAsSlow(data: string): void {
  const slow = slowEvent(data);
  const event = toThreadStreamEvent({ data });
  if ("malformed" in slow) {
    expect(event).toMatchObject({ type: "stream.malformed", reason: slow.malformed, data });
  } else {
    expect(event).toStrictEqual(slow);
    expect(JSON.stringify(event)).toBe(JSON.stringify(slow));
  }
}

const canonical = (itemId: string, index: number, delta: string) =>
  JSON.stringify({
    type: "thread.item.updated",
    item_id: itemId,
    update: { type: "assistant_message.content_part.text_delta", content_index: index, delta },
  });

/** Whether `JSON.stringify` writes `s` without escapes (the fast path then must take it). */
const plain = (s: string) => JSON.stringify(s) === `"${s}"`;

describe("readTextDeltaData (ChatKit text deltas without JSON.parse)", () => {
  it("gives exactly JSON.parse for every event of every recorded ChatKit stream, and takes every text delta in the servers' form", () => {
    let taken = 0;
    for (const name of fixtureNames("chatkit-protocol", ".sse")) {
      for (const { data } of splitSse(readFixture("chatkit-protocol", name))) {
        const fast = readTextDeltaData(data);
        if (fast !== undefined) {
          taken++;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(JSON.parse(data)));
          expect(fast).toStrictEqual(JSON.parse(data));
        } else {
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            continue;
          }
          // Not taken: not a text delta, or not in the servers' own form.
          const isDelta =
            (json as { update?: { type?: unknown } }).update?.type ===
            "assistant_message.content_part.text_delta";
          expect(isDelta && JSON.stringify(json) === data).toBe(false);
        }
        expectSameAsSlow(data);
      }
    }
    expect(taken).toBeGreaterThanOrEqual(12);
  });

  it("decodes escapes, surrogate pairs, lone surrogates and raw non-ASCII like JSON.parse", () => {
    for (const delta of [
      "",
      "plain",
      "line\nbreak\ttab\r",
      'quote " and backslash \\ and slash /',
      "\u0000\u0001\u001f",
      "é ü 漢字 🙂",
      "\ud83d",
      "\ude00 lone low",
      "\b\f",
      "\u2028\u2029",
    ]) {
      const data = canonical("msg_1", 0, delta);
      const fast = readTextDeltaData(data);
      expect(fast).toBeDefined();
      expect(fast).toStrictEqual(JSON.parse(data));
      expect((fast as { update: { delta: string } }).update.delta).toBe(delta);
    }
    // Escapes JSON.stringify does not write, but servers may.
    const escaped =
      '{"type":"thread.item.updated","item_id":"m","update":{"type":"assistant_message.content_part.text_delta","content_index":3,"delta":"\\u00e9\\/\\ud83d\\ude00\\u0041"}}';
    expect(readTextDeltaData(escaped)).toStrictEqual(JSON.parse(escaped));
    expect(readTextDeltaData(escaped)?.type).toBe("thread.item.updated");
  });

  it("leaves every near miss to JSON.parse and the schema, with the same result", () => {
    const good = canonical("msg_1", 2, "hi");
    const misses = [
      good.replace('"content_index":2', '"content_index":02'),
      good.replace('"content_index":2', '"content_index":-2'),
      good.replace('"content_index":2', '"content_index":2.5'),
      good.replace('"content_index":2', '"content_index":2e0'),
      good.replace('"content_index":2', '"content_index":"2"'),
      good.replace('"content_index":2', '"content_index":1234567890123456'),
      good.replace('"content_index":2', '"content_index":123456789012345'),
      good.replace('"delta":"hi"', '"delta":"h\\i"'),
      good.replace('"delta":"hi"', '"delta":"h\\u12"'),
      good.replace('"delta":"hi"', '"delta":"h\ni"'),
      good.replace('"delta":"hi"', '"delta":"h"i"'),
      good.replace('"delta":"hi"', '"delta":"hi\\"'),
      good.replace('"delta":"hi"', '"delta":"hi","delta":"again"'),
      good.replace('"delta":"hi"', '"delta":null'),
      good.replace('"item_id":"msg_1"', '"item_id":"m\\u0073g"'),
      good.replace('"item_id":"msg_1"', '"item_id":7'),
      good.replace("{", "{ "),
      `${good} `,
      `${good}}`,
      good.slice(0, -1),
      good.replace(
        "assistant_message.content_part.text_delta",
        "assistant_message.content_part.done",
      ),
      canonical("msg_1", 0, "x".repeat(5000)),
    ];
    for (const data of misses) expectSameAsSlow(data);
    // The first ones are near misses the pattern must reject (JSON.parse decides).
    expect(readTextDeltaData(misses[0] as string)).toBeUndefined();
    expect(readTextDeltaData(misses[5] as string)).toBeUndefined();
    expect(readTextDeltaData(misses[6] as string)).toBeDefined();
  });

  it("takes any text delta in the servers' form and gives exactly JSON.parse (property)", () => {
    const text = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        text,
        (id, index, delta) => {
          const data = canonical(id, index, delta);
          const fast = readTextDeltaData(data);
          if (plain(id)) expect(fast).toBeDefined();
          if (fast !== undefined) {
            expect(fast).toStrictEqual(JSON.parse(data));
            expect(JSON.stringify(fast)).toBe(data);
          }
          expectSameAsSlow(data);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the slow path's result for any one-character edit of a text delta (property)", () => {
    const pool = [
      '"',
      "\\",
      "}",
      "{",
      " ",
      ",",
      ":",
      "u",
      "0",
      "1",
      "-",
      ".",
      "e",
      "\n",
      "\u0001",
      "a",
      "]",
    ];
    const data = canonical("msg_1", 10, 'say "hi"\n\\ 🙂');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: data.length }),
        fc.constantFrom("insert", "delete", "replace"),
        fc.constantFrom(...pool),
        (at, edit, char) => {
          const edited =
            edit === "insert"
              ? data.slice(0, at) + char + data.slice(at)
              : edit === "delete"
                ? data.slice(0, at) + data.slice(at + 1)
                : data.slice(0, at) + char + data.slice(at + 1);
          expectSameAsSlow(edited);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** The events of `text` through `readThreadStream`, as byte chunks of `chunkSize`. */
async function readAll(text: string, chunkSize = 64): Promise<ThreadStreamReaderEvent[]> {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: ThreadStreamReaderEvent[] = [];
  for await (const event of readThreadStream(chunks)) out.push(event);
  return out;
}

/** `text` with every JSON `data:` line written with a space after its first brace (never taken). */
function spaced(text: string): string {
  return text.replace(/^data: \{/gm, "data: { ");
}

/** A reader event without the raw text (which the spaced copy changes). */
function withoutRaw(event: ThreadStreamReaderEvent): unknown {
  if (event.type !== "stream.malformed") return event;
  const { data: _data, error: _error, message: _message, ...rest } = event;
  return rest;
}

describe("readThreadStream with text deltas read without JSON.parse", () => {
  it("yields the same events as the schema path for every recorded ChatKit stream", async () => {
    for (const name of fixtureNames("chatkit-protocol", ".sse")) {
      const text = readFixture("chatkit-protocol", name);
      const fast = await readAll(text);
      const slow = await readAll(spaced(text));
      expect(fast.map(withoutRaw)).toStrictEqual(slow.map(withoutRaw));
    }
  });

  const added = `data: ${JSON.stringify({
    type: "thread.item.added",
    item: {
      id: "m",
      thread_id: "t",
      created_at: "2026-01-01T00:00:00Z",
      type: "assistant_message",
      content: [{ type: "output_text", text: "", annotations: [] }],
    },
  })}\n\n`;
  const delta = (text: string, index = 0) => `data: ${canonical("m", index, text)}\n\n`;

  it("keeps stream order across taken deltas, schema-path deltas and errors in one chunk", async () => {
    const text =
      added +
      delta("a") +
      spaced(delta("b")) +
      "data: {not json\n\n" +
      delta("c") +
      "not sse\n\n" +
      delta("x", 999) +
      delta("d\n") +
      `data: ${JSON.stringify({ type: "thread.item.updated", item_id: "m", update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: 5 } })}\n\n` +
      delta("e");
    const events = await readAll(text, 1 << 16);
    expect(
      events.map((e) =>
        e.type === "stream.malformed"
          ? e.reason
          : e.type === "thread.item.updated" &&
              e.update.type === "assistant_message.content_part.text_delta"
            ? e.update.delta
            : e.type,
      ),
    ).toEqual([
      "thread.item.added",
      "a",
      "b",
      "invalid_json",
      "c",
      "invalid_line",
      "invalid_index",
      "d\n",
      "invalid_event",
      "e",
    ]);
    let state = createThreadState();
    for (const event of events) state = reduceThreadStream(state, event);
    expect(selectThreadItem(state, "m")).toMatchObject({ content: [{ text: "abcd\ne" }] });
  });

  it("leaves every earlier state as it was, per event and batched alike", async () => {
    const words = Array.from({ length: 300 }, (_, i) => ` w${i}${i % 7 === 0 ? "\n" : ""}`);
    const text = added + words.map((w) => delta(w)).join("");
    const states: ThreadState[] = [];
    let state = createThreadState();
    const bytes = new TextEncoder().encode(text);
    for await (const event of readThreadStream([bytes.subarray(0, 1000), bytes.subarray(1000)])) {
      state = reduceThreadStream(state, event);
      states.push(state);
    }
    let batched = createThreadState();
    for await (const events of readThreadStreamBatches([bytes])) {
      batched = reduceThreadStreamEvents(batched, events);
    }
    expect(selectThreadItem(batched, "m")).toStrictEqual(selectThreadItem(state, "m"));
    // Read every kept state only now, after all later deltas were applied.
    states.slice(1).forEach((kept, i) => {
      expect(selectThreadItem(kept, "m")).toMatchObject({
        content: [{ text: words.slice(0, i + 1).join("") }],
      });
    });
  });

  it("stops with the abort reason mid-stream, after the events before it", async () => {
    const controller = new AbortController();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(encoder.encode(added + delta("a") + delta("b")));
        // Kept open: only the abort ends it.
      },
    });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of readThreadStream(body, { signal: controller.signal })) {
        seen.push(
          event.type === "thread.item.updated"
            ? (event.update as { delta: string }).delta
            : event.type,
        );
        // "b" is decoded already (same chunk), but is not handed out after the abort.
        if (seen.length === 2) controller.abort(new Error("stop"));
      }
    })();
    await expect(reading).rejects.toThrow("stop");
    expect(seen).toEqual(["thread.item.added", "a"]);
  });
});
