import { Composer, type ComposerSubmission, fromThreadStore, Thread } from "@threadkit/components";
import { useRunStream, useThread, useThreadItems, useThreadStore } from "@threadkit/hooks";
import { useCallback, useEffect, useMemo } from "react";
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
  const run = useRunStream(threadId, { clientTools, onThreadCreated });
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

  const send = useCallback(
    (message: ComposerSubmission) => {
      void run.send({ text: message.text });
    },
    [run.send],
  );

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
            <button type="button" onClick={() => void run.retry()}>
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
