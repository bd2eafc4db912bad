import { render, screen } from "@testing-library/react";
import type {
  ClientToolCallItem,
  ThreadItem as ThreadItemData,
  WorkflowItem,
} from "@threadkit/core";
import { ThreadUIProvider } from "../context";
import { ThreadItem } from "./thread-item";

// Runs first in its own file, so the rarer renderers' chunk has not loaded yet.
const tool: ClientToolCallItem = {
  id: "t1",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  type: "client_tool_call",
  status: "pending",
  call_id: "c1",
  name: "get_weather",
  arguments: { city: "Zermatt" },
};
const workflow: WorkflowItem = {
  id: "w1",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  type: "workflow",
  workflow: { type: "custom", tasks: [], summary: { title: "Booked" } },
};

const hologram = {
  id: "h1",
  thread_id: "thr",
  created_at: "2026-05-01T10:00:00Z",
  type: "hologram",
} as unknown as ThreadItemData;

function Custom({ item }: { item: ThreadItemData }) {
  return <p>custom {item.id}</p>;
}

describe("the rarer item renderers", () => {
  it("hold the item's place silently, then render once their chunk arrives", async () => {
    const { container } = render(
      <>
        <ThreadItem item={tool} />
        <ThreadItem item={hologram} />
      </>,
    );
    const placeholders = container.querySelectorAll('[data-tk-part="item-placeholder"]');
    expect([...placeholders].map((p) => p.getAttribute("data-item-type"))).toEqual([
      "client_tool_call",
      "unknown",
    ]);
    for (const placeholder of placeholders) {
      expect(placeholder).toHaveAttribute("aria-busy", "true");
      expect(placeholder).toHaveTextContent("");
      expect(placeholder.getAttribute("role")).toBeNull();
    }
    expect(
      await screen.findByRole("group", { name: "Tool call: get_weather" }),
    ).toBeInTheDocument();
    // An item type this version does not know loads its fallback with them.
    expect(screen.getByRole("note")).toHaveTextContent("Unsupported item type hologram");
    expect(container.querySelector('[data-tk-part="item-placeholder"]')).toBeNull();
    // Loaded once: the next rare item renders at once.
    render(<ThreadItem item={workflow} />);
    expect(screen.getByRole("button", { name: "Booked" })).toBeInTheDocument();
  });

  it("leave an app's own renderer for the type untouched", () => {
    render(
      <ThreadUIProvider renderers={{ workflow: Custom }}>
        <ThreadItem item={{ ...workflow, id: "w2" }} />
      </ThreadUIProvider>,
    );
    expect(screen.getByText("custom w2")).toBeInTheDocument();
  });
});
