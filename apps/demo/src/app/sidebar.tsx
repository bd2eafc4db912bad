import { ThreadList } from "@threadkit/components";
import { useDeleteThread, useRenameThread, useThreads } from "@threadkit/hooks";
import {
  forgetAssistantsThread,
  renameAssistantsThread,
  useAssistantsThreads,
} from "../lib/assistants-history";
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
export function Sidebar({ activeThreadId, backend, server, onSelect, onClose }: SidebarProps) {
  const t = useMessages();
  const assistants = backend === "assistants";
  // The Assistants API cannot list threads: the demo lists the ones it created.
  const threads = useThreads({ pageSize: 30, enabled: !assistants });
  const remembered = useAssistantsThreads(server.origin);
  const remove = useDeleteThread();
  const rename = useRenameThread();
  const readOnly = backend === "rest";
  const status = assistants
    ? "online"
    : threads.status === "error"
      ? "offline"
      : threads.status === "success"
        ? "online"
        : "pending";
  return (
    <aside id="demo-sidebar" className="demo-sidebar" aria-label={t.history}>
      <div className="demo-sidebar-head">
        <button type="button" className="demo-brand" onClick={() => onSelect(null)}>
          <LogoMark />
          threadkit
          <small>demo</small>
        </button>
        <button
          type="button"
          className="demo-icon-button demo-sidebar-close"
          onClick={onClose}
          aria-label={t.closeSidebar}
        >
          <XIcon />
        </button>
      </div>
      {readOnly ? null : (
        <button
          type="button"
          className="demo-new-chat"
          onClick={() => onSelect(null)}
          data-testid="new-chat"
        >
          <NewChatIcon width={16} height={16} />
          {t.newChat}
        </button>
      )}
      <div className="demo-history">
        <ThreadList
          threads={assistants ? remembered : threads.threads}
          activeThreadId={activeThreadId}
          onSelect={onSelect}
          onDelete={async (threadId) => {
            await remove.mutateAsync(threadId);
            if (assistants) forgetAssistantsThread(server.origin, threadId);
            if (threadId === activeThreadId) onSelect(null);
          }}
          {...(readOnly
            ? {}
            : {
                onRename: async (threadId: string, title: string) => {
                  if (assistants) renameAssistantsThread(server.origin, threadId, title);
                  else await rename.mutateAsync({ threadId, title });
                },
              })}
          hasMore={!assistants && threads.hasMore}
          onLoadMore={() => threads.fetchMore()}
        />
      </div>
      {status === "offline" ? (
        <p className="demo-offline" role="status">
          {t.offline(server.origin)}
        </p>
      ) : null}
      <div className="demo-sidebar-foot" title={server.origin}>
        <span className="demo-status-dot" data-status={status} />
        <span className="demo-sidebar-backend">{t.backends[backend]}</span>
        <code>{server.origin.replace(/^https?:\/\//, "")}</code>
      </div>
    </aside>
  );
}
