import { afterAll, beforeAll, beforeEach } from "vitest";
import { readFixture, readJsonFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { APIError } from "../errors";
import { createAssistantsClient } from "./client";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const run = { id: "run_1", object: "thread.run", status: "queued", thread_id: "t1", created_at: 1 };
const message = {
  id: "msg_1",
  object: "thread.message",
  role: "user",
  content: [{ type: "text", text: { value: "hi", annotations: [] } }],
  thread_id: "t1",
  created_at: 1,
};
const step = {
  id: "step_1",
  object: "thread.run.step",
  status: "completed",
  type: "message_creation",
  step_details: { type: "message_creation", message_creation: { message_id: "msg_1" } },
};
const assistant = { id: "asst_1", object: "assistant", model: "gpt-4o", tools: [] };
const thread = { id: "t1", object: "thread", created_at: 1, tool_resources: null, metadata: {} };
const deleted = { id: "x", object: "thread.deleted", deleted: true };
const list = (data: unknown[]) => ({
  object: "list",
  data,
  first_id: null,
  last_id: null,
  has_more: false,
});

function answerFor(method: string, path: string): unknown {
  if (method === "DELETE") return deleted;
  if (path.endsWith("/steps")) return list([step]);
  if (path.includes("/steps/")) return step;
  if (path.endsWith("/messages") && method === "GET") return list([message]);
  if (path.includes("/messages")) return message;
  if (/\/runs$/.test(path) && method === "GET") return list([run]);
  if (path.includes("/runs")) return run;
  if (path === "/v1/assistants" && method === "GET") return list([assistant]);
  if (path.startsWith("/v1/assistants")) return assistant;
  return thread;
}

const api = () =>
  createAssistantsClient({ apiKey: "sk-1", baseUrl: `${server.url}/v1`, retryBaseDelayMs: 1 });

describe("createAssistantsClient", () => {
  it("calls every endpoint with its method, path, query and body", async () => {
    server.handle((req, res) => sendJson(res, 200, answerFor(req.method, req.url.pathname)));
    const c = api();
    const calls: [string, () => PromiseLike<unknown>][] = [
      ["POST /v1/assistants", () => c.assistants.create({ model: "gpt-4o", name: "A" })],
      ["GET /v1/assistants/asst_1", () => c.assistants.retrieve("asst_1")],
      ["POST /v1/assistants/asst_1", () => c.assistants.update("asst_1", { name: "B" })],
      [
        "GET /v1/assistants?limit=5&order=asc",
        () => c.assistants.list({ limit: 5, order: "asc" }).then((p) => p),
      ],
      ["DELETE /v1/assistants/asst_1", () => c.assistants.delete("asst_1")],
      ["POST /v1/threads", () => c.threads.create({ messages: [{ role: "user", content: "hi" }] })],
      ["GET /v1/threads/t1", () => c.threads.retrieve("t1")],
      ["POST /v1/threads/t1", () => c.threads.update("t1", { metadata: { k: "v" } })],
      ["DELETE /v1/threads/t1", () => c.threads.delete("t1")],
      ["POST /v1/threads/runs", () => c.threads.createAndRun({ assistant_id: "asst_1" })],
      [
        "POST /v1/threads/t1/messages",
        () => c.messages.create("t1", { role: "user", content: "hi" }),
      ],
      ["GET /v1/threads/t1/messages/msg_1", () => c.messages.retrieve("t1", "msg_1")],
      [
        "POST /v1/threads/t1/messages/msg_1",
        () => c.messages.update("t1", "msg_1", { metadata: {} }),
      ],
      [
        "GET /v1/threads/t1/messages?run_id=run_1&before=m9",
        () => c.messages.list("t1", { run_id: "run_1", before: "m9" }).then((p) => p),
      ],
      ["DELETE /v1/threads/t1/messages/msg_1", () => c.messages.delete("t1", "msg_1")],
      [
        "POST /v1/threads/t1/runs?include%5B%5D=step_details.tool_calls%5B*%5D.file_search.results%5B*%5D.content",
        () =>
          c.runs.create("t1", {
            assistant_id: "asst_1",
            include: ["step_details.tool_calls[*].file_search.results[*].content"],
          }),
      ],
      ["GET /v1/threads/t1/runs/run_1", () => c.runs.retrieve("t1", "run_1")],
      [
        "POST /v1/threads/t1/runs/run_1",
        () => c.runs.update("t1", "run_1", { metadata: { a: "b" } }),
      ],
      ["GET /v1/threads/t1/runs?after=r0", () => c.runs.list("t1", { after: "r0" }).then((p) => p)],
      ["POST /v1/threads/t1/runs/run_1/cancel", () => c.runs.cancel("t1", "run_1")],
      [
        "POST /v1/threads/t1/runs/run_1/submit_tool_outputs",
        () =>
          c.runs.submitToolOutputs("t1", "run_1", {
            tool_outputs: [{ tool_call_id: "c", output: "1" }],
          }),
      ],
      [
        "GET /v1/threads/t1/runs/run_1/steps/step_1",
        () => c.steps.retrieve("t1", "run_1", "step_1"),
      ],
      [
        "GET /v1/threads/t1/runs/run_1/steps?limit=1&include%5B%5D=step_details.tool_calls%5B*%5D.file_search.results%5B*%5D.content",
        () =>
          c.steps
            .list("t1", "run_1", {
              limit: 1,
              include: ["step_details.tool_calls[*].file_search.results[*].content"],
            })
            .then((p) => p),
      ],
    ];
    for (const [, call] of calls) await call();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual(
      calls.map(([expected]) => expected),
    );
    for (const r of server.requests) {
      expect(r.headers["openai-beta"]).toBe("assistants=v2");
      expect(r.headers.authorization).toBe("Bearer sk-1");
    }
    expect(server.requests[15]?.json).toEqual({ assistant_id: "asst_1" });
    expect(server.requests[20]?.json).toEqual({
      tool_outputs: [{ tool_call_id: "c", output: "1" }],
    });
  });

  it("streams runs with stream: true and returns the body", async () => {
    const sse = readFixture("assistants", "dotnet-streaming-tool-call-requires-action.sse");
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(sse);
    });
    const c = api();
    const bodies = [
      await c.runs.createStream("t1", { assistant_id: "asst_1" }),
      await c.threads.createAndRunStream({ assistant_id: "asst_1", thread: { messages: [] } }),
      await c.runs.submitToolOutputsStream("t1", "run_1", { tool_outputs: [] }),
    ];
    for (const body of bodies) expect(await new Response(body).text()).toBe(sse);
    expect(server.requests.map((r) => (r.json as { stream?: boolean }).stream)).toEqual([
      true,
      true,
      true,
    ]);
    expect(server.requests.map((r) => r.url.pathname)).toEqual([
      "/v1/threads/t1/runs",
      "/v1/threads/runs",
      "/v1/threads/t1/runs/run_1/submit_tool_outputs",
    ]);
    expect(server.requests[0]?.headers.accept).toBe("text/event-stream");
  });

  it("turns a JSON 400 answer to a stream request into an APIError (real recording)", async () => {
    const body = readJsonFixture("assistants", "ruby-openai-run-create-400-invalid-thread.json");
    server.handle((_req, res) => sendJson(res, 400, body, { "x-request-id": "req_9" }));
    const error = await api()
      .runs.createStream("t1", { assistant_id: "a" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid_thread",
      type: "invalid_request_error",
      param: null,
      requestId: "req_9",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("pages through messages", async () => {
    server.handle((req, res) => {
      const after = req.url.searchParams.get("after");
      const m = (id: string) => ({ ...message, id });
      sendJson(
        res,
        200,
        after === null
          ? { object: "list", data: [m("a"), m("b")], first_id: "a", last_id: "b", has_more: true }
          : { object: "list", data: [m("c")], first_id: "c", last_id: "c", has_more: false },
      );
    });
    const ids: string[] = [];
    for await (const m of api().messages.list("t1", { limit: 2 })) ids.push(m.id);
    expect(ids).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["threads.create", () => api().threads.create({})],
    ["messages.create", () => api().messages.create("t1", { role: "user", content: "hi" })],
    ["runs.create", () => api().runs.create("t1", { assistant_id: "asst_1" })],
    ["runs.createStream", () => api().runs.createStream("t1", { assistant_id: "asst_1" })],
    [
      "threads.createAndRunStream",
      () => api().threads.createAndRunStream({ assistant_id: "asst_1" }),
    ],
    [
      "runs.submitToolOutputsStream",
      () => api().runs.submitToolOutputsStream("t1", "run_1", { tool_outputs: [] }),
    ],
  ] as const)("never retries %s once the server answered 5xx", async (_name, call) => {
    server.handle((_req, res) =>
      sendJson(res, 500, { error: { message: "created, then failed" } }),
    );
    await expect(call()).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("still retries reads and updates on 5xx", async () => {
    server.handle((req, res, index) => {
      if (index === 0)
        return sendJson(res, 503, { error: { message: "busy" } }, { "retry-after": "0" });
      sendJson(res, 200, answerFor(req.method, req.url.pathname));
    });
    await api().runs.retrieve("t1", "run_1");
    expect(server.requests).toHaveLength(2);
  });

  it("validates answers and names the path", async () => {
    server.handle((_req, res) => sendJson(res, 200, { ...run, status: "sleeping" }));
    await expect(api().runs.retrieve("t1", "run_1")).rejects.toThrow(/at status/);
  });
});
