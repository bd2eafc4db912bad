import {
  type ActionPayload,
  createChatKitClient,
  createChatKitRestClient,
  type EntitySource,
  type JsonObject,
  type ThreadMetadata,
  type UserMessageContent,
} from "@threadkit/core";
import {
  type AttachmentLimits,
  type ClientToolHandler,
  type RunInput,
  type ThreadkitClients,
  ThreadkitProvider,
  useChatKitSession,
  useComposer,
  useDeleteThread,
  useItemFeedback,
  useRunStream,
  useThread,
  useThreadItems,
  useThreadkitContext,
  useThreadStore,
  useWidgetAction,
} from "@threadkit/hooks";
import { Info, PanelLeft, SquarePen, X } from "lucide-react";
import {
  forwardRef,
  type HTMLAttributes,
  type ReactNode,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { ThreadUIProvider, useThreadUI } from "../context";
import { browserLanguages, pickLocale } from "../i18n/locales";
import { Markdown } from "../markdown/markdown";
import * as Thread from "../thread";
import { ThreadListSwitch } from "../thread-list/connected-thread-list";
import { ThreadList } from "../thread-list/thread-list";
import { WidgetIconGlyph } from "../widgets/icon";
import { createWidgetItemRenderer } from "../widgets/widget-item";
import { WidgetRootView } from "../widgets/widget-root";
import { ChatKitComposer, useComposerSelections } from "./chatkit-composer";
import type {
  ChatKitUserMessageContent,
  ClientsApiConfig,
  ComposerOption,
  CustomApiConfig,
  Entity,
  FontObject,
  HostedApiConfig,
  StartScreenPrompt,
  UseChatKitOptions,
} from "./options";
import type { ChatKitControl, ChatKitMethods } from "./use-chatkit";

/** Props of {@link ChatKit}: the `control` from `useChatKit`, plus any attribute of its `div`. */
export interface ChatKitProps extends HTMLAttributes<HTMLDivElement> {
  control: ChatKitControl;
}

const isHosted = (api: UseChatKitOptions["api"]): api is HostedApiConfig =>
  "getClientSecret" in api && typeof api.getClientSecret === "function";

const hasClients = (api: UseChatKitOptions["api"]): api is ClientsApiConfig =>
  "clients" in api && typeof api.clients === "object" && api.clients !== null;

/**
 * A complete chat — header, history, thread, start screen, composer and disclaimer — from the
 * `control` of {@link useChatKit}, in your DOM (no iframe). Its own element is a flex column
 * that fills its parent's height; give the parent (or `className`/`style`) a height, or set
 * `style={{ height: "auto" }}` for a chat that grows with the page.
 *
 * @selector [data-tk-part="chatkit"][data-history-open]
 * @example
 * const chatkit = useChatKit({ api: { url: "/chatkit" } });
 * <ChatKit control={chatkit.control} style={{ height: 600 }} />
 */
export const ChatKit = forwardRef<HTMLDivElement, ChatKitProps>(function ChatKit(
  { control, ...props },
  ref,
) {
  const options = useSyncExternalStore(
    control.subscribe,
    () => control.options,
    () => control.options,
  );
  // Unset, the first of the browser's languages that has a catalog (`pt-BR` → pt).
  const locale = options.locale ?? pickLocale();
  // `sendUserMessage({ newThread: true })` starts a fresh shell (a new run on the new-thread
  // view) and sends from there.
  const [generation, setGeneration] = useState(0);
  const pendingSend = useRef<PendingSend | null>(null);
  const startNewThread = useCallback((pending: PendingSend) => {
    pendingSend.current = pending;
    setGeneration((value) => value + 1);
  }, []);
  const takePendingSend = useCallback(() => {
    const pending = pendingSend.current;
    pendingSend.current = null;
    return pending;
  }, []);
  // Other clients read other threads: a new `api.clients` object starts a fresh shell (its run,
  // composer and open thread belong to the old clients).
  const [clientsIds] = useState(() => new WeakMap<object, number>());
  const clientsCount = useRef(0);
  const clients = hasClients(options.api) ? options.api.clients : null;
  if (clients && !clientsIds.has(clients)) {
    clientsCount.current += 1;
    clientsIds.set(clients, clientsCount.current);
  }
  const clientsKey = clients ? `${clientsIds.get(clients)}` : "api";
  const shell = (
    <ChatKitShell
      key={`${clientsKey}:${generation}`}
      control={control}
      options={options}
      locale={locale}
      fresh={generation > 0}
      startNewThread={startNewThread}
      takePendingSend={takePendingSend}
      {...props}
      ref={ref}
    />
  );
  if (hasClients(options.api)) {
    return (
      <ClientsProviders options={options} locale={locale} clientsKey={clientsKey}>
        {shell}
      </ClientsProviders>
    );
  }
  return isHosted(options.api) ? (
    <HostedProviders options={options} locale={locale}>
      {shell}
    </HostedProviders>
  ) : (
    <CustomProviders options={options} locale={locale}>
      {shell}
    </CustomProviders>
  );
});
ChatKit.displayName = "ChatKit";

interface ProvidersProps {
  options: UseChatKitOptions;
  locale: string;
  children: ReactNode;
}

/** `ThreadkitProvider` (which keeps the chat's loaded history) with its events as ChatKit's. */
function Providers({
  options,
  locale,
  clients,
  children,
}: ProvidersProps & { clients: ThreadkitClients }) {
  const latest = useRef(options);
  latest.current = options;
  const api = options.api;
  const settings = hasClients(api) ? api : undefined;
  return (
    <ThreadkitProvider
      clients={clients}
      locale={locale}
      {...(settings?.assistantFileUrl
        ? { assistantFileUrl: (fileId: string) => settings.assistantFileUrl?.(fileId) ?? fileId }
        : {})}
      {...(settings?.streamIdleTimeoutMs !== undefined
        ? { streamIdleTimeoutMs: settings.streamIdleTimeoutMs }
        : {})}
      onError={(error) => latest.current.onError?.({ error })}
      onEffect={(effect) =>
        latest.current.onEffect?.({ name: effect.name, data: { ...effect.data } })
      }
      onLog={(log) =>
        latest.current.onLog?.(
          log.data ? { name: log.name, data: { ...log.data } } : { name: log.name },
        )
      }
    >
      {children}
    </ThreadkitProvider>
  );
}

/**
 * `Accept-Language` for the chat's clients, read per request so a new `locale` applies without
 * new clients: the `locale` option when set, else the browser's languages (what the browser
 * itself sends, also where it does not).
 */
function useAcceptLanguage(options: UseChatKitOptions): () => string | undefined {
  const latest = useRef(options.locale);
  latest.current = options.locale;
  return useCallback(() => latest.current ?? acceptLanguageOf(browserLanguages()), []);
}

/** A weighted `Accept-Language` list: `["de-CH", "de", "en"]` → `de-CH,de;q=0.9,en;q=0.8`. */
function acceptLanguageOf(languages: readonly string[]): string | undefined {
  if (languages.length === 0) return undefined;
  return languages
    .slice(0, 10)
    .map((tag, i) => (i === 0 ? tag : `${tag};q=${(1 - i / 10).toFixed(1)}`))
    .join(",");
}

/** A custom server through the ChatKit protocol; the client changes only with `url` or `fetch`. */
function CustomProviders(props: ProvidersProps) {
  const api = props.options.api as CustomApiConfig;
  const acceptLanguage = useAcceptLanguage(props.options);
  const clients = useMemo<ThreadkitClients>(
    () => ({
      protocol: createChatKitClient({
        url: api.url,
        acceptLanguage,
        ...(api.fetch ? { fetch: api.fetch } : {}),
      }),
    }),
    [api.url, api.fetch, acceptLanguage],
  );
  return <Providers {...props} clients={clients} />;
}

/**
 * The app's own clients (`api.clients`), with a provider (and so a loaded history) per `clients`
 * object: other clients read other threads.
 */
function ClientsProviders(props: ProvidersProps & { clientsKey: string }) {
  const { clients } = props.options.api as ClientsApiConfig;
  return <Providers key={props.clientsKey} {...props} clients={clients} />;
}

/** Hosted threads through the REST API, authorized by the session's client secret. */
function HostedProviders(props: ProvidersProps) {
  const latest = useRef(props.options.api as HostedApiConfig);
  latest.current = props.options.api as HostedApiConfig;
  const session = useChatKitSession({
    getClientSecret: (current) => latest.current.getClientSecret(current),
  });
  const acceptLanguage = useAcceptLanguage(props.options);
  const clients = useMemo<ThreadkitClients>(
    () => ({ rest: createChatKitRestClient({ fetch: session.fetch, acceptLanguage }) }),
    [session.fetch, acceptLanguage],
  );
  return <Providers {...props} clients={clients} />;
}

/** `composer.attachments` as the composer's limits. */
function attachmentLimits(attachments: ComposerOption["attachments"]): AttachmentLimits {
  if (!attachments?.enabled) return { enabled: false };
  const limits: AttachmentLimits = { enabled: true, maxFiles: attachments.maxCount ?? 10 };
  const { maxSize } = attachments;
  // A per-type map falls back to `"*"` or `""`, then to ChatKit's default of 100 MB.
  limits.maxSize = typeof maxSize === "number" ? maxSize : 100 * 1024 * 1024;
  if (maxSize !== undefined && typeof maxSize !== "number") limits.maxSizeByType = maxSize;
  if (attachments.accept) {
    limits.accept = Object.entries(attachments.accept).flatMap(([mime, extensions]) => [
      mime,
      ...extensions,
    ]);
  }
  return limits;
}

/** ChatKit.js content as the wire's: a tag without `data` gets `{}`. */
function toContent(content: readonly ChatKitUserMessageContent[]): UserMessageContent[] {
  return content.map((part) =>
    part.type === "input_tag" ? ({ ...part, data: part.data ?? {} } as UserMessageContent) : part,
  );
}

/** A start-screen prompt as the message it sends. */
function promptInput(
  prompt: StartScreenPrompt["prompt"],
): string | { content: UserMessageContent[] } {
  return typeof prompt === "string" ? prompt : { content: toContent(prompt) };
}

/** A message to send once a fresh shell is on the new-thread view. */
interface PendingSend {
  input: RunInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface ChatKitShellProps extends HTMLAttributes<HTMLDivElement> {
  control: ChatKitControl;
  options: UseChatKitOptions;
  locale: string;
  /** Opened for a new thread: ignores `initialThread`. */
  fresh: boolean;
  startNewThread: (pending: PendingSend) => void;
  takePendingSend: () => PendingSend | null;
}

const ChatKitShell = forwardRef<HTMLDivElement, ChatKitShellProps>(function ChatKitShell(
  { control, options, locale, fresh, startNewThread, takePendingSend, className, style, ...props },
  ref,
) {
  const latest = useRef(options);
  latest.current = options;
  const [threadId, setThreadIdState] = useState<string | null>(
    fresh ? null : (options.initialThread ?? null),
  );
  // `null` until the user or the app opens or closes it: the layout's default then.
  const [historyChoice, setHistoryOpen] = useState<boolean | null>(null);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useImperativeHandle(ref, () => root as HTMLDivElement, [root]);
  const wide = useWide(root);
  // A sidebar stays beside the thread while there is room; narrower, it is the panel.
  const sidebar = options.history?.layout === "sidebar" && wide;
  const historyOpen = historyChoice ?? sidebar;
  // `onHistoryOpen` / `onHistoryClose` on every change of the shown history (not at mount).
  const historyShown = options.history?.enabled !== false && !isHosted(options.api) && historyOpen;
  const shownBefore = useRef(historyShown);
  useEffect(() => {
    if (shownBefore.current === historyShown) return;
    shownBefore.current = historyShown;
    if (historyShown) latest.current.onHistoryOpen?.();
    else latest.current.onHistoryClose?.();
  }, [historyShown]);

  // A client tool that threw or rejected: shown over the composer until dismissed or the next
  // tool call succeeds (the draft is untouched).
  const [toolFailure, setToolFailure] = useState<{ name: string; message: string } | null>(null);
  // Threads this chat created: they have nothing stored to load, so no thread-load events.
  const createdThreads = useRef(new Set<string>());
  // Every client tool goes to `onClientTool`, as in ChatKit. One that throws is shown and
  // reported to `onError`; its `{ error }` output still goes back, so the reply can go on.
  const clientTools = useMemo(
    () =>
      new Proxy({} as Record<string, ClientToolHandler>, {
        get: (_target, name) =>
          typeof name === "string" && latest.current.onClientTool
            ? async (args: JsonObject) => {
                try {
                  const output = await latest.current.onClientTool?.({
                    name,
                    params: args as Record<string, unknown>,
                  });
                  setToolFailure(null);
                  return output;
                } catch (cause) {
                  const error = cause instanceof Error ? cause : new Error(String(cause));
                  setToolFailure({ name, message: error.message });
                  latest.current.onError?.({ error });
                  throw error;
                }
              }
            : undefined,
      }),
    [],
  );
  const api = options.api;
  const assistant = hasClients(api) ? api.assistant : undefined;
  const run = useRunStream(threadId, {
    clientTools,
    ...(assistant ? { assistant } : {}),
    // The hooks put the new thread, and the title its reply sets, into the history's cache.
    onThreadCreated: (id) => {
      createdThreads.current.add(id);
      setThreadIdState(id);
    },
  });
  // `api.clients` that cannot run a reply (hosted REST alone, or Assistants without an
  // assistant): the run's backend says so.
  const readOnly = hasClients(api) && run.backend?.capabilities.run !== true;
  const composerOptions = options.composer;
  const limits = useMemo(
    () => attachmentLimits(composerOptions?.attachments),
    [composerOptions?.attachments],
  );
  const upload = !isHosted(api) ? api.uploadStrategy : undefined;
  const selections = useComposerSelections(composerOptions, latest);
  const composer = useComposer({
    run,
    limits,
    ...(upload ? { upload } : {}),
    ...(selections.inferenceOptions ? { inferenceOptions: selections.inferenceOptions } : {}),
  });
  const { thread } = useThread(run.threadId ?? threadId);
  const liveThreadId = run.threadId ?? threadId;
  const items = useThreadItems(liveThreadId);
  const { invalidateThread, invalidateThreads } = useThreadkitContext("ChatKit");
  const store = useThreadStore(liveThreadId);
  const storeRef = useRef(store);
  storeRef.current = store;
  const feedback = useItemFeedback(liveThreadId ?? undefined);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);

  // Events: ready, thread change, response start/end, thread load start/end.
  useEffect(() => {
    latest.current.onReady?.();
  }, []);
  const reportedThread = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (reportedThread.current === undefined) {
      reportedThread.current = liveThreadId;
      return;
    }
    if (reportedThread.current === liveThreadId) return;
    reportedThread.current = liveThreadId;
    latest.current.onThreadChange?.({ threadId: liveThreadId });
  }, [liveThreadId]);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (run.isRunning === wasRunning.current) return;
    wasRunning.current = run.isRunning;
    if (run.isRunning) latest.current.onResponseStart?.();
    else latest.current.onResponseEnd?.();
  }, [run.isRunning]);
  const loading =
    items.status === "pending" &&
    liveThreadId !== null &&
    !createdThreads.current.has(liveThreadId);
  const loadingThread = useRef<string | null>(null);
  useEffect(() => {
    if (loading && liveThreadId !== null && loadingThread.current !== liveThreadId) {
      loadingThread.current = liveThreadId;
      latest.current.onThreadLoadStart?.({ threadId: liveThreadId });
    } else if (!loading && loadingThread.current !== null) {
      const id = loadingThread.current;
      loadingThread.current = null;
      latest.current.onThreadLoadEnd?.({ threadId: id });
    }
  }, [loading, liveThreadId]);

  // A thread that fails to load is shown in the thread, and reported like every other failure.
  const loadError = items.error;
  useEffect(() => {
    if (loadError) latest.current.onError?.({ error: loadError });
  }, [loadError]);

  const setThreadId = useCallback((id: string | null) => {
    setThreadIdState(id);
  }, []);

  // The imperative methods of `useChatKit`.
  const methods = useMemo<ChatKitMethods>(
    () => ({
      focusComposer: async () => inputRef.current?.focus(),
      setThreadId: async (id) => setThreadId(id),
      sendUserMessage: async (params) => {
        const input: RunInput = {
          ...(params.content
            ? { content: toContent(params.content) }
            : { text: params.text ?? "" }),
          ...(params.attachments ? { attachments: params.attachments } : {}),
          ...(params.reply ? { quotedText: params.reply } : {}),
          ...(params.toolChoice || params.model
            ? {
                inferenceOptions: {
                  ...(params.toolChoice ? { tool_choice: params.toolChoice } : {}),
                  ...(params.model ? { model: params.model } : {}),
                },
              }
            : {}),
        };
        if (params.newThread && runRef.current.threadId !== null) {
          await new Promise<void>((resolve, reject) => startNewThread({ input, resolve, reject }));
          return;
        }
        await runRef.current.send(input);
      },
      setComposerValue: async (params) => {
        if (params.content) {
          const content = toContent(params.content);
          composerRef.current.setText(
            content
              .map((part) => (part.type === "input_tag" ? `@${part.text}` : part.text))
              .join(""),
          );
          composerRef.current.setTags(content.filter((part) => part.type === "input_tag"));
        } else if (params.text !== undefined) composerRef.current.setText(params.text);
        if (params.files) composerRef.current.addFiles(params.files);
        if (params.selectedToolId !== undefined)
          selectionsRef.current.setToolId(params.selectedToolId);
        if (params.selectedModelId !== undefined) {
          selectionsRef.current.setModelId(params.selectedModelId);
        }
      },
      fetchUpdates: async () => {
        const id = runRef.current.threadId;
        await Promise.all([invalidateThreads(), id === null ? null : invalidateThread(id)]);
      },
      sendCustomAction: async (action, itemId) => {
        await runRef.current.customAction(action as ActionPayload, itemId ?? null);
      },
      showHistory: async () => setHistoryOpen(true),
      hideHistory: async () => setHistoryOpen(false),
    }),
    [invalidateThreads, invalidateThread, setThreadId, startNewThread],
  );
  const runRef = useRef(run);
  runRef.current = run;
  // A fresh shell sends the message it was opened for.
  useEffect(() => {
    const pending = takePendingSend();
    if (pending) runRef.current.send(pending.input).then(() => pending.resolve(), pending.reject);
  }, [takePendingSend]);
  const composerRef = useRef(composer);
  composerRef.current = composer;
  const selectionsRef = useRef(selections);
  selectionsRef.current = selections;
  useEffect(() => {
    control.setInstance(methods);
    return () => control.setInstance(null);
  }, [control, methods]);

  // Widget actions: server actions stream through the run; client actions go to `widgets.onAction`.
  const widgetActions = useWidgetAction({
    run,
    onClientAction: async (action, source) => {
      // The widget renderer names the item; its widget comes from the thread's items.
      const item =
        source?.item ?? storeRef.current.getState().itemsById.get(source?.id ?? "") ?? null;
      await latest.current.widgets?.onAction?.(
        action as { type: string; payload?: Record<string, unknown> },
        {
          id: source?.id ?? "",
          widget: item?.type === "widget" ? item.widget : (undefined as never),
        },
      );
    },
  });
  // Widget.Root routes each action once; the routed action is only sent or handed on here.
  const widgetActionsRef = useRef(widgetActions);
  widgetActionsRef.current = widgetActions;
  const widgetComponents = options.widgetComponents;
  const itemRenderers = options.renderers;
  const renderers = useMemo(
    () => ({
      widget: createWidgetItemRenderer({
        ...(widgetComponents ? { components: widgetComponents } : {}),
        onAction: (action, context) =>
          widgetActionsRef.current.sendServerAction(
            action,
            context.itemId ? { id: context.itemId } : null,
          ),
        onClientAction: (action, context) =>
          widgetActionsRef.current.runClientAction(
            action,
            context.itemId ? { id: context.itemId } : null,
          ),
        // Failures are reported to the provider's `onError` already.
        onActionError: () => {},
      }),
      ...itemRenderers,
    }),
    [widgetComponents, itemRenderers],
  );

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

  // Clients that cannot reply cannot take feedback or retry one either, and a backend that
  // takes no feedback (Assistants) shows no thumbs.
  const itemActions = readOnly
    ? { feedback: false, retry: false }
    : run.backend?.capabilities.feedback === true
      ? (options.threadItemActions ?? {})
      : { ...options.threadItemActions, feedback: false };
  const headerEnabled = options.header?.enabled !== false;
  const historyEnabled = options.history?.enabled !== false && !isHosted(api);
  const threadIndex = options.history?.threads;
  const indexTitle = threadIndex?.find((entry) => entry.id === liveThreadId)?.title ?? null;
  const theme = options.theme;
  useFontSources(typeof theme === "object" ? theme.typography?.fontSources : undefined, (error) =>
    latest.current.onError?.({ error }),
  );

  return (
    <ThreadUIProvider
      locale={locale}
      portalContainer={root}
      {...(theme === undefined ? {} : { theme })}
      {...(options.toolRenderers ? { toolRenderers: options.toolRenderers } : {})}
      {...(options.highlightCode ? { highlightCode: options.highlightCode } : {})}
      onDeeplink={(link) => latest.current.onDeeplink?.(link)}
      {...(options.entities?.onRequestPreview
        ? {
            onEntityPreview: async (source) => {
              const answer = await latest.current.entities?.onRequestPreview?.(toEntity(source));
              return answer?.preview ? <WidgetRootView widget={answer.preview as never} /> : null;
            },
          }
        : {})}
      {...(options.entities?.onClick
        ? {
            onEntityClick: (source) => latest.current.entities?.onClick?.(toEntity(source)),
          }
        : {})}
    >
      <ChatKitFrame
        ref={setRoot}
        className={className}
        style={style}
        historyOpen={historyEnabled && historyOpen}
        data-history-layout={options.history?.layout === "sidebar" ? "sidebar" : undefined}
        {...props}
      >
        {headerEnabled ? (
          <ChatKitHeader
            options={options}
            title={thread?.title ?? indexTitle}
            historyEnabled={historyEnabled}
            historyOpen={historyOpen}
            onToggleHistory={() => setHistoryOpen(!historyOpen)}
            onNewThread={() => setThreadId(null)}
          />
        ) : null}
        <div data-tk-part="chatkit-body">
          {historyEnabled && historyOpen ? (
            <ChatKitHistory
              activeThreadId={liveThreadId}
              threads={threadIndex}
              showDelete={options.history?.showDelete !== false}
              showRename={options.history?.showRename !== false}
              onRename={(id, title) => latest.current.history?.onRename?.(id, title)}
              canRename={threadIndex === undefined || options.history?.onRename !== undefined}
              onSelect={(id) => {
                setThreadId(id);
                if (!sidebar) setHistoryOpen(false);
              }}
              onDeleted={(id) => {
                if (id === liveThreadId) setThreadId(null);
                void latest.current.history?.onDelete?.(id);
              }}
            />
          ) : null}
          <div data-tk-part="chatkit-main">
            <Thread.Root
              threadId={liveThreadId}
              renderers={renderers}
              threadItemActions={{
                feedback: itemActions.feedback !== false,
                retry: itemActions.retry !== false,
              }}
              {...(itemActions.feedback !== false && liveThreadId !== null
                ? {
                    onFeedback: (item, kind) => feedback.mutate({ itemIds: [item.id], kind }),
                  }
                : {})}
              {...(itemActions.retry !== false
                ? {
                    onRetry: (item) => {
                      const userMessageId = userMessageBefore(item.id);
                      if (userMessageId !== null) void run.retryAfterItem(userMessageId);
                    },
                  }
                : {})}
            >
              <Thread.Viewport>
                {liveThreadId === null ? (
                  <Thread.Empty>
                    <ChatKitStartScreen
                      greeting={options.startScreen?.greeting}
                      prompts={readOnly ? undefined : options.startScreen?.prompts}
                      onPrompt={(prompt) => void run.send(promptInput(prompt.prompt))}
                    />
                  </Thread.Empty>
                ) : null}
                <Thread.Items autoScroll={options.thread?.autoScroll === true} />
              </Thread.Viewport>
              <Thread.ScrollToBottom />
            </Thread.Root>
            {toolFailure ? (
              <ChatKitToolFailure failure={toolFailure} onDismiss={() => setToolFailure(null)} />
            ) : null}
            {readOnly ? (
              <ChatKitReadOnly reason={hasClients(api) ? api.readOnlyReason : undefined} />
            ) : (
              <ChatKitComposer
                composer={composer}
                run={run}
                options={options}
                latest={latest}
                selections={selections}
                limits={limits}
                threadStatus={thread?.status ?? null}
                inputRef={inputRef}
              />
            )}
            {options.disclaimer ? (
              <div
                data-tk-part="chatkit-disclaimer"
                data-high-contrast={options.disclaimer.highContrast ? "" : undefined}
              >
                <Markdown text={options.disclaimer.text} />
              </div>
            ) : null}
          </div>
        </div>
      </ChatKitFrame>
    </ThreadUIProvider>
  );
});

