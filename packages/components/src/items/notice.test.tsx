import { render } from "@testing-library/react";
import { preloadWidgetIcons } from "../widgets/icon";
import { ProgressUpdate } from "./notice";

// Icons load as one lazy chunk; these tests look at the drawn icons.
beforeAll(() => preloadWidgetIcons());

function glyph(container: HTMLElement) {
  return container.querySelector('[data-tk-part="progress-update"] svg');
}

describe("ProgressUpdate", () => {
  it("draws the named icon instead of the spinner", () => {
    const { container, getByRole } = render(
      <ProgressUpdate text="Searching flights" icon="search" />,
    );
    expect(glyph(container)).toHaveClass("lucide-search");
    expect(container.querySelector('[data-tk-part="spinner"]')).toBeNull();
    expect(getByRole("status")).toHaveTextContent("Searching flights");
  });

  it("keeps the spinner without an icon and for names it cannot draw", () => {
    for (const icon of [undefined, null, "vendor:acme", "upload"]) {
      const { container, unmount } = render(<ProgressUpdate text="Working" icon={icon} />);
      expect(glyph(container), String(icon)).toHaveAttribute("data-tk-part", "spinner");
      unmount();
    }
  });
});
