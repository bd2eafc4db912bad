import { useMessages } from "../lib/i18n";
import type { ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";
import { LogoMark, NewChatIcon, XIcon } from "./icons";

interface SidebarProps {
  activeThreadId: string | null;
  backend: BackendKind;
  server: ServerEndpoints;
  onSelect: (threadId: string | null) => void;
  onClose: () => void;
}

/** Brand, new-chat button, thread history and server status. */
export function Sidebar({ server, onSelect, onClose }: SidebarProps) {
  const t = useMessages();
  return (
    <aside id="demo-sidebar" className="demo-sidebar" aria-label={t.history}>
      <div className="demo-sidebar-head">
        <a className="demo-brand" href="#/" onClick={() => onSelect(null)}>
          <LogoMark />
          threadkit
          <small>demo</small>
        </a>
        <button
          type="button"
          className="demo-icon-button demo-sidebar-close"
          onClick={onClose}
          aria-label={t.closeSidebar}
        >
          <XIcon />
        </button>
      </div>
      <button
        type="button"
        className="demo-new-chat"
        onClick={() => onSelect(null)}
        data-testid="new-chat"
      >
        <NewChatIcon width={16} height={16} />
        {t.newChat}
      </button>
      <p className="demo-history-label">{t.history}</p>
      <nav className="demo-history">
        <p className="demo-history-empty">{t.emptyHistory}</p>
      </nav>
      <div className="demo-sidebar-foot">
        <span className="demo-status-dot" data-status="online" />
        <code title={server.chatkitUrl}>{server.chatkitUrl}</code>
      </div>
    </aside>
  );
}
