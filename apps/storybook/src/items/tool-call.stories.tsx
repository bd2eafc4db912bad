import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  type ItemRendererProps,
  preloadItemRenderers,
  Thread,
  ThreadItem,
} from "@threadkit/components";
import type { ClientToolCallItem } from "@threadkit/core";
import { createThreadStore } from "@threadkit/hooks";
import { useState } from "react";
import { expect } from "storybook/test";
import { toolCall } from "./_data";
import { Frame } from "./_frame";

/**
 * `client_tool_call`: the tool's name, a live status (pending / in progress / completed),
 * collapsible pretty-printed arguments and the output. Apps replace it per tool name with
 * `toolRenderers`.
 *
 * Parts: `[data-tk-part="tool-call"][data-status]`, `tool-call-trigger[data-state]`,
 * `tool-call-content`.
 *
 * Inside a `Thread.Root` fed by a store, a call shows `in_progress` while the client runs its
 * tool: `useRunStream` sets the store's `runningToolCallId` when a `clientTools` handler starts
 * and clears it once the output was posted (`useRunningToolCallId` reads it). Outside a thread,
 * pass `running` to `ClientToolCall`.
 */
const meta = {
  title: "Items/Client tool call",
  // The renderer loads on first sight (see "Items/Loading placeholder"); these stories show it loaded.
  loaders: [() => preloadItemRenderers()],
  component: ThreadItem,
  args: { item: toolCall("pending") },
  render: (args) => (
    <Frame>
      <ThreadItem {...args} />
    </Frame>
  ),
} satisfies Meta<typeof ThreadItem>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Pending: Story = {};

/** The client is running the tool. */
export const InProgress: Story = { args: { status: "streaming" } };

/** A thread's store as `useRunStream` leaves it while a `clientTools` handler runs the call. */
function runningStore() {
  const item = toolCall("pending");
  const store = createThreadStore(item.thread_id, [item]);
  store.getState().setRunningToolCall(item.id);
  return store;
}

/**
 * Running on the client: the thread's store names this call in `runningToolCallId` while the
 * app's tool handler runs, so the call shows "Running" with the live indicator, not "Pending".
 */
export const RunningOnTheClient: Story = {
  name: "Running on the client",
  render: () => {
    const [store] = useState(runningStore);
    return (
      <Frame>
        <Thread.Root store={store} virtualize={false}>
          <Thread.Viewport>
            <Thread.Items />
          </Thread.Viewport>
        </Thread.Root>
      </Frame>
    );
  },
  play: async ({ canvas }) => {
    const call = canvas.getByRole("group", { name: /get_weather/ });
    await expect(call).toHaveAttribute("data-status", "in_progress");
    const spinner = call.querySelector('[data-tk-part="spinner"]');
    await expect(spinner).not.toHaveAttribute("data-paused");
  },
};

/** Output arrived; the arguments and output open on demand. */
export const Completed: Story = {
  args: {
    item: toolCall("completed", {
      forecast: [
        { day: "Sat", high: 21 },
        { day: "Sun", high: 17 },
      ],
    }),
  },
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole("button", { name: /get_weather/ });
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByText(/"city": "Zermatt"/)).toBeVisible();
    await expect(canvas.getByText(/"high": 21/)).toBeVisible();
  },
};

function WeatherCard({ item }: ItemRendererProps<ClientToolCallItem>) {
  return (
    <div style={{ padding: 16, border: "1px solid var(--tk-color-border)", borderRadius: 12 }}>
      Weather for <strong>{String(item.arguments.city)}</strong>: {item.status}
    </div>
  );
}

/** A custom renderer registered for the tool name `get_weather`. */
export const CustomRenderer: Story = {
  render: (args) => (
    <Frame toolRenderers={{ get_weather: WeatherCard }}>
      <ThreadItem {...args} />
    </Frame>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Zermatt")).toBeInTheDocument();
  },
};

export const Dark: Story = {
  args: { item: toolCall("completed", { ok: true }), status: "done" },
  render: (args) => (
    <Frame scheme="dark">
      <ThreadItem {...args} />
      <ThreadItem item={toolCall("pending")} status="streaming" />
    </Frame>
  ),
};
