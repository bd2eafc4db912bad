import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import { expect } from "storybook/test";
import { webSearchTask, workflow } from "./_data";
import { Frame } from "./_frame";

/**
 * `workflow` (task group) and `task`: a Radix Collapsible with a custom or duration summary; it
 * honours `expanded` and shows tasks as they stream in. Task types: custom, thought, web search,
 * file, image.
 *
 * Parts: `[data-tk-part="workflow"][data-status][data-workflow-type]`,
 * `workflow-trigger[data-state]`, `task[data-task-type][data-status]`.
 */
const meta = {
  title: "Items/Workflow and tasks",
  component: ThreadItem,
  args: { item: workflow(false) },
  render: (args) => (
    <Frame>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Collapsed with a duration summary; a click expands the task group. */
export const ExpandTaskGroup: Story = {
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole("button", { name: "Thought for 14s" });
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByText("Understanding the request")).toBeVisible();
    await expect(canvas.getByText("zermatt weather july")).toBeVisible();
  },
};

/** `expanded: true` from the server. */
export const Expanded: Story = { args: { item: workflow(true) } };

/** Still streaming: live summary and a loading task. */
export const Streaming: Story = {
  args: { item: workflow(true, null, true), status: "streaming" },
};

/** A custom summary title. */
export const CustomSummary: Story = {
  args: { item: workflow(false, { title: "Checked 3 sources" }) },
};

/** A task shown on its own (web search with queries and sources). */
export const SingleTask: Story = { args: { item: webSearchTask } };

export const Dark: Story = {
  args: { item: workflow(true) },
  render: (args) => (
    <Frame scheme="dark">
      <ThreadItem {...args} />
    </Frame>
  ),
};

export const RightToLeft: Story = {
  args: { item: workflow(true, { duration: 75 }) },
  render: (args) => (
    <Frame locale="ar">
      <ThreadItem {...args} />
    </Frame>
  ),
};
