import { APIError, ConnectionError, NotEventStreamError, TimeoutError } from "@threadkit/core";
import { watchIdle } from "./idle-watch";
import { RunEngineLoadError, RunStreamError } from "./run-errors";
import { describeRunFailure, StreamIdleTimeoutError, UnconfirmedMessageError } from "./run-failure";

describe("watchIdle", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("aborts after the timeout without an event, and every event starts the silence over", () => {
    const watch = watchIdle(1000, new AbortController().signal);
    watch.touch();
    vi.advanceTimersByTime(900);
    watch.touch();
    vi.advanceTimersByTime(900);
    expect(watch.signal.aborted).toBe(false);
    vi.advanceTimersByTime(100);
    expect(watch.timedOut).toBe(true);
    expect(watch.signal.aborted).toBe(true);
    expect(watch.signal.reason).toBeInstanceOf(StreamIdleTimeoutError);
    expect(watch.signal.reason).toMatchObject({ timeoutMs: 1000 });
  });

  it("is not armed before the first touch", () => {
    const watch = watchIdle(1000, new AbortController().signal);
    vi.advanceTimersByTime(5000);
    expect(watch.signal.aborted).toBe(false);
  });

  it.each([0, -1, Number.POSITIVE_INFINITY])("never times out with %s", (timeoutMs) => {
    const watch = watchIdle(timeoutMs, new AbortController().signal);
    watch.touch();
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    expect(watch.signal.aborted).toBe(false);
    expect(watch.timedOut).toBe(false);
  });

  it("follows the run's signal, and stops watching when stopped", () => {
    const run = new AbortController();
    const watch = watchIdle(1000, run.signal);
    watch.touch();
    run.abort(new Error("cancelled"));
    expect(watch.signal.aborted).toBe(true);
    expect(watch.timedOut).toBe(false);
    const stopped = watchIdle(1000, new AbortController().signal);
    stopped.touch();
    stopped.stop();
    vi.advanceTimersByTime(2000);
    expect(stopped.signal.aborted).toBe(false);
  });
});

describe("describeRunFailure", () => {
  const now = Date.parse("2026-05-01T10:00:00Z");
  const api = (status: number, headers: Record<string, string> = {}) =>
    new APIError({ status, message: "x", headers: new Headers(headers) });

  it.each([
    [
      api(429, { "retry-after": "20" }),
      { kind: "request", reason: "rate_limited", retryAt: now + 20_000 },
    ],
    [
      api(503, { "retry-after": "Fri, 01 May 2026 10:01:00 GMT" }),
      { kind: "request", reason: "server_error", retryAt: now + 60_000 },
    ],
    [api(500), { kind: "request", reason: "server_error", retryAt: null }],
    [api(401), { kind: "request", reason: "session_expired", retryAt: null }],
    [api(404), { kind: "request", reason: "request", retryAt: null }],
    [new ConnectionError("refused"), { kind: "connection", reason: "network", retryAt: null }],
    [
      new RunEngineLoadError({
        cause: new TypeError("Failed to fetch dynamically imported module"),
      }),
      { kind: "connection", reason: "network", retryAt: null },
    ],
    [new TimeoutError(60_000), { kind: "connection", reason: "timeout", retryAt: null }],
    [new StreamIdleTimeoutError(60_000), { kind: "connection", reason: "timeout", retryAt: null }],
    [
      new NotEventStreamError({ status: 200, contentType: "text/html" }),
      { kind: "request", reason: "not_event_stream", retryAt: null },
    ],
    [new UnconfirmedMessageError(), { kind: "request", reason: "unconfirmed", retryAt: null }],
    [
      new RunStreamError("stream.error", null, true),
      { kind: "server", reason: "stream_error", retryAt: null },
    ],
  ] as const)("reads %s", (error, expected) => {
    expect(describeRunFailure(error, false, now)).toEqual(expected);
  });

  it("reads a platform error as a broken stream only once the stream started", () => {
    const dropped = new TypeError("terminated");
    expect(describeRunFailure(dropped, true, now).reason).toBe("network");
    expect(describeRunFailure(dropped, false, now).reason).toBe("request");
  });
});
