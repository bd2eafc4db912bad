import { type ComponentPropsWithoutRef, forwardRef, useSyncExternalStore } from "react";
import { useThreadUI } from "../context";
import { Notice, ProgressUpdate, StreamError } from "../items/notice";
import { useThreadContext } from "./thread-context";
import type { ThreadRunStatusSnapshot } from "./thread-source";

const none = (): ThreadRunStatusSnapshot | undefined => undefined;

/** Props of {@link ThreadRunStatus}. */
export interface ThreadRunStatusProps extends ComponentPropsWithoutRef<"div"> {
  /**
   * Called by the retry button instead of the failed run's own retry. Without it the button
   * calls the `retry` of the `useRunStream` whose run failed, and shows only when the server
   * allows a retry.
   */
  onRetry?: () => void;
}

/**
 * The transient state of the thread's runs: its notices (dismissable), the live
 * `progress_update` while a response streams, and the run's error with a retry button when the
 * server allows one. It reads the thread's source — with `Thread.Root threadId` (or a `store`),
 * the per-thread store that `useRunStream` writes — so it needs no props. `Thread.Items` renders
 * one after the last item; place it yourself with `<Thread.Items runStatus={false} />`.
 * Errors are `role="alert"`; progress and info notices are `role="status"`.
 *
 * Renders nothing for a source without run state (items from props). Its content is generated,
 * so it takes no `asChild`.
 *
 * @selector [data-tk-part="thread-run-status"][data-status="idle"|"running"|"error"]
 * @example
 * <Thread.Root threadId={threadId}>
 *   <Thread.Viewport>
 *     <Thread.Items runStatus={false} />
 *   </Thread.Viewport>
 *   <Thread.RunStatus />
 * </Thread.Root>
 */
export const ThreadRunStatus = forwardRef<HTMLDivElement, ThreadRunStatusProps>(
  function ThreadRunStatus({ onRetry, ...props }, ref) {
    const { source } = useThreadContext("Thread.RunStatus");
    const { t } = useThreadUI();
    const getStatus = source.getRunStatus ? () => source.getRunStatus?.() : none;
    const status = useSyncExternalStore(source.subscribe, getStatus, getStatus);
    if (status === undefined) return null;
    const { notices, progress, error, dismissNotice } = status;
    const retry = onRetry ?? status.retry;
    return (
      <div
        data-tk-part="thread-run-status"
        data-status={error ? "error" : progress ? "running" : "idle"}
        {...props}
        ref={ref}
      >
        {notices.map((notice) => (
          <Notice
            key={notice.seq}
            level={notice.level}
            title={notice.title}
            message={notice.message}
            {...(dismissNotice ? { onDismiss: () => dismissNotice(notice.seq) } : {})}
          />
        ))}
        {progress && !error ? <ProgressUpdate text={progress.text} icon={progress.icon} /> : null}
        {error ? (
          <StreamError
            code={error.code}
            message={
              error.message ?? t(error.kind === "connection" ? "error.connection" : "error.stream")
            }
            allowRetry={error.allowRetry}
            {...(retry ? { onRetry: retry } : {})}
          />
        ) : null}
      </div>
    );
  },
);
ThreadRunStatus.displayName = "Thread.RunStatus";
