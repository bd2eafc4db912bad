import type { ThreadMetadata } from "@threadkit/core";
import { LoaderCircle, MessageSquare, Pencil, Trash2, X } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useThemeProps, useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { composeRefs } from "../internal/compose-refs";
import { lazyModule, useLazyModule } from "../internal/lazy-module";

/**
 * The Radix alert dialog confirming a deletion and the inline rename form, loaded on first use
 * (pointerenter, focus or click of the rename or delete button).
 */
export const deleteDialogModule = lazyModule(() =>
  import("../internal/overlays").then((overlays) => overlays.deleteDialog),
);
const preloadDeleteDialog = () => {
  deleteDialogModule.preload().catch(() => {});
};

/** Props of {@link ThreadList}. */
export interface ThreadListProps extends Omit<ComponentPropsWithoutRef<"nav">, "onSelect"> {
  threads: readonly ThreadMetadata[];
  /** The open thread, marked with `aria-current`. */
  activeThreadId?: string | null;
  onSelect?: (threadId: string) => void;
  /** Enables renaming. A rejected promise (or a throw) shows an error on the entry. */
  onRename?: (threadId: string, title: string) => void | Promise<void>;
  /**
   * Enables deleting (after a confirmation dialog). A rejected promise (or a throw) shows an error
   * on the entry. Once the thread leaves `threads`, focus moves to the next entry (the previous
   * one after the last, the list when none is left).
   */
  onDelete?: (threadId: string) => void | Promise<void>;
  /** More threads can be loaded. */
  hasMore?: boolean;
  /**
   * Loads the next page. Return a promise to show the loading state until it settles (and an
   * error if it rejects), or control the state with `loadingMore`.
   */
  onLoadMore?: () => unknown;
  /** The next page is being fetched: the "Load more" button shows a spinner and ignores clicks. */
  loadingMore?: boolean;
  /** Heading text. @default catalog "History" */
  title?: string;
}

/** Runs `action` and returns its result as a promise; a synchronous throw becomes a rejection. */
function settle(action: () => unknown): Promise<void> {
  return new Promise<unknown>((resolve) => resolve(action())).then(() => undefined);
}

