import {
  CircleAlert,
  Info,
  LoaderCircle,
  LogIn,
  OctagonAlert,
  RotateCcw,
  TriangleAlert,
  X,
} from "lucide-react";
import { forwardRef, type HTMLAttributes, useEffect, useState } from "react";
import { useThreadUI } from "../context";
import { Markdown } from "../markdown/markdown";
import { NamedIcon } from "./named-icon";

/** Props of {@link Notice}. */
export interface NoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  level: "info" | "warning" | "danger";
  /** Markdown, as the server sends it (rendered without raw HTML). */
  message: string;
  /** A title; without one the level's name shows. */
  title?: string | null;
  /** Shows a dismiss button. */
  onDismiss?: () => void;
}

/**
 * A server `notice` event. Warnings and errors are `role="alert"`; info is `role="status"`.
 *
 * @selector [data-tk-part="notice"][data-level="info"|"warning"|"danger"]
 */
export const Notice = forwardRef<HTMLDivElement, NoticeProps>(function Notice(
  { level, message, title, onDismiss, ...props },
  ref,
) {
  const { t } = useThreadUI();
  const Icon = level === "danger" ? OctagonAlert : level === "warning" ? TriangleAlert : Info;
  return (
    <div
      data-tk-part="notice"
      data-level={level}
      role={level === "info" ? "status" : "alert"}
      {...props}
      ref={ref}
    >
      <Icon aria-hidden size={18} data-tk-part="notice-icon" />
      <div data-tk-part="notice-body">
        <p data-tk-part="notice-title">{title || t(`notice.${level}`)}</p>
        <div data-tk-part="notice-message">
          <Markdown text={message} />
        </div>
      </div>
      {onDismiss ? (
        <button
          type="button"
          data-tk-part="icon-button"
          aria-label={t("notice.dismiss")}
          onClick={onDismiss}
        >
          <X aria-hidden size={16} />
        </button>
      ) : null}
    </div>
  );
});

/** Props of {@link ProgressUpdate}. */
export interface ProgressUpdateProps extends HTMLAttributes<HTMLDivElement> {
  text: string;
  /** A ChatKit icon name (or `lucide:<name>`) drawn instead of the spinner. */
  icon?: string | null | undefined;
}

/**
 * A transient `progress_update` shown while the assistant works: its named icon (pulsing, unless
 * the user prefers reduced motion), or a spinner without one or for a name it cannot draw.
 *
 * @selector [data-tk-part="progress-update"][data-icon]
 * @selector [data-tk-part="progress-update-icon"] the named icon
 */
export const ProgressUpdate = forwardRef<HTMLDivElement, ProgressUpdateProps>(
  function ProgressUpdate({ text, icon, ...props }, ref) {
    return (
      <div
        data-tk-part="progress-update"
        data-icon={icon ?? undefined}
        role="status"
        {...props}
        ref={ref}
      >
        <NamedIcon
          name={icon}
          fallback={<LoaderCircle aria-hidden size={14} data-tk-part="spinner" />}
          part="progress-update-icon"
        />
        <span data-tk-part="progress-update-text">{text}</span>
      </div>
    );
  },
);

/** Props of {@link StreamError}. */
export interface StreamErrorProps extends HTMLAttributes<HTMLDivElement> {
  message?: string | null;
  /** Error code of the `error` event. */
  code?: string;
  /** When the server allows a retry and this is set, a retry button appears. */
  allowRetry?: boolean;
  onRetry?: () => void;
  /** Why the run failed (`ThreadRunError.reason` of `@threadkit/hooks`), as `data-reason`. */
  reason?: string;
  /**
   * When the server accepts a retry (`Retry-After`), in milliseconds since the epoch: shown as
   * a countdown (up to 90 s away) or a clock time, until it passes.
   */
  retryAt?: number | null;
  /** Shows a "Sign in again" button (an expired session the app can renew). */
  onReauthenticate?: () => void;
}

/** Longest wait shown as a countdown; longer ones show the clock time. */
const COUNTDOWN_LIMIT_MS = 90_000;

/** "You can try again in 12 s." until `retryAt` passes; then nothing. */
function RetryAfter({ retryAt }: { retryAt: number }) {
  const { t, locale } = useThreadUI();
  const [now, setNow] = useState(() => Date.now());
  const remaining = retryAt - now;
  const done = remaining <= 0;
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [done]);
  if (done) return null;
  const text =
    remaining > COUNTDOWN_LIMIT_MS
      ? t("error.retryAt", {
          time: new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(retryAt),
        })
      : t("error.retryIn", { seconds: Math.ceil(remaining / 1000) });
  return <span data-tk-part="stream-error-retry-after">{text}</span>;
}

/**
 * A run's failure or a stream `error` event: the message (or a generic one), when the server
 * accepts a retry, a retry button when allowed and a "Sign in again" button for an expired
 * session.
 *
 * @selector [data-tk-part="stream-error"][data-code][data-reason]
 */
export const StreamError = forwardRef<HTMLDivElement, StreamErrorProps>(function StreamError(
  { message, code, allowRetry, onRetry, reason, retryAt, onReauthenticate, ...props },
  ref,
) {
  const { t } = useThreadUI();
  return (
    <div
      data-tk-part="stream-error"
      data-code={code}
      data-reason={reason}
      role="alert"
      {...props}
      ref={ref}
    >
      <CircleAlert aria-hidden size={18} data-tk-part="notice-icon" />
      <p data-tk-part="stream-error-message">
        {message || t("error.stream")}
        {retryAt != null ? (
          <>
            {" "}
            <RetryAfter retryAt={retryAt} />
          </>
        ) : null}
      </p>
      {onReauthenticate ? (
        <button
          type="button"
          data-tk-part="button"
          data-variant="secondary"
          onClick={onReauthenticate}
        >
          <LogIn aria-hidden size={14} />
          {t("error.signIn")}
        </button>
      ) : null}
      {allowRetry && onRetry ? (
        <button type="button" data-tk-part="button" data-variant="secondary" onClick={onRetry}>
          <RotateCcw aria-hidden size={14} />
          {t("error.retry")}
        </button>
      ) : null}
    </div>
  );
});
