import type { Meta, StoryObj } from "@storybook/react-vite";
import { Widget } from "@threadkit/components";
import { applyThreadItemUpdate, type ThreadItemUpdate, type WidgetItem } from "@threadkit/core";
import { useEffect, useState } from "react";
import { expect, waitFor } from "storybook/test";
import { WidgetFrame } from "./_frame";

const initial: WidgetItem = {
  id: "itm_weather",
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00",
  type: "widget",
  widget: {
    type: "Card",
    status: { text: "Weather", icon: "globe" },
    children: [
      {
        type: "Row",
        gap: 3,
        children: [
          { type: "Icon", name: "sparkle", size: "xl", color: "warning" },
          { type: "Title", id: "headline", value: "Berlin, today", size: "md" },
        ],
      },
      { type: "Text", id: "summary", value: "", streaming: true, color: "secondary" },
      { type: "Markdown", id: "details", value: "", streaming: true },
    ],
  },
};

const summary = "Sunny spells with a light breeze, 14 °C in the afternoon.";
const details = "**Tonight:** clear, 6 °C.\n\n- Sunrise 07:12\n- Sunset 16:48";

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The update script: text deltas, a Markdown stream, then a component replacement. */
const script: ThreadItemUpdate[] = [
  ...chunks(summary, 6).map((delta, index, all) => ({
    type: "widget.streaming_text.value_delta" as const,
    component_id: "summary",
    delta,
    done: index === all.length - 1,
  })),
  ...chunks(details, 8).map((delta, index, all) => ({
    type: "widget.streaming_text.value_delta" as const,
    component_id: "details",
    delta,
    done: index === all.length - 1,
  })),
  {
    type: "widget.component.updated",
    component_id: "headline",
    component: { type: "Title", id: "headline", value: "Berlin, today · updated", size: "md" },
  },
];

/** Plays the script through the core reducer, one update every `interval` ms. */
function StreamingWidget({ interval }: { interval: number }) {
  const [item, setItem] = useState(initial);
  useEffect(() => {
    let step = 0;
    const timer = setInterval(() => {
      const update = script[step++];
      if (update === undefined) {
        clearInterval(timer);
        return;
      }
      setItem((current) => applyThreadItemUpdate(current, update) as WidgetItem);
    }, interval);
    return () => clearInterval(timer);
  }, [interval]);
  return <Widget.Root widget={item.widget} itemId={item.id} />;
}

/**
 * Streaming: `widget.streaming_text.value_delta` grows one Text and one Markdown node and
 * `widget.component.updated` replaces one Title. The core reducer copies only the changed path,
 * so sibling nodes keep their identity and are not re-rendered.
 */
const meta = {
  title: "Widgets/Streaming",
  component: StreamingWidget,
  args: { interval: 40 },
  decorators: [
    (Story) => (
      <WidgetFrame>
        <Story />
      </WidgetFrame>
    ),
  ],
} satisfies Meta<typeof StreamingWidget>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Streams the text in; the caret shows while `streaming` is true. */
export const StreamingText: Story = {
  play: async ({ canvas }) => {
    const icon = canvas.getByText("Berlin, today").parentElement?.querySelector("svg");
    await waitFor(() => expect(canvas.getByText(summary)).toBeVisible(), { timeout: 5000 });
    await waitFor(() => expect(canvas.getByText("Berlin, today · updated")).toBeVisible(), {
      timeout: 5000,
    });
    await expect(canvas.getByText(summary)).not.toHaveAttribute("data-status");
    await expect(canvas.getByText("Sunset 16:48")).toBeVisible();
    // The untouched icon is the very same DOM node: nothing above it was re-created.
    await expect(
      canvas.getByText("Berlin, today · updated").parentElement?.querySelector("svg"),
    ).toBe(icon);
  },
};

/** Paused mid-stream: the text node carries `data-status="streaming"` and `aria-busy`. */
export const MidStream: Story = {
  args: { interval: 1_000_000 },
  render: () => (
    <Widget.Root
      widget={{
        type: "Card",
        children: [{ type: "Text", id: "t", value: "The quick brown fox jumps", streaming: true }],
      }}
    />
  ),
  play: async ({ canvas }) => {
    const text = canvas.getByText("The quick brown fox jumps");
    await expect(text).toHaveAttribute("data-status", "streaming");
    await expect(text).toHaveAttribute("aria-busy", "true");
  },
};
