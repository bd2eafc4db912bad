import { act, fireEvent, render, screen } from "@testing-library/react";
import type { UserMessageItem } from "@threadkit/core";
import { vi } from "vitest";
import { ThreadUIProvider } from "../context";
import { UserMessage } from "./user-message";

const item: UserMessageItem = {
  id: "u1",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  type: "user_message",
  content: [
    { type: "input_text", text: "Ask " },
    { type: "input_tag", id: "ada", text: "Ada", data: {}, interactive: true },
    { type: "input_text", text: " about it" },
  ],
  attachments: [],
  inference_options: {},
} as UserMessageItem;

// Runs first in its own file, so the preview tooltip's code has not loaded yet.
describe("input tags of a user message", () => {
  it("load their preview tooltip on the first hover, then show it, once per tag", async () => {
    const onEntityPreview = vi.fn(() => Promise.resolve("Ada Lovelace, analyst"));
    render(
      <ThreadUIProvider onEntityPreview={onEntityPreview}>
        <UserMessage item={item} />
      </ThreadUIProvider>,
    );
    const tag = screen.getByRole("button", { name: "Ada" });
    expect(tag).toHaveAttribute("data-interactive", "");
    expect(tag).not.toHaveAttribute("aria-describedby");
    fireEvent.mouseEnter(tag);
    const tooltip = await screen.findByRole("tooltip");
    expect(tooltip).toHaveAttribute("data-tk-part", "input-tag-preview");
    expect(await screen.findByText("Ada Lovelace, analyst")).toBeInTheDocument();
    expect(tag).toHaveAttribute("aria-describedby", tooltip.id);
    expect(onEntityPreview).toHaveBeenCalledWith(
      expect.objectContaining({ type: "entity", id: "ada", title: "Ada", interactive: true }),
    );
    fireEvent.mouseLeave(tag);
    expect(screen.queryByRole("tooltip")).toBeNull();
    expect(tag).not.toHaveAttribute("aria-describedby");
    // Focus shows it again from the kept answer; Escape hides it.
    act(() => tag.focus());
    expect(screen.getByRole("tooltip")).toHaveTextContent("Ada Lovelace, analyst");
    fireEvent.keyDown(tag, { key: "Escape" });
    expect(screen.queryByRole("tooltip")).toBeNull();
    expect(onEntityPreview).toHaveBeenCalledTimes(1);
  });

  it("say when a preview fails", async () => {
    render(
      <ThreadUIProvider onEntityPreview={() => Promise.reject(new Error("offline"))}>
        <UserMessage item={item} />
      </ThreadUIProvider>,
    );
    fireEvent.mouseEnter(screen.getByRole("button", { name: "Ada" }));
    expect(await screen.findByRole("tooltip")).toHaveTextContent("offline");
  });

  it("are plain text without entity callbacks, and a button that clicks through with one", () => {
    const { unmount } = render(<UserMessage item={item} />);
    expect(screen.queryByRole("button")).toBeNull();
    expect(document.querySelector('[data-tk-part="input-tag"]')).toHaveTextContent("Ada");
    unmount();
    const onEntityClick = vi.fn();
    render(
      <ThreadUIProvider onEntityClick={onEntityClick}>
        <UserMessage item={item} />
      </ThreadUIProvider>,
    );
    const tag = screen.getByRole("button", { name: "Ada" });
    fireEvent.mouseEnter(tag);
    expect(screen.queryByRole("tooltip")).toBeNull();
    fireEvent.click(tag);
    expect(onEntityClick).toHaveBeenCalledWith(expect.objectContaining({ id: "ada" }));
  });
});
