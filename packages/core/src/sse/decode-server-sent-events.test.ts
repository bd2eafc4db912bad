import fc from "fast-check";
import { fixtureNames, readFixture } from "../../test/fixtures";
import { splitBytesAt, streamFromString } from "../testing/stream-from-string";
import {
  createServerSentEventDecoder,
  type DecodedServerSentEvent,
  decodeServerSentEvents,
  InvalidServerSentEventLine,
  type ServerSentEvent,
} from "./decode-server-sent-events";

const FOLDERS = ["assistants", "chatkit-protocol"] as const;
const FIXTURES = FOLDERS.flatMap((folder) =>
  fixtureNames(folder, ".sse").map((name) => ({ folder, name, text: readFixture(folder, name) })),
);

async function decode(
  body: Parameters<typeof decodeServerSentEvents>[0],
  options?: Parameters<typeof decodeServerSentEvents>[1],
): Promise<ServerSentEvent[]> {
  const out: ServerSentEvent[] = [];
  for await (const event of decodeServerSentEvents(body, options)) out.push(event);
  return out;
}

/** The same decoder driven synchronously (no async steps): keeps the exhaustive sweeps fast. */
function decodeChunks(chunks: readonly Uint8Array[]): DecodedServerSentEvent[] {
  const decoder = createServerSentEventDecoder();
  const out: DecodedServerSentEvent[] = [];
  for (const chunk of chunks) out.push(...decoder.push(chunk));
  out.push(...decoder.end());
  return out;
}

function bytesOf(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  return Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
}

describe("decodeServerSentEvents", () => {
  it("decodes events with event names, data and ids", async () => {
    const events = await decode("event: a\ndata: 1\nid: 7\n\ndata: x\ndata: y\n\n");
    expect(events).toEqual([{ event: "a", data: "1", id: "7" }, { data: "x\ny" }]);
  });

  it("skips comments and retry fields", async () => {
    const events = await decode(": keep-alive\nretry: 1000\ndata: {}\n\n: bye\n\n");
    expect(events).toEqual([{ data: "{}" }]);
  });

  it("passes event: done + data: [DONE] through", async () => {
    const events = await decode("event: done\ndata: [DONE]\n\n");
    expect(events).toEqual([{ event: "done", data: "[DONE]" }]);
  });

  it("delivers a last event that has no blank line after it", async () => {
    expect(await decode("data: 1\n\ndata: 2\n")).toEqual([{ data: "1" }, { data: "2" }]);
    expect(await decode("data: 1\n\ndata: 2")).toEqual([{ data: "1" }, { data: "2" }]);
    // dotnet-mock-error-event.sse ends with `data: [DONE]` and no newline at all.
    const events = await decode(readFixture("assistants", "dotnet-mock-error-event.sse"));
    expect(events.at(-1)).toEqual({ event: "done", data: "[DONE]" });
    expect(events.map((e) => e.event)).toEqual(["thread.run.created", "error", "done"]);
  });

  it("accepts CRLF and CR line ends like LF", async () => {
    for (const { text } of FIXTURES) {
      const lf = await decode(text);
      expect(await decode(text.replace(/\n/g, "\r\n"))).toEqual(lf);
      expect(await decode(text.replace(/\n/g, "\r"))).toEqual(lf);
    }
  });

  it("reports lines that are not SSE and goes on", async () => {
    const invalid: string[] = [];
    const events = await decode("data: 1\n...\n\ndata: 2\n\n", {
      onInvalidLine: (error) => invalid.push(error.line),
    });
    expect(events).toEqual([{ data: "1" }, { data: "2" }]);
    expect(invalid).toEqual(["..."]);
  });

  it("decodes a multi-byte character split across chunks", async () => {
    const text = 'data: {"t":"【4:0†favorite_foods.txt】·"}\n\n';
    const events = await decode(streamFromString(text, { chunkSize: 1 }));
    expect(events).toEqual([{ data: '{"t":"【4:0†favorite_foods.txt】·"}' }]);
  });

  it("throws the abort reason and cancels the body when the signal aborts", async () => {
    const controller = new AbortController();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("data: 1\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    const reason = new Error("stop");
    await expect(
      (async () => {
        for await (const event of decodeServerSentEvents(body, { signal: controller.signal })) {
          seen.push(event.data);
          controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual(["1"]);
    expect(cancelled).toBe(true);
  });

  it("cancels the body when the consumer stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode("data: 1\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of decodeServerSentEvents(body)) {
      expect(event.data).toBe("1");
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("throws at once when the signal is already aborted", async () => {
    const reason = new Error("early");
    await expect(decode("data: 1\n\n", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  describe("is independent of chunk boundaries", () => {
    it("gives the same events through a ReadableStream of one byte per chunk", async () => {
      const { text } = FIXTURES.find((f) => f.name === "dotnet-file-search-streaming.sse") ?? {};
      const whole = await decode(text as string);
      expect(await decode(streamFromString(text as string, { chunkSize: 1 }))).toEqual(whole);
    });

    for (const { folder, name, text } of FIXTURES) {
      it(`${folder}/${name}: one byte per chunk and every two-way split give the same events`, async () => {
        const whole = decodeChunks([new TextEncoder().encode(text)]);
        expect(whole.length).toBeGreaterThan(0);
        expect(await decode(text)).toEqual(
          whole.filter((e) => !(e instanceof InvalidServerSentEventLine)),
        );
        // One chunk per byte: every offset is a boundary at once.
        expect(decodeChunks(bytesOf(text))).toEqual(whole);
        // Every single split point. The sweep is quadratic, so recordings over 4 KB get about
        // 256 evenly spread split points (each offset is already a boundary in the one-byte run).
        const size = new TextEncoder().encode(text).length;
        const step = size > 4096 ? Math.ceil(size / 256) | 1 : 1;
        const expected = JSON.stringify(whole);
        for (let offset = 1; offset < size; offset += step) {
          const events = decodeChunks(splitBytesAt(text, [offset]));
          if (JSON.stringify(events) !== expected) {
            expect({ offset, events }).toEqual({ offset, events: whole });
          }
        }
      });
    }

    it("random multi-way splits give the same events (property)", () => {
      const texts = FIXTURES.map((f) => f.text);
      const expected = texts.map((t) => decodeChunks([new TextEncoder().encode(t)]));
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: texts.length - 1 }),
          fc.array(fc.nat(), { maxLength: 40 }),
          (index, cuts) => {
            const text = texts[index] as string;
            const size = new TextEncoder().encode(text).length;
            const chunks = splitBytesAt(
              text,
              cuts.map((c) => c % size),
            );
            expect(decodeChunks(chunks)).toEqual(expected[index]);
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
