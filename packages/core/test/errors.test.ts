import * as core from "../src";
import {
  AbortError,
  APIError,
  isAbortError,
  isTimeoutError,
  ThreadkitError,
  TimeoutError,
} from "../src";

describe("error classes", () => {
  it("every exported error class extends ThreadkitError", () => {
    const errorClasses = Object.entries(core as Record<string, unknown>)
      .filter(([, value]) => typeof value === "function")
      .map(([name, value]) => [name, (value as { prototype: unknown }).prototype] as const)
      .filter(([, prototype]) => prototype instanceof Error);
    expect(errorClasses.map(([name]) => name)).toContain("WidgetParseError");
    for (const [name, prototype] of errorClasses) {
      const extendsBase =
        prototype === ThreadkitError.prototype || prototype instanceof ThreadkitError;
      expect([name, extendsBase]).toEqual([name, true]);
    }
  });

  it("tells aborts apart by class, and the platform's by its DOMException", () => {
    expect(isAbortError(new AbortError())).toBe(true);
    expect(isAbortError(new DOMException("stopped", "AbortError"))).toBe(true);
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    expect(isAbortError(new TimeoutError(5))).toBe(false);
    expect(isAbortError(new APIError({ status: 499, message: "AbortError" }))).toBe(false);
    const impostor = new Error("not an abort");
    impostor.name = "AbortError";
    expect(isAbortError(impostor)).toBe(false);
  });

  it("tells timeouts apart by class, and the platform's by its DOMException", async () => {
    expect(isTimeoutError(new TimeoutError(5))).toBe(true);
    expect(isTimeoutError(new DOMException("late", "TimeoutError"))).toBe(true);
    const signal = AbortSignal.timeout(1);
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    expect(isTimeoutError(signal.reason)).toBe(true);
    expect(isTimeoutError(new AbortError())).toBe(false);
  });
});
