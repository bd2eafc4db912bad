import type { Meta, StoryObj } from "@storybook/react-vite";
import { preloadItemRenderers, ThreadItem } from "@threadkit/components";
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
  // The renderer loads on first sight (see "Items/Loading placeholder"); these stories show it loaded.
  loaders: [() => preloadItemRenderers()],
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

/** The trigger is a `<summary>`: Tab reaches it, Enter and Space toggle the task group. */
export const ToggleWithKeyboard: Story = {
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole("button", { name: "Thought for 14s" });
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByText("Understanding the request")).toBeVisible();
    await userEvent.keyboard(" ");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await expect(canvas.queryByText("Understanding the request")).toBeNull();
    await expect(trigger).toHaveFocus();
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

const REASONING = [
  "**Two routes** fit a two-day trip with a hut stay:",
  "",
  "1. *Zermatt → Schönbiel hut*: gentle, but the `Z` trail is closed after rain.",
  "2. Saas-Fee → Britannia hut: shorter, see the [trail report](https://www.saas-fee.ch/).",
  "",
  "> The forecast decides: pick the second one if it rains on Friday.",
].join("\n");

const thoughtWorkflow: WorkflowItem = {
  id: "wf_markdown",
  thread_id: "thr_demo",
  created_at: "2026-05-01T10:00:00Z",
  type: "workflow",
  workflow: {
    type: "reasoning",
    expanded: true,
    summary: { duration: 9 },
    tasks: [
      {
        type: "thought",
        title: "Comparing routes",
        content: REASONING,
        status_indicator: "complete",
      },
    ],
  },
};

/**
 * Thought and custom task `content` is markdown (the ChatKit server SDK fills thought tasks with
 * reasoning summaries), rendered like message text: a reasoning workflow, then a custom task item.
 */
export const TaskMarkdown: Story = {
  render: () => (
    <Frame>
      <ThreadItem item={thoughtWorkflow} />
      <ThreadItem
        item={taskItem("task_md", {
          type: "custom",
          title: "Packing list",
          icon: "suitcase",
          content: "- **Rain shell**\n- Hut sleeping bag liner\n- `CHF 60` cash for the hut",
        })}
      />
    </Frame>
  ),
  play: async ({ canvas, canvasElement }) => {
    const contents = canvasElement.querySelectorAll("[data-tk-part='task-content']");
    await expect(contents).toHaveLength(2);
    await expect(contents[0]?.querySelector("strong")).toHaveTextContent("Two routes");
    await expect(contents[0]?.querySelectorAll("ol > li")).toHaveLength(2);
    await expect(canvas.getByRole("link", { name: "trail report" })).toHaveAttribute(
      "href",
      "https://www.saas-fee.ch/",
    );
    await expect(contents[1]?.querySelectorAll("ul > li")).toHaveLength(3);
    await expect(canvasElement.textContent).not.toContain("**");
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
 * mapping (a `lucide:<name>` once the app registers it); an unknown name keeps the default icon.
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
