// @vitest-environment happy-dom
/**
 * @threadkit/hooks in a DOM against the official-SDK server over real HTTP: sending, client
 * tools, retry, widget actions (streamed and sync), uploads, history, rename, delete, feedback.
 */
import { QueryClient } from "@tanstack/react-query";
import { act, configure, renderHook, waitFor } from "@testing-library/react";
import { selectThreadItems, type ThreadItem, type WidgetItem } from "@threadkit/core";
import {
  type ThreadkitClients,
  type ThreadkitLog,
  ThreadkitProvider,
  type UseRunStreamOptions,
  useComposer,
  useDeleteThread,
  useItemFeedback,
  useRenameThread,
  useRunStream,
  useThread,
  useThreadItems,
  useThreadStore,
  useThreads,
  useWidgetAction,
} from "@threadkit/hooks";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useStore } from "zustand";
import {
  collect,
  createdThreadId,
  officialClient,
  serverState,
  storedItems,
  textInput,
  textOf,
} from "./protocol";

// The machine running the suite is shared and often loaded: give async assertions room.
configure({ asyncUtilTimeout: 15_000 });

const client = officialClient();

// Every stream the hooks read must validate: threadkit logs the events it had to drop.
let dropped: ThreadkitLog[] = [];
beforeEach(() => {
  dropped = [];
});
afterEach(() => {
  expect(dropped, "events threadkit could not use").toEqual([]);
});

function wrapper() {
  const clients: ThreadkitClients = { protocol: client };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onLog = (log: ThreadkitLog) => {
    if (log.name.includes("malformed")) dropped.push(log);
  };
  return ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients} queryClient={queryClient} onLog={onLog}>
      {children}
    </ThreadkitProvider>
  );
}

/** A run on `threadId` (or a new thread) with the live items of its store. */
function renderRun(threadId: string | null = null, options: UseRunStreamOptions = {}) {
  return renderHook(
    () => {
      const run = useRunStream(threadId, options);
      const store = useThreadStore(run.threadId);
      const itemIds = useStore(store, (state) => state.itemIds);
      return {
        run,
        store,
        itemIds,
        get items(): ThreadItem[] {
          return selectThreadItems(store.getState());
        },
      };
    },
    { wrapper: wrapper() },
  );
}

const textItems = (items: readonly ThreadItem[]) =>
  items.map((item) => (item.type === "assistant_message" ? textOf(item) : item.type));

describe("useRunStream against the official SDK", () => {
  it("creates a thread and shows exactly what the server stored", async () => {
    const { result } = renderRun();
    await act(() => result.current.run.send("Hello from the hooks"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.error).toBeNull();
    const threadId = result.current.run.threadId!;
    expect(threadId).toMatch(/^thr_/);
    const stored = await storedItems(client, threadId);
    expect(result.current.itemIds).toEqual(stored.map((item) => item.id));
    expect(textOf(result.current.items[1])).toContain("You said: Hello from the hooks");
    expect(result.current.store.getState().thread?.title).toBe("Hello from the hooks");
  });

  it("runs a client tool and continues the reply with its output", async () => {
    const calls: unknown[] = [];
    const { result } = renderRun(null, {
      clientTools: {
        get_weather: (args) => {
          calls.push(args);
          return { temperature: 21, source: "hooks" };
        },
      },
    });
    await act(() => result.current.run.send("What is the weather?"));
    expect(calls).toEqual([{ city: "Oslo" }]);
    expect(textOf(result.current.items.at(-1))).toBe(
      'Weather from the browser: {"source": "hooks", "temperature": 21}',
    );
    const stored = await storedItems(client, result.current.run.threadId!);
    expect(stored.map((item) => item.id)).toEqual(result.current.itemIds);
    expect(stored[2]).toMatchObject({ type: "client_tool_call", status: "completed" });
  });

  it("shows the error of a failed reply and retries it", async () => {
    const { result } = renderRun();
    await act(() => result.current.run.send("flaky please"));
    expect(result.current.run.status).toBe("error");
    expect(result.current.run.error?.message).toContain("The scripted model failed; try again.");
    await act(() => result.current.run.retry());
    expect(result.current.run.error).toBeNull();
    const stored = await storedItems(client, result.current.run.threadId!);
    expect(stored).toHaveLength(2);
    expect(textOf(stored[1])).toContain("Attempt 2.");
    // Only what the server kept: the half reply of the failed attempt is gone.
    expect(result.current.itemIds).toEqual(stored.map((item) => item.id));
  });

  it("drops the replaced reply after retryAfterItem", async () => {
    const { result } = renderRun();
    await act(() => result.current.run.send("answer me twice"));
    const [userId, oldReplyId] = result.current.itemIds;
    await act(() => result.current.run.retryAfterItem(userId!));
    const stored = await storedItems(client, result.current.run.threadId!);
    expect(stored.map((item) => item.id)).not.toContain(oldReplyId);
    expect(textItems(result.current.items)).toEqual(textItems(stored));
    expect(result.current.itemIds).toEqual(stored.map((item) => item.id));
  });
});

describe("cancelling a run against the official SDK", () => {
  it("stops the reply; the page keeps what arrived and the server keeps the same text", async () => {
    const { result } = renderRun();
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.run.send("tell me a long story");
    });
    await waitFor(() => expect(textOf(result.current.items[1])).toMatch(/Chapter 2/));
    expect(result.current.run.allowCancel).toBe(true);
    act(() => result.current.run.cancel());
    await act(() => done);
    expect(result.current.run.isRunning).toBe(false);
    const shown = textOf(result.current.items[1]);
    expect(shown).not.toMatch(/Chapter 40 goes on\.$/);
    const threadId = result.current.run.threadId!;
    await waitFor(async () =>
      expect((await storedItems(client, threadId)).map((item) => item.type)).toEqual([
        "user_message",
        "assistant_message",
      ]),
    );
    const kept = textOf((await storedItems(client, threadId))[1]);
    expect(kept.startsWith(shown)).toBe(true);
    expect(result.current.itemIds).toEqual((await storedItems(client, threadId)).map((i) => i.id));
  });
});

