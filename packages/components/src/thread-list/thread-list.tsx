import type { ThreadMetadata } from "@threadkit/core";
import { Check, MessageSquare, Pencil, Trash2, X } from "lucide-react";
import { AlertDialog } from "radix-ui";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  useEffect,
  useRef,
  useState,
} from "react";
import { useThreadUI } from "../context";

/** Props of {@link ThreadList}. */
export interface ThreadListProps extends Omit<ComponentPropsWithoutRef<"nav">, "onSelect"> {
  threads: readonly ThreadMetadata[];
  /** The open thread, marked with `aria-current`. */
  activeThreadId?: string | null;
  onSelect?: (threadId: string) => void;
  /** Enables renaming. */
  onRename?: (threadId: string, title: string) => void | Promise<void>;
  /** Enables deleting (after a confirmation dialog). */
  onDelete?: (threadId: string) => void | Promise<void>;
  /** More threads can be loaded. */
  hasMore?: boolean;
  onLoadMore?: () => void;
  /** Heading text. @default catalog "History" */
  title?: string;
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
  onDelete: ThreadListProps["onDelete"];
}) {
  const { t, locale, portalContainer } = useThreadUI();
  const title = thread.title?.trim() || t("history.untitled");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const renameRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);
  const finish = (save: boolean) => {
    const next = draft.trim();
    setEditing(false);
    if (save && next && next !== thread.title) void onRename?.(thread.id, next);
    requestAnimationFrame(() => renameRef.current?.focus());
  };
  const date = relativeDate(thread.created_at, locale);
  return (
    <li
      data-tk-part="thread-list-item"
      data-active={active ? "" : undefined}
      data-status={thread.status?.type}
    >
      {editing ? (
        <form
          data-tk-part="thread-list-rename"
          onSubmit={(event) => {
            event.preventDefault();
            finish(true);
          }}
        >
          <input
            ref={inputRef}
            data-tk-part="thread-list-rename-input"
            aria-label={t("history.renameLabel")}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                finish(false);
              }
            }}
          />
          <button type="submit" data-tk-part="icon-button" aria-label={t("history.save")}>
            <Check aria-hidden size={14} />
          </button>
          <button
            type="button"
            data-tk-part="icon-button"
            aria-label={t("history.cancel")}
            onClick={() => finish(false)}
          >
            <X aria-hidden size={14} />
          </button>
        </form>
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
                onClick={() => {
                  setDraft(title);
                  setEditing(true);
                }}
              >
                <Pencil aria-hidden size={14} />
              </button>
            ) : null}
            {onDelete ? (
              <AlertDialog.Root>
                <AlertDialog.Trigger
                  data-tk-part="icon-button"
                  data-variant="danger"
                  aria-label={`${t("history.delete")}: ${title}`}
                  title={t("history.delete")}
                >
                  <Trash2 aria-hidden size={14} />
                </AlertDialog.Trigger>
                <AlertDialog.Portal container={portalContainer ?? undefined}>
                  <AlertDialog.Overlay data-tk-part="dialog-overlay" />
                  <AlertDialog.Content data-tk-part="dialog">
                    <AlertDialog.Title data-tk-part="dialog-title">
                      {t("history.deleteTitle")}
                    </AlertDialog.Title>
                    <AlertDialog.Description data-tk-part="dialog-description">
                      {t("history.deleteDescription", { title })}
                    </AlertDialog.Description>
                    <div data-tk-part="dialog-actions">
                      <AlertDialog.Cancel data-tk-part="button" data-variant="secondary">
                        {t("history.cancel")}
                      </AlertDialog.Cancel>
                      <AlertDialog.Action
                        data-tk-part="button"
                        data-variant="danger"
                        onClick={() => void onDelete(thread.id)}
                      >
                        {t("history.delete")}
                      </AlertDialog.Action>
                    </div>
                  </AlertDialog.Content>
                </AlertDialog.Portal>
              </AlertDialog.Root>
            ) : null}
          </span>
        </>
      )}
    </li>
  );
});

/**
 * Thread history: select, rename inline and delete after confirmation.
 *
 * @selector [data-tk-part="thread-list"]
 * @selector [data-tk-part="thread-list-item"][data-active][data-status]
 */
export const ThreadList = forwardRef<HTMLElement, ThreadListProps>(function ThreadList(
  { threads, activeThreadId, onSelect, onRename, onDelete, hasMore, onLoadMore, title, ...props },
  ref,
) {
  const { t, dir } = useThreadUI();
  return (
    <nav
      data-tk-part="thread-list"
      aria-label={title ?? t("history.title")}
      dir={dir}
      {...props}
      ref={ref}
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
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
      {hasMore && onLoadMore ? (
        <button type="button" data-tk-part="button" data-variant="ghost" onClick={onLoadMore}>
          {t("history.loadMore")}
        </button>
      ) : null}
    </nav>
  );
});
ThreadList.displayName = "ThreadList";
