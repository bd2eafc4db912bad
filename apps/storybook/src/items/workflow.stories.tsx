import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThreadItem } from "@threadkit/components";
import type { Task, TaskItem, WorkflowItem } from "@threadkit/core";
import { expect } from "storybook/test";
import { webSearchTask, workflow } from "./_data";
import { Frame } from "./_frame";

/**
 * `workflow` (task group) and `task`: a Radix Collapsible with a custom or duration summary; it
 * honours `expanded` and shows tasks as they stream in. Task types: custom, thought, web search,
 * file, image.
 *
 * Parts: `[data-tk-part="workflow"][data-status][data-workflow-type]`,
 * `workflow-trigger[data-state]`, `workflow-icon[data-icon]`, `task[data-task-type][data-status]`,
 * `task-icon[data-icon]`.
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

function taskItem(id: string, task: Task): TaskItem {
  return { id, thread_id: "thr_demo", created_at: "2026-05-01T10:00:00Z", type: "task", task };
}

/** Image tasks (task type `image`): while the image is created, and done. */
export const ImageTask: Story = {
  render: () => (
    <Frame>
      <ThreadItem
        item={taskItem("task_img_1", { type: "image", status_indicator: "loading" })}
        status="streaming"
      />
      <ThreadItem
        item={taskItem("task_img_2", {
          type: "image",
          title: "Drew a trail map",
          status_indicator: "complete",
        })}
      />
      <ThreadItem item={taskItem("task_img_3", { type: "image", title: "Sketched the hut" })} />
    </Frame>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText("Creating image")).toBeVisible();
    await expect(canvas.getByText("Drew a trail map")).toBeVisible();
    const tasks = canvasElement.querySelectorAll("[data-tk-part='task'][data-task-type='image']");
    await expect(tasks).toHaveLength(3);
    await expect(tasks[0]).toHaveAttribute("data-status", "loading");
    await expect(tasks[2]?.querySelector("svg")).toHaveClass("lucide-image");
  },
};

const customWorkflow: WorkflowItem = {
  id: "wf_icons",
  thread_id: "thr_demo",
  created_at: "2026-05-01T10:00:00Z",
  type: "workflow",
  workflow: {
    type: "custom",
    expanded: true,
    summary: { title: "Planned the trip", icon: "calendar" },
    tasks: [
      { type: "custom", title: "Checked hut availability", icon: "map-pin" },
      { type: "custom", title: "Compared train times", icon: "clock" },
      { type: "custom", title: "Read the trail report", icon: "document", content: "Open." },
      { type: "custom", title: "A task without an icon" },
    ],
  },
};

/**
 * Custom summary and task icons, named like ChatKit's icons and drawn with the widgets' lucide
 * mapping (`lucide:<name>` works too); an unknown name keeps the default icon.
 */
export const CustomIcons: Story = {
  args: { item: customWorkflow },
  play: async ({ canvasElement }) => {
    const icon = (selector: string) => canvasElement.querySelector(`${selector} svg`);
    await expect(icon("[data-tk-part='workflow-icon'][data-icon='calendar']")).toHaveClass(
      "lucide-calendar",
    );
    await expect(icon("[data-tk-part='task-icon'][data-icon='map-pin']")).toHaveClass(
      "lucide-map-pin",
    );
    await expect(icon("[data-tk-part='task-icon'][data-icon='document']")).toHaveClass(
      "lucide-file-text",
    );
    await expect(icon("[data-tk-part='task-icon']:not([data-icon])")).toHaveClass(
      "lucide-sparkles",
    );
  },
};

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
