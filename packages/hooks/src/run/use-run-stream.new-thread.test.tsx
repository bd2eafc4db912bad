import type { ServerResponse } from "node:http";
import { act, render, waitFor } from "@testing-library/react";
import { useStore } from "zustand";
import {
  closeAfterCleanup,
  type RecordedRequest,
  sendJson,
  startServer,
  type TestServer,
} from "../../test/http-server";
import { createTestProtocolClient } from "../../test/protocol-client";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "../thread/thread-context";
import { useThreadItems } from "../thread/use-thread-items";
import { type UseRunStreamResult, useRunStream } from "./use-run-stream";

const at = "2026-05-01T10:00:00";
const user = (id: string, threadId: string, text: string) => ({
  type: "user_message",
  id,
  thread_id: threadId,
  created_at: at,
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});
const reply = (id: string, threadId: string, text: string) => ({
  type: "assistant_message",
  id,
  thread_id: threadId,
  created_at: at,
  content: [{ type: "output_text", text, annotations: [] }],
});
const thread = (id: string) => ({
  id,
  title: null,
  created_at: at,
  status: { type: "active" },
  items: { data: [], has_more: false },
});
const event = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/**
 * A server that stores what it answers. Each `threads.create` sends `thread.created`, then holds
 * the echo of the user message until `echo()` is called: `items.list` for the new thread (the
 * user message and the whole reply) arrives before the echo.
 */
async function pageFirstServer() {
  const stored = new Map<string, unknown[]>();
  let release: () => void = () => {};
  let counter = 0;
  const server = await startServer(async (request: RecordedRequest, res: ServerResponse) => {
    const type = request.body?.type as string;
    const params = request.body?.params ?? {};
    if (type === "items.list") {
      const items = stored.get(params.thread_id) ?? [];
      sendJson(res, 200, { data: [...items].reverse(), has_more: false });
      return;
    }
    if (type !== "threads.create") {
      sendJson(res, 404, { error: `unexpected ${type}` });
      return;
    }
    const threadId = `thr_${++counter}`;
    const text = params.input.content[0].text as string;
    const userItem = user(`user_${++counter}`, threadId, text);
    const replyItem = reply(`msg_${++counter}`, threadId, `You said ${text}`);
    stored.set(threadId, [userItem, replyItem]);
    const echo = new Promise<void>((resolve) => {
      release = resolve;
    });
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(event({ type: "thread.created", thread: thread(threadId) }));
    await echo;
    res.write(event({ type: "thread.item.done", item: userItem }));
    res.write(event({ type: "thread.item.added", item: { ...replyItem, content: [] } }));
    res.write(event({ type: "thread.item.done", item: replyItem }));
    res.end();
  });
  return { server, echo: () => release() };
}

let latest: { run: UseRunStreamResult; itemIds: readonly string[] } | null = null;

/** One chat view: a run on a new thread and the items of the thread it created. */
function Chat() {
  const run = useRunStream(null);
  const view = useThreadItems(run.threadId);
  const store = useThreadStore(run.threadId);
  useStore(store, (state) => state.itemIds);
  latest = { run, itemIds: view.itemIds };
  return null;
}

describe("useRunStream: a new thread whose page loads before the echo", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    latest = null;
    await closeAfterCleanup(server);
  });

  it("shows the sent message once, for the first and for a second thread in the same provider", async () => {
    const scripted = await pageFirstServer();
    server = scripted.server;
    const clients: ThreadkitClients = { protocol: createTestProtocolClient(server.url) };
    const view = (generation: number) => (
      <ThreadkitProvider clients={clients}>
        <Chat key={generation} />
      </ThreadkitProvider>
    );
    const { rerender } = render(view(0));
    let sent: Promise<unknown> = Promise.resolve();
    act(() => {
      sent = latest!.run.send("first");
    });
    await waitFor(() => expect(latest!.itemIds).toContain("msg_3"));
    // The page is in, the echo not yet: the sent message shows once.
    expect(latest!.itemIds).toEqual(["user_2", "msg_3"]);
    scripted.echo();
    await act(() => sent);
    expect(latest!.itemIds).toEqual(["user_2", "msg_3"]);

    // A fresh chat view starts the second thread, as `sendUserMessage({ newThread: true })` does.
    rerender(view(1));
    expect(latest!.run.threadId).toBeNull();
    act(() => {
      sent = latest!.run.send("second");
    });
    await waitFor(() => expect(latest!.itemIds).toContain("msg_6"));
    expect(latest!.run.threadId).toBe("thr_4");
    expect(latest!.itemIds).toEqual(["user_5", "msg_6"]);
    scripted.echo();
    await act(() => sent);
    expect(latest!.itemIds).toEqual(["user_5", "msg_6"]);
  });
});
