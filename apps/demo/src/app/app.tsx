import { ChatKit, type UseChatKitOptions, useChatKit } from "@threadkit/components";
import { shikiHighlighter } from "@threadkit/components/highlight";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  forgetAssistantsThread,
  rememberNewAssistantsThread,
  renameAssistantsThread,
  useAssistantsThreads,
} from "../lib/assistants-history";
import { clientTools } from "../lib/client-tools";
import { MessagesContext, resolveLocale, STARTER_PROMPTS } from "../lib/i18n";
import { assistantFileUrl, resolveIdleTimeoutMs, resolveServer } from "../lib/server";
import { type BackendKind, useResolvedColorScheme, useSettings } from "../lib/settings";
import { useDemoAssistant } from "../lib/use-demo-assistant";
import { createClients } from "./clients";
import { DemoControls } from "./controls";
import {
  MODELS,
  PROMPT_ICONS,
  previewEntity,
  searchCommands,
  searchEntities,
  selectCommand,
  TOOLS,
} from "./options";

const threadFromHash = () => /^#\/t\/([^/?#]+)/.exec(globalThis.location?.hash ?? "")?.[1] ?? null;

/** The monochrome accent flips to near-white in dark mode so it stays visible. */
const accentFor = (accent: string, scheme: "light" | "dark") =>
  scheme === "dark" && accent === "#171717" ? "#ececf1" : accent;

/**
 * The demo: one `<ChatKit>` options object, written as for `@openai/chatkit-react`, on the backend
 * the settings pick — the ChatKit protocol, hosted REST (read-only) or Assistants — through
 * threadkit's `api: { clients }`. The history is a sidebar; the Assistants API cannot list
 * threads, so there the demo supplies the index it keeps. The backend switch and settings sit in
 * the header; the toast (deeplinks, opened tags) is the demo's own.
 */
export function App() {
  const settings = useSettings();
  const scheme = useResolvedColorScheme(settings.colorScheme);
  const locale = resolveLocale(settings.locale);
  const t = locale.messages;
  const [server] = useState(resolveServer);
  const [initialThread] = useState(threadFromHash);
  // A thread id belongs to its backend: once switched, each backend starts on a new thread.
  const firstBackend = useRef<BackendKind | null>(settings.backend);
  if (firstBackend.current !== settings.backend) firstBackend.current = null;
  const [toast, setToast] = useState<string | null>(null);
  const [idleTimeoutMs] = useState(resolveIdleTimeoutMs);
  const { backend } = settings;
  const clients = useMemo(() => createClients(server, backend), [server, backend]);
  const assistants = backend === "assistants";
  const { assistantId } = useDemoAssistant(
    assistants ? clients.assistants : undefined,
    server.origin,
  );
  const assistantsThreads = useAssistantsThreads(server.origin);
  const fileUrl = (fileId: string) => assistantFileUrl(server, fileId);

  const shownBackend = useRef(backend);
  useEffect(() => {
    if (shownBackend.current === backend) return;
    shownBackend.current = backend;
    history.replaceState(null, "", "#/");
  }, [backend]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale.code;
    root.dir = locale.dir;
    root.dataset.scheme = scheme;
  }, [locale, scheme]);

  const options: UseChatKitOptions = {
    api: {
      clients,
      // The Assistants composer waits for the demo's assistant (read-only until it exists).
      ...(assistants && assistantId ? { assistant: { assistantId, fileUrl } } : {}),
      assistantFileUrl: fileUrl,
      ...(idleTimeoutMs !== undefined ? { streamIdleTimeoutMs: idleTimeoutMs } : {}),
      readOnlyReason: t.readOnly,
    },
    locale: locale.code,
    initialThread: firstBackend.current ? initialThread : null,
    theme: {
      colorScheme: scheme,
      radius: settings.radius,
      density: settings.density,
      color: { accent: { primary: accentFor(settings.accent, scheme), level: 1 } },
    },
    header: {
      trailing: <DemoControls settings={settings} scheme={scheme} server={server} />,
    },
    history: {
      layout: "sidebar",
      showDelete: true,
      showRename: true,
      // The Assistants API cannot list threads: the demo lists the ones it created.
      ...(assistants
        ? {
            threads: assistantsThreads,
            onRename: (id: string, title: string) =>
              renameAssistantsThread(server.origin, id, title),
            onDelete: (id: string) => forgetAssistantsThread(server.origin, id),
          }
        : {}),
    },
    thread: { autoScroll: true },
    highlightCode: shikiHighlighter,
    startScreen: {
      greeting: t.greeting,
      prompts: STARTER_PROMPTS.map((prompt, index) => ({
        label: t.promptLabels[index as 0 | 1 | 2 | 3],
        prompt,
        icon: PROMPT_ICONS[index as 0 | 1 | 2 | 3],
      })),
    },
    composer: {
      placeholder: t.placeholder,
      attachments: { enabled: backend === "chatkit", maxCount: 4, maxSize: 10 * 1024 * 1024 },
      tools: TOOLS,
      models: MODELS,
      dictation: { enabled: true },
    },
    entities: {
      onTagSearch: searchEntities,
      showComposerMenu: true,
      onRequestPreview: previewEntity,
      onClick: (entity) => setToast(`Opened ${entity.title}`),
    },
    commands: { enabled: true, onSearch: searchCommands, onSelect: selectCommand },
    disclaimer: { text: t.disclaimer },
    threadItemActions: { feedback: true, retry: true },
    onClientTool: async ({ name, params }) => {
      const tool = clientTools[name];
      if (!tool) throw new Error(`No client tool named ${name}`);
      const threadId = threadFromHash() ?? "";
      return (await tool(params as never, { name, callId: "", threadId, itemId: "" })) as Record<
        string,
        unknown
      >;
    },
    onThreadChange: ({ threadId }) => {
      history.replaceState(null, "", threadId ? `#/t/${threadId}` : "#/");
      const known = assistantsThreads.some((entry) => entry.id === threadId);
      if (clients.assistants && threadId && !known) {
        void rememberNewAssistantsThread(clients.assistants, server.origin, threadId);
      }
    },
    onDeeplink: ({ name }) => setToast(`chatkit-link://${name}`),
    onError: ({ error }) => console.warn("[threadkit]", error),
  };
  const chatkit = useChatKit(options);

  // The hash route: a typed or edited `#/t/<id>` opens that thread.
  useEffect(() => {
    const follow = () => void chatkit.setThreadId(threadFromHash());
    globalThis.addEventListener("hashchange", follow);
    return () => globalThis.removeEventListener("hashchange", follow);
  }, [chatkit]);

  return (
    <MessagesContext.Provider value={t}>
      <div className="demo-app" data-tk-theme={scheme}>
        <ChatKit control={chatkit.control} className="demo-chatkit" />
        {toast ? (
          <button type="button" className="demo-toast" onClick={() => setToast(null)}>
            <output>{toast}</output>
          </button>
        ) : null}
      </div>
    </MessagesContext.Provider>
  );
}
