import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ComposerInput, ComposerRoot, ComposerSubmit } from "./composer";
import { ComposerMentionButton, ComposerMentions } from "./composer-mentions";

// The tag features' chunk arrives when the test says so.
const chunk = vi.hoisted(() => {
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { loads: 0, arrived, release: () => release() };
});
vi.mock("./composer-tags", async (importOriginal) => {
  chunk.loads += 1;
  await chunk.arrived;
  return importOriginal();
});

const input = () => screen.getByRole("textbox");

describe("the composer's tag features, loaded on demand", () => {
  it("are not loaded by a composer without tags or searches", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <ComposerRoot onSubmit={onSubmit}>
        <ComposerInput />
        <ComposerSubmit />
      </ComposerRoot>,
    );
    await user.type(input(), "Hi @Eve{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Hi @Eve",
      attachments: [],
      tags: [],
    });
    expect(chunk.loads).toBe(0);
  });

  it("show the @ button at once, and open the list for what was typed once they arrive", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onTagSearch = vi.fn(async () => [{ id: "e1", title: "Eve" }]);
    render(
      <ComposerRoot onSubmit={onSubmit} onTagSearch={onTagSearch}>
        <ComposerMentions />
        <ComposerMentionButton />
        <ComposerInput />
      </ComposerRoot>,
    );
    // Before the code: the button and the autocomplete's markup are there from the first paint.
    expect(screen.getByRole("button", { name: "Mention" })).toBeInTheDocument();
    expect(input().getAttribute("aria-autocomplete")).toBe("list");
    await vi.waitFor(() => expect(chunk.loads).toBe(1));
    await user.type(input(), "Hi @E");
    expect(input()).toHaveValue("Hi @E");
    expect(onTagSearch).not.toHaveBeenCalled();
    await act(async () => chunk.release());
    await screen.findByRole("option", { name: "Eve" });
    expect(onTagSearch).toHaveBeenLastCalledWith("E");
    await user.keyboard("{Enter}");
    expect(input()).toHaveValue("Hi @Eve ");
    // The picked tag is drawn as a token.
    expect(document.querySelector('[data-tk-part="composer-token"]')?.textContent).toBe("@Eve");
    await user.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Hi @Eve",
      attachments: [],
      tags: [{ id: "e1", title: "Eve" }],
    });
  });
});