/** The root element, with the provider's theme. */
const ChatKitFrame = forwardRef<
  HTMLDivElement,
  HTMLAttributes<HTMLDivElement> & { historyOpen: boolean }
>(function ChatKitFrame({ historyOpen, children, style, ...props }, ref) {
  const { resolvedTheme, dir, locale } = useThreadUI();
  return (
    <div
      data-tk-part="chatkit"
      data-history-open={historyOpen ? "" : undefined}
      dir={dir}
      lang={locale}
      {...(resolvedTheme?.attributes ?? {})}
      {...props}
      style={resolvedTheme ? { ...resolvedTheme.style, ...style } : style}
      ref={ref}
    >
      {children}
    </div>
  );
});

function ChatKitHeader({
  options,
  title,
  historyEnabled,
  historyOpen,
  onToggleHistory,
  onNewThread,
}: {
  options: UseChatKitOptions;
  title: string | null;
  historyEnabled: boolean;
  historyOpen: boolean;
  onToggleHistory: () => void;
  onNewThread: () => void;
}) {
  const { t } = useThreadUI();
  const header = options.header ?? {};
  const titleOption = header.title ?? {};
  const shownTitle =
    titleOption.enabled === false ? null : (titleOption.text ?? title ?? t("chatkit.untitled"));
  return (
    <header data-tk-part="chatkit-header">
      {header.leftAction ? (
        <button
          type="button"
          data-tk-part="icon-button"
          aria-label={header.leftAction.icon}
          onClick={() => header.leftAction?.onClick()}
        >
          <WidgetIconGlyph name={header.leftAction.icon} size={18} />
        </button>
      ) : historyEnabled ? (
        <button
          type="button"
          data-tk-part="icon-button"
          aria-label={historyOpen ? t("chatkit.hideHistory") : t("chatkit.showHistory")}
          aria-expanded={historyOpen}
          onClick={onToggleHistory}
        >
          <PanelLeft aria-hidden size={18} />
        </button>
      ) : (
        // Keeps the title centred where no button sits at the start.
        <span data-tk-part="chatkit-header-spacer" aria-hidden="true" />
      )}
      <h2 data-tk-part="chatkit-title">{shownTitle}</h2>
      {header.trailing ? <div data-tk-part="chatkit-header-trailing">{header.trailing}</div> : null}
      {header.rightAction ? (
        <button
          type="button"
          data-tk-part="icon-button"
          aria-label={header.rightAction.icon}
          onClick={() => header.rightAction?.onClick()}
        >
          <WidgetIconGlyph name={header.rightAction.icon} size={18} />
        </button>
      ) : (
        <button
          type="button"
          data-tk-part="icon-button"
          aria-label={t("chatkit.newThread")}
          onClick={onNewThread}
        >
          <SquarePen aria-hidden size={18} />
        </button>
      )}
    </header>
  );
}

