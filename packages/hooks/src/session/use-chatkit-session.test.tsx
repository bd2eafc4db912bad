import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { closeAfterCleanup, sendJson, startServer, type TestServer } from "../../test/http-server";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useChatKitSession } from "./use-chatkit-session";

/** A session endpoint that mints `secret_<n>` valid for `ttlSeconds`, failing `failures` times first. */
function sessionServer(options: { ttlSeconds: number; failures?: number }) {
  let minted = 0;
  let failures = options.failures ?? 0;
  return startServer((request, res) => {
    if (request.url === "/session") {
      if (failures > 0) {
        failures -= 1;
        sendJson(res, 503, { error: { message: "try later" } });
        return;
      }
      minted += 1;
      sendJson(res, 200, {
        client_secret: `secret_${minted}`,
        expires_at: Math.floor(Date.now() / 1000) + options.ttlSeconds,
      });
      return;
    }
    // A protected resource that accepts only the newest secret.
    const ok = request.headers.authorization === `Bearer secret_${minted}`;
    sendJson(res, ok ? 200 : 401, ok ? { ok: true } : { error: { message: "expired" } });
  });
}

function getClientSecretFrom(server: TestServer) {
  return async (current: string | null) => {
    const response = await fetch(`${server.url}/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ current }),
    });
    if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
    return (await response.json()) as { client_secret: string; expires_at: number };
  };
}

const WAIT = { timeout: 10_000 };

const wrapper = ({ children }: { children: ReactNode }) => (
  <ThreadkitProvider>{children}</ThreadkitProvider>
);

const sessionRequests = (server: TestServer) =>
  server.requests.filter((request) => request.url === "/session");

describe("useChatKitSession", () => {
  let server: TestServer;

  afterEach(async () => {
    vi.useRealTimers();
    await closeAfterCleanup(server);
  });

  it("fetches a client secret on mount and reports its expiry", async () => {
    server = await sessionServer({ ttlSeconds: 600 });
    const { result } = renderHook(
      () => useChatKitSession({ getClientSecret: getClientSecretFrom(server) }),
      { wrapper },
    );
    expect(result.current.status).toBe("loading");
    await waitFor(() => expect(result.current.status).toBe("active"));
    expect(result.current.clientSecret).toBe("secret_1");
    expect(result.current.expiresAt).toBeGreaterThan(Date.now() + 590_000);
    expect(sessionRequests(server)[0]?.body).toEqual({ current: null });
    expect(result.current.status).toBe("active");
  });

  it("refreshes ahead of expires_at with the current secret", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    server = await sessionServer({ ttlSeconds: 120 });
    const { result } = renderHook(
      () =>
        useChatKitSession({
          getClientSecret: getClientSecretFrom(server),
          refreshMarginMs: 30_000,
        }),
      { wrapper },
    );
    await vi.waitFor(() => expect(result.current.clientSecret).toBe("secret_1"), WAIT);
    await act(() => vi.advanceTimersByTimeAsync(89_000));
    expect(sessionRequests(server)).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1_500));
    await vi.waitFor(() => expect(result.current.clientSecret).toBe("secret_2"), WAIT);
    expect(result.current.status).toBe("active");
    expect(sessionRequests(server)[1]?.body).toEqual({ current: "secret_1" });
  });

  it("shares one request between concurrent refresh calls and between hooks", async () => {
    server = await sessionServer({ ttlSeconds: 600 });
    const getClientSecret = getClientSecretFrom(server);
    const { result } = renderHook(
      () => [useChatKitSession({ getClientSecret }), useChatKitSession({ getClientSecret })],
      { wrapper },
    );
    await waitFor(() => expect(result.current[1]?.status).toBe("active"));
    expect(sessionRequests(server)).toHaveLength(1);
    let secrets: string[] = [];
    await act(async () => {
      secrets = await Promise.all([
        result.current[0]!.refresh(),
        result.current[0]!.refresh(),
        result.current[1]!.refresh(),
      ]);
    });
    expect(secrets).toEqual(["secret_2", "secret_2", "secret_2"]);
    expect(sessionRequests(server)).toHaveLength(2);
  });

  it("retries failures with exponential backoff", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    server = await sessionServer({ ttlSeconds: 600, failures: 2 });
    const { result } = renderHook(
      () => useChatKitSession({ getClientSecret: getClientSecretFrom(server) }),
      { wrapper },
    );
    await vi.waitFor(() => expect(sessionRequests(server)).toHaveLength(1), WAIT);
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(sessionRequests(server)).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    await vi.waitFor(() => expect(sessionRequests(server)).toHaveLength(2), WAIT);
    await act(() => vi.advanceTimersByTimeAsync(1_999));
    expect(sessionRequests(server)).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    await vi.waitFor(() => expect(result.current.status).toBe("active"), WAIT);
    expect(result.current.clientSecret).toBe("secret_1");
  });

  it("reports error with the last failure once every retry failed", async () => {
    server = await sessionServer({ ttlSeconds: 600, failures: 10 });
    const { result } = renderHook(
      () =>
        useChatKitSession({
          getClientSecret: getClientSecretFrom(server),
          retry: 2,
          retryDelayMs: () => 1,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error?.message).toBe("session endpoint answered 503");
    expect(sessionRequests(server)).toHaveLength(3);
  });

  it("refreshes once on a 401 and replays the request, for many failing callers at once", async () => {
    server = await sessionServer({ ttlSeconds: 600 });
    const { result } = renderHook(
      () => useChatKitSession({ getClientSecret: getClientSecretFrom(server) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.clientSecret).toBe("secret_1"));
    // The server rotates the secret behind the client's back.
    await fetch(`${server.url}/session`, { method: "POST" });
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        result.current.fetch(`${server.url}/protected`, { method: "POST", body: '{"n":1}' }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(sessionRequests(server)).toHaveLength(3);
    const protectedRequests = server.requests.filter((request) => request.url === "/protected");
    expect(protectedRequests).toHaveLength(6);
    expect(protectedRequests.slice(3).map((request) => request.body)).toEqual([
      { n: 1 },
      { n: 1 },
      { n: 1 },
    ]);
    await waitFor(() => expect(result.current.clientSecret).toBe("secret_3"));
  });

  it("stops refreshing when cancelled and tells the app which secret to revoke", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    server = await sessionServer({ ttlSeconds: 120 });
    const onCancel = vi.fn();
    const { result } = renderHook(
      () => useChatKitSession({ getClientSecret: getClientSecretFrom(server), onCancel }),
      { wrapper },
    );
    await vi.waitFor(() => expect(result.current.status).toBe("active"), WAIT);
    act(() => result.current.cancel());
    expect(result.current.status).toBe("cancelled");
    expect(onCancel).toHaveBeenCalledWith("secret_1");
    await act(() => vi.advanceTimersByTimeAsync(600_000));
    expect(sessionRequests(server)).toHaveLength(1);
  });

  it("stops its timers on unmount", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    server = await sessionServer({ ttlSeconds: 120 });
    const { result, unmount } = renderHook(
      () => useChatKitSession({ getClientSecret: getClientSecretFrom(server) }),
      { wrapper },
    );
    await vi.waitFor(() => expect(result.current.status).toBe("active"), WAIT);
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(600_000));
    expect(sessionRequests(server)).toHaveLength(1);
  });

  it("reports expired when the secret runs out and the refresh keeps failing", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    let fail = false;
    const { result } = renderHook(
      () =>
        useChatKitSession({
          getClientSecret: async () => {
            if (fail) throw new Error("offline");
            return { client_secret: "secret_1", expires_at: Math.floor(Date.now() / 1000) + 120 };
          },
          retry: 0,
        }),
      { wrapper },
    );
    await vi.waitFor(() => expect(result.current.status).toBe("active"), WAIT);
    fail = true;
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(result.current.status).toBe("active");
    expect(result.current.error?.message).toBe("offline");
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(result.current.status).toBe("expired");
  });
});
