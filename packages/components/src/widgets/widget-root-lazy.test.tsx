import { render, screen } from "@testing-library/react";
import { vi } from "vitest";
import { WidgetRootView } from "./widget-root";

// Its own module graph: the widget catalogue is not loaded when this file starts.

describe("Widget.Root before the catalogue has loaded", () => {
  it("keeps the root element, its class and style, then renders the widget", async () => {
    const { container } = render(
      <WidgetRootView
        className="my-widget"
        style={{ minHeight: 40 }}
        widget={{ type: "Card", children: [{ type: "Text", value: "Hello from a card" }] }}
      />,
    );
    const shell = container.querySelector('[data-tk-part="widget"]');
    expect(shell).toHaveAttribute("data-loading", "");
    expect(shell).toHaveClass("my-widget");
    expect(shell).toHaveStyle({ minHeight: "40px" });
    expect(screen.queryByText("Hello from a card")).toBeNull();
    // The first import transforms the whole catalogue in the test runner: allow it time.
    await vi.waitFor(() => expect(screen.getByText("Hello from a card")).toBeInTheDocument(), {
      timeout: 15_000,
    });
    const root = container.querySelector('[data-tk-part="widget"]');
    expect(root).toHaveAttribute("data-widget-type", "Card");
    expect(root).not.toHaveAttribute("data-loading");
    expect(root).toHaveClass("my-widget");
  });
});
