import { Composer, Thread } from "@threadkit/components";
import { useEffect } from "react";
import { useMessages } from "../lib/i18n";
import type { ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";
import { StartScreen } from "./start-screen";

interface ConversationProps {
  threadId: string | null;
  backend: BackendKind;
  server: ServerEndpoints;
  locale: string;
  onThreadCreated: (threadId: string) => void;
  onTitle: (title: string | null) => void;
}

/** The thread view and composer, or the start screen for a new chat. */
export function Conversation({ locale, onTitle }: ConversationProps) {
  const t = useMessages();
  useEffect(() => onTitle(null), [onTitle]);
  return (
    <div className="demo-content">
      <Thread.Root items={[]} locale={locale} className="demo-thread">
        <Thread.Viewport className="demo-viewport">
          <Thread.Empty className="demo-empty">
            <StartScreen onPrompt={() => {}} />
          </Thread.Empty>
          <Thread.Items />
        </Thread.Viewport>
        <Thread.ScrollToBottom />
      </Thread.Root>
      <div className="demo-dock">
        <Composer.Root className="demo-composer" onAddFiles={() => {}}>
          <Composer.Attachments />
          <Composer.Input placeholder={t.placeholder} />
          <div className="demo-composer-actions">
            <Composer.AddAttachment />
            <Composer.Status />
            <Composer.Stop />
            <Composer.Submit />
          </div>
        </Composer.Root>
        <p className="demo-disclaimer">{t.disclaimer}</p>
      </div>
    </div>
  );
}
