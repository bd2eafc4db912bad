import { useQueryClient } from "@tanstack/react-query";
import {
  Composer,
  createWidgetItemRenderer,
  defaultWidgetRegistry,
  fromThreadStore,
  Thread,
  type WidgetActionHandler,
} from "@threadkit/components";
import {
  RunStreamError,
  threadkitKeys,
  useComposer,
  useRunStream,
  useThread,
  useThreadItems,
  useThreadkitContext,
  useThreadStore,
  useWidgetAction,
} from "@threadkit/hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { rememberAssistantsThread, useAssistantsThreads } from "../lib/assistants-history";
import { clientTools } from "../lib/client-tools";
import { type Messages, useMessages } from "../lib/i18n";
import type { ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";
import { useDemoAssistant } from "../lib/use-demo-assistant";
import { AlertIcon } from "./icons";
import { StartScreen } from "./start-screen";

/** A sentence for the error banner; the technical message stays in its tooltip. */
function describeError(error: Error, t: Messages): string {
  if (error instanceof RunStreamError) return error.message || t.errorReply;
  if (/network|connection|fetch|terminated|aborted/i.test(`${error.name} ${error.message}`)) {
    return t.errorConnection;
  }
  return `${t.errorReply} ${error.message}`;
}

interface ConversationProps {
  threadId: string | null;
  backend: BackendKind;
  server: ServerEndpoints;
  locale: string;
  onThreadCreated: (threadId: string) => void;
  onTitle: (title: string | null) => void;
}

/** The thread view and composer; the start screen while the thread is empty. */
export function Conversation({
  threadId,
  backend,
  server,
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
  const { clients } = useThreadkitContext();
  const assistants = backend === "assistants";
  const { assistantId } = useDemoAssistant(
    assistants ? clients.assistants : undefined,
    server.origin,
  );
  const rememberedThreads = useAssistantsThreads(server.origin);
  const lastSent = useRef<string | null>(null);
  const run = useRunStream(threadId, {
    clientTools,
    ...(assistants && assistantId ? { assistant: { assistantId } } : {}),
    onThreadCreated: (id) => {
      if (assistants) rememberAssistantsThread(server.origin, id, lastSent.current ?? "");
      onThreadCreated(id);
      refreshHistory();
    },
  });
  const sendText = useCallback(
    (text: string) => {
      lastSent.current = text;
      void run.send(text);
    },
    [run.send],
  );
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

  const title =
    (assistants
      ? rememberedThreads.find((entry) => entry.id === liveThreadId)?.title
      : thread?.title) ?? null;
  useEffect(() => onTitle(title), [title, onTitle]);

  const composer = useComposer({ run });
  const widgetActions = useWidgetAction({
    run,
    onClientAction: (action) => console.info("[demo] client widget action", action),
  });
  // The renderer is created once; it reaches the current dispatch through a ref.
  const onWidgetAction = useRef<WidgetActionHandler>(() => {});
  onWidgetAction.current = (action, context) =>
    widgetActions.dispatch(action, context.itemId ? { id: context.itemId } : null);
  const [renderers] = useState(() => ({
    widget: createWidgetItemRenderer({
      // Named explicitly: a production bundle may tree-shake the registry's self-registration.
      components: defaultWidgetRegistry,
      onAction: (action, context) => onWidgetAction.current(action, context),
      onClientAction: (action, context) => onWidgetAction.current(action, context),
    }),
  }));
  // The draft leaves the composer as soon as it is sent (useComposer alone clears it only when the
  // reply ends); a message that never reaches the server comes back through the effect below.
  const submit = useCallback(() => {
    lastSent.current = composer.text.trim();
    void composer.submit();
    composer.setText("");
    for (const entry of composer.attachments) {
      if (entry.status === "uploaded") composer.removeAttachment(entry.localId);
    }
  }, [composer]);
  const composerAttachments = useMemo(
    () =>
      composer.attachments.map((entry) => ({
        id: entry.localId,
        name: entry.file.name,
        mimeType: entry.file.type || "application/octet-stream",
        status: entry.status === "uploaded" ? ("done" as const) : entry.status,
        progress: entry.progress,
        previewUrl: entry.attachment?.type === "image" ? entry.attachment.preview_url : null,
      })),
    [composer.attachments],
  );

  /** The newest stored user message at or before `itemId` (the end of the thread by default). */
  const userMessageBefore = useCallback(
    (itemId?: string) => {
      const ids = source.getItemIds();
      const end = itemId === undefined ? ids.length - 1 : ids.indexOf(itemId);
      for (let index = end; index >= 0; index -= 1) {
        const item = source.getItem(ids[index] ?? "");
        if (item?.type === "user_message" && !item.id.startsWith("optimistic_")) return item.id;
      }
      return null;
    },
    [source],
  );
  // A message that vanished with a broken connection goes back into an empty composer.
  const hasError = run.error !== null;
  const { text: draftText, setText: setDraftText } = composer;
  useEffect(() => {
    const text = lastSent.current;
    if (!hasError || !text || draftText) return;
    const stored = source.getItemIds().some((id) => {
      const item = source.getItem(id);
      return (
        item?.type === "user_message" &&
        item.content.some((part) => part.type === "input_text" && part.text === text)
      );
    });
    if (!stored) setDraftText(text);
  }, [hasError, source, draftText, setDraftText]);
  // A reply that broke after the server stored the message is regenerated after it; a message
  // that never arrived is sent again.
  const retry = useCallback(() => {
    const itemId = run.failedInput === null ? userMessageBefore() : null;
    if (itemId !== null && !(run.error instanceof RunStreamError)) {
      void run.retryAfterItem(itemId);
    } else {
      void run.retry();
    }
  }, [run, userMessageBefore]);

  return (
    <div className="demo-content">
      <Thread.Root
        source={source}
        locale={locale}
        className="demo-thread"
        renderers={renderers}
        hasOlder={items.hasOlder}
        loadingOlder={items.isFetchingOlder}
        onLoadOlder={() => void items.fetchOlder()}
        onRetry={(item) => {
          const userMessageId = userMessageBefore(item.id);
          if (userMessageId !== null) void run.retryAfterItem(userMessageId);
        }}
        onStructuredInputSubmit={(item, answers) =>
          void run.submitStructuredInput(item.id, { status: "answered", answers })
        }
      >
        <Thread.Viewport className="demo-viewport">
          {liveThreadId === null ? (
            <Thread.Empty className="demo-empty">
              <StartScreen onPrompt={sendText} readOnly={readOnly} />
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
            <span title={run.error.message}>
              {run.failedInput !== null && /Connection|TypeError/.test(run.error.name)
                ? t.offline(server.origin)
                : describeError(run.error, t)}
            </span>
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
            value={composer.text}
            onValueChange={composer.setText}
            onSubmit={submit}
            attachments={composerAttachments}
            {...(backend === "chatkit"
              ? {
                  onAddFiles: (files: File[]) => void composer.addFiles(files),
                  onRemoveAttachment: composer.removeAttachment,
                }
              : {})}
            running={run.isRunning}
            {...(run.allowCancel ? { onStop: run.cancel } : {})}
            threadStatus={thread?.status ?? null}
          >
            <Composer.Attachments />
            <div data-tk-part="composer-row">
              <Composer.AddAttachment />
              <Composer.Input
                placeholder={t.placeholder}
                autoFocus={globalThis.matchMedia?.("(min-width: 900px)").matches ?? false}
              />
              <Composer.Stop />
              <Composer.Submit />
            </div>
            <Composer.Status />
          </Composer.Root>
        )}
        <p className="demo-disclaimer">{t.disclaimer}</p>
      </div>
    </div>
  );
}
