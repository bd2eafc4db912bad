// The first example of README.md, compiled by `pnpm typecheck` so it keeps matching the API.
import { Composer, Thread, ThreadList, ThreadUIProvider } from "@threadkit/components";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream, useThreads } from "@threadkit/hooks";
import { useState } from "react";
import "@threadkit/components/styles.css";

const clients = { protocol: createChatKitClient({ url: "/chatkit" }) };

function Chat() {
  const [threadId, setThreadId] = useState<string | null>(null);
  const { threads } = useThreads();
  const run = useRunStream(threadId, { onThreadCreated: setThreadId });
  return (
    <ThreadUIProvider theme="light">
      <button type="button" onClick={() => setThreadId(null)}>
        New chat
      </button>
      <ThreadList threads={threads} activeThreadId={threadId} onSelect={setThreadId} />
      <Thread.Root threadId={run.threadId}>
        <Thread.Viewport>
          <Thread.Empty />
          <Thread.Items />
        </Thread.Viewport>
        <Thread.ScrollToBottom />
      </Thread.Root>
      <Composer.Root threadId={run.threadId} run={run}>
        <Composer.Input />
        <Composer.Stop />
        <Composer.Submit />
      </Composer.Root>
    </ThreadUIProvider>
  );
}

export const App = () => (
  <ThreadkitProvider clients={clients}>
    <Chat />
  </ThreadkitProvider>
);
