import type { Meta, StoryObj } from "@storybook/react-vite";
import { Thread } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient, type ThreadItem } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";
import { assistant, user } from "../items/_data";

/**
 * A thread whose server crashed mid-turn: after a reload it ends with a user message that no
 * reply followed. `Thread.RunStatus` says so and offers "Get a reply", which sends
 * `threads.retry_after_item` on that message and streams the reply into the thread.
 *
 * With `Thread.Root threadId` inside `ThreadkitProvider` this needs no wiring (the hooks'
 * `useRetryAfterItem`); pass `onRegenerate` to send it on the app's own run instead.
 *
 * Parts: `thread-run-status[data-status="unanswered"]`, `thread-run-unanswered`,
 * `button[data-action="regenerate"]`.
 */
const meta = {
  title: "Thread/Run status: unanswered message",
  component: Thread.RunStatus,
  parameters: { layout: "padded" },
} satisfies Meta<typeof Thread.RunStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

const stored: ThreadItem[] = [
  user("crash_u1", "What's a good name for a bakery?"),
  assistant("crash_a1", "How about **Rise & Shine**?"),
  user("crash_u2", "And one for a bookshop?"),
];
const REPLY = "Try **Dog-Eared**: friendly, and every reader gets it.";

/** The requests the story's server received, in order. */
const received: { type: string; params: Record<string, unknown> }[] = [];

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

/** A ChatKit server in the page: the stored thread, and a streamed reply to a retry. */
const serverFetch: typeof fetch = async (_input, init) => {
  const request = JSON.parse(String(init?.body)) as {
    type: string;
    params: Record<string, unknown>;
  };
  received.push(request);
  if (request.type === "items.list") {
    return json({ data: [...stored].reverse(), has_more: false, after: null });
  }
  if (request.type !== "threads.retry_after_item") return json({});
  const events = [
    { type: "stream_options", stream_options: { allow_cancel: true } },
    { type: "thread.item.added", item: assistant("crash_a2", "") },
    {
      type: "thread.item.updated",
      item_id: "crash_a2",
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: REPLY },
    },
    { type: "thread.item.done", item: assistant("crash_a2", REPLY) },
  ];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const event of events) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
};

function CrashedThread() {
  const [clients] = useState(() => ({
    protocol: createChatKitClient({
      url: "https://chatkit.invalid/chatkit",
      fetch: serverFetch,
      maxRetries: 0,
    }),
  }));
  return (
    <ThreadkitProvider clients={clients}>
      <Thread.Root
        threadId="thr_crashed"
        virtualize={false}
        style={{ height: 520, border: "1px solid var(--tk-color-border)", borderRadius: 16 }}
      >
        <Thread.Viewport>
          <Thread.Items />
        </Thread.Viewport>
      </Thread.Root>
    </ThreadkitProvider>
  );
}

/** "Get a reply" under the unanswered message gets the reply; the offer goes once it runs. */
export const GetAReply: Story = {
  render: () => <CrashedThread />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    received.length = 0;
    const button = await canvas.findByRole("button", { name: "Get a reply" });
    const status = canvasElement.querySelector("[data-tk-part='thread-run-status']");
    await expect(status).toHaveAttribute("data-status", "unanswered");
    await expect(
      within(status as HTMLElement).getByText("No reply to this message yet."),
    ).toBeVisible();
    await userEvent.click(button);
    await expect(canvas.queryByRole("button", { name: "Get a reply" })).toBeNull();
    await waitFor(() => expect(canvas.getByText("Dog-Eared", { exact: false })).toBeVisible());
    await expect(received.filter((r) => r.type === "threads.retry_after_item")).toEqual([
      {
        type: "threads.retry_after_item",
        params: { thread_id: "thr_crashed", item_id: "crash_u2" },
      },
    ]);
    await waitFor(() => expect(status).toHaveAttribute("data-status", "idle"));
    await expect(canvas.queryByRole("button", { name: "Get a reply" })).toBeNull();
    await expect(
      canvasElement.querySelectorAll("[data-item-type='assistant_message']"),
    ).toHaveLength(2);
  },
};
