import type { UserMessageItem } from "@threadkit/core";
import { RotateCcw, X } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
} from "react";
import { useThreadUI } from "../context";
import { lazyModule, useLazyModule } from "../internal/lazy-module";
import { useThreadContext } from "./thread-context";
import type { ThreadRunStatusSnapshot } from "./thread-source";

const none = (): ThreadRunStatusSnapshot | undefined => undefined;

// The notices, progress, early end and error load with the rarer item renderers (one chunk): a
// thread that no run touched never loads them. They load when a run starts on the thread (before
// its first event), or at once when the thread has one to show.
const body = lazyModule(() => import("../items/rare-renderers").then((m) => m.RunStatusBody));

/** @internal Loads what `Thread.RunStatus` shows for a run (tests render it without waiting). */
export const preloadRunStatus = () => body.preload();

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
 * What shows a run's state loads with the rarer item renderers' chunk when a run starts on the
 * thread (the snapshot's `running`) or when there is one to show; if it cannot load, an alert says
 * the connection failed and offers "Try again".
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
    const Body = useLazyModule(body);
    const [failed, setFailed] = useState(false);
    const load = useCallback(() => {
      setFailed(false);
      body.preload().catch(() => setFailed(true));
    }, []);
    // Loaded when a run starts (before its first event), or when the thread has something to show.
    const needed =
      status !== undefined &&
      (status.running === true ||
        status.notices.length > 0 ||
        !!status.progress ||
        !!status.incomplete ||
        !!status.error);
    useEffect(() => {
      if (needed && !Body) load();
    }, [needed, Body, load]);
    if (status === undefined) return null;
    const { notices, progress, error, incomplete } = status;
    const retry = onRetry ?? status.retry;
    const regenerate = onRegenerate ?? ui.onRegenerate;
    const ended = incomplete && !error && !progress ? incomplete : null;
    const unanswered =
      !error && !progress && !ended && regenerate && status.unansweredMessage?.id !== requested
        ? status.unansweredMessage
        : null;
    const shown = notices.length > 0 || progress || ended || error;
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
        {!shown ? null : Body ? (
          <Body status={status} ended={ended} retry={retry} />
        ) : failed ? (
          // Its code could not load: say so, and offer to load it again or to close the alert
          // (the state waits in the store, and shows once its code is there).
          <div data-tk-part="stream-error" role="alert">
            <p data-tk-part="stream-error-message">{t("error.connection")}</p>
            <button type="button" data-tk-part="button" data-variant="secondary" onClick={load}>
              {t("error.retry")}
            </button>
            <button
              type="button"
              data-tk-part="icon-button"
              aria-label={t("notice.dismiss")}
              onClick={() => setFailed(false)}
            >
              <X aria-hidden size={16} />
            </button>
          </div>
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
