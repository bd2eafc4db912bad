import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { APIError, ConnectionError, NotEventStreamError } from "@threadkit/core";
import {
  createThreadStore,
  type RunFailureReason,
  StreamIdleTimeoutError,
  type ThreadRunFailure,
  type ThreadStore,
  UnconfirmedMessageError,
} from "@threadkit/hooks";
import { loadLocale } from "../i18n/locales";
import { ThreadRoot } from "./thread";
import { ThreadItems } from "./thread-items";
import { preloadRunStatus } from "./thread-run-status";

// Catalogs other than English load on first use, and so does what the run status shows for a
// failure (thread-run-status.lazy.test.tsx); these tests read them from the first render.
beforeAll(() => Promise.all([loadLocale("de"), loadLocale("ar"), preloadRunStatus()]));

function storeWith(failure: ThreadRunFailure): ThreadStore {
  const store = createThreadStore("thr_1");
  store.getState().setRunFailure(failure);
  return store;
}

function failure(
  reason: RunFailureReason,
  error: Error,
  extra: Partial<ThreadRunFailure> = {},
): ThreadRunFailure {
  return {
    error,
    kind: reason === "network" || reason === "timeout" ? "connection" : "request",
    reason,
    retryAt: null,
    retry: vi.fn(async () => ({
      status: "done" as const,
      threadId: "thr_1",
      error: null,
      accepted: true,
      userMessageId: null,
    })),
    reauthenticate: null,
    ...extra,
  };
}

function renderFailure(value: ThreadRunFailure, locale = "en") {
  return render(
    <ThreadRoot store={storeWith(value)} locale={locale}>
      <ThreadItems />
    </ThreadRoot>,
  );
}

const apiError = (status: number, headers: Record<string, string> = {}) =>
  new APIError({ status, message: `HTTP ${status}`, headers: new Headers(headers) });

describe("Thread.RunStatus failures", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["rate_limited", apiError(429), "The server is receiving too many requests."],
    ["server_error", apiError(503), "The server ran into a problem."],
    ["network", new ConnectionError("refused"), "The connection to the server failed."],
    [
      "not_event_stream",
      new NotEventStreamError({ status: 200, contentType: "text/html" }),
      "The server sent something other than a reply",
    ],
    ["timeout", new StreamIdleTimeoutError(60_000), "The server stopped responding."],
    ["session_expired", apiError(401), "Your session has expired."],
    ["unconfirmed", new UnconfirmedMessageError(), "The server did not confirm your message"],
  ] as const)("says what happened for %s, with a retry", (reason, error, text) => {
    renderFailure(failure(reason, error));
    const alert = screen.getByRole("alert");
    expect(alert).toHaveAttribute("data-reason", reason);
    expect(alert).toHaveTextContent(text);
    expect(alert).not.toHaveTextContent("Something went wrong");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("counts down to the time Retry-After names, then drops the countdown", () => {
    vi.useFakeTimers({ now: Date.parse("2026-05-01T10:00:00Z") });
    renderFailure(
      failure("rate_limited", apiError(429, { "retry-after": "30" }), {
        retryAt: Date.now() + 30_000,
      }),
    );
    const alert = screen.getByRole("alert");
    expect(within(alert).getByText("You can try again in 30 s.")).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(12_000);
    });
    expect(within(alert).getByText("You can try again in 18 s.")).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(18_000);
    });
    expect(within(alert).queryByText(/You can try again/)).toBeNull();
  });

  it("names the clock time for a long Retry-After", () => {
    vi.useFakeTimers({ now: Date.parse("2026-05-01T10:00:00Z") });
    renderFailure(
      failure("rate_limited", apiError(429), { retryAt: Date.parse("2026-05-01T10:15:00Z") }),
    );
    const time = new Intl.DateTimeFormat("en", { timeStyle: "short" }).format(
      Date.parse("2026-05-01T10:15:00Z"),
    );
    expect(screen.getByRole("alert")).toHaveTextContent(`You can try again at ${time}.`);
  });

  it("offers to sign in again for an expired session when the app can re-authenticate", () => {
    const reauthenticate = vi.fn(async () => ({
      status: "done" as const,
      threadId: "thr_1",
      error: null,
      accepted: true,
      userMessageId: null,
    }));
    const value = failure("session_expired", apiError(401), { reauthenticate });
    renderFailure(value);
    const alert = screen.getByRole("alert");
    fireEvent.click(within(alert).getByRole("button", { name: "Sign in again" }));
    expect(reauthenticate).toHaveBeenCalledOnce();
    expect(value.retry).not.toHaveBeenCalled();
  });

  it("offers no sign-in without the app's re-authentication", () => {
    renderFailure(failure("session_expired", apiError(401)));
    expect(
      within(screen.getByRole("alert")).queryByRole("button", { name: "Sign in again" }),
    ).toBeNull();
  });

  it("localizes the messages", () => {
    vi.useFakeTimers({ now: Date.parse("2026-05-01T10:00:00Z") });
    renderFailure(failure("rate_limited", apiError(429), { retryAt: Date.now() + 5_000 }), "de");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Der Server erhält zu viele Anfragen.");
    expect(alert).toHaveTextContent("Erneuter Versuch in 5 s möglich.");
    expect(within(alert).getByRole("button", { name: "Erneut versuchen" })).toBeInTheDocument();
  });
});