function relativeDate(iso: string, locale: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

const ThreadListEntry = memo(function ThreadListEntry({
  thread,
  active,
  onSelect,
  onRename,
  onDelete,
}: {
  thread: ThreadMetadata;
  active: boolean;
  onSelect: ThreadListProps["onSelect"];
  onRename: ThreadListProps["onRename"];
  onDelete: ((threadId: string) => Promise<void>) | undefined;
}) {
  const { t, locale, portalContainer } = useThreadUI();
  const themeProps = useThemeProps();
  const title = thread.title?.trim() || t("history.untitled");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<MessageKey | null>(null);
  const renameRef = useRef<HTMLButtonElement | null>(null);
  const deleteRef = useRef<HTMLButtonElement | null>(null);
  const [confirming, setConfirming] = useState(false);
  const dialogId = useId();
  const editors = useLazyModule(deleteDialogModule);
  const DeleteDialog = editors?.DeleteDialog;
  const RenameForm = editors?.RenameForm;
  const finish = (save: boolean) => {
    const next = draft.trim();
    setEditing(false);
    if (save && next && next !== thread.title && onRename) {
      setError(null);
      settle(() => onRename(thread.id, next)).catch(() => setError("history.renameFailed"));
    }
    requestAnimationFrame(() => renameRef.current?.focus());
  };
  const date = relativeDate(thread.created_at, locale);
  return (
    <li
      data-tk-part="thread-list-item"
      data-active={active ? "" : undefined}
      data-status={thread.status?.type}
    >
      {editing && RenameForm ? (
        <RenameForm
          value={draft}
          onValueChange={setDraft}
          onFinish={finish}
          label={t("history.renameLabel")}
          saveLabel={t("history.save")}
          cancelLabel={t("history.cancel")}
        />
      ) : (
        <>
          <button
            type="button"
            data-tk-part="thread-list-trigger"
            aria-current={active ? "page" : undefined}
            onClick={() => onSelect?.(thread.id)}
          >
            <MessageSquare aria-hidden size={14} />
            <span data-tk-part="thread-list-title">{title}</span>
            {date ? <span data-tk-part="thread-list-date">{date}</span> : null}
          </button>
          <span data-tk-part="thread-list-actions">
            {onRename ? (
              <button
                ref={renameRef}
                type="button"
                data-tk-part="icon-button"
                aria-label={`${t("history.rename")}: ${title}`}
                title={t("history.rename")}
                // The form's code loads with the delete dialog's; until it is here the entry
                // stays as it is, and a failed load is logged.
                aria-busy={editing && !RenameForm ? true : undefined}
                onPointerEnter={preloadDeleteDialog}
                onFocus={preloadDeleteDialog}
                onClick={() => {
                  setDraft(title);
                  setEditing(true);
                  deleteDialogModule.preload().catch((error: unknown) => {
                    console.error(
                      "threadkit: the thread list's rename form failed to load.",
                      error,
                    );
                    setEditing(false);
                  });
                }}
              >
                <Pencil aria-hidden size={14} />
              </button>
            ) : null}
            {onDelete ? (
              // Carries AlertDialog.Trigger's markup; the dialog's code loads on first
              // pointerenter, focus or click, and a click before it has arrived opens it then.
              <button
                ref={deleteRef}
                type="button"
                data-tk-part="icon-button"
                data-variant="danger"
                aria-label={`${t("history.delete")}: ${title}`}
                title={t("history.delete")}
                aria-haspopup="dialog"
                aria-expanded={confirming}
                aria-controls={dialogId}
                data-state={confirming ? "open" : "closed"}
                onPointerEnter={preloadDeleteDialog}
                onFocus={preloadDeleteDialog}
                onClick={() => {
                  preloadDeleteDialog();
                  setConfirming((was) => !was);
                }}
              >
                <Trash2 aria-hidden size={14} />
              </button>
            ) : null}
            {onDelete && DeleteDialog ? (
              <DeleteDialog
                open={confirming}
                onOpenChange={setConfirming}
                contentId={dialogId}
                triggerRef={deleteRef}
                portalContainer={portalContainer}
                themeProps={themeProps}
                title={t("history.deleteTitle")}
                description={t("history.deleteDescription", { title })}
                cancelLabel={t("history.cancel")}
                deleteLabel={t("history.delete")}
                onConfirm={() => {
                  setError(null);
                  onDelete(thread.id).catch(() => setError("history.deleteFailed"));
                }}
              />
            ) : null}
          </span>
        </>
      )}
      {error ? (
        <div data-tk-part="thread-list-error">
          <p role="alert">{t(error, { title })}</p>
          <button
            type="button"
            data-tk-part="icon-button"
            aria-label={t("notice.dismiss")}
            onClick={() => setError(null)}
          >
            <X aria-hidden size={14} />
          </button>
        </div>
      ) : null}
    </li>
  );
});

/**
 * Thread history: select, rename inline and delete after confirmation. Failed renames and
 * deletes show an error on their entry; "Load more" shows its loading state while a page loads.
 *
 * @selector [data-tk-part="thread-list"][aria-busy]
 * @selector [data-tk-part="thread-list-item"][data-active][data-status]
 * @selector [data-tk-part="thread-list-error"] (a failed rename, delete or page load)
 * @selector [data-tk-part="thread-list"] > [data-tk-part="button"][data-loading] ("Load more")
 */
export const ThreadList = forwardRef<HTMLElement, ThreadListProps>(function ThreadList(
  {
    threads,
    activeThreadId,
    onSelect,
    onRename,
    onDelete,
    hasMore,
    onLoadMore,
    loadingMore,
    title,
    ...props
  },
  ref,
) {
  const { t, dir } = useThreadUI();
  const themeProps = useThemeProps(props.style);
  const navRef = useRef<HTMLElement | null>(null);
  const navRefs = useMemo(() => composeRefs(navRef, ref), [ref]);
  const latest = useRef({ threads, onDelete });
  latest.current = { threads, onDelete };
  // The thread whose deletion was confirmed, and where it stood, until it leaves `threads`.
  const deleted = useRef<{ id: string; index: number } | null>(null);
  const deleteThread = useCallback((threadId: string) => {
    const index = latest.current.threads.findIndex((thread) => thread.id === threadId);
    deleted.current = { id: threadId, index };
    return settle(() => latest.current.onDelete?.(threadId)).catch((error: unknown) => {
      if (deleted.current?.id === threadId) deleted.current = null;
      throw error;
    });
  }, []);
  useEffect(() => {
    const pending = deleted.current;
    const nav = navRef.current;
    if (!pending || !nav || threads.some((thread) => thread.id === pending.id)) return;
    deleted.current = null;
    // Only a confirmed deletion gets here, so the dialog's module (which moves focus) is loaded.
    deleteDialogModule.current()?.focusAfterDeletion(nav, pending.index);
  }, [threads]);

  const [pageState, setPageState] = useState<"idle" | "loading" | "error">("idle");
  const loading = loadingMore ?? pageState === "loading";
  const loadMore = () => {
    if (loading || !onLoadMore) return;
    setPageState("idle");
    let result: unknown;
    try {
      result = onLoadMore();
    } catch {
      setPageState("error");
      return;
    }
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
      setPageState("loading");
      (result as PromiseLike<unknown>).then(
        () => setPageState("idle"),
        () => setPageState("error"),
      );
    }
  };

  return (
    <nav
      data-tk-part="thread-list"
      aria-label={title ?? t("history.title")}
      aria-busy={loading || undefined}
      dir={dir}
      // Focus lands here when the last thread is deleted.
      tabIndex={-1}
      {...themeProps}
      {...props}
      style={themeProps.style}
      ref={navRefs}
    >
      <p data-tk-part="thread-list-heading" aria-hidden>
        {title ?? t("history.title")}
      </p>
      {threads.length === 0 ? (
        <p data-tk-part="thread-list-empty">{t("history.empty")}</p>
      ) : (
        <ul data-tk-part="thread-list-items">
          {threads.map((thread) => (
            <ThreadListEntry
              key={thread.id}
              thread={thread}
              active={thread.id === activeThreadId}
              onSelect={onSelect}
              onRename={onRename}
              onDelete={onDelete ? deleteThread : undefined}
            />
          ))}
        </ul>
      )}
      {hasMore && onLoadMore ? (
        <button
          type="button"
          data-tk-part="button"
          data-variant="ghost"
          data-loading={loading ? "" : undefined}
          // Not `disabled`: the button keeps focus while the page loads.
          aria-disabled={loading || undefined}
          onClick={loadMore}
        >
          {loading ? (
            <>
              <LoaderCircle aria-hidden size={14} data-tk-part="spinner" />
              {t("history.loadingMore")}
            </>
          ) : (
            t("history.loadMore")
          )}
        </button>
      ) : null}
      {pageState === "error" && !loading ? (
        <p data-tk-part="thread-list-error" role="alert">
          {t("history.loadMoreFailed")}
        </p>
      ) : null}
    </nav>
  );
});
ThreadList.displayName = "ThreadList";
