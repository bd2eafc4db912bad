import { fireEvent, render, screen } from "@testing-library/react";
import type { Annotation } from "@threadkit/core";
import { vi } from "vitest";
import { assistant } from "../../test/helpers";
import { ThreadUIProvider } from "../context";
import { ThreadItem } from "../thread-item/thread-item";

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

  it("makes the marker a tooltip trigger: Radix state and handlers reach the element", () => {
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
    expect(marker).toHaveAttribute("data-state", "instant-open");
    expect(screen.getByRole("tooltip")).toHaveTextContent("Trip notes");
  });
});
