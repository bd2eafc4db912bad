import { afterEach, describe, expect, it } from "vitest";
import { faultError, parseFaultSpec, parseMessageFaults } from "./faults";
import type { DevServer } from "./server";
import {
  chatkit,
  chatkitJson,
  input,
  parseDataFrames,
  startServer,
  storedItems,
} from "./test-utils";

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
    expect((await storedItems(server, threadId)).map((item) => item.type)).toEqual([
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

  it("answers 200 text/html (an auth proxy's sign-in page) for !html, storing nothing", async () => {
    server = await startServer();
    const response = await chatkit(server, "threads.create", { input: input("hello !html") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("<form");
    expect((await chatkitJson(server, "threads.list", {})).data).toEqual([]);
  });

  it("stores the message, then answers 500 for !stored500", async () => {
    server = await startServer();
    const created = parseDataFrames(
      await (await chatkit(server, "threads.create", { input: input("first") })).text(),
    );
    const threadId = created[0]?.type === "thread.created" ? created[0].thread.id : "";
    const response = await chatkit(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("again !stored500"),
    });
    expect(response.status).toBe(500);
    const texts = (await storedItems(server, threadId))
      .filter((item) => item.type === "user_message")
      .map((item) => (item.type === "user_message" ? item.content[0]?.text : null));
    expect(texts).toEqual(["first", "again !stored500"]);
  });

  it("goes silent after N events for !silent=N, keeping the stream open", async () => {
    server = await startServer();
    const response = await chatkit(server, "threads.create", { input: input("hello !silent=2") });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (parseDataFrames(text).length < 2) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(parseDataFrames(text).map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
    ]);
    // Nothing more comes: the next read is still pending after the server had time to send.
    const next = reader.read();
    const outcome = await Promise.race([
      next.then(() => "data"),
      new Promise((resolve) => setTimeout(resolve, 200, "silent")),
    ]);
    expect(outcome).toBe("silent");
    await reader.cancel();
  });

  it("never answers for !hang until the client goes away", async () => {
    server = await startServer();
    const abort = new AbortController();
    const pending = chatkit(
      server,
      "threads.create",
      { input: input("hello !hang") },
      {},
      abort.signal,
    );
    const outcome = await Promise.race([
      pending.then(() => "answered"),
      new Promise((resolve) => setTimeout(resolve, 200, "waiting")),
    ]);
    expect(outcome).toBe("waiting");
    abort.abort();
    await expect(pending).rejects.toThrow();
  });

  it("reads the new fault words", () => {
    expect(parseMessageFaults("a !html b !hang !silent=4 !stored500")).toEqual({
      notEventStream: true,
      hang: true,
      silentAfter: 4,
      failAfterStoring: true,
    });
    expect(parseFaultSpec("silent")).toEqual({ silentAfter: 2 });
  });

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