/** A client tool (`onClientTool`) that threw or rejected, over the composer. */
function ChatKitToolFailure({
  failure,
  onDismiss,
}: {
  failure: { name: string; message: string };
  onDismiss: () => void;
}) {
  const { t } = useThreadUI();
  return (
    <div data-tk-part="chatkit-tool-error" role="alert">
      <span>{t("chatkit.toolFailed", { name: failure.name, message: failure.message })}</span>
      <button
        type="button"
        data-tk-part="icon-button"
        aria-label={t("notice.dismiss")}
        onClick={onDismiss}
      >
        <X aria-hidden size={16} />
      </button>
    </div>
  );
}

/** In place of the composer when the clients can only read threads. */
function ChatKitReadOnly({ reason }: { reason: string | undefined }) {
  const { t } = useThreadUI();
  return (
    <p data-tk-part="chatkit-read-only" role="status">
      <Info aria-hidden size={16} />
      <span>{reason ?? t("chatkit.readOnly")}</span>
    </p>
  );
}

function ChatKitHistory({
  activeThreadId,
  threads,
  showDelete,
  showRename,
  canRename,
  onRename,
  onSelect,
  onDeleted,
}: {
  activeThreadId: string | null;
  /** The app's thread index (`history.threads`); unset, the clients list the threads. */
  threads: readonly ThreadMetadata[] | undefined;
  showDelete: boolean;
  showRename: boolean;
  canRename: boolean;
  onRename: (threadId: string, title: string) => Promise<void> | void;
  onSelect: (threadId: string) => void;
  onDeleted: (threadId: string) => void;
}) {
  return (
    <aside data-tk-part="chatkit-history">
      {threads === undefined ? (
        <ThreadListSwitch
          activeThreadId={activeThreadId}
          onSelect={onSelect}
          showDelete={showDelete}
          showRename={showRename}
          onDeleted={onDeleted}
        />
      ) : (
        <IndexedThreadList
          threads={threads}
          activeThreadId={activeThreadId}
          onSelect={onSelect}
          showDelete={showDelete}
          showRename={showRename && canRename}
          onRename={onRename}
          onDeleted={onDeleted}
        />
      )}
    </aside>
  );
}

