import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useChatKit } from "./use-chatkit";

afterEach(() => vi.restoreAllMocks());

describe("useChatKit", () => {
  it("warns once per unknown option key and accepts the known ones", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const options = {
      api: { url: "/chatkit", domainKey: "ignored" },
      frameTitle: "Chat",
      startScreen: { greeting: "Hi" },
      startscreen: { greeting: "typo" },
    };
    const { rerender } = renderHook(() => useChatKit(options as never));
    rerender();
    const unknown = warn.mock.calls.filter(([text]) => String(text).includes("startscreen"));
    expect(unknown).toHaveLength(1);
    expect(
      warn.mock.calls.some(([text]) => /"(api|frameTitle|startScreen)"/.test(String(text))),
    ).toBe(false);
  });

  it("keeps one control and one set of methods across renders, with the latest options", () => {
    let greeting = "first";
    const { result, rerender } = renderHook(() =>
      useChatKit({ api: { url: "/chatkit" }, startScreen: { greeting } }),
    );
    const { control, sendUserMessage } = result.current;
    greeting = "second";
    rerender();
    expect(result.current.control).toBe(control);
    expect(result.current.sendUserMessage).toBe(sendUserMessage);
    expect(control.options.startScreen?.greeting).toBe("second");
  });

  it("tells subscribers when the options change", () => {
    let greeting = "first";
    const { result, rerender } = renderHook(() =>
      useChatKit({ api: { url: "/chatkit" }, startScreen: { greeting } }),
    );
    const listener = vi.fn();
    const unsubscribe = result.current.control.subscribe(listener);
    greeting = "second";
    rerender();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    greeting = "third";
    rerender();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("warns and resolves when a method is called before <ChatKit> mounts, and forwards once it has", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { result } = renderHook(() => useChatKit({ api: { url: "/chatkit" } }));
    await expect(result.current.setThreadId("thr_1")).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("setThreadId"));
    const setThreadId = vi.fn(async () => {});
    result.current.control.setInstance({
      focusComposer: vi.fn(),
      setThreadId,
      sendUserMessage: vi.fn(),
      setComposerValue: vi.fn(),
      fetchUpdates: vi.fn(),
      sendCustomAction: vi.fn(),
      showHistory: vi.fn(),
      hideHistory: vi.fn(),
    });
    await result.current.setThreadId("thr_2");
    expect(setThreadId).toHaveBeenCalledWith("thr_2");
  });
});
