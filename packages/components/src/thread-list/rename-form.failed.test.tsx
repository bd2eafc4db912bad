import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ThreadMetadata } from "@threadkit/core";
import { vi } from "vitest";
import { ThreadList } from "./thread-list";

vi.mock("../internal/overlays", () => {
  throw new Error("chunk failed to load");
});

const THREADS: ThreadMetadata[] = [
  { id: "t1", title: "Alpha", created_at: "2026-05-01T10:00:00Z", status: { type: "active" } },
];

describe("the thread list's rename form failing to load", () => {
  it("says so and the entry stays as it was", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ThreadList threads={THREADS} onRename={() => {}} onSelect={onSelect} />);
    const rename = screen.getByRole("button", { name: "Rename: Alpha" });
    await user.click(rename);
    await waitFor(() =>
      expect(errors).toHaveBeenCalledWith(
        "threadkit: the thread list's rename form failed to load.",
        expect.anything(),
      ),
    );
    expect(rename).not.toHaveAttribute("aria-busy");
    expect(screen.queryByRole("textbox")).toBeNull();
    await user.click(screen.getByText("Alpha"));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith("t1");
    errors.mockRestore();
  });
});
