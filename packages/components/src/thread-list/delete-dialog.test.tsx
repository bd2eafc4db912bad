import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThreadList } from "./thread-list";

// Counts how often the Radix alert dialog module is evaluated: the factory runs on first import.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("./delete-dialog", async (importOriginal) => {
  loads.count += 1;
  return importOriginal();
});

describe("the thread list's delete confirmation", () => {
  it("loads the Radix alert dialog on first interaction, not with the list", async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    render(
      <ThreadList
        threads={[
          {
            id: "t1",
            title: "Alpha",
            created_at: "2026-05-01T10:00:00Z",
            status: { type: "active" },
          },
        ]}
        onDelete={onDelete}
      />,
    );
    const trigger = screen.getByRole("button", { name: "Delete: Alpha" });
    // The plain trigger carries AlertDialog.Trigger's markup before any Radix code is loaded.
    expect(trigger.getAttribute("aria-haspopup")).toBe("dialog");
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(trigger.getAttribute("data-state")).toBe("closed");
    const controls = trigger.getAttribute("aria-controls");
    expect(controls).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads.count).toBe(0);

    // Hovering preloads the dialog without opening it.
    fireEvent.pointerEnter(trigger);
    await waitFor(() => expect(loads.count).toBe(1));
    expect(screen.queryByRole("alertdialog")).toBeNull();

    // Keyboard: Enter opens, Cancel closes and returns focus to the trigger.
    act(() => trigger.focus());
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("alertdialog", { name: "Delete conversation?" });
    expect(dialog.id).toBe(controls);
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect(trigger.getAttribute("data-state")).toBe("open");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(onDelete).not.toHaveBeenCalled();

    await user.click(trigger);
    const again = await screen.findByRole("alertdialog");
    await user.click(within(again).getByRole("button", { name: "Delete" }));
    expect(onDelete).toHaveBeenCalledWith("t1");
    expect(loads.count).toBe(1);
  });
});
