import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useMutationState } from "./use-mutation-state";

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(options: { strict?: boolean } = {}) {
  const calls = new Map<string, ReturnType<typeof deferred<number>>>();
  const run = vi.fn((name: string) => {
    const call = deferred<number>();
    calls.set(name, call);
    return call.promise;
  });
  const reportError = vi.fn();
  // `reactStrictMode` mounts the effects twice (a `StrictMode` wrapper alone does not here).
  const hook = renderHook(() => useMutationState(run, reportError), {
    reactStrictMode: options.strict ?? false,
  });
  return { hook, calls, run, reportError };
}

describe("useMutationState", () => {
  it("tracks a call from pending to success and runs its callbacks", async () => {
    const { hook, calls } = setup();
    expect(hook.result.current).toMatchObject({ status: "idle", isIdle: true, data: undefined });
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    let done!: Promise<number>;
    act(() => {
      done = hook.result.current.mutateAsync("a", { onSuccess, onSettled });
    });
    expect(hook.result.current).toMatchObject({
      status: "pending",
      isPending: true,
      variables: "a",
    });
    await act(async () => {
      calls.get("a")!.resolve(1);
      await done;
    });
    await expect(done).resolves.toBe(1);
    expect(hook.result.current).toMatchObject({
      status: "success",
      isSuccess: true,
      data: 1,
      error: null,
      variables: "a",
    });
    expect(onSuccess).toHaveBeenCalledWith(1, "a");
    expect(onSettled).toHaveBeenCalledWith(1, null, "a");
  });

  it("keeps a failure in `error`, reports it and rethrows it from mutateAsync only", async () => {
    const { hook, calls, reportError } = setup();
    const onError = vi.fn();
    let done!: Promise<number>;
    act(() => {
      done = hook.result.current.mutateAsync("a", { onError });
    });
    await act(async () => {
      calls.get("a")!.reject("refused");
      await done.catch(() => {});
    });
    await expect(done).rejects.toThrow("refused");
    expect(hook.result.current).toMatchObject({ status: "error", isError: true, data: undefined });
    expect(hook.result.current.error).toBeInstanceOf(Error);
    expect(reportError).toHaveBeenCalledWith(hook.result.current.error);
    expect(onError).toHaveBeenCalledWith(hook.result.current.error, "a");
    // `mutate` swallows the rejection.
    act(() => hook.result.current.mutate("b"));
    await act(async () => {
      calls.get("b")!.reject(new Error("again"));
    });
    expect(hook.result.current.error?.message).toBe("again");
  });

  it("ignores a call that a newer one overtook: its state and callbacks", async () => {
    const { hook, calls } = setup();
    const first = { onSuccess: vi.fn(), onSettled: vi.fn() };
    const second = { onSuccess: vi.fn() };
    let older!: Promise<number>;
    act(() => {
      older = hook.result.current.mutateAsync("a", first);
      hook.result.current.mutate("b", second);
    });
    await act(async () => {
      calls.get("b")!.resolve(2);
    });
    expect(hook.result.current).toMatchObject({ status: "success", data: 2, variables: "b" });
    await act(async () => {
      calls.get("a")!.resolve(1);
      await older;
    });
    // The older call still resolves for its caller, but the state stays the newer call's.
    await expect(older).resolves.toBe(1);
    expect(hook.result.current).toMatchObject({ status: "success", data: 2, variables: "b" });
    expect(first.onSuccess).not.toHaveBeenCalled();
    expect(first.onSettled).not.toHaveBeenCalled();
    expect(second.onSuccess).toHaveBeenCalledWith(2, "b");
  });

  it("goes back to idle on reset, and a call still running then changes nothing", async () => {
    const { hook, calls } = setup();
    const onSuccess = vi.fn();
    act(() => hook.result.current.mutate("a", { onSuccess }));
    expect(hook.result.current.isPending).toBe(true);
    act(() => hook.result.current.reset());
    expect(hook.result.current).toMatchObject({ status: "idle", variables: undefined });
    await act(async () => {
      calls.get("a")!.resolve(1);
    });
    expect(hook.result.current).toMatchObject({ status: "idle", data: undefined });
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("calls the newest `run` it was given", async () => {
    const reportError = vi.fn();
    const { result, rerender } = renderHook(
      ({ factor }) => useMutationState(async (n: number) => n * factor, reportError),
      { initialProps: { factor: 2 } },
    );
    const mutateAsync = result.current.mutateAsync;
    rerender({ factor: 10 });
    // The functions are stable; the work is the latest render's.
    expect(result.current.mutateAsync).toBe(mutateAsync);
    await act(async () => {
      await expect(mutateAsync(3)).resolves.toBe(30);
    });
    expect(result.current.data).toBe(30);
  });

  it("sets no state and runs no callbacks after unmount", async () => {
    const { hook, calls } = setup();
    const onSuccess = vi.fn();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    act(() => hook.result.current.mutate("a", { onSuccess }));
    hook.unmount();
    await act(async () => {
      calls.get("a")!.resolve(1);
    });
    expect(onSuccess).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("works in StrictMode (effects mounted twice)", async () => {
    const { hook, calls } = setup({ strict: true });
    const onSuccess = vi.fn();
    act(() => hook.result.current.mutate("a", { onSuccess }));
    expect(hook.result.current.isPending).toBe(true);
    await act(async () => {
      calls.get("a")!.resolve(7);
    });
    expect(hook.result.current).toMatchObject({ status: "success", data: 7 });
    expect(onSuccess).toHaveBeenCalledWith(7, "a");
  });
});
