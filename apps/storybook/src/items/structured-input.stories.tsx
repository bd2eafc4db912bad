import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import { expect, fn } from "storybook/test";
import { structured } from "./_data";
import { Frame } from "./_frame";

const onSubmit = fn();

/**
 * `structured_input`: multiple-choice and free-text questions answered through
 * `onStructuredInputSubmit`. Answered and skipped items show the answers read-only.
 *
 * Parts: `[data-tk-part="structured-input"][data-status]`, `structured-option[data-checked]`.
 */
const meta = {
  title: "Items/Structured input",
  component: ThreadItem,
  args: { item: structured("pending") },
  render: (args) => (
    <Frame onStructuredInputSubmit={onSubmit}>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Pending: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole("radio", { name: "Moderate" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Anything else I should know?" }),
      "Bad knees",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(onSubmit).toHaveBeenCalledWith(args.item, {
      pace: { values: ["Moderate"], skipped: false },
      notes: { values: ["Bad knees"], skipped: false },
    });
  },
};

export const Answered: Story = { args: { item: structured("answered") } };
export const Skipped: Story = { args: { item: structured("skipped") } };

export const Dark: Story = {
  render: (args) => (
    <Frame scheme="dark" onStructuredInputSubmit={fn()}>
      <ThreadItem {...args} />
    </Frame>
  ),
};
