import { afterEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { chatkit, chatkitStream, FakeClock, input, startServer } from "./test-utils";

let server: DevServer;
afterEach(async () => {
  await server.close();
});

async function createSession(body: unknown): Promise<Response> {
  return fetch(`${server.url}/v1/chatkit/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "OpenAI-Beta": "chatkit_beta=v1" },
    body: JSON.stringify(body),
  });
}

const minimal = { user: "user_1", workflow: { id: "wf_demo" } };

describe("/v1/chatkit/sessions", () => {
  it("creates a session with the documented defaults", async () => {
    const clock = new FakeClock();
    server = await startServer({ clock });
    const response = await createSession(minimal);
    expect(response.status).toBe(200);
    const session = await response.json();
    expect(session).toEqual({
      id: expect.stringMatching(/^cksess_/),
      object: "chatkit.session",
      chatkit_configuration: {
        automatic_thread_titling: { enabled: true },
        file_upload: { enabled: false, max_file_size: 512, max_files: 10 },
        history: { enabled: true, recent_threads: null },
      },
      client_secret: expect.stringMatching(/^ek_/),
      expires_at: clock.now() / 1000 + 600,
      max_requests_per_1_minute: 10,
      rate_limits: { max_requests_per_1_minute: 10 },
      status: "active",
      user: "user_1",
      workflow: { id: "wf_demo", state_variables: null, tracing: { enabled: true }, version: null },
    });
  });

  it("applies overrides within bounds", async () => {
    server = await startServer();
    const session = await (
      await createSession({
        ...minimal,
        workflow: {
          id: "wf_demo",
          version: "3",
          state_variables: { plan: "pro", seats: 3, beta: true },
          tracing: { enabled: false },
        },
        expires_after: { anchor: "created_at", seconds: 60 },
        rate_limits: { max_requests_per_1_minute: 100 },
        chatkit_configuration: {
          file_upload: { enabled: true, max_file_size: 5, max_files: 2 },
          history: { recent_threads: 3 },
          automatic_thread_titling: { enabled: false },
        },
      })
    ).json();
    expect(session.max_requests_per_1_minute).toBe(100);
    expect(session.chatkit_configuration.file_upload).toEqual({
      enabled: true,
      max_file_size: 5,
      max_files: 2,
    });
    expect(session.chatkit_configuration.history).toEqual({ enabled: true, recent_threads: 3 });
    expect(session.workflow).toEqual({
      id: "wf_demo",
      version: "3",
      state_variables: { plan: "pro", seats: 3, beta: true },
      tracing: { enabled: false },
    });
  });

  it.each([
    [{ workflow: { id: "wf" } }, "user"],
    [{ user: "u" }, "workflow.id"],
    [
      { ...minimal, expires_after: { anchor: "created_at", seconds: 601 } },
      "expires_after.seconds",
    ],
    [{ ...minimal, expires_after: { anchor: "created_at", seconds: 0 } }, "expires_after.seconds"],
    [{ ...minimal, expires_after: { anchor: "now", seconds: 10 } }, "expires_after.anchor"],
    [
      { ...minimal, rate_limits: { max_requests_per_1_minute: 0 } },
      "rate_limits.max_requests_per_1_minute",
    ],
    [
      { ...minimal, chatkit_configuration: { file_upload: { max_file_size: 513 } } },
      "chatkit_configuration.file_upload.max_file_size",
    ],
    [
      { ...minimal, chatkit_configuration: { history: { recent_threads: 0 } } },
      "chatkit_configuration.history.recent_threads",
    ],
    [
      { ...minimal, workflow: { id: "wf", state_variables: { x: { nested: true } } } },
      "workflow.state_variables",
    ],
  ])("rejects %j naming %s", async (body, param) => {
    server = await startServer();
    const response = await createSession(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe(param);
  });

  it("answers 401 once the client secret has expired", async () => {
    const clock = new FakeClock();
    server = await startServer({ clock });
    const session = await (
      await createSession({ ...minimal, expires_after: { anchor: "created_at", seconds: 30 } })
    ).json();
    const auth = { Authorization: `Bearer ${session.client_secret}` };
    expect((await chatkit(server, "threads.list", {}, auth)).status).toBe(200);
    clock.advance(29_999);
    expect((await chatkit(server, "threads.list", {}, auth)).status).toBe(200);
    clock.advance(1);
    const expired = await chatkit(server, "threads.list", {}, auth);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe("session_expired");
  });

  it("answers 401 after cancel, and cancelling twice is a 400", async () => {
    server = await startServer();
    const session = await (await createSession(minimal)).json();
    const cancel = () =>
      fetch(`${server.url}/v1/chatkit/sessions/${session.id}/cancel`, { method: "POST" });
    const cancelled = await cancel();
    expect((await cancelled.json()).status).toBe("cancelled");
    const response = await chatkit(
      server,
      "threads.list",
      {},
      { Authorization: `Bearer ${session.client_secret}` },
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("session_cancelled");
    expect((await cancel()).status).toBe(400);
    expect(
      (await fetch(`${server.url}/v1/chatkit/sessions/cksess_nope/cancel`, { method: "POST" }))
        .status,
    ).toBe(404);
  });

  it("answers 401 for an unknown secret, and requires one when configured", async () => {
    server = await startServer({ requireClientSecret: true });
    expect(
      (await chatkit(server, "threads.list", {}, { Authorization: "Bearer ek_forged" })).status,
    ).toBe(401);
    const missing = await chatkit(server, "threads.list", {});
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("missing_client_secret");
  });

  it("limits requests per minute with 429 and Retry-After", async () => {
    const clock = new FakeClock();
    server = await startServer({ clock });
    const session = await (
      await createSession({ ...minimal, rate_limits: { max_requests_per_1_minute: 3 } })
    ).json();
    const auth = { Authorization: `Bearer ${session.client_secret}` };
    for (let i = 0; i < 3; i++) {
      expect((await chatkit(server, "threads.list", {}, auth)).status).toBe(200);
      clock.advance(10_000);
    }
    const limited = await chatkit(server, "threads.list", {}, auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect((await limited.json()).error.type).toBe("rate_limit_error");
    clock.advance(30_000);
    expect((await chatkit(server, "threads.list", {}, auth)).status).toBe(200);
  });

  it("scopes protocol threads to the session's user", async () => {
    server = await startServer();
    const a = await (
      await createSession({
        ...minimal,
        user: "alice",
        rate_limits: { max_requests_per_1_minute: 100 },
      })
    ).json();
    const b = await (
      await createSession({
        ...minimal,
        user: "bob",
        rate_limits: { max_requests_per_1_minute: 100 },
      })
    ).json();
    await chatkitStream(
      server,
      "threads.create",
      { input: input("mine") },
      { Authorization: `Bearer ${a.client_secret}` },
    );
    const list = async (secret: string) =>
      (
        await (
          await chatkit(server, "threads.list", {}, { Authorization: `Bearer ${secret}` })
        ).json()
      ).data;
    const mine = await list(a.client_secret);
    expect(mine).toHaveLength(1);
    expect(await list(b.client_secret)).toHaveLength(0);
    const peek = await chatkit(
      server,
      "threads.get_by_id",
      { thread_id: mine[0].id },
      { Authorization: `Bearer ${b.client_secret}` },
    );
    expect(peek.status).toBe(404);
  });
  it("honours the session's history settings in threads.list", async () => {
    server = await startServer();
    const make = async (history: unknown) =>
      (
        await (
          await createSession({
            ...minimal,
            rate_limits: { max_requests_per_1_minute: 100 },
            chatkit_configuration: { history },
          })
        ).json()
      ).client_secret as string;
    const recent = await make({ recent_threads: 2 });
    const auth = { Authorization: `Bearer ${recent}` };
    for (const text of ["a", "b", "c"])
      await chatkitStream(server, "threads.create", { input: input(text) }, auth);
    const page = await (await chatkit(server, "threads.list", {}, auth)).json();
    expect(page.data.map((t: { title: string }) => t.title)).toEqual(["c", "b"]);
    expect(page.has_more).toBe(false);
    const off = await make({ enabled: false });
    const none = await (
      await chatkit(server, "threads.list", {}, { Authorization: `Bearer ${off}` })
    ).json();
    expect(none).toEqual({ data: [], has_more: false });
  });
});
