import type { ThreadMetadata } from "@threadkit/core";
import { useEffect, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { getHistorySource } from "../internal/history-source";
import { useThreadkitContext } from "../provider/threadkit-context";
import { useResolvedThreadStore } from "./thread-context";
import type { ThreadDetailSnapshot } from "./thread-data";

/** What {@link useThread} returns. */
export interface UseThreadResult {
  /**
   * The thread's metadata: loaded with `threads.get_by_id`, and kept current by its streams
   * (`thread.created`, `thread.updated`) and by `useRenameThread`. Before it loaded (or without
   * a history client), the version its live store got from a stream.
   */
  thread: ThreadMetadata | null;
  status: "pending" | "success" | "error";
  error: Error | null;
}

const NONE: ThreadDetailSnapshot = Object.freeze({ thread: null, status: "success", error: null });
const noSubscription = () => () => {};

/**
 * One thread's metadata (title, status), loaded with `threads.get_by_id` by a plain request
 * (one per thread however many components ask; kept across remounts). Streams of the thread
 * (`thread.updated`) and renames (`useRenameThread`) update the same metadata, so a header
 * showing it follows both at once; an answer read before such a change never undoes it.
 */
export function useThread(threadId: string | null): UseThreadResult {
  const context = useThreadkitContext("useThread");
  const store = useResolvedThreadStore(threadId, undefined, "useThread");
  const live = useStore(store, (state) => state.thread);
  const handle = threadId === null ? null : context.threadData.detail(threadId);
  const detail = useSyncExternalStore(
    handle?.subscribe ?? noSubscription,
    handle?.getSnapshot ?? (() => NONE),
    handle?.getSnapshot ?? (() => NONE),
  );
  const { clients } = context;
  useEffect(() => {
    if (handle === null || threadId === null) return;
    handle
      .load(
        (signal) => getHistorySource(clients, "useThread").getThread(threadId, signal),
        () => {
          const thread = store.getState().thread;
          return thread?.id === threadId ? thread : null;
        },
      )
      .catch(() => {});
  }, [handle, clients, threadId, store]);
  const thread = threadId === null ? live : live?.id === threadId ? live : (detail.thread ?? null);
  return {
    thread,
    status: threadId === null || thread !== null ? "success" : detail.status,
    error: detail.error,
  };
}
