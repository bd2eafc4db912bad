import type { ThreadRunError } from "@threadkit/hooks";
import { useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { Notice, ProgressUpdate, StreamError } from "../items/notice";
import type { ThreadRunStatusSnapshot } from "./thread-source";

// What `Thread.RunStatus` shows only once a run has left something on the thread (its notices,
// progress, error, or why it ended early). It loads with the rarer item renderers
// (`items/rare-renderers.ts`) when a run starts on the thread or the thread has one of these to
// show (see `thread-run-status.tsx`).

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

/** Props of {@link RunStatusBody}. */
export interface RunStatusBodyProps {
  status: ThreadRunStatusSnapshot;
  /** Why the run ended early, when that shows (no error, no progress). */
  ended: ThreadRunStatusSnapshot["incomplete"];
  retry: (() => void) | null;
}

/** The notices, the progress, the early end and the error of `Thread.RunStatus`. */
export function RunStatusBody({ status, ended, retry }: RunStatusBodyProps) {
  const { t } = useThreadUI();
  const { notices, progress, error, dismissNotice, reauthenticate } = status;
  return (
    <>
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
    </>
  );
}
