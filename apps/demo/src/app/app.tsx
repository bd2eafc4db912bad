import { ThreadUIProvider } from "@threadkit/components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { MessagesContext, resolveLocale } from "../lib/i18n";
import { useThreadRoute } from "../lib/route";
import { resolveServer } from "../lib/server";
import { useResolvedColorScheme, useSettings } from "../lib/settings";
import { ChatBackend } from "./chat-backend";
import { Conversation } from "./conversation";
import { Header } from "./header";
import { Sidebar } from "./sidebar";
import { useDemoTheme } from "./theme";

const WIDE_QUERY = "(min-width: 900px)";

/** The whole chat app: history sidebar, header with switches, and the conversation. */
export function App() {
  const settings = useSettings();
  const scheme = useResolvedColorScheme(settings.colorScheme);
  const locale = resolveLocale(settings.locale);
  const server = useMemo(() => resolveServer(), []);
  const [threadId, navigate] = useThreadRoute();
  const [title, setTitle] = useState<string | null>(null);
  const theme = useDemoTheme(settings, scheme);
  // Dialogs portal into the app root so they inherit its theme variables.
  const [appElement, setAppElement] = useState<HTMLDivElement | null>(null);
  const [sidebarOpen, setSidebarOpen] = useState(
    () => globalThis.matchMedia?.(WIDE_QUERY).matches ?? true,
  );

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale.code;
    root.dir = locale.dir;
    root.dataset.scheme = scheme;
  }, [locale, scheme]);

  // On narrow screens the sidebar is a drawer: picking a thread closes it.
  const closeDrawerOnNarrow = useCallback(() => {
    if (!globalThis.matchMedia?.(WIDE_QUERY).matches) setSidebarOpen(false);
  }, []);
  const openThread = useCallback(
    (id: string | null) => {
      navigate(id);
      closeDrawerOnNarrow();
    },
    [navigate, closeDrawerOnNarrow],
  );

  return (
    <MessagesContext.Provider value={locale.messages}>
      <ChatBackend server={server} backend={settings.backend} locale={locale.code}>
        <ThreadUIProvider locale={locale.code} portalContainer={appElement}>
          <div
            ref={setAppElement}
            className="demo-app"
            data-tk-theme={scheme}
            data-sidebar={sidebarOpen ? "open" : "closed"}
            style={theme}
          >
            <Sidebar
              activeThreadId={threadId}
              backend={settings.backend}
              server={server}
              onSelect={openThread}
              onClose={() => setSidebarOpen(false)}
            />
            <button
              type="button"
              className="demo-scrim"
              aria-label={locale.messages.closeSidebar}
              tabIndex={-1}
              onClick={() => setSidebarOpen(false)}
            />
            <main className="demo-main">
              <Header
                title={title ?? locale.messages.untitled}
                settings={settings}
                scheme={scheme}
                sidebarOpen={sidebarOpen}
                onToggleSidebar={() => setSidebarOpen((open) => !open)}
              />
              <Conversation
                key={settings.backend}
                threadId={threadId}
                backend={settings.backend}
                server={server}
                locale={locale.code}
                onThreadCreated={navigate}
                onTitle={setTitle}
              />
            </main>
          </div>
        </ThreadUIProvider>
      </ChatBackend>
    </MessagesContext.Provider>
  );
}
