import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ThreadItem } from "@threadkit/core";
import { useState } from "react";
import { flushSync } from "react-dom";
import { expect, userEvent, waitFor } from "storybook/test";
import { conversation, longThread, toolCall } from "../items/_data";
import { ChatSurface } from "./_layout";

/**
 * Short threads render plain rows in flow; past 60 items the rows are windowed by TanStack
 * Virtual, loaded on demand. Crossing the threshold keeps every row that stays on screen mounted
 * (an open tool call stays open, focus stays where it was) and nothing moves.
 */
const meta = {
  title: "Thread/Virtualization",
  component: GrowingThread,
  parameters: { layout: "padded" },
} satisfies Meta<typeof GrowingThread>;
export default meta;
type Story = StoryObj<typeof meta>;

const setters = new WeakMap<HTMLElement, (update: (items: ThreadItem[]) => ThreadItem[]) => void>();

/** A thread whose items the play function changes (older pages, new items). */
function GrowingThread({ initial }: { initial: ThreadItem[] }) {
  const [items, setItems] = useState(initial);
  return (
    <div
      data-growing-host=""
      ref={(node) => {
        if (node) setters.set(node, setItems);
      }}
    >
      <ChatSurface items={items} composer={false} />
    </div>
  );
}

const ROW = "[data-tk-part='thread-row']";

function parts(canvasElement: HTMLElement) {
  const host = canvasElement.querySelector<HTMLElement>("[data-growing-host]");
  const setItems = host ? setters.get(host) : undefined;
  const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
  const list = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-items']");
  const sizer = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-items-sizer']");
  if (!setItems || !viewport || !list || !sizer) throw new Error("no thread");
  return { setItems, viewport, list, sizer };
}

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1));
    tick(count);
  });

const offsetIn = (row: Element, viewport: HTMLElement) =>
  row.getBoundingClientRect().top - viewport.getBoundingClientRect().top;

/** The row holding the open tool call, its trigger focused. */
async function openToolCall(canvasElement: HTMLElement) {
  const trigger = canvasElement.querySelector<HTMLElement>("[data-tk-part='tool-call-trigger']");
  const row = trigger?.closest<HTMLElement>(ROW);
  if (!trigger || !row) throw new Error("no tool call");
  await userEvent.click(trigger);
  await expect(trigger).toHaveAttribute("data-state", "open");
  await expect(trigger).toHaveFocus();
  return { trigger, row };
}

/** A short thread: no virtualizer, the rows lay out in flow (no positions, no list height). */
export const ShortThreadPlainRows: Story = {
  args: { initial: conversation },
  play: async ({ canvasElement }) => {
    const { list, sizer } = parts(canvasElement);
    await waitFor(() =>
      expect(canvasElement.querySelectorAll(ROW)).toHaveLength(conversation.length),
    );
    await frames(10);
    await expect(list).not.toHaveAttribute("data-virtualized");
    await expect(sizer.style.height).toBe("");
    for (const row of canvasElement.querySelectorAll<HTMLElement>(ROW)) {
      await expect(getComputedStyle(row).position).toBe("static");
      await expect(row.style.transform).toBe("");
    }
  },
};

/**
 * Scrolled up, with a tool call opened (its trigger focused): an older page arrives and takes the
 * thread past 60 items. The row stays the same element, open, focused, at the same place.
 */
export const CrossingWhileScrolledUp: Story = {
  args: {
    initial: [...longThread(30, "u"), toolCall("completed", { ok: true }), ...longThread(19, "w")],
  },
  play: async ({ canvasElement }) => {
    const { setItems, viewport, list } = parts(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll(ROW)).toHaveLength(50));
    await waitFor(() => expect(viewport).toHaveAttribute("data-at-bottom"));
    await expect(list).not.toHaveAttribute("data-virtualized");
    const { trigger, row } = await openToolCall(canvasElement);
    // Scroll up so that the tool call sits in the middle of the view.
    viewport.scrollTop += offsetIn(row, viewport) - 150;
    await frames(4);
    await expect(viewport).not.toHaveAttribute("data-at-bottom");
    const before = offsetIn(row, viewport);
    flushSync(() => setItems((items) => [...longThread(30, "older"), ...items]));
    await waitFor(() => expect(list).toHaveAttribute("data-virtualized"));
    for (const wait of [0, 300]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      await frames(2);
      await expect(trigger.closest(ROW)).toBe(row);
      await expect(row.isConnected).toBe(true);
      await expect(row).toHaveAttribute("data-index", "60");
      await expect(Math.abs(offsetIn(row, viewport) - before)).toBeLessThanOrEqual(1);
    }
    await expect(trigger).toHaveAttribute("data-state", "open");
    await expect(trigger).toHaveFocus();
    await expect(canvasElement.querySelectorAll(ROW).length).toBeLessThan(80);
  },
};

/**
 * At the bottom, with the last tool call open and focused: new items take the thread past 60. The
 * view still follows the bottom, and the row is kept with its state and focus.
 */
export const CrossingAtTheBottom: Story = {
  args: { initial: [...longThread(57, "b"), toolCall("completed", { ok: true })] },
  play: async ({ canvasElement }) => {
    const { setItems, viewport, list } = parts(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll(ROW)).toHaveLength(58));
    await waitFor(() => expect(viewport).toHaveAttribute("data-at-bottom"));
    const { trigger, row } = await openToolCall(canvasElement);
    await frames(4);
    await expect(list).not.toHaveAttribute("data-virtualized");
    const atBottom = () => viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight;
    await expect(atBottom()).toBeLessThanOrEqual(2);
    flushSync(() => setItems((items) => [...items, ...longThread(3, "new")]));
    await waitFor(() => expect(list).toHaveAttribute("data-virtualized"));
    for (const wait of [0, 300]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      await frames(2);
      await expect(atBottom()).toBeLessThanOrEqual(2);
      await expect(trigger.closest(ROW)).toBe(row);
      await expect(row.isConnected).toBe(true);
    }
    await expect(trigger).toHaveAttribute("data-state", "open");
    await expect(trigger).toHaveFocus();
  },
};
