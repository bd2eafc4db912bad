/// <reference types="vite/client" />
import {
  selectThreadItem,
  type ThreadItem,
  type ThreadState,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { createThreadStore } from "@threadkit/hooks";
import { memo, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import ReactMarkdown from "react-markdown";
import { Virtuoso } from "react-virtuoso";
import remarkGfm from "remark-gfm";
import "../../src/styles.css";
import { Markdown, Thread, ThreadItem as ThreadItemView } from "../../src/index";

declare global {
  interface Window {
    /** React commits so far (counted by the devtools hook stub in index.html). */
    tkCommits: number;
  }
}

/** Reads layout, so a timed step includes style and layout of what it changed. */
const forceLayout = () => container.offsetHeight;

function item(i: number): ThreadItem {
  const base = { id: `i${i}`, thread_id: "t", created_at: "2026-05-01T10:00:00Z" };
  if (i % 2 === 0) {
    return {
      ...base,
      type: "user_message",
      content: [{ type: "input_text", text: `Question ${i}: how about option ${i % 7}?` }],
      attachments: [],
      inference_options: {},
    };
  }
  const text =
    i % 6 === 1
      ? `Answer ${i}.\n\n- first point\n- second point with **bold**\n\n\`\`\`js\nconsole.log(${i});\n\`\`\``
      : `Answer ${i}: ${"A paragraph that wraps over a few lines of text in the thread. ".repeat(1 + (i % 3))}`;
  return {
    ...base,
    type: "assistant_message",
    content: [{ type: "output_text", text, annotations: [] }],
  };
}

/** The per-thread store of `@threadkit/hooks`, as apps use it, with a one-event shorthand. */
function createStore(items: ThreadItem[]) {
  const store = createThreadStore("t", items);
  return Object.assign(store, {
    dispatch: (event: ThreadStreamEvent) => store.getState().apply([event]),
  });
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
let root: Root | null = null;
const container = document.getElementById("root") as HTMLElement;

function App({ store }: { store: BenchStore }) {
  return (
    <Thread.Root store={store} style={{ height: 800 }}>
      <Thread.Viewport>
        <Thread.Items />
      </Thread.Viewport>
      <Thread.ScrollToBottom />
    </Thread.Root>
  );
}

/** Frames until rows are on screen: react-virtuoso measures first and renders rows after. */
async function rowsShown(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (container.querySelector('[data-tk-part="thread-item"], [data-plain-row]')) return;
    await frame();
  }
  throw new Error("no rows rendered");
}

async function unmount() {
  root?.unmount();
  root = null;
  await frame();
}

const delta = (id: string, text: string): ThreadStreamEvent => ({
  type: "thread.item.updated",
  item_id: id,
  update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: text },
});

function summarize(n: number, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    n,
    meanMs: mean,
    p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
  };
}

const REPLY_BLOCK = (i: number) =>
  [
    `## Section ${i}`,
    `Paragraph ${i} with **bold**, *emphasis*, \`code\` and a [link](https://example.com/${i}). It goes on for a while to look like a real reply.`,
    `- item one of ${i}\n- item two with more words\n- item three`,
    `| a | b |\n| - | - |\n| ${i} | ${i * 2} |`,
    `\`\`\`ts\nconst value = compute(${i});\nconsole.log(value);\n\`\`\``,
  ].join("\n\n");

/** The ~20,000-character markdown reply both markdown measurements stream. */
function replyText(): string {
  let text = "";
  for (let i = 0; text.length < 20_000; i++) text += `${REPLY_BLOCK(i)}\n\n`;
  return text.slice(0, 20_000);
}

