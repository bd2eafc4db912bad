import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient, type ThreadMetadata } from "@threadkit/core";
import type { ThreadkitClients } from "@threadkit/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  closeAfterCleanup,
  sendJson,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ChatKit } from "./chatkit";
import type { UseChatKitOptions } from "./options";
import { useChatKit } from "./use-chatkit";

const stored = (id: string, title: string | null) => ({
  id,
  title,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
  items: { data: [], has_more: false },
});

/** A protocol server with one stored thread of its own, `thr_server`, and `thr_app` untitled. */
async function startThreadServer(): Promise<TestServer> {
  return startServer((request, res) => {
    const { type, params } = request.body ?? {};
    if (type === "threads.list") {
      sendJson(res, 200, { data: [stored("thr_server", "Listed by the server")], has_more: false });
    } else if (type === "threads.get_by_id") {
      sendJson(res, 200, stored(params.thread_id, null));
    } else if (type === "threads.delete") {
      sendJson(res, 200, {});
    } else sendJson(res, 200, { data: [], has_more: false });
  });
}

function Chat({
  clients,
  options,
}: {
  clients: ThreadkitClients;
  options: Partial<UseChatKitOptions>;
}) {
  const chatkit = useChatKit({ api: { clients }, ...options });
  return <ChatKit control={chatkit.control} />;
}

const index: ThreadMetadata[] = [
  {
    id: "thr_app",
    title: "Kept by the app",
    created_at: "2026-05-02T10:00:00Z",
    status: { type: "active" },
  },
  {
    id: "thr_other",
    title: "Another of the app's",
    created_at: "2026-05-01T10:00:00Z",
    status: { type: "active" },
  },
];

let server: TestServer;
afterEach(() => closeAfterCleanup(server));

describe("ChatKit history extensions", () => {
  it("lists the app's threads (history.threads), titles the header from them, and sends renames and deletes to the app", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const onRename = vi.fn();
    const onDelete = vi.fn();
    const user = userEvent.setup();
    render(
      <Chat
        clients={clients}
        options={{ initialThread: "thr_app", history: { threads: index, onRename, onDelete } }}
      />,
    );
    // The server's thread has no title: the header shows the index's.
    await screen.findByRole("heading", { level: 2, name: "Kept by the app" });
    await user.click(screen.getByRole("button", { name: "Show history" }));
    const history = await screen.findByRole("navigation");
    await within(history).findByText("Another of the app's");
    expect(within(history).queryByText("Listed by the server")).toBeNull();
    expect(server.requests.some((r) => r.body?.type === "threads.list")).toBe(false);

    await user.click(within(history).getByRole("button", { name: "Rename: Kept by the app" }));
    const input = await within(history).findByRole("textbox");
    await user.clear(input);
    await user.type(input, "Renamed{Enter}");
    await waitFor(() => expect(onRename).toHaveBeenCalledWith("thr_app", "Renamed"));
    expect(server.requests.some((r) => r.body?.type === "threads.update")).toBe(false);

    await user.click(within(history).getByRole("button", { name: "Delete: Another of the app's" }));
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith("thr_other"));
    const deleted = server.requests.find((r) => r.body?.type === "threads.delete");
    expect(deleted?.body.params.thread_id).toBe("thr_other");
  });

  it("offers no rename for the app's threads without history.onRename", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const user = userEvent.setup();
    render(<Chat clients={clients} options={{ history: { threads: index } }} />);
    await user.click(screen.getByRole("button", { name: "Show history" }));
    const history = await screen.findByRole("navigation");
    await within(history).findByText("Kept by the app");
    expect(within(history).queryByRole("button", { name: /^Rename/ })).toBeNull();
  });

  it("keeps a sidebar history open from the start and after a pick (history.layout)", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const user = userEvent.setup();
    render(<Chat clients={clients} options={{ history: { layout: "sidebar" } }} />);
    const history = await screen.findByRole("navigation");
    await user.click(await within(history).findByRole("button", { name: /^Listed by the server/ }));
    await waitFor(() =>
      expect(server.requests.some((r) => r.body?.type === "threads.get_by_id")).toBe(true),
    );
    expect(screen.getByRole("navigation")).toBeTruthy();
    expect(
      document.querySelector('[data-tk-part="chatkit"]')?.getAttribute("data-history-layout"),
    ).toBe("sidebar");
    // The header's toggle still closes it.
    await user.click(screen.getByRole("button", { name: "Hide history" }));
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("closes the default panel history on a pick", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const user = userEvent.setup();
    render(<Chat clients={clients} options={{}} />);
    expect(screen.queryByRole("navigation")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Show history" }));
    const history = await screen.findByRole("navigation");
    await user.click(await within(history).findByRole("button", { name: /^Listed by the server/ }));
    await waitFor(() => expect(screen.queryByRole("navigation")).toBeNull());
  });

  it("puts the app's elements in the header, before the new-thread button (header.trailing)", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const onClick = vi.fn();
    const user = userEvent.setup();
    render(
      <Chat
        clients={clients}
        options={{
          header: {
            trailing: (
              <button type="button" onClick={onClick}>
                Settings
              </button>
            ),
          },
        }}
      />,
    );
    const header = screen.getByRole("banner");
    const buttons = within(header)
      .getAllByRole("button")
      .map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(buttons).toEqual(["Show history", "Settings", "New chat"]);
    await user.click(within(header).getByRole("button", { name: "Settings" }));
    expect(onClick).toHaveBeenCalledOnce();
  });

  it("highlights code through highlightCode", async () => {
    server = await startThreadServer();
    const clients = { protocol: createChatKitClient({ url: server.url }) };
    const highlightCode = vi.fn(async (code: string, language: string) => (
      <span data-testid="highlighted">{`${language}: ${code}`}</span>
    ));
    render(
      <Chat
        clients={clients}
        options={{ highlightCode, disclaimer: { text: "```ts\nconst a = 1;\n```" } }}
      />,
    );
    expect((await screen.findByTestId("highlighted")).textContent).toBe("ts: const a = 1;");
    expect(highlightCode).toHaveBeenCalledWith("const a = 1;", "ts");
  });
});
