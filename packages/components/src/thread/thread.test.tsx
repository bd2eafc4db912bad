import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { AssistantMessageItem } from "@threadkit/core";
import { assistant, conversation, createTestStore, user } from "../../test/helpers";
import { type ItemRendererProps, ThreadUIProvider } from "../context";
import { loadLocale } from "../i18n/locales";
import { AssistantMessage } from "../items/assistant-message";
import { ThreadEmpty, ThreadRoot, ThreadScrollToBottom, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

// Catalogs other than English load on first use; these tests read them from the first render.
beforeAll(() => Promise.all([loadLocale("de"), loadLocale("ar")]));

function View(props: Parameters<typeof ThreadRoot>[0]) {
  return (
    <ThreadRoot {...props}>
      <ThreadViewport>
        <ThreadEmpty />
        <ThreadItems />
      </ThreadViewport>
      <ThreadScrollToBottom />
    </ThreadRoot>
  );
}

const renders = new Map<string, number>();
const userRenders = { count: 0 };
function Counting(props: ItemRendererProps<AssistantMessageItem>) {
  renders.set(props.item.id, (renders.get(props.item.id) ?? 0) + 1);
  return <AssistantMessage {...props} />;
}
function CountingUser() {
  userRenders.count++;
  return null;
}

describe("Thread", () => {
  it("shows the empty state only without items", () => {
    const { rerender } = render(<View items={[]} />);
    expect(screen.getByText("What can I help with today?")).toBeInTheDocument();
    rerender(<View items={[user("u", "Hi")]} />);
    expect(screen.queryByText("What can I help with today?")).toBeNull();
    expect(screen.getByText("Hi")).toBeInTheDocument();
  });

  it("labels the scroll region, sets direction and theme", () => {
    render(<View items={[]} locale="ar" theme="dark" />);
    const region = screen.getByRole("region", { name: "المحادثة" });
    const root = region.closest("[data-tk-part='thread']");
    expect(root).toHaveAttribute("dir", "rtl");
    expect(root).toHaveAttribute("data-tk-theme", "dark");
  });

  it("a text delta re-renders only the streaming item", () => {
    const store = createTestStore([...conversation(40), assistant("live", "Hello")]);
    store.dispatch({ type: "thread.item.added", item: assistant("live2", "") });
    render(
      <View
        store={store}
        virtualize={false}
        renderers={{ assistant_message: Counting, user_message: CountingUser }}
      />,
    );
    renders.clear();
    userRenders.count = 0;
    act(() => {
      store.dispatch({
        type: "thread.item.updated",
        item_id: "live2",
        update: {
          type: "assistant_message.content_part.added",
          content_index: 0,
          content: { type: "output_text", text: "", annotations: [] },
        },
      });
    });
    renders.clear();
    for (let i = 0; i < 5; i++) {
      act(() => {
        store.dispatch({
          type: "thread.item.updated",
          item_id: "live2",
          update: {
            type: "assistant_message.content_part.text_delta",
            content_index: 0,
            delta: `word${i} `,
          },
        });
      });
    }
    expect([...renders.keys()]).toEqual(["live2"]);
    expect(renders.get("live2")).toBe(5);
    expect(userRenders.count).toBe(0);
    expect(screen.getByText(/word0 word1 word2 word3 word4/)).toBeInTheDocument();
  });

  it("announces a finished reply once, not per delta", () => {
    const store = createTestStore([user("u", "Question")]);
    render(<View store={store} />);
    const announcer = document.querySelector("[data-tk-part='thread-announcer']");
    act(() => store.dispatch({ type: "thread.item.added", item: assistant("a", "") }));
    act(() =>
      store.dispatch({
        type: "thread.item.updated",
        item_id: "a",
        update: {
          type: "assistant_message.content_part.added",
          content_index: 0,
          content: { type: "output_text", text: "", annotations: [] },
        },
      }),
    );
    act(() =>
      store.dispatch({
        type: "thread.item.updated",
        item_id: "a",
        update: {
          type: "assistant_message.content_part.text_delta",
          content_index: 0,
          delta: "The **answer** is 42.",
        },
      }),
    );
    expect(announcer).toHaveTextContent("");
    act(() =>
      store.dispatch({ type: "thread.item.done", item: assistant("a", "The **answer** is 42.") }),
    );
    expect(announcer).toHaveTextContent("Assistant replied: The answer is 42.");
    expect(announcer).toHaveAttribute("aria-live", "polite");
    act(() => store.dispatch({ type: "thread.item.added", item: user("u2", "Next") }));
    expect(announcer).toHaveTextContent("Assistant replied: The answer is 42.");
  });

  it("does not announce replies loaded from history", () => {
    render(<View items={[user("u", "Q"), assistant("a", "Old answer")]} />);
    expect(document.querySelector("[data-tk-part='thread-announcer']")).toHaveTextContent("");
  });

  it("virtualizes long threads and offers older pages", async () => {
    const onLoadOlder = vi.fn();
    render(<View items={conversation(5000)} hasOlder onLoadOlder={onLoadOlder} />);
    // While the virtualizer loads, only the last rows are mounted, in flow.
    expect(document.querySelectorAll("[data-tk-part='thread-row']").length).toBeLessThanOrEqual(
      120,
    );
    await waitFor(
      () =>
        expect(document.querySelector("[data-tk-part='thread-items']")).toHaveAttribute(
          "data-virtualized",
        ),
      { timeout: 5000 },
    );
    const rows = document.querySelectorAll("[data-tk-part='thread-row']");
    expect(rows.length).toBeLessThan(100);
    act(() => screen.getByRole("button", { name: "Load earlier messages" }).click());
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });

  it("jumps to the latest item without animation when the user prefers reduced motion", () => {
    const matchMedia = vi.fn((query: string) => ({
      matches: query === "(prefers-reduced-motion: reduce)",
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    vi.stubGlobal("matchMedia", matchMedia);
    try {
      render(<View items={conversation(4)} virtualize={false} />);
      const viewport = screen.getByRole("region", { name: "Conversation" });
      Object.defineProperties(viewport, {
        scrollHeight: { configurable: true, value: 2000 },
        clientHeight: { configurable: true, value: 500 },
      });
      const scrollTo = vi.fn();
      viewport.scrollTo = scrollTo as typeof viewport.scrollTo;
      viewport.scrollTop = 600;
      fireEvent.scroll(viewport);
      const jump = screen.getByRole("button", { name: "Jump to latest" });
      jump.focus();
      fireEvent.click(jump);
      expect(scrollTo).toHaveBeenCalledWith({ top: 2000, behavior: "auto" });
      expect(matchMedia).toHaveBeenCalledWith("(prefers-reduced-motion: reduce)");
      // The button is gone; focus is on the conversation, not on the page.
      expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
      expect(viewport).toHaveFocus();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("inherits provider options and lets the root override them", () => {
    render(
      <ThreadUIProvider locale="de">
        <View items={[]} />
      </ThreadUIProvider>,
    );
    expect(screen.getByRole("region", { name: "Unterhaltung" })).toBeInTheDocument();
  });

  describe("autoScroll", () => {
    /** Renders a thread at its bottom, then grows its content by 600px (a streaming reply's growth). */
    function grow(autoScroll?: boolean, streaming = true): HTMLElement {
      const observers: ResizeObserverCallback[] = [];
      vi.stubGlobal(
        "ResizeObserver",
        class {
          constructor(callback: ResizeObserverCallback) {
            observers.push(callback);
          }
          observe() {}
          unobserve() {}
          disconnect() {}
        },
      );
      try {
        render(
          <ThreadRoot
            items={[...conversation(4), assistant("live", "Hello")]}
            streamingItemIds={streaming ? ["live"] : []}
            virtualize={false}
          >
            <ThreadViewport>
              <ThreadItems {...(autoScroll === undefined ? {} : { autoScroll })} />
            </ThreadViewport>
          </ThreadRoot>,
        );
        const viewport = screen.getByRole("region", { name: "Conversation" });
        const height = { value: 2000 };
        Object.defineProperties(viewport, {
          scrollHeight: { configurable: true, get: () => height.value },
          clientHeight: { configurable: true, value: 500 },
        });
        viewport.scrollTop = 1500;
        fireEvent.scroll(viewport);
        height.value = 2600;
        act(() => {
          for (const callback of observers) callback([], {} as ResizeObserver);
        });
        return viewport;
      } finally {
        vi.unstubAllGlobals();
      }
    }

    it("follows a growing reply while the reader is at the bottom by default", () => {
      expect(grow().scrollTop).toBe(2600);
    });

    it("leaves the reader where they are with autoScroll={false}", () => {
      expect(grow(false).scrollTop).toBe(1500);
    });

    it("still follows rows settling with autoScroll={false} while nothing streams", () => {
      expect(grow(false, false).scrollTop).toBe(2600);
    });
  });
});
