import { fixtureNames, readFixture } from "../../test/fixtures";
import { streamFromString } from "../testing/stream-from-string";
import { readThreadStream, type ThreadStreamReaderEvent } from "./read-thread-stream";

async function readAll(text: string, chunkSize?: number): Promise<ThreadStreamReaderEvent[]> {
  const events: ThreadStreamReaderEvent[] = [];
  const body = chunkSize === undefined ? text : streamFromString(text, { chunkSize });
  for await (const event of readThreadStream(body)) events.push(event);
  return events;
}

describe("readThreadStream", () => {
  it("reads every recorded ChatKit stream at any chunk size; only the known defect is malformed", async () => {
    for (const name of fixtureNames("chatkit-protocol", ".sse")) {
      const text = readFixture("chatkit-protocol", name);
      const whole = await readAll(text);
      expect(whole.length).toBeGreaterThan(0);
      expect(await readAll(text, 1)).toEqual(whole);
      const malformed = whole.filter((e) => e.type === "stream.malformed");
      if (name === "banking-custom-action-stream.sse") {
        // Three `data:` lines without blank lines between them join into one non-JSON event.
        expect(malformed).toEqual([
          expect.objectContaining({ type: "stream.malformed", reason: "invalid_json" }),
        ]);
        expect(whole[0]?.type).toBe("stream.malformed");
        expect((malformed[0] as { data: string }).data.split("\n")).toHaveLength(3);
      } else {
        expect(malformed).toEqual([]);
      }
      expect(whole.filter((e) => e.type === "unknown")).toEqual([]);
    }
  });

  it("yields unknown event types as unknown events", async () => {
    const events = await readAll('data: {"type":"thread.future","x":1}\n\n');
    expect(events).toEqual([
      { type: "unknown", original_type: "thread.future", raw: { type: "thread.future", x: 1 } },
    ]);
  });

  it("reports invalid JSON, invalid events and invalid lines, then goes on", async () => {
    const events = await readAll(
      'data: {"type":\n\ndata: {"type":"progress_update"}\n\nnot sse\n\ndata: {"type":"notice","level":"info","message":"ok"}\n\n',
    );
    expect(events.map((e) => (e.type === "stream.malformed" ? e.reason : e.type))).toEqual([
      "invalid_json",
      "invalid_event",
      "invalid_line",
      "notice",
    ]);
  });

  it("skips data-less keep-alive events and comments", async () => {
    const events = await readAll(
      ': ping\n\nevent: ping\n\ndata: {"type":"stream_options","stream_options":{"allow_cancel":true}}\n\n',
    );
    expect(events).toEqual([{ type: "stream_options", stream_options: { allow_cancel: true } }]);
  });
});
