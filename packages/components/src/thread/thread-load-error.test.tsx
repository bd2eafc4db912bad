import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useThreadStore } from "@threadkit/hooks";
import { useEffect } from "react";
import {
  closeAfterCleanup,
  sendJson,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ChatKit } from "../chatkit/chatkit";
import { useChatKit } from "../chatkit/use-chatkit";
import { ThreadRootSwitch } from "./connected-thread";
import { ThreadEmpty, ThreadRoot, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";

const message = (id: string, text: string) => ({
  type: "user_message",
  id,
  thread_id: "thr_1",
  created_at: "2026-05-01T10:00:00Z",
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});

/**
 * A ChatKit server whose `items.list` answers from `pages` (by the `after` cursor); each request
 * for a cursor in `failures` first answers with that status, once.
 */
function historyServer(
  pages: Record<string, { data: unknown[]; after: string | null }>,
  failures: Record<string, number>,
) {
  const failed = new Set<string>();
  return startServer((request, res) => {
    const { type, params } = request.body as { type: string; params: { after?: string | null } };
    if (type === "threads.get_by_id") {
      return sendJson(res, 200, {
        id: "thr_1",
        title: "Lisbon",
        created_at: "2026-05-01T10:00:00Z",
        status: { type: "active" },
        items: { data: [], has_more: false, after: null },
      });
    }
    if (type === "threads.list") return sendJson(res, 200, { data: [], has_more: false });
    if (type !== "items.list") return sendJson(res, 404, { error: type });
    const cursor = params.after ?? "first";
    const status = failures[cursor];
    if (status !== undefined && !failed.has(cursor)) {
      failed.add(cursor);
      return sendJson(res, status, { error: { message: "unavailable" } });
    }
    const page = pages[cursor] ?? { data: [], after: null };
    return sendJson(res, 200, {
      data: page.data,
      has_more: page.after !== null,
      after: page.after,
    });
  });
}

/** Puts a live item into the thread's store, as a stream does. */
function LiveItem({ text }: { text: string }) {
  const store = useThreadStore("thr_1");
  useEffect(() => store.getState().upsertItem(message("live_1", text) as never), [store, text]);
  return null;
}

function App({ url, live }: { url: string; live?: string }) {
  const clients = { protocol: createChatKitClient({ url, maxRetries: 0 }) };
  return (
    <ThreadkitProvider clients={clients}>
      {live ? <LiveItem text={live} /> : null}
      <ThreadRootSwitch threadId="thr_1" virtualize={false}>
        <ThreadViewport>
          <ThreadEmpty />
          <ThreadItems />
        </ThreadViewport>
      </ThreadRootSwitch>
    </ThreadkitProvider>
  );
}

const itemsRequests = (server: TestServer) =>
  server.requests.filter((request) => (request.body as { type: string }).type === "items.list");

let server: TestServer | undefined;
afterEach(async () => {
  await closeAfterCleanup(server);
  server = undefined;
});

describe("Thread.Root threadId: a history that fails to load", () => {
  it("says so with Try again, which loads the items and takes the alert away", async () => {
    server = await historyServer(
      {
        first: {
          data: [message("u_2", "And a day in Sintra"), message("u_1", "Plan a weekend in Lisbon")],
          after: null,
        },
      },
      { first: 500 },
    );
    render(<App url={server.url} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "This conversation could not be loaded. The server ran into a problem.",
    );
    expect(alert).toHaveAttribute("data-page", "first");
    // Not the start screen of a new thread.
    expect(screen.queryByText("What can I help with today?")).toBeNull();

    // Keyboard: Tab reaches the button (after the viewport), Enter retries.
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    const retry = screen.getByRole("button", { name: "Try again" });
    expect(retry).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(await screen.findByText("Plan a weekend in Lisbon")).toBeInTheDocument();
    expect(screen.getByText("And a day in Sintra")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(itemsRequests(server)).toHaveLength(2);
    // The button went: focus moved to the conversation, not to the page.
    expect(screen.getByRole("region", { name: "Conversation" })).toHaveFocus();
  });

  it("keeps a live item visible while the history failed, and after Try again", async () => {
    server = await historyServer(
      { first: { data: [message("u_1", "Plan a weekend in Lisbon")], after: null } },
      { first: 500 },
    );
    render(<App url={server.url} live="Sent just now" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("could not be loaded");
    expect(screen.getByText("Sent just now")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Plan a weekend in Lisbon")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getByText("Sent just now")).toBeInTheDocument();
  });

  it("tells a thread that is not found, and no access, from other failures", async () => {
    server = await historyServer({}, { first: 404 });
    const { unmount } = render(<App url={server.url} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This conversation could not be loaded. It may have been deleted, or the link is wrong.",
    );
    unmount();
    await server.close();
    server = await historyServer({}, { first: 403 });
    render(<App url={server.url} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "You may not have access to it, or your session has expired.",
    );
  });

  it("says an older page failed, keeps the items shown, and Try again loads that page", async () => {
    server = await historyServer(
      {
        first: { data: [message("u_3", "Newest question")], after: "c1" },
        c1: { data: [message("u_1", "Oldest question")], after: null },
      },
      { c1: 503 },
    );
    render(<App url={server.url} />);
    expect(await screen.findByText("Newest question")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Load earlier messages" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Earlier messages could not be loaded.");
    expect(alert).toHaveAttribute("data-page", "older");
    expect(screen.getByText("Newest question")).toBeInTheDocument();
    // The failed page waits for Try again: no "Load earlier" (nor a load on scrolling up).
    expect(screen.queryByRole("button", { name: "Load earlier messages" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Oldest question")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getByText("Newest question")).toBeInTheDocument();
    expect(
      itemsRequests(server).map(
        (request) => (request.body as { params: { after?: string } }).params.after ?? null,
      ),
    ).toEqual([null, "c1", "c1"]);
  });
});

function Chat({ url, onError }: { url: string; onError: (event: { error: Error }) => void }) {
  const chatkit = useChatKit({ api: { url }, initialThread: "thr_1", onError });
  return <ChatKit control={chatkit.control} />;
}

describe("ChatKit: a history that fails to load", () => {
  it("shows the alert, reports the failure to onError once, and Try again loads the thread", async () => {
    server = await historyServer(
      { first: { data: [message("u_1", "Plan a weekend in Lisbon")], after: null } },
      // The chat's client retries a 5xx by itself; a 403 it does not.
      { first: 403 },
    );
    const onError = vi.fn();
    render(<Chat url={server.url} onError={onError} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "This conversation could not be loaded. You may not have access to it, or your session has expired.",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Plan a weekend in Lisbon")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].error).toHaveProperty("status", 403);
  });
});

describe("Thread.LoadError", () => {
  it("keeps the items shown, and turns off with loadError={false}", () => {
    const loadError = { error: new Error("boom"), page: "first" as const, retry: () => {} };
    const items = [message("u_1", "Kept question")] as never;
    const { rerender } = render(
      <ThreadRoot items={items} loadError={loadError}>
        <ThreadItems />
      </ThreadRoot>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("This conversation could not be loaded.");
    expect(screen.getByText("Kept question")).toBeInTheDocument();
    rerender(
      <ThreadRoot items={items} loadError={loadError}>
        <ThreadItems loadError={false} />
      </ThreadRoot>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
