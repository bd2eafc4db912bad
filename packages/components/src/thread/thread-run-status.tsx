import { type ComponentPropsWithoutRef, forwardRef, useSyncExternalStore } from "react";
import { useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { Notice, ProgressUpdate, StreamError } from "../items/notice";
import { useThreadContext } from "./thread-context";
import type { ThreadRunStatusSnapshot } from "./thread-source";

const none = (): ThreadRunStatusSnapshot | undefined => undefined;

const INCOMPLETE_REASONS = ["max_tokens", "max_prompt_tokens", "cancelled"] as const;

/** The message for why a run ended early; a reason this version does not know gets the generic one. */
function incompleteMessageKey(reason: string | null): MessageKey {
  const known = INCOMPLETE_REASONS.find((r) => r === reason);
  return known === undefined ? "run.incomplete" : `run.incomplete.${known}`;
}

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
 * `progress_update` while a response streams, the run's error with a retry button when the
 * server allows one, and why a run ended before its reply was finished (a warning naming the
 * token limit it reached, or that it was cancelled on the server). It reads the thread's source — with `Thread.Root threadId` (or a `store`),
 * the per-thread store that `useRunStream` writes — so it needs no props. `Thread.Items` renders
 * one after the last item; place it yourself with `<Thread.Items runStatus={false} />`.
 * Errors are `role="alert"`; progress and info notices are `role="status"`.
 *
 * Renders nothing for a source without run state (items from props). Its content is generated,
 * so it takes no `asChild`.
 *
 * @selector [data-tk-part="thread-run-status"][data-status="idle"|"running"|"error"|"incomplete"]
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
    const { notices, progress, error, incomplete, dismissNotice } = status;
    const retry = onRetry ?? status.retry;
    const ended = incomplete && !error && !progress ? incomplete : null;
    return (
      <div
        data-tk-part="thread-run-status"
        data-status={error ? "error" : progress ? "running" : ended ? "incomplete" : "idle"}
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
        {ended ? (
          <Notice
            level="warning"
            title={null}
            message={t(incompleteMessageKey(ended.reason))}
            {...(ended.reason === null ? {} : { "data-reason": ended.reason })}
          />
        ) : null}
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