/** Streams a ~20,000-character markdown reply in 20-character deltas; reports the cost at the end. */
async function markdown() {
  await unmount();
  const text = replyText();
  const store = createStore([item(0)]);
  root = createRoot(container);
  flushSync(() => root?.render(<App store={store} />));
  flushSync(() =>
    store.dispatch({
      type: "thread.item.added",
      item: {
        id: "md",
        thread_id: "t",
        created_at: "2026-05-01T10:00:00Z",
        type: "assistant_message",
        content: [],
      },
    }),
  );
  flushSync(() =>
    store.dispatch({
      type: "thread.item.updated",
      item_id: "md",
      update: {
        type: "assistant_message.content_part.added",
        content_index: 0,
        content: { type: "output_text", text: "", annotations: [] },
      },
    }),
  );
  for (let i = 0; i < 30; i++) await frame();
  const times: number[] = [];
  const commits: number[] = [];
  for (let pos = 0; pos < text.length; pos += 20) {
    const c0 = window.tkCommits;
    const t0 = performance.now();
    flushSync(() => store.dispatch(delta("md", text.slice(pos, pos + 20))));
    forceLayout();
    times.push(performance.now() - t0);
    // Every delta gets its own frame, so commits caused by re-measuring it are counted for it.
    await frame();
    commits.push(window.tkCommits - c0);
  }
  const last = times.slice(-100);
  return {
    chars: text.length,
    deltas: times.length,
    ...summarize(1, last),
    overallMeanMs: times.reduce((a, b) => a + b, 0) / times.length,
    ...commitStats(commits),
  };
}

/** Commits per delta: the mean, and the share of deltas that took more than one. */
function commitStats(commits: number[]) {
  return {
    commitsPerDelta: commits.reduce((a, b) => a + b, 0) / commits.length,
    multiCommitShare: commits.filter((c) => c > 1).length / commits.length,
  };
}

/** The same reply and deltas through the bare `Markdown` component (no thread around it). */
async function markdownBare() {
  await unmount();
  const text = replyText();
  root = createRoot(container);
  const times: number[] = [];
  const commits: number[] = [];
  for (let pos = 0; pos < text.length; pos += 20) {
    const shown = text.slice(0, pos + 20);
    const c0 = window.tkCommits;
    const t0 = performance.now();
    flushSync(() =>
      root?.render(
        <div data-tk-part="message-body">
          <Markdown text={shown} streaming />
        </div>,
      ),
    );
    forceLayout();
    times.push(performance.now() - t0);
    await frame();
    commits.push(window.tkCommits - c0);
  }
  const last = times.slice(-100);
  return {
    chars: text.length,
    deltas: times.length,
    ...summarize(1, last),
    overallMeanMs: times.reduce((a, b) => a + b, 0) / times.length,
    ...commitStats(commits),
  };
}

/**
 * The reference: the same reply and deltas rendered by react-markdown + remark-gfm, which parses
 * the whole text again on every delta (what most chat UIs do). Same timing as {@link markdown}.
 */