/** The app's thread index as the history: deletes through the clients, renames to the app. */
function IndexedThreadList({
  threads,
  showDelete,
  showRename,
  onRename,
  onDeleted,
  ...props
}: {
  threads: readonly ThreadMetadata[];
  activeThreadId: string | null;
  showDelete: boolean;
  showRename: boolean;
  onRename: (threadId: string, title: string) => Promise<void> | void;
  onSelect: (threadId: string) => void;
  onDeleted: (threadId: string) => void;
}) {
  const remove = useDeleteThread();
  return (
    <ThreadList
      {...props}
      threads={threads}
      {...(showDelete
        ? {
            onDelete: async (id: string) => {
              await remove.mutateAsync(id);
              onDeleted(id);
            },
          }
        : {})}
      {...(showRename
        ? { onRename: async (id: string, title: string) => onRename(id, title) }
        : {})}
    />
  );
}

/** A URL as a CSS string: quotes, backslashes and line breaks escaped. */
function cssUrl(src: string): string {
  return `url("${src.replace(/["\\\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}")`;
}

/**
 * Loads `theme.typography.fontSources` into the document (`document.fonts`) while the chat is
 * mounted, so `fontFamily` can name them; a font that fails to load is reported to `onError`.
 * The same fonts given again (a new but equal array) are not loaded again.
 */
