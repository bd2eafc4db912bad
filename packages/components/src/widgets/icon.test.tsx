import { render, screen } from "@testing-library/react";
import { WIDGET_ICON_NAMES } from "@threadkit/core";
import { vi } from "vitest";
import { hasWidgetIcon, registerWidgetIcons, WidgetIconGlyph } from "./icon";

// This file runs in its own module graph: the built-in icon chunk is not loaded when it starts.

function Acme({ size, ...props }: { size?: number | string | undefined }) {
  return <svg data-testid="acme" width={size} height={size} {...props} />;
}

describe("WidgetIconGlyph", () => {
  it("holds the place with an empty box of the same size until the icon chunk arrives", async () => {
    const { container } = render(<WidgetIconGlyph name="sparkle" size={20} />);
    const loading = container.querySelector('[data-tk-part="widget-icon-loading"]');
    expect(loading).not.toBeNull();
    expect(loading).toHaveAttribute("width", "20");
    expect(loading).toHaveAttribute("height", "20");
    expect(loading?.childElementCount).toBe(0);
    // The first import of the chunk transforms 64 modules in the test runner: allow it time.
    await vi.waitFor(() => expect(container.querySelector("svg.lucide-sparkle")).not.toBeNull(), {
      timeout: 15_000,
    });
    expect(container.querySelector("svg.lucide-sparkle")).toHaveAttribute("width", "20");
    expect(container.querySelector('[data-tk-part="widget-icon-loading"]')).toBeNull();
  });

  it("names exactly the icons the chunk draws", async () => {
    const { WIDGET_ICONS } = await import("./icon-set");
    expect([...WIDGET_ICON_NAMES].sort()).toEqual(Object.keys(WIDGET_ICONS).sort());
    expect(WIDGET_ICON_NAMES).toHaveLength(64);
  });

  it("draws a placeholder for names it has no icon for, lucide:* included", () => {
    for (const name of ["lucide:rocket", "vendor:acme", "upload"]) {
      const { container, unmount } = render(<WidgetIconGlyph name={name} size={16} />);
      expect(
        container.querySelector('[data-tk-part="widget-icon-placeholder"]'),
        name,
      ).toHaveAttribute("data-icon", name);
      expect(hasWidgetIcon(name), name).toBe(false);
      unmount();
    }
  });

  it("draws an app's icon registered by name, and forgets it when removed", () => {
    const remove = registerWidgetIcons({ "acme:logo": Acme });
    expect(hasWidgetIcon("acme:logo")).toBe(true);
    const first = render(<WidgetIconGlyph name="acme:logo" size={18} part="x-icon" />);
    expect(screen.getByTestId("acme")).toHaveAttribute("width", "18");
    expect(screen.getByTestId("acme")).toHaveAttribute("data-tk-part", "x-icon");
    first.unmount();
    remove();
    expect(hasWidgetIcon("acme:logo")).toBe(false);
    const { container } = render(<WidgetIconGlyph name="acme:logo" size={18} />);
    expect(container.querySelector('[data-tk-part="widget-icon-placeholder"]')).not.toBeNull();
  });

  it("loads a registered lucide icon on first use", async () => {
    const load = vi.fn(() => import("lucide-react/icons/rocket"));
    const remove = registerWidgetIcons({ "lucide:rocket": { load } });
    try {
      expect(load).not.toHaveBeenCalled();
      const { container } = render(<WidgetIconGlyph name="lucide:rocket" size={16} />);
      expect(container.querySelector('[data-tk-part="widget-icon-loading"]')).not.toBeNull();
      await vi.waitFor(() => expect(container.querySelector("svg.lucide-rocket")).not.toBeNull());
      render(<WidgetIconGlyph name="lucide:rocket" size={16} />);
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      remove();
    }
  });

  it("asks a resolver for names no map lists", () => {
    const remove = registerWidgetIcons((name) => (name.startsWith("acme:") ? Acme : undefined));
    try {
      expect(hasWidgetIcon("acme:anything")).toBe(true);
      expect(hasWidgetIcon("other:thing")).toBe(false);
      render(<WidgetIconGlyph name="acme:anything" size={12} />);
      expect(screen.getByTestId("acme")).toHaveAttribute("width", "12");
    } finally {
      remove();
    }
  });

  it("falls back to the placeholder and reports an icon that fails to load", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const remove = registerWidgetIcons({
      "acme:broken": { load: () => Promise.reject(new Error("offline")) },
    });
    try {
      const { container } = render(<WidgetIconGlyph name="acme:broken" size={16} />);
      await vi.waitFor(() =>
        expect(container.querySelector('[data-tk-part="widget-icon-placeholder"]')).not.toBeNull(),
      );
      expect(error).toHaveBeenCalledWith(
        '[threadkit] icon "acme:broken" failed to load',
        expect.any(Error),
      );
    } finally {
      remove();
      error.mockRestore();
    }
  });
});
