import type { UserMessageItem } from "@threadkit/core";
import type { ThreadRunError } from "@threadkit/hooks";
import { RotateCcw } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  useEffect,
  useState,
  useSyncExternalStore,
} from "react";
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
  /**
   * Called by "Get a reply" with the user message the thread ends with when no reply followed it
   * (see `ThreadUIOptions.onRegenerate`, which it overrides). Without either, no button shows.
   */
  onRegenerate?: (item: UserMessageItem) => void;
}

/**
 * The transient state of the thread's runs: its notices (dismissable), the live
 * `progress_update` while a response streams, and the run's error with a retry button when the
 * server allows one. The error says what happened (rate limited, server error, network, not an
 * event stream, timed out, session expired, message not confirmed), counts down to the time a
 * `Retry-After` names, and offers "Sign in again" for an expired session when the provider has
 * `onSessionExpired`. It also says why a run ended before its reply was finished (a warning
 * naming the token limit it reached, or that it was cancelled on the server). It reads the thread's source — with `Thread.Root threadId` (or a `store`),
 * the per-thread store that `useRunStream` writes — so it needs no props. `Thread.Items` renders
 * one after the last item; place it yourself with `<Thread.Items runStatus={false} />`.
 * Errors are `role="alert"`; progress and info notices are `role="status"`.
 *
 * When the thread ends with a user message that no reply followed, while nothing runs or
 * failed (a server that crashed mid-turn, then a reload), it offers "Get a reply", which calls
 * `onRegenerate` with that message (the connected `Thread.Root threadId` sends
 * `threads.retry_after_item` on it by itself).
 *
 * Renders nothing for a source without run state (items from props). Its content is generated,
 * so it takes no `asChild`.
 *
 * @selector [data-tk-part="thread-run-status"][data-status="idle"|"running"|"error"|"incomplete"|"unanswered"]
 * @selector [data-tk-part="stream-error"][data-reason="rate_limited"|"server_error"|"network"|"not_event_stream"|"timeout"|"session_expired"|"unconfirmed"|"stream_error"|"request"]
 * @selector [data-tk-part="thread-run-unanswered"] (the "Get a reply" row)
 * @example
 * <Thread.Root threadId={threadId}>
 *   <Thread.Viewport>
 *     <Thread.Items runStatus={false} />
 *   </Thread.Viewport>
 *   <Thread.RunStatus />
 * </Thread.Root>
 */
export const ThreadRunStatus = forwardRef<HTMLDivElement, ThreadRunStatusProps>(
  function ThreadRunStatus({ onRetry, onRegenerate, ...props }, ref) {
    const { source } = useThreadContext("Thread.RunStatus");
    const ui = useThreadUI();
    const { t } = ui;
    const getStatus = source.getRunStatus ? () => source.getRunStatus?.() : none;
    const status = useSyncExternalStore(source.subscribe, getStatus, getStatus);
    // "Get a reply" goes at once when clicked (the run may first load its code); it can come back
    // once that run has shown an error or progress, or when another message is left unanswered.
    const [requested, setRequested] = useState<string | null>(null);
    const settled = status?.error != null || status?.progress != null;
    useEffect(() => {
      if (settled) setRequested(null);
    }, [settled]);
    if (status === undefined) return null;
    const { notices, progress, error, incomplete, dismissNotice, reauthenticate } = status;
    const retry = onRetry ?? status.retry;
    const regenerate = onRegenerate ?? ui.onRegenerate;
    const ended = incomplete && !error && !progress ? incomplete : null;
    const unanswered =
      !error && !progress && !ended && regenerate && status.unansweredMessage?.id !== requested
        ? status.unansweredMessage
        : null;
    return (
      <div
        data-tk-part="thread-run-status"
        data-status={
          error
            ? "error"
            : progress
              ? "running"
              : ended
                ? "incomplete"
                : unanswered
                  ? "unanswered"
                  : "idle"
        }
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
            reason={error.reason}
            message={error.message ?? t(messageKeyOf(error))}
            retryAt={error.retryAt}
            allowRetry={error.allowRetry}
            {...(retry ? { onRetry: retry } : {})}
            {...(reauthenticate ? { onReauthenticate: reauthenticate } : {})}
          />
        ) : null}
        {unanswered && regenerate ? (
          <div data-tk-part="thread-run-unanswered">
            <p>{t("run.unanswered")}</p>
            <button
              type="button"
              data-tk-part="button"
              data-variant="secondary"
              data-action="regenerate"
              onClick={() => {
                setRequested(unanswered.id);
                regenerate(unanswered);
              }}
            >
              <RotateCcw aria-hidden size={14} />
              {t("run.getReply")}
            </button>
          </div>
        ) : null}
      </div>
    );
  },
);
ThreadRunStatus.displayName = "Thread.RunStatus";
