/**
 * A backend of the app's own, given to the provider as `clients.backend`: the hooks read, manage
 * and run threads through it exactly as through the built-in adapters, so adding a backend is one
 * `ThreadBackend`.
 */

import { act, renderHook, waitFor } from "@testing-library/react";
import {
  type Page,
  type Thread,
  type ThreadBackend,
  type ThreadBackendCapabilities,
  type ThreadItem,
  type ThreadRunBatch,
  type ThreadRunOperation,
  UnsupportedOperationError,
} from "@threadkit/core";
import { createAssistantMessage, createUserMessage, textDelta } from "@threadkit/core/testing";
import type { ReactNode } from "react";
import { useStore } from "zustand";
import type { ThreadkitClients } from "../src/provider/clients";
import { ThreadkitProvider } from "../src/provider/threadkit-provider";
import { useRunStream } from "../src/run/use-run-stream";
import { useThreadStore } from "../src/thread/thread-context";
import { selectThreadItem } from "../src/thread/thread-state";
import { useThreadItems } from "../src/thread/use-thread-items";
import { useRenameThread, useThreads } from "../src/threads/use-threads";

const AT = "2026-05-01T10:00:00";

/** A thread backend over two maps, as an app might write one for its own API. */
function memoryBackend(capabilities: Partial<ThreadBackendCapabilities> = {}) {
  const threads = new Map<string, Thread>();
  const items = new Map<string, ThreadItem[]>();
  const operations: ThreadRunOperation[] = [];
  const refuse = (what: string) => () =>
    Promise.reject(new UnsupportedOperationError("memory", what));
  const page = <T,>(data: T[]): Page<T> => ({ data, has_more: false, after: null });
  const add = (id: string, title: string | null, list: ThreadItem[] = []) => {
    threads.set(id, {
      id,
      title,
      created_at: AT,
      status: { type: "active" },
      metadata: {},
      items: page([]),
    } as Thread);
    items.set(id, list);
  };
  const backend: ThreadBackend = {
    capabilities: {
      run: true,
      rename: true,
      delete: true,
      feedback: false,
      attachments: false,
      customActions: false,
      transcribe: false,
      ...capabilities,
    },
    async listThreads() {
      return page([...threads.values()]);
    },
    async getThread(threadId) {
      const thread = threads.get(threadId);
      if (!thread) throw new Error(`no thread ${threadId}`);
      return { ...thread, items: page(items.get(threadId) ?? []) };
    },
    async listItems(threadId, options) {
      const list = items.get(threadId) ?? [];
      return page(options?.order === "desc" ? [...list].reverse() : list);
    },
    async renameThread(threadId, title) {
      const thread = { ...threads.get(threadId)!, title };
      threads.set(threadId, thread);
      return thread;
    },
    async deleteThread(threadId) {
      threads.delete(threadId);
    },
    feedback: refuse("feedback"),
    createAttachment: refuse("attachments"),
    uploadAttachment: refuse("attachments"),
    deleteAttachment: refuse("attachments"),
    syncCustomAction: refuse("widget actions"),
    transcribe: refuse("dictation"),
    async *run(operation, _signal, options): AsyncGenerator<ThreadRunBatch> {
      operations.push(operation);
      options?.onAccepted?.();
      if (operation.type !== "create_thread") throw new Error(`unexpected ${operation.type}`);
      const text = operation.input.content
        .map((part) => ("text" in part ? part.text : ""))
        .join("");
      const id = "thr_memory";
      add(id, null);
      const thread = await backend.getThread(id);
      const sent = createUserMessage("msg_user", text, { thread_id: id });
      const reply = createAssistantMessage("msg_reply", [""], { thread_id: id });
      yield [
        { type: "thread.created", thread },
        { type: "thread.item.done", item: sent },
      ];
      yield [{ type: "thread.item.added", item: reply }, textDelta("msg_reply", "echo: ")];
      yield [textDelta("msg_reply", text)];
      const done = createAssistantMessage("msg_reply", [`echo: ${text}`], { thread_id: id });
      items.set(id, [sent, done]);
      yield [{ type: "thread.item.done", item: done }];
    },
  };
  add("thr_old", "Earlier", [
    createUserMessage("msg_1", "hello", { thread_id: "thr_old" }),
    createAssistantMessage("msg_2", ["hi there"], { thread_id: "thr_old" }),
  ]);
  return { backend, operations, threads };
}

function wrapperFor(clients: ThreadkitClients) {
  return ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
  );
}

describe("a ThreadBackend of the app's own (`clients.backend`)", () => {
  it("lists, reads and renames threads through it", async () => {
    const { backend, threads } = memoryBackend();
    const wrapper = wrapperFor({ backend });
    const { result } = renderHook(
      () => ({
        list: useThreads(),
        history: useThreadItems("thr_old"),
        rename: useRenameThread(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.status).toBe("success"));
    expect(result.current.list.threads.map((thread) => thread.title)).toEqual(["Earlier"]);
    await waitFor(() => expect(result.current.history.itemIds).toEqual(["msg_1", "msg_2"]));
    await act(() => result.current.rename.mutateAsync({ threadId: "thr_old", title: "Renamed" }));
    expect(threads.get("thr_old")?.title).toBe("Renamed");
  });

  it("runs a new thread through it, streamed into the thread's store", async () => {
    const { backend, operations } = memoryBackend();
    const wrapper = wrapperFor({ backend });
    const { result } = renderHook(
      () => {
        const run = useRunStream(null);
        const store = useThreadStore(run.threadId);
        return { run, store, itemIds: useStore(store, (state) => state.itemIds) };
      },
      { wrapper },
    );
    expect(result.current.run.backend).toBe(backend);
    await act(() => result.current.run.send("ping"));
    expect(result.current.run.status).toBe("idle");
    expect(result.current.run.threadId).toBe("thr_memory");
    expect(operations.map((operation) => operation.type)).toEqual(["create_thread"]);
    expect(result.current.itemIds).toEqual(["msg_user", "msg_reply"]);
    const reply = selectThreadItem(result.current.store.getState(), "msg_reply");
    expect(reply?.type === "assistant_message" && reply.content[0]?.text).toBe("echo: ping");
  });

  it("takes precedence over the built-in clients", async () => {
    const { backend, operations } = memoryBackend();
    const protocolRun = vi.fn();
    const wrapper = wrapperFor({
      backend,
      protocol: { threads: { create: protocolRun } } as unknown as NonNullable<
        ThreadkitClients["protocol"]
      >,
    });
    const { result } = renderHook(() => useRunStream(null), { wrapper });
    await act(() => result.current.send("ping"));
    expect(operations).toHaveLength(1);
    expect(protocolRun).not.toHaveBeenCalled();
  });

  it("a backend that cannot run leaves runs off, with a message naming it", async () => {
    const { backend } = memoryBackend({ run: false });
    const onError = vi.fn();
    const { result } = renderHook(() => useRunStream(null), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ThreadkitProvider clients={{ backend }} onError={onError}>
          {children}
        </ThreadkitProvider>
      ),
    });
    expect(result.current.backend).toBeNull();
    await act(async () => {
      await result.current.send("ping").catch(() => {});
    });
    expect(result.current.error?.message).toMatch(/`backend`.*cannot run/);
  });
});
