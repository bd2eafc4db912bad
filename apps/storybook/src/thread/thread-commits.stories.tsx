import type { Meta, StoryObj } from "@storybook/react-vite";
import { Thread } from "@threadkit/components";
import "@threadkit/components/styles.css";
import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { createThreadStore, type ThreadStore } from "@threadkit/hooks";
import { Profiler, useMemo } from "react";
import { flushSync } from "react-dom";
import { expect, waitFor } from "storybook/test";
import { assistant, longThread, user } from "../items/_data";

/**
 * Streaming costs one React commit per delta: the row that grows is re-measured without a
 * second render (the virtualizer writes the new height and positions to the DOM directly).
 * The counter below the thread shows the commits so far.
 */
const meta = {
  title: "Thread/Commits per delta",
  component: CountedThread,
  args: { virtualize: true },
  parameters: { layout: "padded" },
} satisfies Meta<typeof CountedThread>;
export default meta;
type Story = StoryObj<typeof meta>;

interface CountingStore extends ThreadStore {
  dispatch(event: ThreadStreamEvent): void;
  commits: number;
  /** Mount callbacks seen: 0 means the Profiler is inactive (a production React build). */
  mounts: number;
}

function createCountingStore(items: ThreadItem[]): CountingStore {
  const store = createThreadStore("thr", items);
  return Object.assign(store, {
    commits: 0,
    mounts: 0,
    dispatch: (event: ThreadStreamEvent) => store.getState().apply([event]),
  });
}

const stores = new WeakMap<HTMLElement, CountingStore>();

function CountedThread({
  virtualize,
  earlier = 0,
}: {
  virtualize: boolean | "auto";
  /** Items before the short conversation: enough of them make the thread scroll. */
  earlier?: number;
}) {
  const store = useMemo(
    () =>
      createCountingStore([
        ...longThread(earlier),
        user("c0", "Write a few lines, one per delta."),
        assistant("c1", "Here they come."),
        assistant("live", ""),
      ]),
    [earlier],
  );
  return (
    <div
      ref={(node) => {
        if (node) stores.set(node, store);
      }}
      data-commits-host=""
    >
      <Profiler
        id="thread"
        onRender={(_id, phase) => {
          if (phase === "mount") store.mounts += 1;
          else store.commits += 1;
        }}
      >
        <Thread.Root store={store} virtualize={virtualize} style={{ height: 640 }}>
          <Thread.Viewport>
            <Thread.Items />
          </Thread.Viewport>
        </Thread.Root>
      </Profiler>
    </div>
  );
}

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1));
    tick(count);
  });

/**
 * Virtualized (as every thread above 60 items is): each delta starts a new paragraph, so the
 * streaming row grows and is re-measured on every one.
 */
export const OneCommitPerDelta: Story = {
  play: async ({ canvasElement }) => playOneCommitPerDelta(canvasElement, true),
};

async function playOneCommitPerDelta(canvasElement: HTMLElement, virtualized: boolean) {
  const host = canvasElement.querySelector<HTMLElement>("[data-commits-host]");
  const store = host ? stores.get(host) : undefined;
  if (!host || !store) throw new Error("no thread");
  await waitFor(() => expect(host.querySelectorAll("[data-tk-part='thread-row']")).toHaveLength(3));
  // Windowed once the virtualizer has loaded (`virtualize`); a short thread never loads it.
  const list = host.querySelector("[data-tk-part='thread-items']");
  if (virtualized) await waitFor(() => expect(list).toHaveAttribute("data-virtualized"));
  await frames(10);
  if (!virtualized) await expect(list).not.toHaveAttribute("data-virtualized");
  const row = host.querySelector<HTMLElement>("[data-tk-part='thread-row'][data-index='2']");
  if (!row) throw new Error("no streaming row");
  const perDelta: number[] = [];
  for (let i = 0; i < 8; i++) {
    const height = row.getBoundingClientRect().height;
    const before = store.commits;
    flushSync(() =>
      store.dispatch({
        type: "thread.item.updated",
        item_id: "live",
        update: {
          type: "assistant_message.content_part.text_delta",
          content_index: 0,
          delta: `Line ${i + 1} of the reply.\n\n`,
        },
      }),
    );
    // Long enough for a ResizeObserver callback and any render it schedules.
    await frames(4);
    await expect(row.getBoundingClientRect().height).toBeGreaterThan(height);
    perDelta.push(store.commits - before);
  }
  // React's Profiler reports commits in development and profiling builds only; the static
  // Storybook is a production build, where the layout checks below still run.
  if (store.mounts > 0) await expect(perDelta).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  // The rows still sit one below the other: the direct height and position writes took effect.
  const rows = [...host.querySelectorAll<HTMLElement>("[data-tk-part='thread-row']")];
  for (let i = 1; i < rows.length; i++) {
    const above = rows[i - 1]?.getBoundingClientRect();
    const below = rows[i]?.getBoundingClientRect();
    if (!above || !below) throw new Error("missing row");
    await expect(Math.abs(below.top - above.bottom)).toBeLessThanOrEqual(1);
  }
  const sizer = host.querySelector<HTMLElement>("[data-tk-part='thread-items-sizer']");
  const last = rows.at(-1)?.getBoundingClientRect();
  if (!sizer || !last) throw new Error("no sizer");
  await expect(Math.abs(sizer.getBoundingClientRect().bottom - last.bottom)).toBeLessThanOrEqual(1);
}

/** A short thread (60 items or fewer) renders plain rows in flow: the growing one just grows. */
export const OneCommitPerDeltaShortThread: Story = {
  args: { virtualize: "auto" },
  play: async ({ canvasElement }) => playOneCommitPerDelta(canvasElement, false),
};

/**
 * A long thread that follows the bottom while a reply streams in words: whenever a word wraps
 * onto a new line, the view scrolls down with it. Scrolling and re-measuring stay inside the
 * delta's own commit, so the deltas (one every two frames, as a network delivers them) cost one
 * commit each, counted until the view has been still for a while after the last one.
 */
export const OneCommitPerWordDeltaFollowingTheBottom: Story = {
  args: { virtualize: "auto", earlier: 80 },
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector<HTMLElement>("[data-commits-host]");
    const store = host ? stores.get(host) : undefined;
    if (!host || !store) throw new Error("no thread");
    const viewport = host.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    if (!viewport) throw new Error("no viewport");
    await waitFor(() =>
      expect(host.querySelector("[data-tk-part='thread-row'][data-index='82']")).not.toBeNull(),
    );
    await waitFor(() =>
      expect(host.querySelector("[data-tk-part='thread-items']")).toHaveAttribute(
        "data-virtualized",
      ),
    );
    await frames(30);
    const startHeight = viewport.scrollHeight;
    const before = store.commits;
    const deltas = 80;
    for (let i = 0; i < deltas; i++) {
      flushSync(() =>
        store.dispatch({
          type: "thread.item.updated",
          item_id: "live",
          update: {
            type: "assistant_message.content_part.text_delta",
            content_index: 0,
            delta: `word${i} `,
          },
        }),
      );
      await frames(2);
    }
    // Past the virtualizer's scroll-end delay (150 ms), so a late re-render would be counted.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await frames(4);
    // The reply wrapped onto new lines and the view followed it to the bottom.
    await expect(viewport.scrollHeight).toBeGreaterThan(startHeight);
    await expect(
      viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight,
    ).toBeLessThanOrEqual(2);
    if (store.mounts > 0) await expect(store.commits - before).toBe(deltas);
  },
};
