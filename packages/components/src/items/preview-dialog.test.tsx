import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThreadUIProvider } from "../context";
import { AttachmentView } from "./user-message";

// Counts how often the Radix dialog module is evaluated: the factory runs on its first import.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("./preview-dialog-content", async (importOriginal) => {
  loads.count += 1;
  return importOriginal();
});

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("image preview dialog", () => {
  it("loads the Radix dialog on first interaction, not with the first render", async () => {
    const user = userEvent.setup();
    render(
      <ThreadUIProvider allowDataImages>
        <AttachmentView
          attachment={{
            type: "image",
            id: "a1",
            name: "sunset.png",
            mime_type: "image/png",
            preview_url: PNG,
          }}
        />
      </ThreadUIProvider>,
    );
    const trigger = screen.getByRole("button", { name: "Preview sunset.png" });
    // The plain trigger carries Dialog.Trigger's markup before any Radix code is loaded.
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
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "sunset.png" });
    expect(dialog.id).toBe(controls);
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect(trigger.getAttribute("data-state")).toBe("open");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(loads.count).toBe(1);
  });
});
