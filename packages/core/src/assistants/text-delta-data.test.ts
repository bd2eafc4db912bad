import fc from "fast-check";
import { fixtureNames, readFixture, splitSse } from "../../test/fixtures";
import { parseAssistantStreamEvent } from "./parse-stream-event";
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
  readAssistantStreamBatches,
  toAssistantStreamEvent,
} from "./read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
  reduceAssistantRunEvents,
} from "./reduce-assistant-run";
import { readTextDeltaData } from "./text-delta-data";

const NAME = "thread.message.delta";

/** The reader's conversion without the fast path: `JSON.parse`, then the schema. */
function slowEvent(name: string, data: string): AssistantStreamReaderEvent | { malformed: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { malformed: "invalid_json" };
  }
  try {
    return parseAssistantStreamEvent(name, json);
  } catch {
    return { malformed: "invalid_event" };
  }
}

/** `toAssistantStreamEvent` equals the slow conversion: the same values, keys in the same order. */
function expectSameAsSlow(data: string, name = NAME): void {
  const slow = slowEvent(name, data);
  const event = toAssistantStreamEvent({ event: name, data });
  if ("malformed" in slow) {
    expect(event).toMatchObject({ event: "stream.malformed", reason: slow.malformed, data });
  } else {
    expect(event).toStrictEqual(slow);
    expect(JSON.stringify(event)).toBe(JSON.stringify(slow));
  }
}

const canonical = (id: string, index: number, value: string) =>
  JSON.stringify({
    id,
    object: NAME,
    delta: { content: [{ index, type: "text", text: { value } }] },
  });

const plain = (s: string) => JSON.stringify(s) === `"${s}"`;

