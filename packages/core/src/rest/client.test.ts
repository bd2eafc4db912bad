import { afterAll, beforeAll, beforeEach } from "vitest";
import { readJsonFixture } from "../../test/fixtures";
import { sendJson, startTestServer, type TestServer } from "../../test/http-server";
import { AbortError, APIError, ConnectionError, TimeoutError, ValidationError } from "../errors";
import { createChatKitRestClient } from "./client";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const thread = (id: string) => ({
  id,
  object: "chatkit.thread",
  created_at: 1712345600,
  status: { type: "active" },
  title: null,
  user: "u1",
});

function client(extra: Parameters<typeof createChatKitRestClient>[0] = {}) {
  return createChatKitRestClient({
    apiKey: "sk-test",
    baseUrl: `${server.url}/v1`,
    retryBaseDelayMs: 1,
    ...extra,
  });
}

describe("createChatKitRestClient", () => {
  it("pages through threads with after = last_id and sends every query param", async () => {
    server.handle((req, res) => {
      const after = req.url.searchParams.get("after");
      const pages: Record<string, unknown> = {
        none: {
          object: "list",
          data: [thread("a"), thread("b")],
          first_id: "a",
          last_id: "b",
          has_more: true,
        },
        b: { object: "list", data: [thread("c")], first_id: "c", last_id: "c", has_more: false },
      };
      sendJson(res, 200, pages[after ?? "none"]);
    });
    const ids: string[] = [];
    for await (const t of client().threads.list({ limit: 2, order: "asc", user: "u1" })) {
      ids.push(t.id);
    }
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests.map((r) => r.url.search)).toEqual([
      "?limit=2&order=asc&user=u1",
      "?limit=2&order=asc&user=u1&after=b",
    ]);
    const headers = server.requests[0]?.headers;
    expect(headers?.["openai-beta"]).toBe("chatkit_beta=v1");
    expect(headers?.authorization).toBe("Bearer sk-test");
  });

  it("pages backwards with before = first_id", async () => {
    server.handle((req, res) => {
      const before = req.url.searchParams.get("before");
      sendJson(
        res,
        200,
        before === "x"
          ? { object: "list", data: [thread("w")], first_id: "w", last_id: "w", has_more: true }
          : { object: "list", data: [thread("v")], first_id: "v", last_id: "v", has_more: false },
      );
    });
    const ids: string[] = [];
    for await (const t of client().threads.list({ before: "x" })) ids.push(t.id);
    expect(ids).toEqual(["w", "v"]);
    expect(server.requests[1]?.url.searchParams.get("before")).toBe("w");
  });

  it("awaits the first page only", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        object: "list",
        data: [thread("a")],
        first_id: "a",
        last_id: "a",
        has_more: true,
      }),
    );
    const page = await client().threads.list();
    expect(page.data.map((t) => t.id)).toEqual(["a"]);
    expect(server.requests).toHaveLength(1);
  });

  it("normalizes listed items and sends after/before/limit/order", async () => {
    const fixture = readJsonFixture("chatkit-items", "apiref-md-list-items-example.json");
    server.handle((_req, res) => sendJson(res, 200, fixture));
    const page = await client().threads.listItems("cthr_abc123", {
      after: "i1",
      before: "i9",
      limit: 5,
      order: "desc",
    });
    expect(page.data.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
    expect(server.requests[0]?.url.pathname).toBe("/v1/chatkit/threads/cthr_abc123/items");
    expect(server.requests[0]?.url.search).toBe("?after=i1&before=i9&limit=5&order=desc");
  });

  it("creates and cancels sessions", async () => {
    const session = {
      id: "cksess_1",
      object: "chatkit.session",
      client_secret: "ek_1",
      expires_at: 1712346200,
      status: "active",
      user: "u1",
      workflow: { id: "wf_1", version: null, state_variables: null, tracing: { enabled: true } },
      chatkit_configuration: {
        automatic_thread_titling: { enabled: true },
        file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
        history: { enabled: true, recent_threads: null },
      },
      rate_limits: { max_requests_per_1_minute: 10 },
      max_requests_per_1_minute: 10,
    };
    server.handle((req, res) =>
      sendJson(
        res,
        200,
        req.url.pathname.endsWith("/cancel") ? { ...session, status: "cancelled" } : session,
      ),
    );
    const created = await client().sessions.create({ user: "u1", workflow: { id: "wf_1" } });
    expect(created).toEqual(session);
    expect(server.requests[0]?.json).toEqual({ user: "u1", workflow: { id: "wf_1" } });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    const cancelled = await client().sessions.cancel("cksess_1");
    expect(cancelled.status).toBe("cancelled");
    expect(server.requests[1]?.url.pathname).toBe("/v1/chatkit/sessions/cksess_1/cancel");
  });

  it("retries 503 and 429 honouring Retry-After, then succeeds", async () => {
    const times: number[] = [];
    server.handle((_req, res, index) => {
      times.push(Date.now());
      if (index === 0)
        return sendJson(res, 503, { error: { message: "busy" } }, { "retry-after": "0" });
      if (index === 1)
        return sendJson(res, 429, { error: { message: "slow down" } }, { "retry-after-ms": "120" });
      sendJson(res, 200, thread("t"));
    });
    const t = await client({ retryBaseDelayMs: 5_000 }).threads.retrieve("t");
    expect(t.id).toBe("t");
    expect(server.requests).toHaveLength(3);
    // Retry-After (0 s, then 120 ms) was used instead of the 5 s backoff.
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(100);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeLessThan(2_000);
  });

  it("retries a connection that dropped before any answer", async () => {
    server.handle((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 200, thread("t"));
    });
    expect((await client().threads.retrieve("t")).id).toBe("t");
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxRetries with a typed APIError", async () => {
    server.handle((_req, res) =>
      sendJson(
        res,
        500,
        { error: { message: "boom", type: "server_error", param: "x", code: "oops" } },
        { "x-request-id": "req_1", "retry-after": "0" },
      ),
    );
    const error = await client({ maxRetries: 1 })
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      status: 500,
      message: "boom",
      type: "server_error",
      param: "x",
      code: "oops",
      requestId: "req_1",
    });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a 4xx and reads its body", async () => {
    server.handle((_req, res) =>
      sendJson(res, 404, {
        error: {
          message: "Chatkit Session with id 'cksess_x' not found.",
          type: "invalid_request_error",
          param: null,
          code: null,
        },
      }),
    );
    const error = await client()
      .sessions.cancel("cksess_x")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      status: 404,
      type: "invalid_request_error",
      code: null,
    });
    expect((error as APIError).message).toMatch(/not found/);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps a non-JSON error body as text", async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    });
    const error = await client({ maxRetries: 0 })
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, body: "<html>Bad gateway</html>" });
  });

  it("times out with a TimeoutError", async () => {
    server.handle((_req, res) => {
      setTimeout(() => sendJson(res, 200, thread("t")), 500);
    });
    const error = await client({ timeoutMs: 50, maxRetries: 0 })
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
  });

  it("aborts with an AbortError, also during a retry wait", async () => {
    server.handle((_req, res) => {
      setTimeout(() => sendJson(res, 200, thread("t")), 500);
    });
    const controller = new AbortController();
    const pending = client().threads.retrieve("t", { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(AbortError);

    server.handle((_req, res) => sendJson(res, 503, {}, { "retry-after": "5" }));
    const waiting = new AbortController();
    const retrying = client({ retryMaxDelayMs: 10_000 }).threads.retrieve("t", {
      signal: waiting.signal,
    });
    setTimeout(() => waiting.abort(), 100);
    await expect(retrying).rejects.toBeInstanceOf(AbortError);

    const before = server.requests.length;
    await expect(
      client().threads.retrieve("t", { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.requests.length).toBe(before);
  });

  it("reports bad JSON and invalid shapes as ValidationError", async () => {
    server.handle((_req, res) => sendJson(res, 200, "{bad"));
    const bad = await client()
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).message).toMatch(/response JSON/);

    server.handle((_req, res) =>
      sendJson(res, 200, {
        object: "list",
        data: [thread("a"), { ...thread("b"), created_at: "x" }],
        has_more: false,
      }),
    );
    const invalid = await client()
      .threads.list()
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).path).toBe("data[1].created_at");
  });

  it("wraps a refused connection in a ConnectionError", async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const error = await createChatKitRestClient({ baseUrl: url, maxRetries: 0 })
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("lets an error of the headers callback through and sends nothing", async () => {
    const before = server.requests.length;
    const failure = new Error("not signed in");
    const error = await createChatKitRestClient({
      baseUrl: server.url,
      headers: () => {
        throw failure;
      },
    })
      .threads.retrieve("t")
      .catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(server.requests.length).toBe(before);
  });

  it("uses async headers and the injected fetch", async () => {
    server.handle((_req, res) => sendJson(res, 200, thread("t")));
    const seen: string[] = [];
    await createChatKitRestClient({
      baseUrl: server.url,
      headers: async () => ({ "x-tenant": "acme" }),
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    }).threads.retrieve("t/1");
    expect(seen).toEqual([`${server.url}/chatkit/threads/t%2F1`]);
    expect(server.requests[0]?.headers["x-tenant"]).toBe("acme");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});
