import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { Annotation } from "@threadkit/core";
import { assistant } from "../../test/helpers";
import { ThreadItem } from "../thread-item/thread-item";

// Counts how often the Radix tooltip module is evaluated: the factory runs on its first import.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("./source-preview", async (importOriginal) => {
  loads.count += 1;
  return importOriginal();
});

function citedReply(annotations: Annotation[]) {
  const item = assistant("a", "Your notes mention a visit in June.");
  item.content[0]!.annotations = annotations;
  return item;
}

describe("citation preview", () => {
  it("loads the Radix tooltip on first hover, not with the first render, and keeps the element", async () => {
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
    const listed = document.querySelector('[data-tk-part="source"]');
    expect(marker).toHaveAttribute("data-state", "closed");
    expect(marker).not.toHaveAttribute("aria-describedby");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads.count).toBe(0);
    expect(screen.queryByRole("tooltip")).toBeNull();

    // The hover that loads the module opens the preview once it has arrived, on the same element.
    fireEvent.pointerEnter(marker, { pointerType: "mouse" });
    await waitFor(() => expect(screen.getByRole("tooltip")).toHaveTextContent("Trip notes"));
    expect(loads.count).toBe(1);
    expect(screen.getByRole("link", { name: "Source 1: Trip notes" })).toBe(marker);
    expect(marker).toHaveAttribute("data-state", "delayed-open");
    expect(marker.getAttribute("aria-describedby")).toBeTruthy();
    // Loading the module remounts no trigger, not even the ones nobody touched.
    expect(document.querySelector('[data-tk-part="source"]')).toBe(listed);
    fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(marker).toHaveAttribute("data-state", "closed"));
    expect(loads.count).toBe(1);
  });
});