describe("readTextDeltaData (Assistants text deltas without JSON.parse)", () => {
  it("gives exactly JSON.parse for every event of every Assistants recording, and takes every plain text delta in the API's form", () => {
    let taken = 0;
    for (const name of fixtureNames("assistants", ".sse")) {
      for (const { event, data } of splitSse(readFixture("assistants", name))) {
        const fast = readTextDeltaData(data);
        if (fast !== undefined) {
          taken++;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(JSON.parse(data)));
          expect(fast).toStrictEqual(JSON.parse(data));
        } else if (event === NAME) {
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            continue;
          }
          const parts = (json as { delta?: { content?: unknown[] } }).delta?.content;
          const part = parts?.[0] as
            | { type?: string; text?: { annotations?: unknown } }
            | undefined;
          const isPlain =
            parts?.length === 1 && part?.type === "text" && part.text?.annotations === undefined;
          expect(isPlain && JSON.stringify(json) === data).toBe(false);
        }
        if (event !== undefined && event !== "done") expectSameAsSlow(data, event);
      }
    }
    expect(taken).toBeGreaterThanOrEqual(200);
  });

  it("decodes escapes, surrogate pairs, lone surrogates and raw non-ASCII like JSON.parse", () => {
    for (const value of [
      "",
      "plain",
      "a\nb\t\r",
      '" \\ /',
      "\u0000\u001f",
      "é 漢字 🙂",
      "\ud83d",
      "\ude00",
      "\u2028",
    ]) {
      const data = canonical("msg_1", 0, value);
      const fast = readTextDeltaData(data);
      expect(fast).toBeDefined();
      expect(fast).toStrictEqual(JSON.parse(data));
      expect(fast?.delta.content?.[0]).toMatchObject({ text: { value } });
    }
    const escaped =
      '{"id":"m","object":"thread.message.delta","delta":{"content":[{"index":1,"type":"text","text":{"value":"\\u00e9\\/\\ud83d\\ude00"}}]}}';
    expect(readTextDeltaData(escaped)).toStrictEqual(JSON.parse(escaped));
  });

  it("leaves every near miss to JSON.parse and the schema, with the same result", () => {
    const good = canonical("msg_1", 2, "hi");
    const misses = [
      good.replace('"index":2', '"index":02'),
      good.replace('"index":2', '"index":-2'),
      good.replace('"index":2', '"index":2.5'),
      good.replace('"index":2', '"index":1234567890123456'),
      good.replace('"value":"hi"', '"value":"hi","annotations":[]'),
      good.replace('"value":"hi"', '"value":"h\\i"'),
      good.replace('"value":"hi"', '"value":"h\ni"'),
      good.replace('"value":"hi"', '"value":"hi\\"'),
      good.replace('"value":"hi"', '"value":"hi","value":"again"'),
      good.replace('"value":"hi"', '"value":1'),
      good.replace('"type":"text"', '"type":"refusal"'),
      good.replace('"id":"msg_1"', '"id":"m\\u0073g"'),
      good.replace("}]", '},{"index":3,"type":"text","text":{"value":"x"}}]'),
      good.replace("{", "{ "),
      `${good}\n`,
      good.slice(0, -1),
      canonical("msg_1", 0, "x".repeat(5000)),
    ];
    for (const data of misses) expectSameAsSlow(data);
    expect(readTextDeltaData(misses[0] as string)).toBeUndefined();
    expect(readTextDeltaData(misses[4] as string)).toBeUndefined();
    // Another event name with the same data never takes the path.
    expectSameAsSlow(good, "thread.message.created");
    expect(toAssistantStreamEvent({ event: "thread.run.step.delta", data: good })).toMatchObject({
      event: "stream.malformed",
      reason: "invalid_event",
    });
  });

  it("takes any plain text delta in the API's form and gives exactly JSON.parse (property)", () => {
    const text = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        text,
        (id, index, value) => {
          const data = canonical(id, index, value);
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
      "[",
      "]",
      " ",
      ",",
      ":",
      "u",
      "0",
      "1",
      "-",
      ".",
      "\n",
      "\u0001",
      "a",
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

async function readAll(text: string, chunkSize = 64): Promise<AssistantStreamReaderEvent[]> {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(chunks)) out.push(event);
  return out;
}

/** `text` with every JSON `data:` line written with a space after its first brace (never taken). */
const spaced = (text: string) => text.replace(/^data: \{/gm, "data: { ");

function withoutRaw(event: AssistantStreamReaderEvent): unknown {
  if (event.event !== "stream.malformed") return event;
  const { data: _data, error: _error, message: _message, ...rest } = event;
  return rest;
}

const textOf = (state: AssistantRunState) =>
  (state.messages[0]?.content[0] as { text: { value: string } } | undefined)?.text.value;

describe("readAssistantStream with text deltas read without JSON.parse", () => {
  it("yields the same events as the schema path for every Assistants recording", async () => {
    for (const name of fixtureNames("assistants", ".sse")) {
      const text = readFixture("assistants", name);
      const fast = await readAll(text);
      const slow = await readAll(spaced(text));
      expect(fast.map(withoutRaw)).toStrictEqual(slow.map(withoutRaw));
    }
  });

  const delta = (value: string, index = 0) =>
    `event: ${NAME}\ndata: ${canonical("m", index, value)}\n\n`;

  it("keeps stream order across taken deltas, schema-path deltas and errors in one chunk", async () => {
    const text =
      delta("a") +
      spaced(delta("b")) +
      `event: ${NAME}\ndata: {not json\n\n` +
      delta("c") +
      "...\n\n" +
      delta("x", 999) +
      delta("d\n") +
      `event: ${NAME}\ndata: ${canonical("m", 0, "y").replace('"value":"y"', '"value":5')}\n\n` +
      delta("e");
    const events = await readAll(text, 1 << 16);
    expect(
      events.map((e) =>
        e.event === "stream.malformed"
          ? e.reason
          : e.event === NAME
            ? (e.data.delta.content as { text: { value: string } }[])[0]?.text.value
            : e.event,
      ),
    ).toEqual([
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
    let state = createAssistantRunState();
    for (const event of events) state = reduceAssistantRun(state, event);
    expect(textOf(state)).toBe("abcd\ne");
  });

  it("leaves every earlier state as it was, per event and batched alike", async () => {
    const words = Array.from({ length: 300 }, (_, i) => ` w${i}${i % 7 === 0 ? "\n" : ""}`);
    const bytes = new TextEncoder().encode(words.map((w) => delta(w)).join(""));
    const states: AssistantRunState[] = [];
    let state = createAssistantRunState();
    for await (const event of readAssistantStream([
      bytes.subarray(0, 1000),
      bytes.subarray(1000),
    ])) {
      state = reduceAssistantRun(state, event);
      states.push(state);
    }
    let batched = createAssistantRunState();
    for await (const events of readAssistantStreamBatches([bytes])) {
      batched = reduceAssistantRunEvents(batched, events);
    }
    expect(batched).toStrictEqual(state);
    for (const [i, kept] of states.entries())
      expect(textOf(kept)).toBe(words.slice(0, i + 1).join(""));
  });

  it("stops with the abort reason mid-stream, after the events before it", async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode(delta("a") + delta("b") + delta("c")));
      },
    });
    const seen: AssistantStreamReaderEvent[] = [];
    const reading = (async () => {
      for await (const event of readAssistantStream(body, { signal: controller.signal })) {
        seen.push(event);
        if (seen.length === 2) controller.abort(new Error("stop"));
      }
    })();
    await expect(reading).rejects.toThrow("stop");
    expect(seen.map((e) => (e.event === NAME ? e.data.delta.content?.[0] : e))).toEqual([
      { index: 0, type: "text", text: { value: "a" } },
      { index: 0, type: "text", text: { value: "b" } },
    ]);
  });
});
