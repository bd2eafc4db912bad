import type { Meta, StoryObj } from "@storybook/react-vite";
import { ItemPlaceholder, type LazyItemType, ThreadItem } from "@threadkit/components";
import type { ThreadItem as ThreadItemData } from "@threadkit/core";
import { expect } from "storybook/test";
import { Frame } from "./_frame";

const base = { thread_id: "thr", created_at: "2026-05-01T10:00:00Z" };

const items: Partial<Record<LazyItemType, ThreadItemData>> = {
  workflow: {
    ...base,
    id: "w1",
    type: "workflow",
    workflow: { type: "reasoning", tasks: [], summary: { duration: 14 } },
  },
  client_tool_call: {
    ...base,
    id: "c1",
    type: "client_tool_call",
    status: "pending",
    call_id: "call_1",
    name: "get_weather",
    arguments: { city: "Zermatt" },
  },
  task: {
    ...base,
    id: "t1",
    type: "task",
    task: { type: "web_search", title: "Searched the web", status_indicator: "complete" },
  },
};

const types = Object.keys(items) as LazyItemType[];

/**
 * The rarer item types (task, workflow, structured input, client tool call, generated image) load
 * their renderer on first sight, as one chunk; `preloadItemRenderers()` loads it earlier. Until it
 * arrives the item shows `ItemPlaceholder`: empty, `aria-busy`, never announced, as tall as the
 * renderer's usual first state (`--tk-item-placeholder-height`), so the row barely moves.
 *
 * Parts: `[data-tk-part="item-placeholder"][data-item-type][aria-busy="true"]`.
 */
const meta = {
  title: "Items/Loading placeholder",
  component: ItemPlaceholder,
  args: { type: "workflow" },
  render: () => (
    <Frame>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
        {types.map((type) => (
          <div key={type} style={{ display: "contents" }}>
            <div data-testid={`placeholder-${type}`}>
              <ItemPlaceholder type={type} style={{ outline: "1px dashed currentColor" }} />
            </div>
            <div data-testid={`item-${type}`}>
              <ThreadItem item={items[type] as ThreadItemData} />
            </div>
          </div>
        ))}
      </div>
    </Frame>
  ),
} satisfies Meta<typeof ItemPlaceholder>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Each placeholder (left, outlined) beside its item (right), which renders once the chunk has
 * loaded: the placeholder is silent and as tall as the collapsed item.
 */
export const BesideTheLoadedItem: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole("button", { name: "Thought for 14s" })).toBeVisible();
    await expect(await canvas.findByRole("group", { name: /get_weather/ })).toBeInTheDocument();
    await expect(await canvas.findByText("Searched the web")).toBeVisible();
    for (const type of types) {
      const placeholder = canvasElement.querySelector(
        `[data-testid="placeholder-${type}"] [data-tk-part="item-placeholder"]`,
      ) as HTMLElement;
      await expect(placeholder).toHaveAttribute("aria-busy", "true");
      await expect(placeholder).toHaveTextContent("");
      const item = canvasElement.querySelector(
        `[data-testid="item-${type}"] [data-tk-part="thread-item"]`,
      ) as HTMLElement;
      const held = placeholder.getBoundingClientRect().height;
      const shown = item.getBoundingClientRect().height;
      await expect(Math.abs(held - shown), type).toBeLessThanOrEqual(2);
    }
  },
};