async function markdownReference() {
  await unmount();
  const text = replyText();
  root = createRoot(container);
  const times: number[] = [];
  for (let pos = 0; pos < text.length; pos += 20) {
    const shown = text.slice(0, pos + 20);
    const t0 = performance.now();
    flushSync(() =>
      root?.render(
        <div data-tk-part="message-body">
          <ReactMarkdown remarkPlugins={[remarkGfm]}>{shown}</ReactMarkdown>
        </div>,
      ),
    );
    forceLayout();
    times.push(performance.now() - t0);
    if (times.length % 25 === 0) await frame();
  }
  const last = times.slice(-100);
  return {
    chars: text.length,
    deltas: times.length,
    ...summarize(1, last),
    overallMeanMs: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

/**
 * The alternative virtualizer: the same store, rows and item components in react-virtuoso
 * (measured heights, `followOutput`), to compare with TanStack Virtual inside `Thread`.
 */
type BenchStore = ReturnType<typeof createStore>;

const VirtuosoRow = memo(function VirtuosoRow({ id, store }: { id: string; store: BenchStore }) {
  const get = () => selectThreadItem(store.getState() as ThreadState, id);
  const item = useSyncExternalStore(store.subscribe, get, get);
  return item ? <ThreadItemView item={item} /> : null;
});

function VirtuosoApp({ store }: { store: BenchStore }) {
  const get = () => store.getState().itemIds;
  const ids = useSyncExternalStore(store.subscribe, get, get);
  return (
    <Thread.Root items={[]} style={{ height: 800 }}>
      <Virtuoso
        style={{ height: 800 }}
        data={ids as string[]}
        initialTopMostItemIndex={ids.length - 1}
        followOutput="auto"
        computeItemKey={(_, id) => id}
        itemContent={(_, id) => <VirtuosoRow id={id} store={store} />}
      />
    </Thread.Root>
  );
}

/** The text of an item, as the plain page shows it. */
function itemText(item: ThreadItem): string {
  if (item.type !== "user_message" && item.type !== "assistant_message") return "";
  return item.content.map((part) => part.text).join("");
}

const PlainRow = memo(function PlainRow({ item }: { item: ThreadItem }) {
  return (
    <article data-plain-row="" style={{ padding: "8px 16px", whiteSpace: "pre-wrap" }}>
      <p style={{ margin: 0 }}>{itemText(item)}</p>
    </article>
  );
});

/**
 * The floor: plain React with no library. The list subscribes to the whole state and renders
 * every item as bare elements (memoized rows), in a scrolling box that starts at the bottom.
 */
function PlainApp({ store }: { store: BenchStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const box = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  });
  return (
    <div ref={box} style={{ height: 800, overflowY: "auto" }}>
      {state.itemIds.map((id) => {
        const item = selectThreadItem(state, id);
        return item ? <PlainRow key={id} item={item} /> : null;
      })}
    </div>
  );
}

/**
 * Which list renders the thread: `Thread` (TanStack Virtual), the react-virtuoso reference, or
 * the plain-React floor.
 */
type View = "thread" | "virtuoso" | "plain";

function render(view: View, store: BenchStore) {
  root = createRoot(container);
  flushSync(() =>
    root?.render(
      view === "thread" ? (
        <App store={store} />
      ) : view === "virtuoso" ? (
        <VirtuosoApp store={store} />
      ) : (
        <PlainApp store={store} />
      ),
    ),
  );
}

/** Time to the first painted frame that shows rows, and the element count, for `n` items. */
async function mount(n: number, view: View = "thread") {
  await unmount();
  const store = createStore(Array.from({ length: n }, (_, i) => item(i)));
  const c0 = window.tkCommits;
  const start = performance.now();
  render(view, store);
  forceLayout();
  // React's work and the layout of the first commit, before any frame.
  const firstCommitMs = performance.now() - start;
  await frame();
  await rowsShown();
  // The next animation frame callback runs after the frame with the rows was painted.
  await frame();
  const firstFrame = performance.now() - start;
  const commits = window.tkCommits - c0;
  for (let i = 0; i < 10; i++) await frame();
  return {
    n,
    firstFrameMs: firstFrame,
    firstCommitMs,
    commits,
    elements: container.querySelectorAll("*").length,
  };
}

/** Per-delta commit time streaming words into a new last item of an `n`-item thread. */
async function stream(n: number, deltas: number, view: View = "thread") {
  await unmount();
  const store = createStore(Array.from({ length: n }, (_, i) => item(i)));
  render(view, store);
  await rowsShown();
  flushSync(() =>
    store.dispatch({
      type: "thread.item.added",
      item: {
        id: "live",
        thread_id: "t",
        created_at: "2026-05-01T10:00:00Z",
        type: "assistant_message",
        content: [{ type: "output_text", text: "", annotations: [] }],
      },
    }),
  );
  // Let the list scroll to the new row and render it before timing deltas into it.
  for (let i = 0; i < 30; i++) await frame();
  const times: number[] = [];
  for (let i = 0; i < deltas; i++) {
    const t0 = performance.now();
    flushSync(() => store.dispatch(delta("live", `word${i} `)));
    forceLayout();
    times.push(performance.now() - t0);
    if (i % 20 === 19) await frame();
  }
  // Then one delta per frame, counting the commits each one causes (re-measuring included).
  const commits: number[] = [];
  for (let i = 0; i < 60; i++) {
    const c0 = window.tkCommits;
    flushSync(() => store.dispatch(delta("live", `more${i} `)));
    await frame();
    await frame();
    commits.push(window.tkCommits - c0);
  }
  return { ...summarize(n, times), ...commitStats(commits) };
}

Object.assign(window, {
  tkBench: { mount, stream, markdown, markdownBare, markdownReference },
});
document.title = "ready";
