import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { Annotation } from "@threadkit/core";
import { vi } from "vitest";
import { assistant } from "../../test/helpers";
import { ThreadUIProvider } from "../context";
import { ThreadItem } from "../thread-item/thread-item";
import { preloadWidgetIcons } from "../widgets/icon";

// Icons load as one lazy chunk; these tests look at the drawn icons.
beforeAll(() => preloadWidgetIcons());

const entity = {
  type: "entity",
  id: "ent_trip",
  title: "Trip: Paris, June",
  label: "Calendar",
  interactive: true,
} as const;

function citedReply(annotations: Annotation[]) {
  const item = assistant("a", "Your notes mention a visit in June.");
  item.content[0]!.annotations = annotations;
  return item;
}

describe("citations", () => {
  it("calls onEntityClick with the source when an interactive entity source is clicked", () => {
    const onEntityClick = vi.fn();
    render(
      <ThreadUIProvider onEntityClick={onEntityClick}>
        <ThreadItem item={citedReply([{ type: "annotation", index: null, source: entity }])} />
      </ThreadUIProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: /Trip: Paris, June/ }));
    expect(onEntityClick).toHaveBeenCalledTimes(1);
    expect(onEntityClick).toHaveBeenCalledWith(entity);
  });

  it("renders an interactive entity as a static label when the app has no onEntityClick", () => {
    render(<ThreadItem item={citedReply([{ type: "annotation", index: null, source: entity }])} />);
    expect(screen.getByRole("button", { name: /Trip: Paris, June/ })).toHaveAttribute(
      "data-static",
      "",
    );
  });

  it("makes the marker a tooltip trigger: Radix state and handlers reach the element", async () => {
    render(
      <ThreadItem
        item={citedReply([
          {
            type: "annotation",
            index: 34,
            source: { type: "url", url: "https://a.example/p", title: "Trip notes" },
          },
        ])}
      />,
    );
    const marker = screen.getByRole("link", { name: "Source 1: Trip notes" });
    expect(marker).toHaveAttribute("data-state", "closed");
    fireEvent.focus(marker);
    // The tooltip module loads on first focus; the same element then becomes the trigger.
    await waitFor(() => expect(marker).toHaveAttribute("data-state", "instant-open"));
    expect(screen.getByRole("tooltip")).toHaveTextContent("Trip notes");
  });

  it("shows an entity source's inline_label in its marker instead of the number", () => {
    const { container } = render(
      <ThreadItem
        item={citedReply([
          {
            type: "annotation",
            index: 34,
            source: { ...entity, icon: "calendar", inline_label: "Paris trip" },
          },
        ])}
      />,
    );
    const marker = container.querySelector('[data-tk-part="citation"]');
    expect(marker).toHaveTextContent("Paris trip");
    expect(marker).not.toHaveTextContent("1");
    expect(marker).toHaveAttribute("data-inline", "label");
    // The visible label is part of the accessible name.
    expect(marker?.getAttribute("aria-label")).toContain("Paris trip");
    expect(marker?.getAttribute("aria-label")).toContain("Trip: Paris, June");
  });

  it("draws an entity source's icon in its marker when it has no inline_label", () => {
    const { container } = render(
      <ThreadItem
        item={citedReply([
          { type: "annotation", index: 34, source: { ...entity, icon: "calendar" } },
        ])}
      />,
    );
    const marker = container.querySelector('[data-tk-part="citation"]');
    expect(marker).toHaveAttribute("data-inline", "icon");
    expect(marker?.querySelector("svg")).toHaveClass("lucide-calendar");
    expect(marker).not.toHaveTextContent("1");
    expect(marker).toHaveAttribute("aria-label", "Source 1: Trip: Paris, June");
  });

  it("keeps the number for entities without a drawable icon or inline_label, and other sources", () => {
    const { container } = render(
      <ThreadItem
        item={citedReply([
          { type: "annotation", index: 10, source: { ...entity, icon: "vendor:acme" } },
          {
            type: "annotation",
            index: 34,
            source: { type: "url", url: "https://a.example/p", title: "Trip notes" },
          },
        ])}
      />,
    );
    const markers = container.querySelectorAll('[data-tk-part="citation"]');
    expect([...markers].map((m) => m.textContent)).toEqual(["1", "2"]);
  });

  it("uses an entity source's icon in the source list", () => {
    const { container } = render(
      <ThreadItem
        item={citedReply([
          { type: "annotation", index: null, source: { ...entity, icon: "map-pin" } },
        ])}
      />,
    );
    const source = container.querySelector('[data-tk-part="source"][data-source-type="entity"]');
    expect(source?.querySelector("svg")).toHaveClass("lucide-map-pin");
    expect(source?.querySelector("svg")).not.toHaveClass("lucide-box");
  });
});
