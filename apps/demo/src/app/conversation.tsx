import { useQueryClient } from "@tanstack/react-query";
import { Composer, type ComposerSubmission, fromThreadStore, Thread } from "@threadkit/components";
import {
  RunStreamError,
  threadkitKeys,
  useRunStream,
  useThread,
  useThreadItems,
  useThreadStore,
} from "@threadkit/hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { clientTools } from "../lib/client-tools";
import { useMessages } from "../lib/i18n";
import type { BackendKind } from "../lib/settings";
import { AlertIcon } from "./icons";
import { StartScreen } from "./start-screen";

interface ConversationProps {
  threadId: string | null;
  backend: BackendKind;
  locale: string;
  onThreadCreated: (threadId: string) => void;
  onTitle: (title: string | null) => void;
}

/** The thread view and composer; the start screen while the thread is empty. */
export function Conversation({
  threadId,
  backend,
  locale,
  onThreadCreated,
  onTitle,
}: ConversationProps) {
  const t = useMessages();
  const queryClient = useQueryClient();
  // A new thread, or a reply that retitled one, shows in the history at once.
  const refreshHistory = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() }),
    [queryClient],
  );
  const run = useRunStream(threadId, {
    clientTools,
    onThreadCreated: (id) => {
      onThreadCreated(id);
      refreshHistory();
    },
  });
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !run.isRunning) refreshHistory();
    wasRunning.current = run.isRunning;
  }, [run.isRunning, refreshHistory]);
  const liveThreadId = run.threadId ?? threadId;
  const items = useThreadItems(liveThreadId);
  const { thread } = useThread(liveThreadId);
  const store = useThreadStore(liveThreadId);
  // Bridges zustand's listener signature to the view's structural store type.
  const source = useMemo(
    () =>
      fromThreadStore({
        getState: store.getState,
        subscribe: (listener: () => void) => store.subscribe(() => listener()),
      }),
    [store],
  );
  const readOnly = backend === "rest";

  const title = thread?.title ?? null;
  useEffect(() => onTitle(title), [title, onTitle]);

  // The composer is controlled so a message the server never stored returns to it.
  const [draft, setDraft] = useState("");
  const lastSent = useRef<string | null>(null);
  const send = useCallback(
    (message: ComposerSubmission) => {
      lastSent.current = message.text;
      setDraft("");
      void run.send({ text: message.text });
    },
    [run.send],
  );
  const lastUserMessageId = useCallback(() => {
    const ids = source.getItemIds();
    for (let index = ids.length - 1; index >= 0; index -= 1) {
      const item = source.getItem(ids[index] ?? "");
      if (item?.type === "user_message" && !item.id.startsWith("optimistic_")) return item.id;
    }
    return null;
  }, [source]);
  const hasError = run.error !== null;
  useEffect(() => {
    if (!hasError || lastSent.current === null) return;
    const text = lastSent.current;
    const stored = source.getItemIds().some((id) => {
      const item = source.getItem(id);
      return (
        item?.type === "user_message" &&
        item.content.some((part) => part.type === "input_text" && part.text === text)
      );
    });
    if (!stored) setDraft((current) => current || text);
  }, [hasError, source]);
  // A reply that broke after the server stored the message is regenerated after it; a message
  // that never arrived is sent again.
  const retry = useCallback(() => {
    const itemId = run.failedInput === null ? lastUserMessageId() : null;
    if (itemId !== null && !(run.error instanceof RunStreamError)) {
      void run.retryAfterItem(itemId);
    } else {
      void run.retry();
    }
  }, [run, lastUserMessageId]);

  return (
    <div className="demo-content">
      <Thread.Root
        source={source}
        locale={locale}
        className="demo-thread"
        hasOlder={items.hasOlder}
        loadingOlder={items.isFetchingOlder}
        onLoadOlder={() => void items.fetchOlder()}
        onRetry={(item) => void run.retryAfterItem(item.id)}
        onStructuredInputSubmit={(item, answers) =>
          void run.submitStructuredInput(item.id, { status: "answered", answers })
        }
      >
        <Thread.Viewport className="demo-viewport">
          {liveThreadId === null ? (
            <Thread.Empty className="demo-empty">
              <StartScreen onPrompt={(text) => void run.send(text)} />
            </Thread.Empty>
          ) : null}
          <Thread.Items />
        </Thread.Viewport>
        <Thread.ScrollToBottom />
      </Thread.Root>
      <div className="demo-dock">
        {run.error ? (
          <div className="demo-banner" role="alert" data-testid="run-error">
            <AlertIcon width={16} height={16} />
            <span>{run.error.message}</span>
            <button type="button" onClick={retry}>
              {t.retry}
            </button>
          </div>
        ) : null}
        {readOnly ? (
          <div className="demo-banner" data-tone="info">
            <AlertIcon width={16} height={16} />
            <span>{t.readOnly}</span>
          </div>
        ) : (
          <Composer.Root
            className="demo-composer"
            value={draft}
            onValueChange={setDraft}
            onSubmit={send}
            running={run.isRunning}
            {...(run.allowCancel ? { onStop: run.cancel } : {})}
            threadStatus={thread?.status ?? null}
          >
            <Composer.Attachments />
            <Composer.Input placeholder={t.placeholder} autoFocus />
            <div className="demo-composer-actions">
              <Composer.AddAttachment />
              <Composer.Status />
              <Composer.Stop />
              <Composer.Submit />
            </div>
          </Composer.Root>
        )}
        <p className="demo-disclaimer">{t.disclaimer}</p>
      </div>
    </div>
  );
}
