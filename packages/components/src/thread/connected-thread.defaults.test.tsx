import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createChatKitClient } from "@threadkit/core";
import {
  createAssistantMessage,
  createUserMessage,
  createWidgetItem,
} from "@threadkit/core/testing";
import { ThreadkitProvider } from "@threadkit/hooks";
import type { ThreadUIOptions } from "../context";
import { ThreadRootSwitch } from "./connected-thread";
import { ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-methods": "*",
};
const onThread = { thread_id: "thr_1" };
const question = createUserMessage("u_1", "Book me a table", onThread);
const answer = createAssistantMessage("a_1", ["Here is a table for four."], onThread);
const card = {
  ...createWidgetItem("w_1", {
    type: "Card",
    children: [
      {
        type: "Button",
        label: "Confirm",
        onClickAction: { type: "booking.confirm", payload: { table: 4 } },
      },
    ],
  } as never),
  ...onThread,
};
const booked = createAssistantMessage("a_2", ["Booked: table 4."], onThread);

interface Received {
  type: string;
  params: Record<string, unknown>;
}

/** A ChatKit server on 127.0.0.1 holding one thread: a question, its answer and a widget card. */
async function startChatServer(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, CORS).end();
      return;
    }
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as Received;
      received.push(body);
      const json = (value: unknown) =>
        response
          .writeHead(200, { ...CORS, "content-type": "application/json" })
          .end(JSON.stringify(value));
      switch (body.type) {
        case "items.list":
          return json({ data: [card, answer, question], has_more: false, after: null });
        case "threads.get_by_id":
          return json({
            id: "thr_1",
            created_at: "2026-05-01T10:00:00Z",
            status: { type: "active" },
            items: { data: [], has_more: false, after: null },
          });
        case "items.feedback":
          return json({});
        default:
          response
            .writeHead(200, { ...CORS, "content-type": "text/event-stream" })
            .end(`data: ${JSON.stringify({ type: "thread.item.done", item: booked })}\n\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/chatkit`, received };
}

let server: Server | undefined;
afterEach(async () => {
  cleanup();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function App({
  url,
  threadItemActions,
  ...options
}: { url: string; threadItemActions?: { feedback?: boolean; retry?: boolean } } & ThreadUIOptions) {
  const clients = { protocol: createChatKitClient({ url, maxRetries: 0 }) };
  return (
    <ThreadkitProvider clients={clients}>
      <ThreadRootSwitch
        threadId="thr_1"
        virtualize={false}
        {...(threadItemActions ? { threadItemActions } : {})}
        {...options}
      >
        <ThreadViewport>
          <ThreadItems />
        </ThreadViewport>
      </ThreadRootSwitch>
    </ThreadkitProvider>
  );
}

const requests = (received: Received[], type: string) =>
  received.filter((body) => body.type === type).map((body) => body.params);

describe("connected Thread.Root: built-in actions", () => {
  it("dispatches a widget's server action with no wiring and shows the reply", async () => {
    const started = await startChatServer();
    server = started.server;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("button", { name: "Confirm" }, { timeout: 8000 }));
    await waitFor(() =>
      expect(requests(started.received, "threads.custom_action")).toHaveLength(1),
    );
    expect(requests(started.received, "threads.custom_action")[0]).toEqual({
      thread_id: "thr_1",
      item_id: "w_1",
      action: { type: "booking.confirm", payload: { table: 4 } },
    });
    expect(await screen.findByText("Booked: table 4.")).toBeInTheDocument();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("sends feedback on a reply through items.feedback", async () => {
    const started = await startChatServer();
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("button", { name: "Good response" }));
    await waitFor(() =>
      expect(requests(started.received, "items.feedback")).toEqual([
        { thread_id: "thr_1", item_ids: ["a_1"], kind: "positive" },
      ]),
    );
  });

  it("retries a reply after the user message it answers", async () => {
    const started = await startChatServer();
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(await screen.findByRole("button", { name: "Regenerate" }));
    await waitFor(() =>
      expect(requests(started.received, "threads.retry_after_item")).toEqual([
        { thread_id: "thr_1", item_id: "u_1" },
      ]),
    );
    expect(await screen.findByText("Booked: table 4.")).toBeInTheDocument();
  });

  it("leaves feedback and retry out with threadItemActions off, and to the app's handlers", async () => {
    const started = await startChatServer();
    server = started.server;
    const { unmount } = render(
      <App url={started.url} threadItemActions={{ feedback: false, retry: false }} />,
    );
    await screen.findByText("Here is a table for four.");
    expect(screen.queryByRole("button", { name: "Good response" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Regenerate" })).toBeNull();
    unmount();

    const onFeedback = vi.fn();
    render(<App url={started.url} onFeedback={onFeedback} />);
    fireEvent.click(await screen.findByRole("button", { name: "Bad response" }));
    expect(onFeedback).toHaveBeenCalledWith(expect.objectContaining({ id: "a_1" }), "negative");
    expect(requests(started.received, "items.feedback")).toEqual([]);
  });
});
