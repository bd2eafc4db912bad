import {
  collectStates,
  formatServerSentEvents,
  replayEvents,
  splitBytesAt,
  streamFromString,
} from "./stream-from-string";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) out.push([...chunk]);
  return out;
}

describe("streamFromString", () => {
  it("cuts the UTF-8 bytes into chunks of chunkSize, splitting characters", async () => {
    const chunks = await bytesOf(streamFromString("a·b", { chunkSize: 2 }));
    expect(chunks).toEqual([
      [0x61, 0xc2],
      [0xb7, 0x62],
    ]);
  });

  it("sends the whole text in one chunk by default, and nothing for an empty text", async () => {
    expect(await bytesOf(streamFromString("abc"))).toEqual([[0x61, 0x62, 0x63]]);
    expect(await bytesOf(streamFromString(""))).toEqual([]);
  });

  it("paces chunks with delayMs and errors with the abort reason", async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const reader = streamFromString("abcd", {
        chunkSize: 1,
        delayMs: 100,
        signal: controller.signal,
      }).getReader();
      expect((await reader.read()).value).toEqual(new Uint8Array([0x61]));
      const second = reader.read();
      await vi.advanceTimersByTimeAsync(100);
      expect((await second).value).toEqual(new Uint8Array([0x62]));
      const third = reader.read();
      const reason = new Error("stop");
      controller.abort(reason);
      await expect(third).rejects.toBe(reason);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("splitBytesAt", () => {
  it("splits at sorted, deduplicated offsets inside the text", () => {
    expect(
      splitBytesAt("abcdef", [4, 2, 2, 0, 99]).map((c) => new TextDecoder().decode(c)),
    ).toEqual(["ab", "cd", "ef"]);
  });
});

describe("replayEvents and collectStates", () => {
  it("replays events in order and collects every intermediate state", async () => {
    const states = await collectStates(
      replayEvents([1, 2, 3]),
      (s: number | undefined, e: number) => (s ?? 0) + e,
      0,
    );
    expect(states).toEqual([0, 1, 3, 6]);
  });

  it("stops with the abort reason", async () => {
    const reason = new Error("abort");
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const e of replayEvents([1, 2], { signal: AbortSignal.abort(reason) }))
          seen.push(e);
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual([]);
  });
});

describe("formatServerSentEvents", () => {
  it("writes event names, one data line per payload line, and a blank line per event", () => {
    expect(
      formatServerSentEvents([
        { event: "done", data: "[DONE]" },
        { data: { a: 1 } },
        { data: "x\ny" },
      ]),
    ).toBe('event: done\ndata: [DONE]\n\ndata: {"a":1}\n\ndata: x\ndata: y\n\n');
  });
});
