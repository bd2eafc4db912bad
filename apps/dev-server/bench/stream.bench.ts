/**
 * End-to-end cost of one streamed reply over real HTTP on 127.0.0.1 (no delays): request, SQLite
 * writes, SSE framing and reading the body. The markdown reply is about 130 events.
 */
import { afterAll, beforeAll, bench, describe } from "vitest";
import { createDevServer, type DevServer } from "../src/server";

let server: DevServer;
let threadId = "";

beforeAll(async () => {
  server = await createDevServer({ port: 0, inMemory: true, delayMs: 0 });
  const response = await fetch(`${server.url}/chatkit`, {
    method: "POST",
    body: JSON.stringify({
      type: "threads.create",
      params: {
        input: {
          content: [{ type: "input_text", text: "hi" }],
          attachments: [],
          inference_options: {},
        },
      },
    }),
  });
  threadId = /"id":"(thr_\w+)"/.exec(await response.text())?.[1] ?? "";
});
afterAll(async () => {
  await server.close();
});

describe("protocol stream", () => {
  bench("threads.add_user_message (markdown reply) over HTTP", async () => {
    const response = await fetch(`${server.url}/chatkit`, {
      method: "POST",
      body: JSON.stringify({
        type: "threads.add_user_message",
        params: {
          thread_id: threadId,
          input: {
            content: [{ type: "input_text", text: "markdown" }],
            attachments: [],
            inference_options: {},
          },
        },
      }),
    });
    await response.text();
  });
});
