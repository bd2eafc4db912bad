import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { ConnectionError } from "@threadkit/core";
import { createThreadStore, type ThreadRunFailure } from "@threadkit/hooks";

// What `Thread.RunStatus` shows for a run (notices, progress, errors) loads with the rarer item
// renderers, not with the thread. Each test takes fresh modules: nothing is loaded yet.
beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.doUnmock("../items/rare-renderers");
});

const failure: ThreadRunFailure = {
  error: new ConnectionError("refused"),
  kind: "connection",
  reason: "network",
  retryAt: null,
  retry: async () => ({
    status: "done",
    threadId: "thr_1",
    error: null,
    accepted: true,
    userMessageId: null,
  }),
  reauthenticate: null,
};

async function renderThread() {
  const { ThreadRoot } = await import("./thread");
  const { ThreadItems } = await import("./thread-items");
  const store = createThreadStore("thr_1");
  render(
    <ThreadRoot store={store}>
      <ThreadItems />
    </ThreadRoot>,
  );
  return store;
}

describe("Thread.RunStatus before its code has loaded", () => {
  it("shows a run's error once its code arrives, which starts loading when the error comes", async () => {
    const store = await renderThread();
    const status = document.querySelector('[data-tk-part="thread-run-status"]');
    expect(status).toHaveAttribute("data-status", "idle");
    act(() => store.getState().setRunFailure(failure));
    // The state is known at once; what shows it follows with its chunk.
    expect(status).toHaveAttribute("data-status", "error");
    expect(screen.queryByRole("alert")).toBeNull();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-reason", "network");
    expect(alert).toHaveTextContent("The connection to the server failed.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("loads it when a run starts on the thread, before the run shows anything", async () => {
    const { preloadRunStatus } = await import("./thread-run-status");
    const loads = vi.fn();
    vi.doMock("../items/rare-renderers", async (original) => {
      loads();
      return original();
    });
    const store = await renderThread();
    // A thread no run touched never loads it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).not.toHaveBeenCalled();
    act(() => {
      store.getState().beginRun();
    });
    await vi.waitFor(() => expect(loads).toHaveBeenCalledTimes(1));
    // Loaded: the same module, no second request.
    await preloadRunStatus();
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it("says so when its code cannot load, keeps the failure and shows it after Try again", async () => {
    let fail = true;
    vi.doMock("../items/rare-renderers", async (original) => {
      if (fail) throw new Error("Failed to fetch dynamically imported module");
      return original();
    });
    const store = await renderThread();
    act(() => store.getState().setRunFailure(failure));
    const fallback = await screen.findByRole("alert");
    expect(fallback).toHaveTextContent("The connection to the server failed.");
    expect(fallback).not.toHaveAttribute("data-reason");
    fail = false;
    fireEvent.click(within(fallback).getByRole("button", { name: "Try again" }));
    // The failure waited in the store: it shows as it is, with its own retry.
    await vi.waitFor(() =>
      expect(screen.getByRole("alert")).toHaveAttribute("data-reason", "network"),
    );
    expect(
      within(screen.getByRole("alert")).getByRole("button", { name: "Try again" }),
    ).toBeVisible();
  });

  it("closes the alert about code that did not load, keeping the run's state", async () => {
    vi.doMock("../items/rare-renderers", async () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    const store = await renderThread();
    act(() => store.getState().setRunFailure(failure));
    const fallback = await screen.findByRole("alert");
    fireEvent.click(within(fallback).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.querySelector('[data-tk-part="thread-run-status"]')).toHaveAttribute(
      "data-status",
      "error",
    );
    expect(store.getState().runFailure).toBe(failure);
  });
});
