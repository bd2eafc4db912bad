"use client";

import { QueryClient } from "@tanstack/react-query";
import { Composer, Thread, ThreadList } from "@threadkit/components";
import { createChatKitClient } from "@threadkit/core";
import {
  primeThreadItems,
  type ThreadItemsListPage,
  ThreadkitProvider,
  useRunStream,
  useThreads,
} from "@threadkit/hooks";
import { useState } from "react";
import { Button } from "./button";

function rememberThread(threadId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set("thread", threadId);
  window.history.replaceState(null, "", url);
}

function Conversation({ initialThreadId }: { initialThreadId: string | null }) {
  const [threadId, setThreadId] = useState(initialThreadId);
  const { threads } = useThreads();
  const run = useRunStream(threadId, {
    onThreadCreated: (id) => {
      setThreadId(id);
      rememberThread(id);
    },
  });
  const liveThreadId = run.threadId ?? threadId;
  return (
    <div className="flex h-screen">
      <ThreadList
        className="w-64 shrink-0 overflow-y-auto border-r"
        threads={threads}
        activeThreadId={liveThreadId}
        onSelect={(id) => {
          setThreadId(id);
          rememberThread(id);
        }}
      />
      <main className="flex min-w-0 flex-1 flex-col">
        <Thread.Root threadId={liveThreadId} className="min-h-0 flex-1">
          <Thread.Viewport>
            <Thread.Items className="max-w-3xl" />
          </Thread.Viewport>
          <Thread.ScrollToBottom />
        </Thread.Root>
        <div className="p-4">
          <Composer.Root threadId={liveThreadId} run={run} className="border-2">
            <div className="flex items-end gap-2">
              <Composer.Input placeholder="Message" aria-label="Message" />
              <Composer.Stop />
              <Composer.Submit asChild>
                <Button type="submit">Send</Button>
              </Composer.Submit>
            </div>
          </Composer.Root>
        </div>
      </main>
    </div>
  );
}

/**
 * The whole chat: history, thread view and composer against a ChatKit server. With `firstPage`
 * (the thread's newest items, fetched by the Server Component) the thread renders them on the
 * server and hydrates with them.
 */
export function Chat({
  serverUrl,
  initialThreadId,
  firstPage,
}: {
  serverUrl: string;
  initialThreadId: string | null;
  firstPage?: ThreadItemsListPage;
}) {
  const [clients] = useState(() => ({
    protocol: createChatKitClient({ url: `${serverUrl}/chatkit` }),
  }));
  const [queryClient] = useState(() => {
    const client = new QueryClient();
    if (initialThreadId && firstPage) primeThreadItems(client, initialThreadId, firstPage);
    return client;
  });
  return (
    <ThreadkitProvider clients={clients} queryClient={queryClient}>
      <Conversation initialThreadId={initialThreadId} />
    </ThreadkitProvider>
  );
}
