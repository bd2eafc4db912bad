import { normalizeChatKitRestItemsPage, normalizeChatKitRestThreadsPage } from "@threadkit/core";
import { afterEach, describe, expect, it } from "vitest";
import type { DevServer } from "./server";
import { chatkit, chatkitStream, FakeClock, input, startServer, startThread } from "./test-utils";

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
});

describe("/v1/chatkit/threads", () => {
  it("shows protocol threads in the REST shape with paging in both directions", async () => {
    server = await startServer();
    const ids: string[] = [];
    for (const text of ["one", "two", "three"])
      ids.push((await startThread(server, text)).threadId);
    const page = await (await fetch(`${server.url}/v1/chatkit/threads?limit=2`)).json();
    expect(page).toMatchObject({
      object: "list",
      first_id: ids[2],
      last_id: ids[1],
      has_more: true,
    });
    expect(page.data[0]).toEqual({
      id: ids[2],
      object: "chatkit.thread",
      created_at: expect.any(Number),
      status: { type: "active" },
      title: "three",
      user: "anonymous",
    });
    const next = await (
      await fetch(`${server.url}/v1/chatkit/threads?limit=2&after=${page.last_id}`)
    ).json();
    expect(next.data.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
    const before = await (
      await fetch(`${server.url}/v1/chatkit/threads?limit=1&before=${ids[0]}`)
    ).json();
    expect(before.data.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
    expect(before.has_more).toBe(true);
    const asc = await (await fetch(`${server.url}/v1/chatkit/threads?order=asc`)).json();
    expect(asc.data.map((t: { id: string }) => t.id)).toEqual(ids);
    expect((await fetch(`${server.url}/v1/chatkit/threads?limit=101`)).status).toBe(400);
    expect(
      (await fetch(`${server.url}/v1/chatkit/threads?user=someone-else`).then((r) => r.json()))
        .data,
    ).toEqual([]);
  });

  it("retrieves and deletes a thread", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "hello");
    expect(
      await (await fetch(`${server.url}/v1/chatkit/threads/${threadId}`)).json(),
    ).toMatchObject({ id: threadId, object: "chatkit.thread", title: "hello" });
    const deleted = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}`, { method: "DELETE" })
    ).json();
    expect(deleted).toEqual({ id: threadId, object: "chatkit.thread.deleted", deleted: true });
    expect((await fetch(`${server.url}/v1/chatkit/threads/${threadId}`)).status).toBe(404);
    expect((await chatkit(server, "threads.get_by_id", { thread_id: threadId })).status).toBe(404);
  });

  it("lists items in the REST shapes", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "show the form");
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: {
        ...input("weather in Rome"),
        quoted_text: "earlier",
        inference_options: { model: "gpt-x" },
      },
    });
    await chatkitStream(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: { temp: 30 },
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("think"),
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("task"),
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("draw"),
    });
    const page = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc&limit=100`)
    ).json();
    const byType = (type: string) =>
      page.data.filter((item: { type: string }) => item.type === type);
    for (const item of page.data) {
      expect(item).toMatchObject({
        object: "chatkit.thread_item",
        thread_id: threadId,
        created_at: expect.any(Number),
      });
      expect(item.type).toMatch(/^chatkit\./);
    }
    const widget = byType("chatkit.widget")[0];
    expect(typeof widget.widget).toBe("string");
    expect(JSON.parse(widget.widget).type).toBe("Card");
    const user = byType("chatkit.user_message")[1];
    expect(user).toMatchObject({
      content: [
        { type: "input_text", text: "weather in Rome" },
        { type: "quoted_text", text: "earlier" },
      ],
      attachments: [],
      inference_options: { model: "gpt-x", tool_choice: null },
    });
    expect(byType("chatkit.user_message")[0].inference_options).toBeNull();
    const call = byType("chatkit.client_tool_call")[0];
    expect(call).toMatchObject({
      status: "completed",
      name: "get_weather",
      arguments: JSON.stringify({ city: "Rome", unit: "celsius" }),
      output: JSON.stringify({ temp: 30 }),
    });
    expect(byType("chatkit.task_group")[0].tasks.map((t: { type: string }) => t.type)).toEqual([
      "thought",
      "custom",
      "custom",
    ]);
    expect(byType("chatkit.task")[0]).toMatchObject({
      heading: "Indexed 3 files",
      summary: "notes.md, plan.md, todo.md",
      task_type: "custom",
    });
    expect(byType("chatkit.generated_image")[0].image.url).toMatch(/\.svg$/);
    expect(byType("chatkit.assistant_message")[0].content[0]).toMatchObject({
      type: "output_text",
      annotations: [],
    });
  });

  it("keeps only url and file annotations in REST items", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "cite");
    const page = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc`)
    ).json();
    expect(page.data[1].content[0].annotations).toEqual([
      { type: "url", source: { type: "url", url: "https://github.com/openai/chatkit-python" } },
      { type: "file", source: { type: "file", filename: "chatkit/types.py" } },
    ]);
  });

  it("round-trips through @threadkit/core's REST normalizers back to the protocol items", async () => {
    server = await startServer();
    const { threadId } = await startThread(server, "show the form");
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("weather in Rome"),
    });
    await chatkitStream(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: { temp: 30 },
    });
    await chatkitStream(server, "threads.add_user_message", {
      thread_id: threadId,
      input: input("draw"),
    });
    const json = await (
      await fetch(`${server.url}/v1/chatkit/threads/${threadId}/items?order=asc&limit=100`)
    ).json();
    const page = normalizeChatKitRestItemsPage(json, { threadId });
    const stored = server.services.store.allItems(threadId);
    expect(page.data.map((item) => item.id)).toEqual(stored.map((item) => item.id));
    expect(page.data.map((item) => item.type)).toEqual(
      stored.map((item) => (item.type === "generated_image" ? "unknown" : item.type)),
    );
    const widget = page.data.find((item) => item.type === "widget");
    const storedWidget = stored.find((item) => item.type === "widget");
    expect(widget && "widget" in widget ? widget.widget : null).toEqual(
      storedWidget && "widget" in storedWidget ? storedWidget.widget : undefined,
    );
    const call = page.data.find((item) => item.type === "client_tool_call");
    expect(call).toMatchObject({
      status: "completed",
      arguments: { city: "Rome", unit: "celsius" },
      output: { temp: 30 },
    });
    const threads = normalizeChatKitRestThreadsPage(
      await (await fetch(`${server.url}/v1/chatkit/threads`)).json(),
    );
    expect(threads.data[0]).toMatchObject({
      id: threadId,
      title: "show the form",
      status: { type: "active" },
    });
  });
});
