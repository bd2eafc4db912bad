import { CircleAlert, RotateCcw } from "lucide-react";
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from "react";
import { useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { type ThreadLoadFailure, useThreadContext } from "./thread-context";

export type { ThreadLoadFailure };

/** The reason line for an error the reader can act on; `null` for the rest. */
function reasonOf(error: Error): MessageKey | null {
  const status = (error as { status?: unknown }).status;
  if (status === 404) return "thread.loadFailed.notFound";
  if (status === 401 || status === 403) return "thread.loadFailed.auth";
  if (typeof status === "number" && status >= 500) return "error.server";
  return /^(Connection|Timeout|ModuleLoad)Error$/.test(error.name)
    ? "thread.loadFailed.network"
    : null;
}

/** Props of {@link ThreadLoadError}. */
export type ThreadLoadErrorProps = ComponentPropsWithoutRef<"div">;

/**
 * Says that the thread's history (or an earlier page of it) could not be loaded, with a short
 * reason where the error tells one (not found, no access, server, connection), and a
 * "Try again" button that loads again; it goes once the load succeeds, and focus on the button
 * moves to the viewport. The items already shown stay. `Thread.Items` renders it above the
 * items; place it yourself with `<Thread.Items loadError={false} />`. Renders nothing while
 * nothing failed. It is `role="alert"`.
 *
 * @selector [data-tk-part="thread-load-error"][data-page="first"|"older"]
 */
export const ThreadLoadError = forwardRef<HTMLDivElement, ThreadLoadErrorProps>(
  function ThreadLoadError(props, ref) {
    const { loadError, viewportRef } = useThreadContext("Thread.LoadError");
    const { t } = useThreadUI();
    const [busy, setBusy] = useState(false);
    const hadFocus = useRef(false);
    useEffect(() => {
      if (loadError || !hadFocus.current) return;
      hadFocus.current = false;
      viewportRef.current?.focus({ preventScroll: true });
    }, [loadError, viewportRef]);
    if (!loadError) return null;
    const reason = reasonOf(loadError.error);
    return (
      <div
        data-tk-part="thread-load-error"
        data-page={loadError.page}
        role="alert"
        aria-busy={busy || undefined}
        {...props}
        ref={ref}
      >
        <CircleAlert aria-hidden size={18} data-tk-part="notice-icon" />
        <p data-tk-part="stream-error-message">
          {t(loadError.page === "older" ? "thread.loadOlderFailed" : "thread.loadFailed")}
          {reason ? ` ${t(reason)}` : null}
        </p>
        <button
          type="button"
          data-tk-part="button"
          data-variant="secondary"
          aria-disabled={busy || undefined}
          onClick={(event) => {
            if (busy) return;
            hadFocus.current =
              event.currentTarget === event.currentTarget.ownerDocument.activeElement;
            setBusy(true);
            Promise.resolve(loadError.retry())
              .catch(() => {})
              .finally(() => setBusy(false));
          }}
        >
          <RotateCcw aria-hidden size={14} />
          {t("error.retry")}
        </button>
      </div>
    );
  },
);
ThreadLoadError.displayName = "Thread.LoadError";
