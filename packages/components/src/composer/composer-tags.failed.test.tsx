import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ComposerInput, ComposerRoot } from "./composer";

vi.mock("./composer-tags", () => {
  throw new Error("chunk failed to load");
});

describe("the composer's tag features failing to load", () => {
  it("says so and loses nothing: the text stays and still sends", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <ComposerRoot onSubmit={onSubmit} onTagSearch={async () => [{ id: "e1", title: "Eve" }]}>
        <ComposerInput />
      </ComposerRoot>,
    );
    await waitFor(() =>
      expect(errors).toHaveBeenCalledWith(
        "threadkit: the composer's @-mentions and tag tokens failed to load.",
        expect.anything(),
      ),
    );
    await user.type(screen.getByRole("textbox"), "Hi @Eve");
    expect(screen.getByRole("textbox")).toHaveValue("Hi @Eve");
    await user.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Hi @Eve",
      attachments: [],
      tags: [],
    });
    errors.mockRestore();
  });
});
