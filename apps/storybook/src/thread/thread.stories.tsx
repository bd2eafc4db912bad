import type { Meta, StoryObj } from "@storybook/react-vite";
import { Thread } from "@threadkit/components";
import type { ThreadItem } from "@threadkit/core";
import { createThreadStore, type RunResult, RunStreamError } from "@threadkit/hooks";
import { useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
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

function StreamingThread({ autoScroll }: { autoScroll?: boolean }) {
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
  return (
    <ChatSurface
      items={items}
      streamingItemIds={done ? [] : ["s2"]}
      {...(autoScroll === undefined ? {} : { autoScroll })}
    />
  );
}

/** A reply streams into the last item; the view follows it until you scroll up. */
export const Streaming: Story = {
  render: () => <StreamingThread />,
  play: async ({ canvas, canvasElement }) => {
    const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    if (!viewport) throw new Error("no thread");
    const grown = async (from: number) =>
      waitFor(() => expect(viewport.scrollHeight).toBeGreaterThan(from + 20), { timeout: 3000 });
    await waitFor(() =>
      expect(
        canvasElement.querySelector("[data-tk-part='thread-item'][data-status='streaming']"),
      ).not.toBeNull(),
    );
    // Follows the reply while it grows.
    await grown(viewport.scrollHeight);
    await nextFrames(2);
    await expect(
      viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight,
    ).toBeLessThanOrEqual(2);
    // Scrolled up, the view stays put while the reply grows, and offers the way back.
    viewport.scrollTop -= 200;
    await canvas.findByRole("button", { name: "Jump to latest" });
    const top = viewport.scrollTop;
    await grown(viewport.scrollHeight);
    await nextFrames(2);
    await expect(Math.abs(viewport.scrollTop - top)).toBeLessThanOrEqual(1);
  },
};

/**
 * `Thread.Items autoScroll={false}` (ChatKit's `thread.autoScroll` left off): the reply grows
 * below the view, which stays where the reader left it.
 */
export const StreamingWithoutAutoScroll: Story = {
  render: () => <StreamingThread autoScroll={false} />,
  play: async ({ canvasElement }) => {
    const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    if (!viewport) throw new Error("no thread");
    await waitFor(() =>
      expect(
        canvasElement.querySelector("[data-tk-part='thread-item'][data-status='streaming']"),
      ).not.toBeNull(),
    );
    await nextFrames(2);
    const top = viewport.scrollTop;
    const from = viewport.scrollHeight;
    await waitFor(() => expect(viewport.scrollHeight).toBeGreaterThan(from + 200), {
      timeout: 5000,
    });
    await nextFrames(2);
    await expect(Math.abs(viewport.scrollTop - top)).toBeLessThanOrEqual(1);
    await expect(
      viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight,
    ).toBeGreaterThan(100);
  },
};

/** 10,000 items, virtualized: only the visible rows are in the DOM. */
export const LongThread: Story = {
  args: { items: longThread(10_000) },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector("[data-tk-part='thread-items']");
    await waitFor(() => expect(list).toHaveAttribute("data-virtualized"));
    const rows = canvasElement.querySelectorAll<HTMLElement>("[data-tk-part='thread-row']");
    await expect(rows.length).toBeGreaterThan(0);
    await expect(rows.length).toBeLessThan(60);
    // Opened at the bottom: the last item is mounted, windowed (placed by the virtualizer).
    const last = rows[rows.length - 1];
    await expect(last).toHaveAttribute("data-index", "9999");
    await expect(last?.style.transform).toMatch(/^translate3d/);
  },
};

const loadOlder = fn();

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
        loadOlder();
        setLoading(true);
        setTimeout(() => {
          setStart((s) => Math.max(0, s - 50));
          setLoading(false);
        }, 400);
      }}
    />
  );
}

const ROW = "[data-tk-part='thread-row']";

function nextFrames(count: number) {
  return new Promise<void>((resolve) => {
    const tick = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1));
    tick(count);
  });
}

/** The first row visible in the viewport, and its distance from the viewport's top edge. */
function firstVisibleRow(viewport: HTMLElement) {
  const top = viewport.getBoundingClientRect().top;
  const rows = [...viewport.querySelectorAll<HTMLElement>(ROW)]
    .filter((row) => row.getBoundingClientRect().bottom > top)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  const row = rows[0];
  if (!row) throw new Error("no visible row");
  return { row, text: row.textContent, offset: row.getBoundingClientRect().top - top };
}