describe("useWidgetAction against the official SDK", () => {
  function renderWidgetRun() {
    return renderHook(
      () => {
        const run = useRunStream(null);
        const actions = useWidgetAction({ run });
        const store = useThreadStore(run.threadId);
        useStore(store, (state) => state.itemIds);
        return {
          run,
          actions,
          store,
          get items(): ThreadItem[] {
            return selectThreadItems(store.getState());
          },
        };
      },
      { wrapper: wrapper() },
    );
  }

  const widgetOf = (items: readonly ThreadItem[]) =>
    items.find((item): item is WidgetItem => item.type === "widget");

  const buttonAction = (widget: WidgetItem, label: string) => {
    const found = JSON.stringify(widget.widget).match(
      new RegExp(`"label":"${label}","onClickAction":(\\{[^}]*\\{[^}]*\\}[^}]*\\})`),
    );
    if (!found?.[1]) throw new Error(`no ${label} button in ${JSON.stringify(widget.widget)}`);
    return JSON.parse(found[1]);
  };

  it("streams a button's server action and replaces the widget", async () => {
    const { result } = renderWidgetRun();
    await act(() => result.current.run.send("Show me a widget"));
    const widget = widgetOf(result.current.items)!;
    const action = buttonAction(widget, "Greet");
    expect(action).toMatchObject({ type: "greet", payload: { name: "Ada" } });
    await act(() => result.current.actions.dispatch(action, { id: widget.id, item: widget }));
    expect(result.current.actions.error).toBeNull();
    await waitFor(() =>
      expect(JSON.stringify(widgetOf(result.current.items)?.widget)).toContain("Hello, Ada!"),
    );
    expect(textOf(result.current.items.at(-1))).toBe("Greeted Ada from the widget.");
  });

  it("answers a streaming: false action through threads.sync_custom_action", async () => {
    const { result } = renderWidgetRun();
    await act(() => result.current.run.send("Show me a widget"));
    const widget = widgetOf(result.current.items)!;
    const action = buttonAction(widget, "Like");
    expect(action).toMatchObject({ type: "like", streaming: false });
    const before = result.current.items.length;
    await act(() => result.current.actions.dispatch(action, { id: widget.id, item: widget }));
    expect(result.current.actions.error).toBeNull();
    await waitFor(() =>
      expect(JSON.stringify(widgetOf(result.current.items)?.widget)).toContain('"value":"Liked"'),
    );
    expect(result.current.items).toHaveLength(before);
    const stored = await storedItems(client, result.current.run.threadId!);
    expect(JSON.stringify(stored.find((item) => item.id === widget.id))).toContain(
      '"value":"Liked"',
    );
  });
});

