import { readFixture } from "../../test/fixtures";
import {
  readAssistantStreamText,
  readThreadStreamText,
  replayAssistantStream,
  replayThreadStream,
} from "./replay-stream";

describe("replayThreadStream and replayAssistantStream", () => {
  it("read a recording in small chunks exactly as in one piece", async () => {
    const chatkit = readFixture("chatkit-protocol", "banking-threads-create-stream.sse");
    const whole = await readThreadStreamText(chatkit);
    const replayed = [];
    for await (const event of replayThreadStream(chatkit, { chunkSize: 13 })) replayed.push(event);
    expect(replayed).toEqual(whole);
    expect(whole.map((e) => e.type).slice(0, 3)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
    ]);

    const run = readFixture("assistants", "dotnet-streaming-run-text.sse");
    const events = [];
    for await (const event of replayAssistantStream(run, { chunkSize: 101 })) events.push(event);
    expect(events).toEqual(await readAssistantStreamText(run));
    expect(events.at(-1)).toEqual({ event: "done", data: "[DONE]" });
  });

  it("stops with the abort reason", async () => {
    const reason = new Error("stop");
    const text = readFixture("chatkit-protocol", "py-docs-progress-updates.sse");
    await expect(
      (async () => {
        for await (const _ of replayThreadStream(text, { signal: AbortSignal.abort(reason) })) {
          // never reached
        }
      })(),
    ).rejects.toBe(reason);
  });
});