function rowWithText(viewport: HTMLElement, text: string | null) {
  return [...viewport.querySelectorAll<HTMLElement>(ROW)].find((row) => row.textContent === text);
}

/**
 * Older pages load when you scroll near the top (50 items each, 400 ms apart); the first visible
 * message stays where it was on screen, also when the list starts virtualizing past 60 items.
 */
export const LoadOlder: Story = {
  render: () => <PagedThread />,
  play: async ({ canvasElement }) => {
    loadOlder.mockClear();
    const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    const list = canvasElement.querySelector("[data-tk-part='thread-items']");
    if (!viewport || !list) throw new Error("no thread");
    await waitFor(() => expect(viewport.querySelectorAll(ROW)).toHaveLength(50));
    await waitFor(() => expect(viewport).toHaveAttribute("data-at-bottom"));
    await expect(list).not.toHaveAttribute("data-virtualized");

    for (const page of [1, 2]) {
      // Scroll near the top: that asks for the previous page.
      viewport.scrollTop = 150;
      await waitFor(() => expect(loadOlder).toHaveBeenCalledTimes(page));
      await nextFrames(2);
      const before = firstVisibleRow(viewport);
      const index = Number(before.row.dataset.index);
      // The page arrives: the same message now sits 50 rows further down the list.
      await waitFor(
        () =>
          expect(rowWithText(viewport, before.text)).toHaveAttribute(
            "data-index",
            String(index + 50),
          ),
        { timeout: 3000 },
      );
      await expect(list).toHaveAttribute("data-virtualized");
      // Kept mounted (so its state is kept), also across the 60-item threshold.
      await expect(rowWithText(viewport, before.text)).toBe(before.row);
      for (const wait of [0, 300]) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        await nextFrames(2);
        const offset =
          before.row.getBoundingClientRect().top - viewport.getBoundingClientRect().top;
        await expect(Math.abs(offset - before.offset)).toBeLessThanOrEqual(3);
      }
      // Past the 400 ms a page takes: the view did not jump into a second load.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(loadOlder).toHaveBeenCalledTimes(page);
      await expect(viewport.scrollTop).toBeGreaterThan(1000);
    }
  },
};

/**
 * "Jump to latest" appears once you scroll up; after it, focus is on the conversation (the
 * button it was on is gone).
 */
export const JumpToLatest: Story = {
  args: { items: longThread(80) },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    if (!viewport) throw new Error("no thread");
    await waitFor(() => expect(viewport).toHaveAttribute("data-at-bottom"));
    viewport.scrollTop = 0;
    const jump = await canvas.findByRole("button", { name: "Jump to latest" });
    await userEvent.click(jump);
    await waitFor(() => expect(viewport).toHaveAttribute("data-at-bottom"));
    await expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    await expect(viewport).toHaveFocus();
  },
};

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

/**
 * `color.surface` sets the page background and text (`--tk-color-bg`/`-fg` and
 * `--tk-color-surface`/`-fg`), here a warm paper tone with the default accent.
 */
export const CustomSurface: Story = {
  args: {
    theme: {
      colorScheme: "light",
      color: { surface: { background: "#fdf6e3", foreground: "#073642" } },
    },
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector("[data-tk-part='thread']") as HTMLElement;
    await expect(root.style.getPropertyValue("--tk-color-bg")).toBe("#fdf6e3");
    await expect(getComputedStyle(root).backgroundColor).toBe("rgb(253, 246, 227)");
    await expect(getComputedStyle(root).color).toBe("rgb(7, 54, 66)");
  },
};

/**
 * `virtualize={false}` in a container without a height: the thread lays out in the page flow,
 * as tall as its rows, and the page scrolls (here inside a grid, as in a docs page or a card).
 */
export const DocumentFlow: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 12, maxWidth: 720 }}>
      <Thread.Root items={conversation} virtualize={false} style={{ display: "grid" }}>
        <Thread.Viewport>
          <Thread.Items />
        </Thread.Viewport>
      </Thread.Root>
      <p data-testid="after-thread">The page goes on below the thread.</p>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-items']");
    const rows = canvasElement.querySelectorAll<HTMLElement>("[data-tk-part='thread-row']");
    const after = canvasElement.querySelector<HTMLElement>("[data-testid='after-thread']");
    if (!list || !after || rows.length !== conversation.length) throw new Error("no thread");
    await nextFrames(2);
    const lastRow = rows[rows.length - 1] as HTMLElement;
    // Every row inside the list and nothing clipped: the list is as tall as its rows.
    await expect(list.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(
      lastRow.getBoundingClientRect().bottom,
    );
    await expect(after.getBoundingClientRect().top).toBeGreaterThanOrEqual(
      lastRow.getBoundingClientRect().bottom,
    );
    const viewport = canvasElement.querySelector<HTMLElement>("[data-tk-part='thread-viewport']");
    await expect(viewport?.scrollHeight).toBe(viewport?.clientHeight);
  },
};

