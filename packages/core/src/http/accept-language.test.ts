import { afterAll, beforeAll } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { createAssistantsClient } from "../assistants/client";
import { createChatKitClient } from "../chatkit/client";
import { createChatKitRestClient } from "../rest/client";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const thread = {
  id: "thr_1",
  title: null,
  created_at: "2026-01-01T00:00:00Z",
  status: { type: "active" },
  metadata: {},
  items: { data: [], has_more: false, after: null },
};

function languageOfLast(): string | string[] | undefined {
  return server.requests.at(-1)?.headers["accept-language"];
}

describe("acceptLanguage", () => {
  it("reaches the server on protocol requests, streams and uploads", async () => {
    server.handle((req, res) => {
      if (req.url.pathname === "/upload") {
        sendJson(res, 200, { id: "atc_1", type: "file", name: "a.txt", mime_type: "text/plain" });
      } else if ((req.json as { type?: string } | undefined)?.type === "threads.create") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(`data: ${JSON.stringify({ type: "thread.created", thread })}\n\n`);
      } else sendJson(res, 200, thread);
    });
    const client = createChatKitClient({ url: `${server.url}/chatkit`, acceptLanguage: "fr-CA" });
    await client.threads.getById("thr_1");
    expect(languageOfLast()).toBe("fr-CA");
    const body = await client.stream("threads.create", {
      input: {
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    } as never);
    await body.cancel().catch(() => {});
    expect(server.requests.at(-1)?.json).toMatchObject({ type: "threads.create" });
    expect(languageOfLast()).toBe("fr-CA");
    await client.attachments.upload(new Blob(["x"], { type: "text/plain" }), {
      name: "a.txt",
      strategy: { type: "direct", uploadUrl: `${server.url}/upload` },
    });
    expect(server.requests.at(-1)?.url.pathname).toBe("/upload");
    expect(languageOfLast()).toBe("fr-CA");
  });

  it("never replaces the app's own header, from headers or from its fetch", async () => {
    server.handle((_req, res) => sendJson(res, 200, thread));
    const withHeader = createChatKitClient({
      url: `${server.url}/chatkit`,
      headers: { "Accept-Language": "de-CH" },
      acceptLanguage: "fr",
    });
    await withHeader.threads.getById("thr_1");
    expect(languageOfLast()).toBe("de-CH");
    const perCall = createChatKitClient({ url: `${server.url}/chatkit`, acceptLanguage: "fr" });
    await perCall.threads.getById("thr_1", { headers: { "accept-language": "it" } });
    expect(languageOfLast()).toBe("it");
    const ownFetch = createChatKitClient({
      url: `${server.url}/chatkit`,
      acceptLanguage: "fr",
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set("accept-language", "ja");
        return fetch(input, { ...init, headers });
      },
    });
    await ownFetch.threads.getById("thr_1");
    expect(languageOfLast()).toBe("ja");
  });

  it("reads a function per request, so the language can change", async () => {
    server.handle((_req, res) => sendJson(res, 200, thread));
    let language: string | undefined = "es";
    const client = createChatKitClient({
      url: `${server.url}/chatkit`,
      acceptLanguage: () => language,
    });
    await client.threads.getById("thr_1");
    expect(languageOfLast()).toBe("es");
    language = "pt-BR,pt;q=0.9";
    await client.threads.getById("thr_1");
    expect(languageOfLast()).toBe("pt-BR,pt;q=0.9");
    language = undefined;
    await client.threads.getById("thr_1");
    // Nothing set: whatever the runtime's fetch sends by itself (undici: "*").
    expect(languageOfLast()).not.toBe("pt-BR,pt;q=0.9");
  });

  it("reaches the server from the hosted REST and the Assistants clients", async () => {
    server.handle((req, res) => {
      if (req.url.pathname.startsWith("/v1/chatkit/threads/"))
        sendJson(res, 200, {
          id: "cthr_1",
          object: "chatkit.thread",
          created_at: 1,
          title: null,
          status: { type: "active" },
          user: "u",
        });
      else
        sendJson(res, 200, {
          id: "thread_1",
          object: "thread",
          created_at: 1,
          metadata: {},
          tool_resources: null,
        });
    });
    const rest = createChatKitRestClient({ baseUrl: `${server.url}/v1`, acceptLanguage: "ko" });
    await rest.threads.retrieve("cthr_1");
    expect(server.requests.at(-1)?.url.pathname).toBe("/v1/chatkit/threads/cthr_1");
    expect(languageOfLast()).toBe("ko");
    const assistants = createAssistantsClient({
      baseUrl: `${server.url}/v1`,
      acceptLanguage: "tr",
    });
    await assistants.threads.retrieve("thread_1");
    expect(server.requests.at(-1)?.url.pathname).toBe("/v1/threads/thread_1");
    expect(languageOfLast()).toBe("tr");
  });
});
