import { Composer, Thread } from "@threadkit/components";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream, useThreadStore } from "@threadkit/hooks";
import "@threadkit/components/styles.css";

const clients = { protocol: createChatKitClient({ url: "/chatkit" }) };

function Chat() {
  const run = useRunStream(null); // null: a new thread, created by the first message
  const store = useThreadStore(run.threadId);
  return (
    <Thread.Root store={store}>
      <Thread.Viewport>
        <Thread.Items />
      </Thread.Viewport>
      <Composer.Root
        onSubmit={({ text }) => void run.send(text)}
        running={run.isRunning}
        onStop={run.cancel}
      >
        <Composer.Input placeholder="Ask anything" />
        <Composer.Submit />
      </Composer.Root>
    </Thread.Root>
  );
}

export function App() {
  return (
    <ThreadkitProvider clients={clients}>
      <Chat />
    </ThreadkitProvider>
  );
}
