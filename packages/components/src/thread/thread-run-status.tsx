import type { ThreadRunError } from "@threadkit/hooks";
import { type ComponentPropsWithoutRef, forwardRef, useSyncExternalStore } from "react";
import { useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { Notice, ProgressUpdate, StreamError } from "../items/notice";
import { useThreadContext } from "./thread-context";
import type { ThreadRunStatusSnapshot } from "./thread-source";

const none = (): ThreadRunStatusSnapshot | undefined => undefined;

/** The sentence for each failure reason; the server's own message wins when it sent one. */
const REASON_MESSAGES: Record<ThreadRunError["reason"], MessageKey> = {
  rate_limited: "error.rateLimited",
  server_error: "error.server",
  network: "error.connection",
  not_event_stream: "error.notEventStream",
  timeout: "error.timeout",
  session_expired: "error.sessionExpired",
  unconfirmed: "error.unconfirmed",
  stream_error: "error.stream",
  request: "error.stream",
};

function messageKeyOf(error: ThreadRunError): MessageKey {
  // A failure left by an older runner may carry no reason: its kind still tells connection.
  if (error.reason === "request" && error.kind === "connection") return "error.connection";
  return REASON_MESSAGES[error.reason] ?? "error.stream";
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
 * `progress_update` while a response streams, and the run's error with a retry button when the
 * server allows one. The error says what happened (rate limited, server error, network, not an
 * event stream, timed out, session expired, message not confirmed), counts down to the time a
 * `Retry-After` names, and offers "Sign in again" for an expired session when the provider has
 * `onSessionExpired`. It reads the thread's source — with `Thread.Root threadId` (or a `store`),
 * the per-thread store that `useRunStream` writes — so it needs no props. `Thread.Items` renders
 * one after the last item; place it yourself with `<Thread.Items runStatus={false} />`.
 * Errors are `role="alert"`; progress and info notices are `role="status"`.
 *
 * Renders nothing for a source without run state (items from props). Its content is generated,
 * so it takes no `asChild`.
 *
 * @selector [data-tk-part="thread-run-status"][data-status="idle"|"running"|"error"]
 * @selector [data-tk-part="stream-error"][data-reason="rate_limited"|"server_error"|"network"|"not_event_stream"|"timeout"|"session_expired"|"unconfirmed"|"stream_error"|"request"]
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
    const { notices, progress, error, dismissNotice, reauthenticate } = status;
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
            reason={error.reason}
            message={error.message ?? t(messageKeyOf(error))}
            retryAt={error.retryAt}
            allowRetry={error.allowRetry}
            {...(retry ? { onRetry: retry } : {})}
            {...(reauthenticate ? { onReauthenticate: reauthenticate } : {})}
          />
        ) : null}
      </div>
    );
  },
);
ThreadRunStatus.displayName = "Thread.RunStatus";
