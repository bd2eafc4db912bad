import "./app.css";
import "@threadkit/components/styles.css";
import { Composer, Thread, ThreadList } from "@threadkit/components";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream, useThreads } from "@threadkit/hooks";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { Button } from "./button";
import { readLocation, rememberThread } from "./location";

const { serverUrl, threadId: initialThreadId } = readLocation();
const clients = { protocol: createChatKitClient({ url: `${serverUrl}/chatkit` }) };

function Chat() {
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

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing");
createRoot(root).render(
  <StrictMode>
    <ThreadkitProvider clients={clients}>
      <Chat />
    </ThreadkitProvider>
  </StrictMode>,
);
