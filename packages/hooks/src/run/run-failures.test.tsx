import { act, renderHook, waitFor } from "@testing-library/react";
import { createChatKitClient, NotEventStreamError } from "@threadkit/core";
import { type ReactNode, useState } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import { useComposer } from "../composer/use-composer";
import { StreamIdleTimeoutError, UnconfirmedMessageError } from "../engine/run-failure";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider, type ThreadkitProviderProps } from "../provider/threadkit-provider";
import { useChatKitSession } from "../session/use-chatkit-session";
import { useRunStream } from "./use-run-stream";
import { useThreadRunStatus } from "./use-thread-run-status";

const userDone = `data: ${JSON.stringify({
  type: "thread.item.done",
  item: {
    type: "user_message",
    id: "msg_user",
    thread_id: "thr_1",
    created_at: "2026-05-01T10:00:00",
    content: [{ type: "input_text", text: "hi" }],
    attachments: [],
    inference_options: {},
  },
})}\n\n`;

const localUpload = {
  type: "custom" as const,
  upload: async (f: File) => ({
    id: "atc_local",
    name: f.name,
    mime_type: f.type,
    type: "file" as const,
  }),
};

function setup(
  server: TestServer,
  provider: Omit<ThreadkitProviderProps, "children" | "clients"> & {
    clients?: ThreadkitClients;
  } = {},
  runOptions: Parameters<typeof useRunStream>[1] = {},
) {
  const clients = provider.clients ?? { protocol: createTestProtocolClient(server.url) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider {...provider} clients={clients}>
      {children}
    </ThreadkitProvider>
  );
  return renderHook(
    () => {
      const run = useRunStream("thr_1", runOptions);
      const composer = useComposer({ run, upload: localUpload });
      const status = useThreadRunStatus("thr_1");
      return { run, composer, status };
    },
    { wrapper },
  );
}

async function typeDraft(result: { current: ReturnType<typeof setup>["result"]["current"] }) {
  act(() => {
    result.current.composer.setText("my draft");
    result.current.composer.addFiles([new File(["abc"], "a.txt", { type: "text/plain" })]);
  });
  await waitFor(() => expect(result.current.composer.canSubmit).toBe(true));
}

function expectDraftKept(result: { current: ReturnType<typeof setup>["result"]["current"] }) {
  expect(result.current.composer.text).toBe("my draft");
  expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
  expect(result.current.run.failedInput).toMatchObject({ text: "my draft" });
}

/** An app whose protocol client sends the session's secret, and renews it on `onSessionExpired`. */
function SessionApp({
  url,
  getClientSecret,
  children,
}: {
  url: string;
  getClientSecret: () => Promise<string>;
  children: ReactNode;
}) {
  const session = useChatKitSession({ getClientSecret, retry: 0 });
  const [clients] = useState(() => ({
    protocol: createChatKitClient({ url, fetch: session.fetch, maxRetries: 0 }),
  }));
  return (
    <ThreadkitProvider clients={clients} onSessionExpired={() => session.refresh()}>
      {children}
    </ThreadkitProvider>
  );
}

