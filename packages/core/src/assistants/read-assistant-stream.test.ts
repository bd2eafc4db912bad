import { fixtureNames, readFixture } from "../../test/fixtures";
import { type AssistantStreamReaderEvent, readAssistantStream } from "./read-assistant-stream";

async function readAll(text: string, chunkSize?: number): Promise<AssistantStreamReaderEvent[]> {
  const events: AssistantStreamReaderEvent[] = [];
  // Byte chunks as a plain array: the decoder tests cover ReadableStream bodies.
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize ?? bytes.length) {
    chunks.push(bytes.subarray(i, i + (chunkSize ?? bytes.length)));
  }
  const body = chunkSize === undefined ? text : chunks;
  for await (const event of readAssistantStream(body)) events.push(event);
  return events;
}

const fixture = (name: string) => readFixture("assistants", name);

describe("readAssistantStream", () => {
  it("surfaces an error event as a typed error and reads on", async () => {
    const events = await readAll(fixture("dotnet-mock-error-event.sse"));
    expect(events.map((e) => e.event)).toEqual(["thread.run.created", "error", "done"]);
    expect(events[1]).toEqual({
      event: "error",
      data: {
        message: "The server had an error processing your request.",
        type: "server_error",
        param: null,
        code: null,
      },
    });
  });

  it("passes unknown events through as unknown", async () => {
    const events = await readAll(fixture("dotnet-mock-unknown-future-events.sse"));
    expect(events.map((e) => e.event)).toEqual([
      "thread.run.created",
      "unknown",
      "thread.run.in_progress",
      "unknown",
      "thread.run.completed",
      "done",
    ]);
    expect(events[1]).toEqual({
      event: "unknown",
      original_event: "thread.run.some_future_event",
      data: { id: "run_abc", object: "thread.run", status: "queued" },
    });
  });

  it("reports the broken lines and JSON of the published examples and keeps the rest", async () => {
    const events = await readAll(fixture("openapi-create-thread-and-run-streaming.sse"));
    const malformed = events.filter((e) => e.event === "stream.malformed");
    // The `...` line and the run JSON that lacks its `data:` prefix are invalid lines.
    expect(malformed.map((e) => e.event === "stream.malformed" && e.reason)).toEqual([
      "invalid_line",
      "invalid_line",
    ]);
    expect(malformed[0]).toMatchObject({ data: "..." });
    expect(events.at(-1)).toEqual({ event: "done", data: "[DONE]" });
    expect(events.filter((e) => e.event === "thread.message.delta").length).toBeGreaterThan(0);

    const functions = await readAll(
      fixture("openapi-create-thread-and-run-streaming-functions.sse"),
    );
    const bad = functions.filter((e) => e.event === "stream.malformed");
    expect(bad.some((e) => e.event === "stream.malformed" && e.reason === "invalid_json")).toBe(
      true,
    );
    const json = bad.find((e) => e.event === "stream.malformed" && e.reason === "invalid_json");
    expect(json).toMatchObject({ original_event: expect.stringMatching(/^thread\.run\./) });
    expect((json as { data: string }).data.endsWith("}}")).toBe(true);
  });

  it("yields the same events for every recording at any chunk size", async () => {
    for (const name of fixtureNames("assistants", ".sse")) {
      const whole = await readAll(fixture(name));
      expect(whole.length).toBeGreaterThan(0);
      for (const size of [3, 64]) {
        const chunked = await readAll(fixture(name), size);
        expect(chunked.map((e) => e.event)).toEqual(whole.map((e) => e.event));
      }
    }
  });

  it("validates every event of the real recordings (no malformed events)", async () => {
    for (const name of fixtureNames("assistants", ".sse")) {
      if (name.startsWith("openapi-")) continue;
      const events = await readAll(fixture(name));
      expect(events.filter((e) => e.event === "stream.malformed")).toEqual([]);
    }
  });

  it("reports data that fails validation as invalid_event", async () => {
    const events = await readAll('event: thread.run.created\ndata: {"id":1}\n\n');
    expect(events).toEqual([
      expect.objectContaining({
        event: "stream.malformed",
        reason: "invalid_event",
        original_event: "thread.run.created",
        data: '{"id":1}',
      }),
    ]);
  });
});
