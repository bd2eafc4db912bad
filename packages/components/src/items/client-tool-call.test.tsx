import { act, render, screen } from "@testing-library/react";
import type { ClientToolCallItem } from "@threadkit/core";
import { createThreadStore } from "@threadkit/hooks";
import { ThreadRoot, ThreadViewport } from "../thread/thread";
import { ThreadItems } from "../thread/thread-items";
import { preloadItemRenderers } from "../thread-item/lazy-renderers";
import { ThreadItem } from "../thread-item/thread-item";
import { ClientToolCall, toolCallStatus } from "./client-tool-call";

// The tool call renderer loads with the first rare item; these tests render threads at once.
beforeAll(() => preloadItemRenderers());

function call(id: string, status: ClientToolCallItem["status"] = "pending"): ClientToolCallItem {
  return {
    id,
    thread_id: "thr_1",
    created_at: "2026-05-01T10:00:00Z",
    type: "client_tool_call",
    status,
    call_id: `call_${id}`,
    name: `tool_${id}`,
    arguments: { city: "Zermatt" },
  };
}

const statusOf = (name: string) =>
  screen.getByRole("group", { name: `Tool call: ${name}` }).getAttribute("data-status");
const spinnerOf = (name: string) =>
  screen
    .getByRole("group", { name: `Tool call: ${name}` })
    .querySelector('[data-tk-part="spinner"]');

describe("ClientToolCall", () => {
  it("shows the call the client runs as in progress, from the thread's store", () => {
    const store = createThreadStore("thr_1", [call("a"), call("b")]);
    render(
      <ThreadRoot store={store} virtualize={false}>
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRoot>,
    );
    expect(statusOf("tool_a")).toBe("pending");
    expect(spinnerOf("tool_a")).toHaveAttribute("data-paused");

    act(() => store.getState().setRunningToolCall("a"));
    expect(statusOf("tool_a")).toBe("in_progress");
    expect(screen.getByRole("group", { name: "Tool call: tool_a" })).toHaveTextContent("Running");
    // The live indicator spins.
    expect(spinnerOf("tool_a")).not.toHaveAttribute("data-paused");
    expect(statusOf("tool_b")).toBe("pending");

    act(() => store.getState().setRunningToolCall(null));
    expect(statusOf("tool_a")).toBe("pending");
  });

  it("shows a completed call as completed even while its id is still marked running", () => {
    const store = createThreadStore("thr_1", [call("a", "completed")]);
    store.getState().setRunningToolCall("a");
    render(
      <ThreadRoot store={store} virtualize={false}>
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRoot>,
    );
    expect(statusOf("tool_a")).toBe("completed");
  });

  it("works from props alone: `running`, or pending outside a thread", () => {
    render(
      <>
        <ThreadItem item={call("a")} />
        <ClientToolCall item={call("b")} running />
      </>,
    );
    expect(statusOf("tool_a")).toBe("pending");
    expect(statusOf("tool_b")).toBe("in_progress");
  });

  it("toolCallStatus: streaming or running is in progress, output wins", () => {
    expect(toolCallStatus(call("a"), "done")).toBe("pending");
    expect(toolCallStatus(call("a"), "done", true)).toBe("in_progress");
    expect(toolCallStatus(call("a"), "streaming")).toBe("in_progress");
    expect(toolCallStatus(call("a", "completed"), "done", true)).toBe("completed");
  });
});
