import {
  Composer,
  createWidgetItemRenderer,
  Thread,
  useComposerRootProps,
  type WidgetActionHandler,
} from "@threadkit/components";
import { shikiHighlighter } from "@threadkit/components/highlight";
import type { UserMessageItem } from "@threadkit/core";
import {
  useComposer,
  useRunStream,
  useThread,
  useThreadkitContext,
  useThreadStore,
  useWidgetAction,
} from "@threadkit/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { rememberAssistantsThread, useAssistantsThreads } from "../lib/assistants-history";
import { clientTools } from "../lib/client-tools";
import { useMessages } from "../lib/i18n";
import { assistantFileUrl, type ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";
import { useDemoAssistant } from "../lib/use-demo-assistant";
import { AlertIcon } from "./icons";
import { StartScreen } from "./start-screen";

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
    ...(assistants && assistantId
      ? { assistant: { assistantId, fileUrl: (id: string) => assistantFileUrl(server, id) } }
      : {}),
    onThreadCreated: (id) => {
      if (assistants) rememberAssistantsThread(server.origin, id, lastSent.current ?? "");
      // The hooks put the new thread (and the title its reply sets) into the history.
      onThreadCreated(id);
    },
  });
  const sendText = useCallback(
    (text: string) => {
      lastSent.current = text;
      void run.send(text);
    },
    [run.send],
  );
  const liveThreadId = run.threadId ?? threadId;
  const { thread } = useThread(liveThreadId);
  const store = useThreadStore(liveThreadId);
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
      onAction: (action, context) => onWidgetAction.current(action, context),
      onClientAction: (action, context) => onWidgetAction.current(action, context),
    }),
  }));
  // useComposer clears the draft once the server accepted it and puts back a message that never
  // reached the thread.
  const submit = useCallback(() => {
    lastSent.current = composer.text.trim();
    void composer.submit();
  }, [composer]);
  const composerProps = useComposerRootProps(composer, run, {
    attachmentsEnabled: backend === "chatkit",
  });

  /** The newest stored user message at or before `itemId`: the one a reply answers. */
  const userMessageBefore = useCallback(
    (itemId: string) => {
      const { itemIds, itemsById } = store.getState();
      for (let index = itemIds.indexOf(itemId); index >= 0; index -= 1) {
        const item = itemsById.get(itemIds[index] ?? "");
        if (item?.type === "user_message" && !item.id.startsWith("optimistic_")) return item.id;
      }
      return null;
    },
    [store],
  );

  // The thread shows the run's notices, progress and errors (with their retry) and answers or
  // skips structured input by itself.
  return (
    <div className="demo-content">
      <Thread.Root
        threadId={liveThreadId}
        locale={locale}
        className="demo-thread"
        renderers={renderers}
        highlightCode={shikiHighlighter}
        onRetry={(item) => {
          const userMessageId = userMessageBefore(item.id);
          if (userMessageId !== null) void run.retryAfterItem(userMessageId);
        }}
        // A thread left without a reply (the server went down mid-turn) gets it on the demo's run,
        // so the composer shows it running.
        {...(backend === "chatkit"
          ? { onRegenerate: (item: UserMessageItem) => void run.retryAfterItem(item.id) }
          : {})}
        // Answers go through the demo's own run, so the composer shows the reply running (and
        // its Stop) and client tools in that reply run too.
        onStructuredInputSubmit={(item, submission) =>
          run.submitStructuredInput(item.id, submission).then((result) => {
            if (result.status === "error" && !result.accepted) throw result.error;
          })
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
        {readOnly ? (
          <div className="demo-banner" data-tone="info">
            <AlertIcon width={16} height={16} />
            <span>{t.readOnly}</span>
          </div>
        ) : (
          <Composer.Root
            className="demo-composer"
            {...composerProps}
            onSubmit={submit}
            threadStatus={thread?.status ?? null}
          >
            <Composer.Attachments />
            <Composer.Rejections />
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