function useFontSources(
  sources: readonly FontObject[] | undefined,
  onError: (error: Error) => void,
): void {
  const report = useRef(onError);
  report.current = onError;
  const key = sources && sources.length > 0 ? JSON.stringify(sources) : "";
  useEffect(() => {
    if (key === "" || typeof FontFace === "undefined" || typeof document === "undefined") return;
    const fonts = document.fonts;
    if (!fonts) return;
    const faces = (JSON.parse(key) as FontObject[]).map((font) => {
      const descriptors: FontFaceDescriptors = {};
      if (font.weight !== undefined) descriptors.weight = String(font.weight);
      if (font.style) descriptors.style = font.style;
      if (font.display) descriptors.display = font.display;
      if (font.unicodeRange) descriptors.unicodeRange = font.unicodeRange;
      const face = new FontFace(font.family, cssUrl(font.src), descriptors);
      fonts.add(face);
      face.load().catch((cause: unknown) => {
        if (!fonts.has(face)) return;
        report.current(
          new Error(`The font "${font.family}" could not be loaded from ${font.src}.`, { cause }),
        );
      });
      return face;
    });
    return () => {
      for (const face of faces) fonts.delete(face);
    };
  }, [key]);
}

/** Whether the chat is wider than 640 px (also before it is measured, and where nothing measures). */
function useWide(root: HTMLElement | null): boolean {
  const [wide, setWide] = useState(true);
  useEffect(() => {
    if (!root || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const width = root.getBoundingClientRect().width;
      if (width > 0) setWide(width > 640);
    };
    measure();
    // Measured in the next frame: a layout the new width causes never loops the observer.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [root]);
  return wide;
}

function ChatKitStartScreen({
  greeting,
  prompts,
  onPrompt,
}: {
  greeting: string | undefined;
  prompts: StartScreenPrompt[] | undefined;
  onPrompt: (prompt: StartScreenPrompt) => void;
}) {
  const { t } = useThreadUI();
  return (
    <div data-tk-part="chatkit-start">
      <h2 data-tk-part="chatkit-greeting">{greeting ?? t("thread.empty")}</h2>
      {prompts && prompts.length > 0 ? (
        <div data-tk-part="chatkit-prompts">
          {prompts.map((prompt) => (
            <button
              key={prompt.label}
              type="button"
              data-tk-part="chatkit-prompt"
              onClick={() => onPrompt(prompt)}
            >
              {prompt.icon ? <WidgetIconGlyph name={prompt.icon} size={16} /> : null}
              <span>{prompt.label}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** An entity source (a tag of a sent message, a citation) as ChatKit's entity callbacks take it. */
function toEntity(source: EntitySource): Entity {
  return {
    id: source.id,
    title: source.title,
    ...(source.icon ? { icon: source.icon } : {}),
    ...(source.interactive !== undefined ? { interactive: source.interactive } : {}),
    ...(source.group ? { group: source.group } : {}),
    ...(source.data ? { data: source.data as Record<string, string> } : {}),
  };
}
