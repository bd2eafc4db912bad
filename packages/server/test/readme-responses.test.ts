/**
 * The README's Responses API example, compiled and run with the real `openai` SDK against a local
 * stand-in for `/v1/responses` that serves a recorded tool loop (four responses) over HTTP.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import {
  createChatKitServer,
  type ServerTool,
  streamResponsesApi,
  threadItemsToResponsesInput,
} from "../src/index";
import { SqliteStore } from "../src/sqlite/index";
import { collect, input } from "./helpers/app";
import { loadResponsesFixture, splitResponses } from "./helpers/responses";

const requests: Record<string, unknown>[] = [];
let responses: Server;
let openai: OpenAI;

beforeAll(async () => {
  const rounds = splitResponses(
    await loadResponsesFixture("vercel-ai-reasoning-function-calls.jsonl"),
  );
  responses = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    requests.push({ url: req.url, ...(JSON.parse(body) as Record<string, unknown>) });
    const round = rounds[requests.length - 1] ?? [];
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (const event of round)
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    res.end();
  });
  await new Promise<void>((resolve) => responses.listen(0, "127.0.0.1", resolve));
  const { port } = responses.address() as AddressInfo;
  openai = new OpenAI({ apiKey: "sk-test", baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  responses.closeAllConnections();
  await new Promise((resolve) => responses.close(resolve));
});

it("the README's model loop runs server tools over three rounds and stores the answer", async () => {
  // ---- README example, as written there (only `openai` points at the stand-in) ----
  const tools: OpenAI.Responses.Tool[] = [
    { type: "web_search" },
    { type: "function", name: "calculator", strict: false, parameters: { type: "object" } },
  ];
  const calculator: ServerTool = ({ a, b, op }) =>
    op === "add" ? Number(a) + Number(b) : Number(a) * Number(b);

  const server = createChatKitServer({
    store: new SqliteStore(":memory:"),
    async *respond(_thread, _input, ctx) {
      let request: OpenAI.Responses.ResponseCreateParamsStreaming = {
        model: "gpt-5-mini",
        stream: true,
        tools,
        reasoning: { summary: "auto" },
        // The SDK's types have no assistant `output_text` input part; the API accepts it.
        input: (await threadItemsToResponsesInput(
          await ctx.loadAllItems(),
        )) as OpenAI.Responses.ResponseInput,
      };
      for (;;) {
        const stream = await openai.responses.create(request, { signal: ctx.signal });
        const result = yield* streamResponsesApi(stream, ctx, { serverTools: { calculator } });
        if (result.toolOutputs.length === 0) return; // answered, failed, or a client tool call
        request = {
          ...request,
          previous_response_id: result.responseId,
          input: result.toolOutputs,
        };
      }
    },
  });
  // ---- end of the README example ----

  const response = await server.handle(
    new Request("http://localhost/chatkit", {
      method: "POST",
      body: JSON.stringify({
        type: "threads.create",
        params: { input: input("What is (12 + 7) × 3 × 10?") },
      }),
    }),
    undefined,
  );
  const streamed = await collect(response.body!);
  expect(streamed.filter((e) => e.type === "error")).toEqual([]);
  expect(requests.map((r) => [r.url, r.previous_response_id ?? null, r.input])).toEqual([
    [
      "/v1/responses",
      null,
      [
        {
          type: "message",
          role: "user",
          content: [{ type: "input_text", text: "What is (12 + 7) × 3 × 10?" }],
        },
      ],
    ],
    [
      "/v1/responses",
      "resp_01830d662ab3856501693c321345c88190b0de00f3b9975691",
      [{ type: "function_call_output", call_id: "call_AB6AaRZ1FYZB2RwS6A5vbdqn", output: "19" }],
    ],
    [
      "/v1/responses",
      "resp_01830d662ab3856501693c3215903881909b710d150ff65014",
      [{ type: "function_call_output", call_id: "call_Q6pW65MUgW9vF59BmItYGos3", output: "57" }],
    ],
    [
      "/v1/responses",
      "resp_01830d662ab3856501693c3216bef88190bf0e034cff24137b",
      [{ type: "function_call_output", call_id: "call_Zl5vIMnD7dVAjgU6FkhmiCZh", output: "570" }],
    ],
  ]);
  expect(requests.every((r) => r.stream === true && r.model === "gpt-5-mini")).toBe(true);
  const done = streamed.flatMap((e) => (e.type === "thread.item.done" ? [e.item.type] : []));
  expect(done).toEqual(["user_message", "workflow", "assistant_message"]);
  expect(streamed.filter((e) => e.type === "thread.item.done").at(-1)).toMatchObject({
    item: { content: [{ text: "The final result is **570**." }] },
  });
});
