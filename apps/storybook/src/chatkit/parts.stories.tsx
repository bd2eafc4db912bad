import type { Meta, StoryObj } from "@storybook/react-vite";
import { Composer, Thread, ThreadList } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream } from "@threadkit/hooks";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";
import { createScriptedServer, type ScriptedServer, seededThread } from "./scripted-server";

/**
 * The parts on their own, with no wiring: `ThreadList` without `threads` follows created, renamed
 * and deleted threads; `Thread.Root threadId` dispatches widget server actions, feedback and retry;
 * `Composer.Root threadId` without children is the whole default composer.
 */
function Chat() {
  const [threadId, setThreadId] = useState<string | null>(null);
  const run = useRunStream(threadId, { onThreadCreated: setThreadId });
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "240px 1fr",
        height: 560,
        border: "1px solid #ddd",
      }}
    >
      <ThreadList
        activeThreadId={run.threadId}
        onSelect={setThreadId}
        onDeleted={(id) => id === run.threadId && setThreadId(null)}
      />
      <div style={{ display: "flex", flexDirection: "column", minHeight: 0 }}>
        <Thread.Root threadId={run.threadId} style={{ flex: 1, minHeight: 0 }}>
          <Thread.Viewport>
            <Thread.Empty />
            <Thread.Items />
          </Thread.Viewport>
          <Thread.ScrollToBottom />
        </Thread.Root>
        <Composer.Root threadId={run.threadId} run={run} />
      </div>
    </div>
  );
}

function Story() {
  const [server] = useState(() =>
    createScriptedServer({
      threads: [seededThread("thr_tax", "Quarterly taxes", "When are they due?")],
    }),
  );
  const [clients] = useState(() => ({
    protocol: createChatKitClient({ url: "/chatkit", fetch: server.fetch }),
  }));
  (globalThis as { __partsServer?: ScriptedServer }).__partsServer = server;
  return (
    <ThreadkitProvider clients={clients}>
      <Chat />
    </ThreadkitProvider>
  );
}

const serverOf = () => (globalThis as { __partsServer?: ScriptedServer }).__partsServer!;
const idle = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.queryByRole("button", { name: "Stop generating" })).toBeNull());

const meta = {
  title: "ChatKit/Parts with defaults",
  component: Story,
  parameters: { layout: "padded" },
} satisfies Meta<typeof Story>;
export default meta;
type StoryType = StoryObj<typeof meta>;

/** A new thread shows in the history; its widget button, feedback and rename work unwired. */
export const NoWiring: StoryType = {
  play: async ({ canvas, userEvent }) => {
    const history = await canvas.findByRole("navigation", { name: "History" });
    await within(history).findByText("Quarterly taxes");
    await userEvent.type(canvas.getByRole("textbox"), "Show me a widget{Enter}");
    await within(history).findByText("Show me a widget");
    const confirm = await canvas.findByRole("button", { name: "Confirm" });
    await idle(canvas);
    await userEvent.click(confirm);
    await waitFor(() => expect(canvas.getByText("Booked: table 4.")).toBeVisible());
    await idle(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Good response" }));
    await waitFor(() =>
      expect(serverOf().requests.some((r) => r.type === "items.feedback")).toBe(true),
    );
    await userEvent.click(
      within(history).getByRole("button", { name: "Rename: Show me a widget" }),
    );
    const field = await within(history).findByRole("textbox", { name: "Conversation title" });
    await userEvent.clear(field);
    await userEvent.type(field, "Dinner booking{Enter}");
    await within(history).findByText("Dinner booking");
  },
};
