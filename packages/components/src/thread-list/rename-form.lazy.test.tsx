import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ThreadMetadata } from "@threadkit/core";
import { vi } from "vitest";
import { ThreadList } from "./thread-list";

// The overlays' chunk (delete dialog and rename form) arrives when the test says so.
const chunk = vi.hoisted(() => {
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { loads: 0, arrived, release: () => release() };
});
vi.mock("../internal/overlays", async (importOriginal) => {
  chunk.loads += 1;
  await chunk.arrived;
  return importOriginal();
});

const THREADS: ThreadMetadata[] = [
  { id: "t1", title: "Alpha", created_at: "2026-05-01T10:00:00Z", status: { type: "active" } },
];

describe("the thread list's rename form, loaded on first use", () => {
  it("is not loaded at first paint; the entry stays until it arrives, then it renames", async () => {
    const user = userEvent.setup();
    const onRename = vi.fn();
    render(<ThreadList threads={THREADS} onRename={onRename} />);
    expect(chunk.loads).toBe(0);
    const rename = screen.getByRole("button", { name: "Rename: Alpha" });
    await user.click(rename);
    await vi.waitFor(() => expect(chunk.loads).toBe(1));
    // Pending: the entry is as it was, its rename button busy.
    expect(screen.getByText("Alpha")).toBeInTheDocument();
    expect(rename).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByRole("textbox")).toBeNull();
    await act(async () => chunk.release());
    const input = await screen.findByRole("textbox", { name: "Conversation title" });
    expect(input).toHaveValue("Alpha");
    await user.clear(input);
    await user.type(input, "Renamed{Enter}");
    expect(onRename).toHaveBeenCalledExactlyOnceWith("t1", "Renamed");
  });
});
