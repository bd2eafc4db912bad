import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { StructuredInputItem } from "@threadkit/core";
import { StructuredInputView } from "./structured-input";

const question: StructuredInputItem = {
  id: "si_1",
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00Z",
  type: "structured_input",
  status: "pending",
  inputs: [{ type: "freeform", id: "notes", question: "Anything else?", answer: null }],
};

describe("StructuredInputView", () => {
  it("hands Submit and Skip over as submissions with their status", () => {
    const onSubmit = vi.fn();
    const { unmount } = render(<StructuredInputView item={question} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Bad knees" } });
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(onSubmit).toHaveBeenLastCalledWith(question, {
      status: "answered",
      answers: { notes: { values: ["Bad knees"], skipped: false } },
    });
    // Sent: locked until the item changes.
    expect(screen.getByRole("button", { name: "Skip" })).toBeDisabled();
    unmount();

    render(<StructuredInputView item={question} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole("button", { name: "Skip" }));
    expect(onSubmit).toHaveBeenLastCalledWith(question, {
      status: "skipped",
      answers: { notes: { values: [], skipped: true } },
    });
  });

  it("opens the form again with the answers kept when the submit promise rejects", async () => {
    let reject!: (error: Error) => void;
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((_resolve, fail) => {
          reject = fail;
        }),
    );
    render(<StructuredInputView item={question} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Bad knees" } });
    const submit = screen.getByRole("button", { name: "Submit" });
    fireEvent.click(submit);
    expect(submit).toBeDisabled();
    expect(screen.getByRole("form")).toHaveAttribute("data-submitted");

    reject(new Error("offline"));
    await waitFor(() => expect(submit).toBeEnabled());
    expect(screen.getByRole("form")).not.toHaveAttribute("data-submitted");
    expect(screen.getByRole("textbox")).toHaveValue("Bad knees");
    fireEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});
