import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ThreadItem } from "@threadkit/core";
import { createThreadStore, type RunResult, RunStreamError } from "@threadkit/hooks";
import { useEffect, useMemo, useState } from "react";
import { expect, fn, waitFor, within } from "storybook/test";
import { assistant, conversation, longThread, MARKDOWN_REPLY, user } from "../items/_data";
import { ChatSurface } from "./_layout";

/**
 * `Thread.Root / Viewport / Items / Empty / ScrollToBottom`: a virtualized, stick-to-bottom
 * thread view that loads older pages at the top without a scroll jump.
 *
 * Parts: `[data-tk-part="thread"][data-tk-theme]`, `thread-viewport[data-at-bottom]`,
 * `thread-items[data-virtualized]`, `thread-row`, `thread-item[data-item-type][data-status]`,
 * `thread-run-status[data-status]`, `thread-scroll-to-bottom`, `thread-empty`.
 */
const meta = {
  title: "Thread/Thread",
  component: ChatSurface,
  args: { items: conversation, allowDataImages: true },
  parameters: { layout: "padded" },
} satisfies Meta<typeof ChatSurface>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The start screen. */
export const Empty: Story = { args: { items: [] } };

/** A conversation with most item types. */
export const Conversation: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("region", { name: "Conversation" })).toBeInTheDocument();
    await expect(canvas.getAllByRole("article").length).toBeGreaterThan(3);
  },
};

function StreamingThread() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLength((n) => Math.min(MARKDOWN_REPLY.length, n + 9)), 40);
    return () => clearInterval(timer);
  }, []);
  const done = length >= MARKDOWN_REPLY.length;
  const items = useMemo<ThreadItem[]>(
    () => [
      ...conversation,
      user("s1", "And a packing list, please."),
      assistant("s2", MARKDOWN_REPLY.slice(0, length)),
    ],
    [length],
  );
  return <ChatSurface items={items} streamingItemIds={done ? [] : ["s2"]} />;
}

/** A reply streams into the last item; the view follows it until you scroll up. */
export const Streaming: Story = { render: () => <StreamingThread /> };

/** 10,000 items, virtualized: only the visible rows are in the DOM. */
export const LongThread: Story = {
  args: { items: longThread(10_000) },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelectorAll("[data-tk-part='thread-row']").length).toBeGreaterThan(
        0,
      ),
    );
    await expect(canvasElement.querySelectorAll("[data-tk-part='thread-row']").length).toBeLessThan(
      60,
    );
  },
};

function PagedThread() {
  const all = useMemo(() => longThread(400, "p"), []);
  const [start, setStart] = useState(350);
  const [loading, setLoading] = useState(false);
  return (
    <ChatSurface
      items={all.slice(start)}
      hasOlder={start > 0}
      loadingOlder={loading}
      onLoadOlder={() => {
        setLoading(true);
        setTimeout(() => {
          setStart((s) => Math.max(0, s - 50));
          setLoading(false);
        }, 400);
      }}
    />
  );
}

/** Older pages load when you scroll near the top; the visible message stays in place. */
export const LoadOlder: Story = { render: () => <PagedThread /> };

export const Dark: Story = { args: { theme: { colorScheme: "dark" } } };

/** ChatKit theme options through `createTheme`. */
export const CustomTheme: Story = {
  args: {
    theme: {
      colorScheme: "light",
      radius: "pill",
      density: "compact",
      color: { accent: { primary: "#7c3aed", level: 2 }, grayscale: { hue: 260, tint: 4 } },
      typography: { baseSize: 16 },
    },
  },
};

export const RightToLeft: Story = {
  args: {
    locale: "ar",
    items: [
      user("r1", "ما هي عاصمة فرنسا؟"),
      assistant("r2", "عاصمة فرنسا هي **باريس**.\n\n- برج إيفل\n- متحف اللوفر"),
    ],
  },
};

const runQuestion = user("rs1", "Find me a quiet hotel in Lisbon for two nights.");
const runReply = assistant("rs2", "Here are three quiet hotels in Alfama and Graça.");

/** A per-thread store as `useRunStream` leaves it: a notice and a live progress update. */
function streamingStore() {
  const store = createThreadStore("thr_demo", [...conversation.slice(0, 2), runQuestion]);
  store.getState().startStream();
  store.getState().apply([
    {
      type: "notice",
      level: "warning",
      title: "Limited availability",
      message: "Prices are **live** and may change before you book.",
    },
    { type: "progress_update", icon: "search", text: "Searching 14 hotel listings…" },
  ]);
  return store;
}

/**
 * `Thread.RunStatus`, which `Thread.Items` renders after the last item: the notices of the
 * thread's runs (dismissable) and the live progress update while a response streams. With
 * `Thread.Root threadId`, it follows the per-thread store that `useRunStream` writes; no wiring.
 */
export const RunStatusStreaming: Story = {
  render: () => {
    const [store] = useState(streamingStore);
    return <ChatSurface store={store} virtualize={false} />;
  },
  play: async ({ canvas, canvasElement }) => {
    const status = canvasElement.querySelector("[data-tk-part='thread-run-status']");
    await expect(status).toHaveAttribute("data-status", "running");
    // After the last item.
    await expect(status?.previousElementSibling).toHaveTextContent("quiet hotel in Lisbon");
    await expect(canvas.getByText("Searching 14 hotel listings…").parentElement).toHaveAttribute(
      "role",
      "status",
    );
    await expect(canvas.getByRole("alert")).toHaveTextContent("Limited availability");
  },
};

const retry = fn();

/** A per-thread store whose run failed with a retryable server `error` event. */
function failedStore() {
  const store = createThreadStore("thr_demo", [...conversation.slice(0, 2), runQuestion]);
  store.getState().apply([
    { type: "notice", level: "info", message: "This conversation is shared with your team." },
    { type: "error", code: "stream.error", allow_retry: true },
  ]);
  store.getState().setRunFailure({
    error: new RunStreamError("stream.error", null, true),
    kind: "server",
    // The run's own retry: here it answers at once.
    retry: async (): Promise<RunResult> => {
      retry();
      store.getState().setRunFailure(null);
      store.getState().upsertItem(runReply);
      return {
        status: "done",
        threadId: "thr_demo",
        error: null,
        accepted: true,
        userMessageId: "rs1",
      };
    },
  });
  return store;
}

/**
 * The run's error at the end of the thread, announced with `role="alert"`; the server allowed a
 * retry, so "Try again" calls the failed run's retry, and the error goes once it starts.
 */
export const RunStatusRetryableError: Story = {
  render: () => {
    const [store] = useState(failedStore);
    return <ChatSurface store={store} virtualize={false} />;
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const status = canvasElement.querySelector("[data-tk-part='thread-run-status']") as HTMLElement;
    await expect(status).toHaveAttribute("data-status", "error");
    const alert = within(status).getByRole("alert");
    await expect(alert).toHaveTextContent("Something went wrong while generating a response.");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(retry).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
    await expect(
      canvas.getByText("Here are three quiet hotels in Alfama and Graça."),
    ).toBeVisible();
  },
};
