/** `createAssistantsBackend` against a real HTTP server on 127.0.0.1 answering recorded bodies. */
import { readFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import type { ThreadRunBatch } from "../chatkit/backend";
import { APIError, UnsupportedOperationError } from "../errors";
import { createAssistantsBackend, NoPendingToolCallError } from "./assistants-backend";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const REQUIRES_ACTION = /data: (\{.*"status":"requires_action".*\})$/m;

/** The recorded run that waits for one call, given a second parallel call. */
function twoCallRun() {
  const text = readFixture("assistants", "simple-openai-v1-function-requires-action.sse");
  const run = JSON.parse(REQUIRES_ACTION.exec(text)?.[1] ?? "{}");
  const calls = run.required_action.submit_tool_outputs.tool_calls;
  calls.push({ ...calls[0], id: "call_second", function: { name: "sum", arguments: "{}" } });
  return run;
}

function backendFor() {
  return createAssistantsBackend({
    client: { baseUrl: server.url, apiKey: "sk-test", maxRetries: 0 },
    assistantId: "asst_1",
  });
}

async function collect(iterable: AsyncIterable<ThreadRunBatch>): Promise<ThreadRunBatch[]> {
  const out: ThreadRunBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

describe("createAssistantsBackend tool outputs", () => {
  it("collects the outputs of parallel calls, newest first, and submits them at once", async () => {
    const run = twoCallRun();
    let submitted = false;
    server.handle((request, response) => {
      if (request.method === "GET" && request.url.pathname.endsWith("/runs")) {
        const answer = submitted ? { ...run, status: "completed", required_action: null } : run;
        return sendJson(response, 200, {
          object: "list",
          data: [answer],
          has_more: false,
          first_id: run.id,
          last_id: run.id,
        });
      }
      submitted = true;
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(readFixture("assistants", "simple-openai-submit-tool-outputs-stream.sse"));
    });
    const backend = backendFor();
    const threadId = run.thread_id as string;
    const first = await collect(
      backend.run({ type: "client_tool_output", threadId, result: { sum: 3 } }),
    );
    // The newest call is answered and shown completed; the other one is announced as pending.
    expect(first).toEqual([
      [
        {
          type: "thread.item.done",
          item: expect.objectContaining({
            id: "call_second",
            status: "completed",
            output: '{"sum":3}',
          }),
        },
        {
          type: "thread.item.done",
          item: expect.objectContaining({
            id: "call_rtg558sfBLq8xQ1dgFsK02EF",
            status: "pending",
            name: "product",
          }),
        },
      ],
    ]);
    expect(server.requests.map((r) => r.method)).toEqual(["GET"]);
    const second = await collect(
      backend.run({ type: "client_tool_output", threadId, result: "102.75" }),
    );
    expect(second.flat().length).toBeGreaterThan(0);
    const submit = server.requests[1];
    expect(submit?.url.pathname).toBe(`/threads/${threadId}/runs/${run.id}/submit_tool_outputs`);
    expect(submit?.json).toEqual({
      tool_outputs: [
        { tool_call_id: "call_rtg558sfBLq8xQ1dgFsK02EF", output: "102.75" },
        { tool_call_id: "call_second", output: '{"sum":3}' },
      ],
      stream: true,
    });
    // Submitted: nothing waits any more, and the finished stream did not ask again.
    await expect(
      collect(backend.run({ type: "client_tool_output", threadId, result: 1 })),
    ).rejects.toBeInstanceOf(NoPendingToolCallError);
  });

  it("rejects the first batch with the APIError of a JSON answer to a stream request", async () => {
    server.handle((_request, response) =>
      sendJson(
        response,
        400,
        readFixture("assistants", "ruby-openai-run-create-400-invalid-thread.json"),
      ),
    );
    const backend = backendFor();
    const error = await collect(
      backend.run({
        type: "add_message",
        threadId: "thread_1",
        input: {
          content: [{ type: "input_text", text: "hi" }],
          attachments: [],
          inference_options: {},
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 400 });
  });
});

describe("createAssistantsBackend attachments", () => {
  it("uploads files to /files and sends images as image parts and files for file search", async () => {
    let files = 0;
    server.handle((request, response) => {
      const path = request.url.pathname;
      if (request.method === "POST" && path === "/files") {
        files++;
        const text = request.body.toString("utf8");
        const filename = /filename="([^"]+)"/.exec(text)?.[1] ?? "";
        return sendJson(response, 200, {
          id: `file_${files}`,
          object: "file",
          bytes: 5,
          created_at: 1_700_000_000,
          filename,
          purpose: /name="purpose"\r\n\r\n([a-z]+)/.exec(text)?.[1] ?? "",
        });
      }
      if (request.method === "DELETE") {
        return sendJson(response, 200, {
          id: path.split("/").at(-1),
          object: "file",
          deleted: true,
        });
      }
      if (path.endsWith("/messages")) {
        const body = request.json as { content: unknown; attachments?: unknown };
        const content = Array.isArray(body.content)
          ? body.content.map((part: { type: string; text?: string }) =>
              part.type === "text"
                ? { type: "text", text: { value: part.text, annotations: [] } }
                : part,
            )
          : [{ type: "text", text: { value: body.content, annotations: [] } }];
        return sendJson(response, 200, {
          id: "msg_user",
          object: "thread.message",
          created_at: 1_700_000_001,
          assistant_id: null,
          thread_id: "thread_1",
          run_id: null,
          status: "completed",
          incomplete_details: null,
          incomplete_at: null,
          completed_at: null,
          role: "user",
          content,
          attachments: body.attachments ?? [],
          metadata: {},
        });
      }
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(readFixture("assistants", "dotnet-streaming-run-text.sse"));
    });
    const backend = createAssistantsBackend({
      client: { baseUrl: server.url, apiKey: "sk-test", maxRetries: 0 },
      assistantId: "asst_1",
      fileUrl: (id) => `/files/${id}`,
    });
    expect(backend.capabilities.attachments).toBe(true);
    const progress: number[] = [];
    const notes = await backend.uploadAttachment(
      new File(["notes"], "notes.txt", { type: "text/plain" }),
      {
        onProgress: (p) => progress.push(p.loaded),
      },
    );
    const chart = await backend.uploadAttachment(new Blob(["png"], { type: "image/png" }), {
      name: "chart.png",
    });
    expect(notes).toEqual({
      type: "file",
      id: "file_1",
      name: "notes.txt",
      mime_type: "text/plain",
    });
    expect(chart).toEqual({
      type: "image",
      id: "file_2",
      name: "chart.png",
      mime_type: "image/png",
      preview_url: "/files/file_2",
    });
    expect(progress.at(-1)).toBe(5);
    const upload = server.requests[0];
    expect(upload?.headers.authorization).toBe("Bearer sk-test");
    expect(upload?.headers["openai-beta"]).toBe("assistants=v2");
    expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);

    const batches = await collect(
      backend.run({
        type: "add_message",
        threadId: "thread_1",
        input: {
          content: [{ type: "input_text", text: "What do these show?" }],
          attachments: ["file_1", "file_2"],
          inference_options: {},
        },
      }),
    );
    expect(server.requests[2]?.json).toEqual({
      role: "user",
      content: [
        { type: "text", text: "What do these show?" },
        { type: "image_file", image_file: { file_id: "file_2" } },
      ],
      attachments: [{ file_id: "file_1", tools: [{ type: "file_search" }] }],
    });
    expect(batches[0]).toEqual([
      {
        type: "thread.item.done",
        item: expect.objectContaining({
          type: "user_message",
          content: [{ type: "input_text", text: "What do these show?" }],
          attachments: [chart, notes],
        }),
      },
    ]);

    await backend.deleteAttachment("file_1");
    expect(server.requests.at(-1)).toMatchObject({ method: "DELETE" });
    expect(server.requests.at(-1)?.url.pathname).toBe("/files/file_1");
    await expect(
      backend.createAttachment({ name: "a", size: 1, mime_type: "text/plain" }),
    ).rejects.toBeInstanceOf(UnsupportedOperationError);
    const sent = server.requests.length;
    const refusals = await Promise.all([
      backend
        .uploadAttachment(new Blob(["a"]), {
          strategy: { type: "direct", uploadUrl: `${server.url}/upload` },
        })
        .catch((e: unknown) => e),
      backend.syncCustomAction("thread_1", null, { type: "x", payload: null }).catch((e) => e),
      backend.transcribe({ audioBase64: "AA", mimeType: "audio/mp4" }).catch((e: unknown) => e),
    ]);
    expect(refusals.map((e) => (e as UnsupportedOperationError).operation)).toEqual([
      "direct upload",
      "syncCustomAction",
      "transcribe",
    ]);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(UnsupportedOperationError);
    expect(backend.capabilities).toMatchObject({ customActions: false, transcribe: false });
    expect(server.requests).toHaveLength(sent);
  });
});

describe("createAssistantsBackend history", () => {
  it("shows a page's messages when the steps of their run cannot be read", async () => {
    const text = readFixture("assistants", "dotnet-streaming-run-text.sse");
    const completed = /event: thread\.message\.completed\ndata: (.*)$/m.exec(text)?.[1] ?? "{}";
    const message = JSON.parse(completed);
    server.handle((request, response) => {
      if (request.url.pathname.endsWith("/steps"))
        return sendJson(response, 500, { error: "down" });
      return sendJson(response, 200, {
        object: "list",
        data: [message],
        has_more: false,
        first_id: message.id,
        last_id: message.id,
      });
    });
    const page = await backendFor().listItems(message.thread_id);
    expect(page.data.map((item) => [item.type, item.id])).toEqual([
      ["assistant_message", message.id],
    ]);
    expect(page.after).toBeNull();
    expect(server.requests.some((r) => r.url.pathname.endsWith("/steps"))).toBe(true);
  });
});

/** The recorded stream up to its first message (the run is in progress), as SSE text. */
function untilFirstMessage(name: string): string {
  const events = readFixture("assistants", name).split("\n\n");
  const at = events.findIndex((event) => event.startsWith("event: thread.message.created"));
  return `${events.slice(0, at + 1).join("\n\n")}\n\n`;
}

describe("createAssistantsBackend run endings", () => {
  it("reports a run that ended incomplete with its reason, after accepting it", async () => {
    const calls: string[] = [];
    server.handle((request, response) => {
      if (request.url.pathname.endsWith("/messages")) {
        return sendJson(response, 200, {
          id: "msg_user",
          object: "thread.message",
          created_at: 1,
          thread_id: "thread_SGytyoGQFzrGUyBp3OSSlKcy",
          role: "user",
          content: [{ type: "text", text: { value: "Hi", annotations: [] } }],
          assistant_id: null,
          run_id: null,
          attachments: [],
          metadata: {},
          status: "completed",
        });
      }
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(readFixture("assistants", "ruby-openai-max-tokens-incomplete-v2.sse"));
    });
    const batches: ThreadRunBatch[] = [];
    for await (const batch of backendFor().run(
      {
        type: "add_message",
        threadId: "thread_SGytyoGQFzrGUyBp3OSSlKcy",
        input: {
          content: [{ type: "input_text", text: "Hi" }],
          attachments: [],
          inference_options: {},
        },
      },
      undefined,
      {
        onAccepted: () => calls.push(`accepted@${batches.length}`),
        onIncomplete: (incomplete) => calls.push(`incomplete:${incomplete.reason}`),
      },
    )) {
      batches.push(batch);
    }
    expect(calls).toEqual(["accepted@0", "incomplete:max_prompt_tokens"]);
  });

  it("reports nothing for a run that completed", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(readFixture("assistants", "dotnet-streaming-run-text.sse"));
    });
    const incomplete: unknown[] = [];
    await collect(
      backendFor().run(
        { type: "retry_after_item", threadId: "thread_1", itemId: "msg_1" },
        undefined,
        { onIncomplete: (info) => incomplete.push(info) },
      ),
    ).catch(() => undefined);
    expect(incomplete).toEqual([]);
  });

  it("cancels the run on the server when the signal aborts mid-stream", async () => {
    let cancelled: (path: string) => void = () => {};
    const cancel = new Promise<string>((resolve) => {
      cancelled = resolve;
    });
    server.handle((request, response) => {
      if (request.url.pathname.endsWith("/cancel")) {
        cancelled(request.url.pathname);
        return sendJson(response, 200, {});
      }
      // The run starts and its message appears, then the stream stays open.
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(untilFirstMessage("dotnet-streaming-run-text.sse"));
    });
    const abort = new AbortController();
    const run = backendFor().run(
      {
        type: "create_thread",
        input: {
          content: [{ type: "input_text", text: "Hi" }],
          attachments: [],
          inference_options: {},
        },
      },
      abort.signal,
    );
    const iterator = run[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    abort.abort();
    await expect(iterator.next()).rejects.toThrow();
    expect(await cancel).toBe(
      "/threads/thread_Wq2ScOs1iInUsyhUUDmN5NZH/runs/run_Uy45lNz2P7BpJcqWzQkXl1Bu/cancel",
    );
  });

  it("refuses to run without an assistant", async () => {
    const backend = createAssistantsBackend({
      client: { baseUrl: server.url, apiKey: "sk-test", maxRetries: 0 },
    });
    await expect(
      collect(
        backend.run(
          {
            type: "create_thread",
            input: {
              content: [{ type: "input_text", text: "Hi" }],
              attachments: [],
              inference_options: {},
            },
          },
          undefined,
        ),
      ),
    ).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(server.requests).toEqual([]);
  });
});