describe("useComposer against the official SDK", () => {
  it("uploads two-phase and sends the attachment with the message", async () => {
    const { result } = renderHook(
      () => {
        const run = useRunStream(null);
        const composer = useComposer({ run });
        return { run, composer };
      },
      { wrapper: wrapper() },
    );
    act(() => {
      result.current.composer.addFiles([
        new File(["composer upload"], "composer.txt", { type: "text/plain" }),
      ]);
    });
    await waitFor(() => expect(result.current.composer.attachments[0]?.status).toBe("done"));
    const attachmentId = result.current.composer.attachments[0]?.attachment?.id;
    expect((await serverState()).uploads[attachmentId!]).toBe(15);
    act(() => result.current.composer.setText("Sending a file"));
    await act(async () => {
      await result.current.composer.submit();
    });
    const [user, reply] = await storedItems(client, result.current.run.threadId!);
    expect(user?.type === "user_message" && user.attachments.map((a) => a.id)).toEqual([
      attachmentId,
    ]);
    expect(textOf(reply)).toContain("Attachments: composer.txt (text/plain, 15 bytes)");
    expect(result.current.composer.attachments).toEqual([]);
  });
});

describe("history hooks against the official SDK", () => {
  async function threadWithTurns(turns: string[]): Promise<string> {
    const { result, unmount } = renderRun();
    await act(() => result.current.run.send(turns[0]!));
    const threadId = result.current.run.threadId!;
    unmount();
    const more = renderRun(threadId);
    for (const text of turns.slice(1)) await act(() => more.result.current.run.send(text));
    more.unmount();
    return threadId;
  }

  it("loads a thread's items page by page (items.list, newest first)", async () => {
    const threadId = await threadWithTurns(["history one", "history two", "history three"]);
    const stored = await storedItems(client, threadId);
    const { result } = renderHook(() => useThreadItems(threadId, { pageSize: 2 }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.itemIds).toEqual(stored.slice(-2).map((item) => item.id));
    while (result.current.hasOlder) await act(() => result.current.fetchOlder());
    expect(result.current.itemIds).toEqual(stored.map((item) => item.id));
  });

  it("lists threads in pages and loads more", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const events = await collect(await client.threads.create(textInput(`listed ${n}`)));
      ids.unshift(createdThreadId(events));
    }
    const { result } = renderHook(() => useThreads({ pageSize: 2 }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.threads.map((t) => t.id)).toEqual(ids.slice(0, 2));
    expect(result.current.threads[0]).toMatchObject({ title: "listed 4" });
    expect(result.current.hasMore).toBe(true);
    await act(() => result.current.fetchMore());
    await waitFor(() => expect(result.current.threads.map((t) => t.id)).toEqual(ids));
  });

  it("renames the open thread and shows the new title", async () => {
    const { result } = renderHook(
      () => {
        const run = useRunStream(null);
        const thread = useThread(run.threadId);
        const rename = useRenameThread();
        return { run, thread, rename };
      },
      { wrapper: wrapper() },
    );
    await act(() => result.current.run.send("a title to change"));
    const threadId = result.current.run.threadId!;
    await waitFor(() => expect(result.current.thread.thread?.title).toBe("a title to change"));
    await act(() => result.current.rename.mutateAsync({ threadId, title: "Renamed in hooks" }));
    expect((await client.threads.getById(threadId)).title).toBe("Renamed in hooks");
    // The rename is applied in the cache at once; no need to wait long for it.
    await waitFor(() => expect(result.current.thread.thread?.title).toBe("Renamed in hooks"), {
      timeout: 3_000,
    });
  });

  it("deletes a thread from the list and the server", async () => {
    const threadId = await threadWithTurns(["delete me from hooks"]);
    const { result } = renderHook(
      () => ({ threads: useThreads({ pageSize: 5 }), remove: useDeleteThread() }),
      { wrapper: wrapper() },
    );
    await waitFor(() =>
      expect(result.current.threads.threads.map((t) => t.id)).toContain(threadId),
    );
    await act(() => result.current.remove.mutateAsync(threadId));
    expect(result.current.threads.threads.map((t) => t.id)).not.toContain(threadId);
    await expect(client.threads.getById(threadId)).rejects.toMatchObject({ status: 404 });
  });

  it("sends feedback with useItemFeedback", async () => {
    const threadId = await threadWithTurns(["feedback from hooks"]);
    const [, reply] = await storedItems(client, threadId);
    const { result } = renderHook(() => useItemFeedback(threadId), { wrapper: wrapper() });
    await act(() => result.current.mutateAsync({ itemIds: [reply!.id], kind: "positive" }));
    expect((await serverState()).feedback.filter((f) => f.thread_id === threadId)).toEqual([
      { thread_id: threadId, item_ids: [reply!.id], kind: "positive" },
    ]);
  });
});