describe("run failures", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it("fails a send answered 200 text/html and keeps the draft and attachments", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<title>Sign in</title>");
    });
    const { result } = setup(server);
    await typeDraft(result);
    const outcome = await act(() => result.current.composer.submit());
    expect(outcome).toMatchObject({ status: "error", accepted: false });
    expect(result.current.run.error).toBeInstanceOf(NotEventStreamError);
    expectDraftKept(result);
    expect(result.current.status.error).toMatchObject({
      reason: "not_event_stream",
      allowRetry: true,
    });
  });

  it("fails a send whose event stream ends without confirming the message, and keeps the draft", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(res, "data: not json at all\n\n: comment\n\n");
    });
    const { result } = setup(server);
    await typeDraft(result);
    const outcome = await act(() => result.current.composer.submit());
    expect(outcome).toMatchObject({ status: "error", accepted: true, userMessageId: null });
    expect(result.current.run.error).toBeInstanceOf(UnconfirmedMessageError);
    expectDraftKept(result);
    expect(result.current.status.error?.reason).toBe("unconfirmed");
  });

  it("sends a message once when the server stores it and answers 500", async () => {
    server = await startServer((_request, res) => sendJson(res, 500, { detail: "stored, then" }));
    // The default client retries; a message post must not be among what it retries.
    const protocol = createChatKitClient({ url: server.url, retryBaseDelayMs: 1 });
    const { result } = setup(server, { clients: { protocol } });
    await typeDraft(result);
    await act(() => result.current.composer.submit());
    expect(server.requests.filter((r) => r.body?.type === "threads.add_user_message")).toHaveLength(
      1,
    );
    expectDraftKept(result);
    expect(result.current.status.error).toMatchObject({ reason: "server_error", allowRetry: true });
  });

  it("offers Stop from the moment of send and keeps the draft when cancelled before headers", async () => {
    let disconnected = false;
    server = await startServer((_request, res) => {
      // Never answers: no headers, no body.
      res.on("close", () => {
        disconnected = true;
      });
    });
    const { result } = setup(server);
    await typeDraft(result);
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.composer.submit();
    });
    expect(result.current.run.status).toBe("submitting");
    expect(result.current.run.canCancel).toBe(true);
    await waitFor(() => expect(server.requests).toHaveLength(1));
    act(() => result.current.run.cancel());
    await expect(done).resolves.toMatchObject({ status: "cancelled", accepted: false });
    await waitFor(() => expect(disconnected).toBe(true));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.canCancel).toBe(false);
    expect(result.current.composer.text).toBe("my draft");
    expect(result.current.composer.attachments.map((a) => a.attachment?.id)).toEqual(["atc_local"]);
  });

  it("offers Stop during a retry backoff and cancels it", async () => {
    const closed = await startServer(() => {});
    const refused = closed.url;
    await closed.close();
    server = await startServer(() => {});
    // Refused before sending: retried after a long backoff, which Stop must cut short.
    const protocol = createChatKitClient({ url: refused, retryBaseDelayMs: 600_000 });
    const { result } = setup(server, { clients: { protocol } });
    await typeDraft(result);
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.composer.submit();
    });
    expect(result.current.run.canCancel).toBe(true);
    act(() => result.current.run.cancel());
    await expect(done).resolves.toMatchObject({ status: "cancelled" });
    expect(result.current.composer.text).toBe("my draft");
  });

  it("ends a stream that goes silent after the idle timeout, with the retry action", async () => {
    let disconnected = false;
    server = await startServer(async (request, res) => {
      if (request.body?.type === "threads.retry_after_item") {
        await sendSse(res, readFixture("chatkit-protocol/node-custom-action-stream.sse"));
        return;
      }
      res.on("close", () => {
        disconnected = true;
      });
      await sendSse(res, `${userDone}data: {"type":"progress_update","text":"Thinking"}\n\n`, {
        keepOpen: true,
      });
    });
    const { result } = setup(server, { streamIdleTimeoutMs: 150 });
    await typeDraft(result);
    const outcome = await act(() => result.current.composer.submit());
    expect(outcome).toMatchObject({ status: "error", accepted: true, userMessageId: "msg_user" });
    expect(result.current.run.error).toBeInstanceOf(StreamIdleTimeoutError);
    expect(result.current.run.error).toMatchObject({ timeoutMs: 150 });
    expect(result.current.run.progress).toBeNull();
    await waitFor(() => expect(disconnected).toBe(true));
    expect(result.current.status.error).toMatchObject({ reason: "timeout", allowRetry: true });
    expect(result.current.status.retry).not.toBeNull();
    await act(() => result.current.status.retry!());
    expect(server.requests.at(-1)?.body).toMatchObject({
      type: "threads.retry_after_item",
      params: { item_id: "msg_user" },
    });
    expect(result.current.run.status).toBe("idle");
  });

  it("takes the hook's idle timeout over the provider's", async () => {
    server = await startServer(async (_request, res) => {
      await sendSse(res, userDone, { keepOpen: true });
    });
    const { result } = setup(server, { streamIdleTimeoutMs: 600_000 }, { idleTimeoutMs: 100 });
    await typeDraft(result);
    await act(() => result.current.composer.submit());
    expect(result.current.run.error).toMatchObject({
      name: "StreamIdleTimeoutError",
      timeoutMs: 100,
    });
  });

  it("says a 429 is rate limiting and when to retry from Retry-After", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "30" });
      res.end(JSON.stringify({ error: { message: "Rate limit reached", code: "rate_limit" } }));
    });
    const { result } = setup(server);
    await typeDraft(result);
    const before = Date.now();
    await act(() => result.current.composer.submit());
    const error = result.current.status.error;
    expect(error).toMatchObject({ kind: "request", reason: "rate_limited", allowRetry: true });
    expect(error?.retryAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(error?.retryAt).toBeLessThanOrEqual(Date.now() + 30_000);
    expectDraftKept(result);
  });

  it("tells a connection failure apart from a server error", async () => {
    const closed = await startServer(() => {});
    const refused = closed.url;
    await closed.close();
    server = await startServer(() => {});
    const protocol = createChatKitClient({ url: refused, maxRetries: 0 });
    const { result } = setup(server, { clients: { protocol } });
    await typeDraft(result);
    await act(() => result.current.composer.submit());
    expect(result.current.status.error).toMatchObject({
      kind: "connection",
      reason: "network",
      retryAt: null,
    });
    expectDraftKept(result);
  });

  it("offers re-authentication for an expired session: the app's hook runs, then the send", async () => {
    let expired = true;
    server = await startServer(async (_request, res) => {
      if (expired) {
        sendJson(res, 401, { error: { message: "Client secret has expired" } });
        return;
      }
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const onSessionExpired = vi.fn(async () => {
      expired = false;
    });
    const { result } = setup(server, { onSessionExpired });
    await typeDraft(result);
    await act(() => result.current.composer.submit());
    expect(result.current.status.error).toMatchObject({ reason: "session_expired" });
    expectDraftKept(result);
    expect(result.current.status.reauthenticate).not.toBeNull();
    const outcome = await act(() => result.current.status.reauthenticate!());
    expect(onSessionExpired).toHaveBeenCalledOnce();
    expect(outcome).toMatchObject({ status: "done" });
    expect(server.requests).toHaveLength(2);
    expect(result.current.status.error).toBeNull();
  });

  it("renews the session through useChatKitSession when the user signs in again", async () => {
    // The first two secrets are already revoked (the session's own 401 replay gets the second);
    // signing in again mints a good one.
    const secrets = ["ek_revoked_1", "ek_revoked_2", "ek_good"];
    const getClientSecret = vi.fn(async () => secrets.shift() ?? "ek_good");
    server = await startServer(async (request, res) => {
      if (request.headers.authorization !== "Bearer ek_good") {
        sendJson(res, 401, { error: { message: "Client secret has expired" } });
        return;
      }
      await sendSse(
        res,
        readFixture("chatkit-protocol/banking-threads-add-user-message-stream.sse"),
      );
    });
    const url = server.url;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SessionApp url={url} getClientSecret={getClientSecret}>
        {children}
      </SessionApp>
    );
    const { result } = renderHook(
      () => {
        const run = useRunStream("thr_1");
        return { run, status: useThreadRunStatus("thr_1") };
      },
      { wrapper },
    );
    await act(() => result.current.run.send("hi"));
    expect(result.current.status.error).toMatchObject({ reason: "session_expired" });
    const outcome = await act(() => result.current.status.reauthenticate!());
    expect(outcome).toMatchObject({ status: "done" });
    expect(getClientSecret).toHaveBeenCalledTimes(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer ek_revoked_1",
      "Bearer ek_revoked_2",
      "Bearer ek_good",
    ]);
    expect(result.current.status.error).toBeNull();
  });

  it("offers no re-authentication without the app's hook", async () => {
    server = await startServer((_request, res) => sendJson(res, 401, { detail: "expired" }));
    const { result } = setup(server);
    await typeDraft(result);
    await act(() => result.current.composer.submit());
    expect(result.current.status.error).toMatchObject({ reason: "session_expired" });
    expect(result.current.status.reauthenticate).toBeNull();
  });
});
