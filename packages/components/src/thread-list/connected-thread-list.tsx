import { useDeleteThread, useRenameThread, useThreads } from "@threadkit/hooks";
import { forwardRef } from "react";
import { ThreadList, type ThreadListProps } from "./thread-list";

/** Props of {@link ConnectedThreadList}. */
export interface ConnectedThreadListProps
  extends Omit<
    ThreadListProps,
    "threads" | "hasMore" | "onLoadMore" | "loadingMore" | "onRename" | "onDelete"
  > {
  /** Leave out to read the threads through `@threadkit/hooks`. */
  threads?: undefined;
  /** Threads per page. @default 30 */
  pageSize?: number;
  /** Offers renaming (`threads.update`). @default true */
  showRename?: boolean;
  /** Offers deleting after a confirmation (`threads.delete`). @default true */
  showDelete?: boolean;
  /** Called once a thread was deleted (to leave it when it was open, say). */
  onDeleted?: (threadId: string) => void;
}

/**
 * `ThreadList` fed by `@threadkit/hooks` (`useThreads`, `useRenameThread`, `useDeleteThread`):
 * pages through the history and follows every change without a refetch — a thread a first
 * message created shows at the top, a title a stream or a rename set shows at once, a deleted
 * thread leaves. Must be inside `ThreadkitProvider`.
 *
 * @example
 * <ThreadList activeThreadId={threadId} onSelect={setThreadId} onDeleted={(id) => id === threadId && setThreadId(null)} />
 */
export const ConnectedThreadList = forwardRef<HTMLElement, ConnectedThreadListProps>(
  function ConnectedThreadList(
    { pageSize = 30, showRename = true, showDelete = true, onDeleted, threads: _threads, ...props },
    ref,
  ) {
    const threads = useThreads({ pageSize });
    const remove = useDeleteThread();
    const rename = useRenameThread();
    return (
      <ThreadList
        {...props}
        ref={ref}
        threads={threads.threads}
        hasMore={threads.hasMore}
        onLoadMore={() => threads.fetchMore()}
        {...(showDelete
          ? {
              onDelete: async (id: string) => {
                await remove.mutateAsync(id);
                onDeleted?.(id);
              },
            }
          : {})}
        {...(showRename
          ? {
              onRename: async (id: string, title: string) => {
                await rename.mutateAsync({ threadId: id, title });
              },
            }
          : {})}
      />
    );
  },
);
ConnectedThreadList.displayName = "ThreadList";

/** Props of `ThreadList`: `threads` from props, or none for the hooks. */
export type ThreadListAnyProps = ThreadListProps | ConnectedThreadListProps;

/**
 * `ThreadList`. With `threads` it shows them and reports selection, renames and deletes to the
 * app; without, it reads and changes the history through `@threadkit/hooks` (inside
 * `ThreadkitProvider`) and follows created, renamed and deleted threads by itself.
 *
 * @selector [data-tk-part="thread-list"][aria-busy]
 */
export const ThreadListSwitch = forwardRef<HTMLElement, ThreadListAnyProps>(
  function ThreadListSwitch(props, ref) {
    if (props.threads === undefined) {
      return <ConnectedThreadList {...(props as ConnectedThreadListProps)} ref={ref} />;
    }
    return <ThreadList {...(props as ThreadListProps)} ref={ref} />;
  },
);
ThreadListSwitch.displayName = "ThreadList";
