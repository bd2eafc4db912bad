import type { Meta, StoryObj } from "@storybook/react-vite";
import { UnknownItem } from "@threadkit/components";
import { expect } from "storybook/test";

const meta = {
  title: "Items/Unknown item",
  component: UnknownItem,
  args: {
    item: {
      type: "unknown",
      original_type: "hologram",
      id: "itm_1",
      thread_id: "thr_1",
      created_at: "2026-05-01T10:00:00",
      raw: { type: "hologram", frames: 24 },
    },
  },
} satisfies Meta<typeof UnknownItem>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An item type from a newer server: named, with its raw JSON one click away. */
export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole("note")).toHaveTextContent("hologram");
    await userEvent.click(canvas.getByText("Show raw data"));
    await expect(canvas.getByText(/"frames": 24/)).toBeVisible();
  },
};
