import { afterEach, describe, expect, it } from "vitest";
import { faultError, parseFaultSpec, parseMessageFaults } from "./faults";
import type { DevServer } from "./server";
import { chatkit, chatkitJson, input, parseDataFrames, startServer } from "./test-utils";

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads a body until it ends or breaks; returns the text and whether it broke. */
async function readUntilBreak(response: Response): Promise<{ text: string; broke: boolean }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (true) {
      const chunk = await reader.read();
      if (chunk.done) return { text, broke: false };
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    return { text, broke: true };
  }
}

describe("parseFaultSpec", () => {
  it("reads every token form and ignores unknown ones", () => {
    expect(parseFaultSpec("drop-after=5, latency=200; status=503 expired bogus=1")).toEqual({
      dropAfter: 5,
      latencyMs: 200,
      status: 503,
      expiredSession: true,
    });
    expect(parseFaultSpec("429")).toEqual({ status: 429 });
    expect(parseFaultSpec("drop slow")).toEqual({ dropAfter: 5, latencyMs: 1000 });
    expect(parseFaultSpec("drop-after=-3")).toEqual({ dropAfter: 5 });
    expect(parseFaultSpec("")).toEqual({});
    expect(parseFaultSpec(undefined)).toEqual({});
  });

  it("finds magic words in a message", () => {
    expect(parseMessageFaults("hello !drop=2 and !500")).toEqual({ dropAfter: 2, status: 500 });
    expect(parseMessageFaults("no faults here! really")).toEqual({});
  });

  it("maps specs to HTTP errors", () => {
    expect(faultError({ status: 429 })?.headers).toEqual({ "Retry-After": "1" });
    expect(faultError({ expiredSession: true })?.status).toBe(401);
    expect(faultError({ dropAfter: 3 })).toBeNull();
  });
});

describe("fault injection over HTTP", () => {
  it("cuts a stream after N events with the request header, keeping the first N intact", async () => {
    server = await startServer();
    const response = await chatkit(
      server,
      "threads.create",
      { input: input("hello") },
      { "x-threadkit-fault": "drop-after=3" },
    );
    expect(response.status).toBe(200);
    const { text, broke } = await readUntilBreak(response);
    expect(broke).toBe(true);
    expect(parseDataFrames(text).map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
    ]);
  });

  it("cuts a stream with a magic word, and what was produced before the cut is stored", async () => {
    server = await startServer();
    const { text, broke } = await readUntilBreak(
      await chatkit(server, "threads.create", { input: input("hello !drop=2") }),
    );
    expect(broke).toBe(true);
    const events = parseDataFrames(text);
    expect(events).toHaveLength(2);
    const threadId = events[0]?.type === "thread.created" ? events[0].thread.id : "";
    expect(server.services.store.allItems(threadId).map((item) => item.type)).toEqual([
      "user_message",
    ]);
  });

  it.each([
    ["header", { "x-threadkit-fault": "429" }, "hello", 429],
    ["header", { "x-threadkit-fault": "status=500" }, "hello", 500],
    ["header", { "x-threadkit-fault": "expired-session" }, "hello", 401],
    ["message", {}, "hello !429", 429],
    ["message", {}, "hello !503", 503],
    ["message", {}, "hello !expired", 401],
  ])(
    "answers an injected status from the %s (%j %s → %i) without creating anything",
    async (_source, headers, text, status) => {
      server = await startServer();
      const response = await chatkit(server, "threads.create", { input: input(text) }, headers);
      expect(response.status).toBe(status);
      if (status === 429) expect(response.headers.get("retry-after")).toBe("1");
      expect((await response.json()).error.message).toContain("njected");
      expect((await chatkitJson(server, "threads.list", {})).data).toEqual([]);
    },
  );

  it("applies server-wide faults from the options to every request", async () => {
    server = await startServer({ faults: "status=500" });
    expect((await chatkit(server, "threads.list", {})).status).toBe(500);
    expect((await fetch(`${server.url}/v1/assistants`)).status).toBe(500);
  });

  it("cuts Assistants streams too", async () => {
    server = await startServer();
    const assistant = await (
      await fetch(`${server.url}/v1/assistants`, {
        method: "POST",
        body: JSON.stringify({ model: "m" }),
      })
    ).json();
    const response = await fetch(`${server.url}/v1/threads/runs`, {
      method: "POST",
      headers: { "x-threadkit-fault": "drop-after=4" },
      body: JSON.stringify({
        assistant_id: assistant.id,
        stream: true,
        thread: { messages: [{ role: "user", content: "hi" }] },
      }),
    });
    const { text, broke } = await readUntilBreak(response);
    expect(broke).toBe(true);
    expect(text.match(/^event: /gm)).toHaveLength(4);
  });

  it("waits for an injected latency before answering", async () => {
    server = await startServer();
    const started = performance.now();
    const response = await chatkit(
      server,
      "threads.list",
      {},
      { "x-threadkit-fault": "latency=150" },
    );
    expect(response.status).toBe(200);
    // A lower bound only: a loaded machine can only make it slower.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
