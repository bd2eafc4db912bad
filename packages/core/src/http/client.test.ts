import { buildUrl, isRetryableStatus, retryAfterMs } from "./client";

describe("retryAfterMs", () => {
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "0.5" }))).toBe(500);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "120", "retry-after": "9" }))).toBe(120);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(
      3000,
    );
  });

  it("ignores absent or unreadable values and never goes below zero", () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "-3" }))).toBe(0);
  });
});

describe("isRetryableStatus", () => {
  it("retries 408, 409, 429 and 5xx only", () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("buildUrl", () => {
  it("skips empty values and repeats array keys", () => {
    expect(
      buildUrl("https://x/v1/steps", {
        limit: 5,
        after: undefined,
        before: null,
        "include[]": ["a", "b"],
      }),
    ).toBe("https://x/v1/steps?limit=5&include%5B%5D=a&include%5B%5D=b");
    expect(buildUrl("/chatkit?x=1", { y: true })).toBe("/chatkit?x=1&y=true");
    expect(buildUrl("/chatkit", {})).toBe("/chatkit");
  });
});
