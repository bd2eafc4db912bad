import { ThreadProvider, useThreadItems, useThreadStore } from "@threadkit/hooks";
import { forwardRef } from "react";
import { ThreadRoot, type ThreadRootProps } from "./thread";

/** Props of {@link ConnectedThreadRoot}. */
export interface ConnectedThreadRootProps
  extends Omit<
    ThreadRootProps,
    "items" | "store" | "source" | "hasOlder" | "loadingOlder" | "onLoadOlder"
  > {
  /** The thread to show (`null` for a new thread). */
  threadId: string | null;
  /** Items per page loaded from the server. @default 20 */
  pageSize?: number;
}

/**
 * `Thread.Root` fed by `@threadkit/hooks`: pages through `useThreadItems(threadId)`, live items
 * from the thread's store, older pages when the user scrolls up. Must be inside
 * `ThreadkitProvider`. Children can use `useThreadItem` and the other thread hooks.
 *
 * Whatever runs stream into the thread (`useRunStream`, `useComposer`, widget actions, from any
 * component) shows without wiring: `Thread.Items` ends with `Thread.RunStatus` — the notices,
 * the live progress update and the run's error with a retry button.
 */
export const ConnectedThreadRoot = forwardRef<HTMLDivElement, ConnectedThreadRootProps>(
  function ConnectedThreadRoot({ threadId, pageSize, ...props }, ref) {
    const { hasOlder, fetchOlder, isFetchingOlder } = useThreadItems(
      threadId,
      pageSize === undefined ? {} : { pageSize },
    );
    const store = useThreadStore(threadId);
    return (
      <ThreadProvider threadId={threadId} store={store}>
        <ThreadRoot
          {...props}
          ref={ref}
          store={store}
          hasOlder={hasOlder}
          loadingOlder={isFetchingOlder}
          onLoadOlder={() => void fetchOlder()}
        />
      </ThreadProvider>
    );
  },
);
ConnectedThreadRoot.displayName = "Thread.Root";

/** Props of `Thread.Root`: items from props, a store or a source — or `threadId` for the hooks. */
export type ThreadRootAnyProps = ThreadRootProps | ConnectedThreadRootProps;

/**
 * `Thread.Root`. With `threadId` it reads the thread through `@threadkit/hooks` (inside
 * `ThreadkitProvider`); otherwise it renders `items`, a `store` or a `source` from props.
 *
 * @selector [data-tk-part="thread"][data-tk-theme][dir]
 */
export const ThreadRootSwitch = forwardRef<HTMLDivElement, ThreadRootAnyProps>(
  function ThreadRootSwitch(props, ref) {
    if ("threadId" in props && props.threadId !== undefined) {
      return <ConnectedThreadRoot {...(props as ConnectedThreadRootProps)} ref={ref} />;
    }
    return <ThreadRoot {...(props as ThreadRootProps)} ref={ref} />;
  },
);
ThreadRootSwitch.displayName = "Thread.Root";