/** Renders a thread into a shadow root, where the page's stylesheets do not apply. */
function UnstyledThread() {
  const [shadow, setShadow] = useState<ShadowRoot | null>(null);
  return (
    <div
      data-testid="unstyled-host"
      ref={(host) => {
        if (host && !shadow) setShadow(host.shadowRoot ?? host.attachShadow({ mode: "open" }));
      }}
    >
      {shadow
        ? createPortal(
            <Thread.Root items={conversation} allowDataImages virtualize={false}>
              <Thread.Viewport>
                <Thread.Items />
              </Thread.Viewport>
            </Thread.Root>,
            shadow,
          )
        : null}
    </div>
  );
}

/**
 * A thread without `@threadkit/components/styles.css`: the parts render as plain HTML and keep
 * their `data-tk-part` and state attributes for your own CSS. Storybook loads the stylesheet for
 * every story, so this one renders into a shadow root, which the stylesheet does not reach.
 */
export const Unstyled: Story = {
  render: () => <UnstyledThread />,
  play: async ({ canvas }) => {
    const host = canvas.getByTestId("unstyled-host");
    await waitFor(() =>
      expect(host.shadowRoot?.querySelector("[data-tk-part='thread']")).toBeTruthy(),
    );
    const thread = host.shadowRoot?.querySelector("[data-tk-part='thread']") as HTMLElement;
    // The stylesheet makes the thread a flex column; unstyled it is a plain block.
    await expect(getComputedStyle(thread).display).toBe("block");
    await expect(thread.querySelectorAll("[data-tk-part='thread-item']").length).toBe(
      conversation.length,
    );
    await expect(
      thread.querySelector("[data-tk-part='thread-item'][data-item-type='workflow']"),
    ).toBeTruthy();
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
    // After the last item: the last row holds the reply and comes before the status.
    const rows = canvasElement.querySelectorAll("[data-tk-part='thread-row']");
    const lastRow = rows[rows.length - 1];
    await expect(lastRow).toHaveTextContent("quiet hotel in Lisbon");
    await expect(
      (lastRow?.compareDocumentPosition(status as Node) ?? 0) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // What shows a run's state loads with its first one (on idle after the first paint).
    const progress = await canvas.findByText("Searching 14 hotel listings…");
    await expect(progress.parentElement).toHaveAttribute("role", "status");
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
    const alert = await within(status).findByRole("alert");
    await expect(alert).toHaveTextContent("Something went wrong while generating a response.");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(retry).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
    await expect(
      canvas.getByText("Here are three quiet hotels in Alfama and Graça."),
    ).toBeVisible();
  },
};

/** A per-thread store whose Assistants run stopped at the token limit (`max_tokens`). */
function incompleteStore() {
  const store = createThreadStore("thr_demo", [
    ...conversation.slice(0, 2),
    runQuestion,
    assistant("ri1", "Here are three quiet hotels in Alfama and Graça: the Memmo Alfama, the"),
  ]);
  store.getState().setRunIncomplete({ reason: "max_tokens" });
  return store;
}

/**
 * A run that ended before its reply was finished: an Assistants run `incomplete` at a token
 * limit (`max_tokens`, `max_prompt_tokens`) or cancelled on the server. The partial reply stays,
 * and a warning after it says why (`useThreadRunStatus().incomplete`). It goes when the next run
 * starts.
 */
export const RunStatusIncomplete: Story = {
  render: () => {
    const [store] = useState(incompleteStore);
    return <ChatSurface store={store} virtualize={false} />;
  },
  play: async ({ canvas, canvasElement }) => {
    const status = canvasElement.querySelector("[data-tk-part='thread-run-status']") as HTMLElement;
    await expect(status).toHaveAttribute("data-status", "incomplete");
    const notice = await within(status).findByRole("alert");
    await expect(notice).toHaveAttribute("data-level", "warning");
    await expect(notice).toHaveAttribute("data-reason", "max_tokens");
    await expect(notice).toHaveTextContent(
      "The reply was cut off: it reached the maximum length of a response.",
    );
    await expect(canvas.getByText(/the Memmo Alfama, the$/)).toBeVisible();
  },
};
