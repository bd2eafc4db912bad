import { render } from "@testing-library/react";
import type { ThreadItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { ThreadProvider, useThreadStore } from "../thread/thread-context";
import type { ThreadStore } from "../thread/thread-store";
import { createThreadStoreRegistry, ThreadkitProvider } from "./threadkit-provider";

const message = (id: string, threadId: string): ThreadItem => ({
  type: "assistant_message",
  id,
  thread_id: threadId,
  created_at: "2026-05-01T10:00:00Z",
  content: [{ type: "output_text", text: `in ${threadId}`, annotations: [] }],
});

/** Shows a thread and leaves it: what a view does on mount and unmount. */
function visit(registry: ReturnType<typeof createThreadStoreRegistry>, threadId: string) {
  const store = registry.get(threadId);
  registry.retain(threadId)();
  return store;
}

/** Idle stores are dropped in a microtask after a release. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("createThreadStoreRegistry", () => {
  it("keeps the most recently used idle stores and drops older ones", async () => {
    const registry = createThreadStoreRegistry({ maxIdleStores: 2 });
    const a = visit(registry, "a");
    a.getState().upsertItem(message("m1", "a"));
    visit(registry, "b");
    expect(visit(registry, "a")).toBe(a); // now the most recent
    visit(registry, "c"); // b is the least recently used and goes
    await settle();
    expect(registry.get("a")).toBe(a);
    expect(registry.get("b").getState().itemIds).toEqual([]);
    visit(registry, "d");
    visit(registry, "e");
    await settle();
    const fresh = registry.get("a");
    expect(fresh).not.toBe(a);
    expect(fresh.getState().itemIds).toEqual([]);
  });

  it("never drops a retained store, and makes it idle again on release", async () => {
    const registry = createThreadStoreRegistry({ maxIdleStores: 0 });
    const a = registry.get("a");
    const release = registry.retain("a");
    for (const id of ["b", "c", "d"]) visit(registry, id);
    await settle();
    expect(registry.get("a")).toBe(a);
    // Two holders: the store stays until both let go.
    const second = registry.retain("a");
    release();
    release(); // releasing twice counts once
    await settle();
    expect(registry.get("a")).toBe(a);
    second();
    await settle();
    expect(registry.get("a")).not.toBe(a);
  });

  it("does not drop a store while a response streams into it", async () => {
    const registry = createThreadStoreRegistry({ maxIdleStores: 0 });
    const a = visit(registry, "a");
    a.getState().startStream();
    visit(registry, "b");
    await settle();
    expect(registry.get("a")).toBe(a);
    a.getState().finishStream();
    visit(registry, "b");
    await settle();
    expect(registry.get("a")).not.toBe(a);
  });

  it("keeps the draft store until it is adopted, then treats it like any other", async () => {
    const registry = createThreadStoreRegistry({ maxIdleStores: 1 });
    const draft = registry.get(null);
    visit(registry, "x");
    visit(registry, "y");
    await settle();
    expect(registry.get(null)).toBe(draft);
    registry.adoptDraft(draft, "new");
    expect(registry.get("new")).toBe(draft);
    expect(registry.get(null)).not.toBe(draft);
  });
});

function Show({ threadId, onStore }: { threadId: string; onStore: (s: ThreadStore) => void }) {
  onStore(useThreadStore());
  return <span>{threadId}</span>;
}

describe("ThreadkitProvider maxIdleThreadStores", () => {
  it("retains the stores of mounted threads and drops those nothing shows any more", async () => {
    const seen: Record<string, ThreadStore> = {};
    const view = (threadId: string) => (
      <ThreadkitProvider maxIdleThreadStores={1}>
        <ThreadProvider threadId="pinned">
          <Show threadId="pinned" onStore={(s) => (seen.pinned = s)} />
        </ThreadProvider>
        <ThreadProvider threadId={threadId}>
          <Show threadId={threadId} onStore={(s) => (seen[threadId] = s)} />
        </ThreadProvider>
      </ThreadkitProvider>
    );
    const { rerender } = render(view("t1"));
    const pinned = seen.pinned;
    const first = seen.t1;
    first?.getState().upsertItem(message("m1", "t1"));
    rerender(view("t2"));
    await settle();
    rerender(view("t1"));
    await settle();
    // t1 was the only idle store: still there.
    expect(seen.t1).toBe(first);
    rerender(view("t2"));
    await settle();
    rerender(view("t3"));
    await settle();
    rerender(view("t1"));
    // t2 and t3 went idle after t1: t1's store was dropped and comes back empty.
    expect(seen.t1).not.toBe(first);
    expect(seen.t1?.getState().itemIds).toEqual([]);
    // The thread shown the whole time kept its store.
    expect(seen.pinned).toBe(pinned);
  });
});
