import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import { expect } from "storybook/test";
import { GENERATED, image } from "./_data";
import { Frame } from "./_frame";

/**
 * `generated_image`: a placeholder with progress while generating, then the image (URL
 * allow-listed; `data:` images only with `allowDataImages`).
 *
 * Parts: `[data-tk-part="generated-image"][data-status]`, `generated-image-placeholder`.
 */
const meta = {
  title: "Items/Generated image",
  component: ThreadItem,
  args: { item: image(null), status: "streaming", progress: 0.45 },
  render: (args) => (
    <Frame allowDataImages>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Generating: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "45");
  },
};

export const Done: Story = { args: { item: image(GENERATED), status: "done" } };

/** A `javascript:` (or unconfigured `data:`) URL is blocked with a visible note. */
export const Blocked: Story = {
  args: { item: image("javascript:alert(1)"), status: "done" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
  },
};

export const Dark: Story = {
  render: (args) => (
    <Frame scheme="dark" allowDataImages>
      <ThreadItem {...args} />
    </Frame>
  ),
};
