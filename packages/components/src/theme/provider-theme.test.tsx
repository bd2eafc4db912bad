import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ThreadMetadata } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { ComposerRoot } from "../composer/composer";
import { ThreadUIProvider } from "../context";
import { ThreadRoot } from "../thread/thread";
import { ThreadList } from "../thread-list/thread-list";
import { createTheme } from "./create-theme";

const THREADS: ThreadMetadata[] = [
  { id: "t1", title: "Alpha", created_at: "2026-05-01T10:00:00Z", status: { type: "active" } },
];
const theme = createTheme({ colorScheme: "dark", color: { accent: { primary: "#8b5cf6" } } });

describe("a theme on ThreadUIProvider", () => {
  it("reaches the thread, its sibling composer and the history", () => {
    const { container } = render(
      <ThreadUIProvider theme={theme}>
        <ThreadList threads={THREADS} />
        <ThreadRoot items={[]} />
        <ComposerRoot />
      </ThreadUIProvider>,
    );
    for (const part of ["thread", "composer", "thread-list"]) {
      const element = container.querySelector<HTMLElement>(`[data-tk-part="${part}"]`);
      expect(element, part).not.toBeNull();
      expect(element?.getAttribute("data-tk-theme"), part).toBe("dark");
      expect(element?.style.getPropertyValue("--tk-color-accent"), part).toBe(
        theme.vars["--tk-color-accent"],
      );
    }
  });

  it("reaches dialogs portalled into document.body", async () => {
    const user = userEvent.setup();
    render(
      <ThreadUIProvider theme={theme}>
        <ThreadList threads={THREADS} onDelete={async () => {}} />
      </ThreadUIProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Delete: Alpha" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.closest("[data-tk-part='thread-list']")).toBeNull();
    expect(dialog.getAttribute("data-tk-theme")).toBe("dark");
    expect(dialog.style.getPropertyValue("--tk-color-accent")).toBe(
      theme.vars["--tk-color-accent"],
    );
  });

  it("lets a part's own theme and style win", () => {
    const { container } = render(
      <ThreadUIProvider theme="dark">
        <ThreadRoot items={[]} theme="light" />
        <ComposerRoot style={{ ["--tk-color-accent" as string]: "red" }} />
      </ThreadUIProvider>,
    );
    const thread = container.querySelector('[data-tk-part="thread"]');
    expect(thread?.getAttribute("data-tk-theme")).toBe("light");
    const composer = container.querySelector<HTMLElement>('[data-tk-part="composer"]');
    expect(composer?.getAttribute("data-tk-theme")).toBe("dark");
    expect(composer?.style.getPropertyValue("--tk-color-accent")).toBe("red");
  });

  it("adds nothing without a theme", () => {
    const { container } = render(<ComposerRoot />);
    expect(
      container.querySelector('[data-tk-part="composer"]')?.hasAttribute("data-tk-theme"),
    ).toBe(false);
  });
});
