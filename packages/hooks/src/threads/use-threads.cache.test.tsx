import { act, render, renderHook, waitFor } from "@testing-library/react";
import { createChatKitClient } from "@threadkit/core";
import { type ReactNode, StrictMode } from "react";
import { closeAfterCleanup, sendJson, startServer, type TestServer } from "../../test/http-server";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useDeleteThread, useRenameThread, useThreads } from "./use-threads";

// The history lists live in the provider's own cache (no TanStack Query): these pin what the
// query library gave before — paging, one request per list, reloads, errors, StrictMode.

const thread = (n: number) => ({
  id: `thr_${n}`,
  title: `Thread ${n}`,
  created_at: `2026-05-${String(10 + (n % 20)).padStart(2, "0")}T10:00:00`,
  status: { type: "active" },
  metadata: {},
  items: { data: [], has_more: false },
});
const ALL = [5, 4, 3, 2, 1].map(thread);

/** The titles of a list of two, with its status. */
function ListProbe() {
  const list = useThreads({ pageSize: 2 });
  return <p data-testid="list">{`${list.status}:${list.threads.map((t) => t.title).join(",")}`}</p>;
}

describe("useThreads on the provider's cache", () => {
  let server: TestServer;
  let failLists = false;
  let failWrites = false;
  let titles: Record<string, string> = {};
  // Counted when the request starts (the server sees it only later).
  let listStarts = 0;
  afterEach(() => {
    failLists = false;
    failWrites = false;
    titles = {};
    listStarts = 0;
    return closeAfterCleanup(server);
  });

  beforeEach(async () => {
    server = await startServer(async (request, res) => {
      const { type, params } = request.body;
      if (type === "threads.list") {
        if (failLists) return sendJson(res, 500, { detail: "down" });
        const start = params.after ? ALL.findIndex((t) => t.id === params.after) + 1 : 0;
        const data = ALL.slice(start, start + params.limit).map((t) => ({
          ...t,
          title: titles[t.id] ?? t.title,
        }));
        const more = start + params.limit < ALL.length;
        return sendJson(res, 200, { data, has_more: more, after: more ? data.at(-1)?.id : null });
      }
      if (failWrites) return sendJson(res, 500, { detail: "refused" });
      if (type === "threads.update") {
        titles[params.thread_id] = params.title;
        return sendJson(res, 200, { ...thread(Number(params.thread_id.slice(4))), ...params });
      }
      return sendJson(res, 200, {});
    });
  });

  function wrapperFor(strict = false) {
    const clients = {
      protocol: createChatKitClient({
        url: server.url,
        maxRetries: 0,
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          if (typeof init?.body === "string" && init.body.includes('"threads.list"'))
            listStarts += 1;
          return fetch(input, init);
        },
      }),
    };
    return ({ children }: { children: ReactNode }) => {
      const tree = <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>;
      return strict ? <StrictMode>{tree}</StrictMode> : tree;
    };
  }
  const ids = (threads: readonly { id: string }[]) => threads.map((t) => t.id);

  it("pages through the history with fetchMore and hasMore", async () => {
    const { result } = renderHook(() => useThreads({ pageSize: 2 }), { wrapper: wrapperFor() });
    expect(result.current.status).toBe("pending");
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(ids(result.current.threads)).toEqual(["thr_5", "thr_4"]);
    expect(result.current.hasMore).toBe(true);
    let more: Promise<void> = Promise.resolve();
    act(() => {
      more = result.current.fetchMore();
    });
    expect(result.current.isFetchingMore).toBe(true);
    await act(() => more);
    expect(result.current.isFetchingMore).toBe(false);
    expect(ids(result.current.threads)).toEqual(["thr_5", "thr_4", "thr_3", "thr_2"]);
    await act(() => result.current.fetchMore());
    expect(ids(result.current.threads)).toHaveLength(5);
    expect(result.current.hasMore).toBe(false);
    const cursors = server.requests.map((r) => r.body.params.after);
    expect(cursors).toEqual([null, "thr_4", "thr_2"]);
  });

  it("sends one request for a list however many components show it, in StrictMode too", async () => {
    const { result } = renderHook(
      () => ({ a: useThreads({ pageSize: 2 }), b: useThreads({ pageSize: 2 }) }),
      { wrapper: wrapperFor(true) },
    );
    await waitFor(() => expect(result.current.a.status).toBe("success"));
    expect(result.current.b.threads).toEqual(result.current.a.threads);
    expect(listStarts).toBe(1);
  });

  it("keeps the pages across a remount and reloads them behind what it shows", async () => {
    const Wrapper = wrapperFor();
    const view = render(
      <Wrapper>
        <ListProbe />
      </Wrapper>,
    );
    await waitFor(() =>
      expect(view.getByTestId("list").textContent).toBe("success:Thread 5,Thread 4"),
    );
    view.rerender(<Wrapper>{null}</Wrapper>);
    titles.thr_5 = "Renamed elsewhere";
    view.rerender(
      <Wrapper>
        <ListProbe />
      </Wrapper>,
    );
    // The loaded pages show at once, no pending state…
    expect(view.getByTestId("list").textContent).toBe("success:Thread 5,Thread 4");
    // …and they are read again.
    await waitFor(() =>
      expect(view.getByTestId("list").textContent).toBe("success:Renamed elsewhere,Thread 4"),
    );
    expect(listStarts).toBe(2);
  });

  it("reloads when the window comes back into view, not when the provider re-renders", async () => {
    const protocol = createChatKitClient({
      url: server.url,
      maxRetries: 0,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        if (typeof init?.body === "string" && init.body.includes('"threads.list"')) listStarts += 1;
        return fetch(input, init);
      },
    });
    // A new `clients` object on every render, as an inline prop makes it.
    const { result, rerender } = renderHook(() => useThreads({ pageSize: 2 }), {
      wrapper: ({ children }) => (
        <ThreadkitProvider clients={{ protocol }}>{children}</ThreadkitProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe("success"));
    rerender();
    rerender();
    await act(() => Promise.resolve());
    expect(listStarts).toBe(1);
    titles.thr_5 = "Seen on return";
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await waitFor(() => expect(result.current.threads[0]?.title).toBe("Seen on return"));
    expect(listStarts).toBe(2);
  });

  it("shows a failed load as an error and loads again on refetch", async () => {
    failLists = true;
    const { result } = renderHook(() => useThreads({ pageSize: 2 }), { wrapper: wrapperFor() });
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.threads).toEqual([]);
    failLists = false;
    await act(() => result.current.refetch());
    expect(result.current.status).toBe("success");
    expect(result.current.error).toBeNull();
    expect(ids(result.current.threads)).toEqual(["thr_5", "thr_4"]);
  });

  it("loads nothing while disabled", async () => {
    const { result, rerender } = renderHook(({ enabled }) => useThreads({ pageSize: 2, enabled }), {
      wrapper: wrapperFor(),
      initialProps: { enabled: false },
    });
    await act(() => Promise.resolve());
    expect(result.current.status).toBe("pending");
    expect(listStarts).toBe(0);
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.status).toBe("success"));
  });

  it("follows a rename and a delete in every list (each page size) without a refetch", async () => {
    const { result } = renderHook(
      () => ({
        small: useThreads({ pageSize: 2 }),
        large: useThreads({ pageSize: 5 }),
        rename: useRenameThread(),
        remove: useDeleteThread(),
      }),
      { wrapper: wrapperFor() },
    );
    await waitFor(() => expect(result.current.large.threads).toHaveLength(5));
    await waitFor(() => expect(result.current.small.threads).toHaveLength(2));
    const data = await act(() =>
      result.current.rename.mutateAsync({ threadId: "thr_4", title: "New name" }),
    );
    expect(data?.title).toBe("New name");
    expect(result.current.rename.isSuccess).toBe(true);
    expect(result.current.small.threads[1]?.title).toBe("New name");
    expect(result.current.large.threads[1]?.title).toBe("New name");
    await act(() => result.current.remove.mutateAsync("thr_5"));
    expect(ids(result.current.small.threads)).toEqual(["thr_4"]);
    expect(ids(result.current.large.threads)).toEqual(["thr_4", "thr_3", "thr_2", "thr_1"]);
    expect(listStarts).toBe(2);
  });

  it("reports a refused rename, runs the call's onError, and reads the lists again", async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => ({ list: useThreads(), rename: useRenameThread() }), {
      wrapper: wrapperFor(),
    });
    await waitFor(() => expect(result.current.list.threads).toHaveLength(5));
    failWrites = true;
    act(() => {
      result.current.rename.mutate({ threadId: "thr_3", title: "Nope" }, { onError });
    });
    expect(result.current.list.threads[2]?.title).toBe("Nope");
    await waitFor(() => expect(result.current.rename.status).toBe("error"));
    expect(result.current.list.threads[2]?.title).toBe("Thread 3");
    expect(onError).toHaveBeenCalledWith(expect.any(Error), { threadId: "thr_3", title: "Nope" });
    expect(listStarts).toBe(2);
  });

  it("reloads the shown lists on invalidateThreads", async () => {
    const { result } = renderHook(
      () => ({ list: useThreads({ pageSize: 5 }), context: useThreadkitContext() }),
      { wrapper: wrapperFor() },
    );
    await waitFor(() => expect(result.current.list.status).toBe("success"));
    titles.thr_1 = "Changed on the server";
    await act(() => result.current.context.invalidateThreads());
    expect(result.current.list.threads[4]?.title).toBe("Changed on the server");
    expect(listStarts).toBe(2);
  });
});
