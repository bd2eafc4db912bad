import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ComponentProps, useState } from "react";
import { vi } from "vitest";
import {
  type ComposerAttachment,
  ComposerAttachments,
  ComposerInput,
  ComposerRoot,
  ComposerSubmit,
} from "./composer";
import { ComposerRejections } from "./composer-rejections";

// The attachment lists' chunk arrives when the test says so, or fails to.
const chunk = vi.hoisted(() => {
  let settle: (ok: boolean) => void = () => {};
  const arrived = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  return { loads: 0, arrived, settle: (ok: boolean) => settle(ok) };
});
vi.mock("./composer-attachment-lists", async (importOriginal) => {
  chunk.loads += 1;
  if (!(await chunk.arrived)) throw new Error("chunk failed to load");
  return importOriginal();
});

const file = (name: string) => new File(["x"], name, { type: "text/plain" });

/** A composer that keeps its attachments in state, as an app does. */
function Attaching(props: Partial<ComponentProps<typeof ComposerRoot>>) {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  return (
    <ComposerRoot
      attachments={attachments}
      onAddFiles={(files) =>
        setAttachments((current) => [
          ...current,
          ...files.map((f) => ({ id: f.name, name: f.name, mimeType: f.type })),
        ])
      }
      onRemoveAttachment={(id) => setAttachments((current) => current.filter((a) => a.id !== id))}
      limits={{ maxFiles: 1 }}
      {...props}
    >
      <ComposerAttachments />
      <ComposerRejections />
      <ComposerInput />
      <ComposerSubmit />
    </ComposerRoot>
  );
}

describe("the composer's attachment lists, loaded on demand", () => {
  it("are not loaded by a composer that takes no files", async () => {
    const user = userEvent.setup();
    render(
      <ComposerRoot onSubmit={() => {}}>
        <ComposerAttachments />
        <ComposerRejections />
        <ComposerInput />
      </ComposerRoot>,
    );
    await user.type(screen.getByRole("textbox"), "Hi");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunk.loads).toBe(0);
  });

  it("start loading on idle once the composer takes files; until then files show by name, and nothing is lost", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Attaching onSubmit={onSubmit} />);
    // Nothing to show at first paint: no list, and the live region for refusals is there.
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    await vi.waitFor(() => expect(chunk.loads).toBe(1));
    await user.type(screen.getByRole("textbox"), "Draft");
    pasteFiles(screen.getByRole("textbox"), [file("a.txt"), file("b.txt")]);
    // Pending: the accepted file by name, the refused one by name.
    const list = await screen.findByRole("list", { name: "Attachments" });
    expect(list).toHaveAttribute("aria-busy", "true");
    expect(within(list).getByText("a.txt")).toBeInTheDocument();
    expect(within(screen.getByRole("status")).getByText("b.txt")).toBeInTheDocument();
    // The chunk fails: it says so, the draft and the attachment stay, and it still sends.
    await act(async () => chunk.settle(false));
    await vi.waitFor(() =>
      expect(errors).toHaveBeenCalledWith(
        "threadkit: the composer's attachment list failed to load.",
        expect.anything(),
      ),
    );
    expect(screen.getByRole("textbox")).toHaveValue("Draft");
    expect(within(list).getByText("a.txt")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Send message" }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Draft",
      attachments: [{ id: "a.txt", name: "a.txt", mimeType: "text/plain" }],
      tags: [],
    });
    errors.mockRestore();
  });
});

function pasteFiles(target: HTMLElement, files: File[]) {
  act(() => {
    const event = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "clipboardData", { value: { files, types: ["Files"] } });
    target.dispatchEvent(event);
  });
}
