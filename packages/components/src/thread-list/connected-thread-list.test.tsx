import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream } from "@threadkit/hooks";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ThreadListSwitch as ThreadList } from "./connected-thread-list";

const thread = (id: string, title: string) => ({
  id,
  title,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
  items: { data: [], has_more: false },
});
const sse = (...events: unknown[]) =>
  events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");

/** A server with one stored thread; a first message creates "Lisbon weekend". */
function chatServer() {
  return startServer(async (request, res) => {
    const { type, params } = request.body as { type: string; params: Record<string, unknown> };
    switch (type) {
      case "threads.list":
        return sendJson(res, 200, {
          data: [thread("thr_old", "Quarterly taxes")],
          has_more: false,
        });
      case "threads.create":
        return sendSse(
          res,
          sse(
            { type: "thread.created", thread: thread("thr_new", "Lisbon weekend") },
            {
              type: "thread.item.done",
              item: {
                type: "user_message",
                id: "u_1",
                thread_id: "thr_new",
                created_at: "2026-05-01T10:00:00Z",
                content: [{ type: "input_text", text: "Plan a weekend in Lisbon" }],
                attachments: [],
                inference_options: {},
              },
            },
          ),
        );
      case "threads.update":
        return sendJson(res, 200, thread(String(params.thread_id), String(params.title)));
      case "threads.delete":
        return sendJson(res, 200, {});
      default:
        return sendJson(res, 404, { error: type });
    }
  });
}

function Chat({ onDeleted }: { onDeleted?: (id: string) => void }) {
  const run = useRunStream(null);
  return (
    <>
      <button type="button" onClick={() => void run.send("Plan a weekend in Lisbon")}>
        Start
      </button>
      <ThreadList activeThreadId={run.threadId} {...(onDeleted ? { onDeleted } : {})} />
    </>
  );
}

let server: TestServer | undefined;
afterEach(() => closeAfterCleanup(server));

const requests = (type: string) =>
  server!.requests.filter((request) => request.body?.type === type).map((r) => r.body.params);

describe("ThreadList without threads (connected)", () => {
  it("follows a created, a renamed and a deleted thread without reloading the list", async () => {
    server = await chatServer();
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    const onDeleted = vi.fn();
    const user = userEvent.setup();
    render(
      <ThreadkitProvider clients={clients}>
        <Chat onDeleted={onDeleted} />
      </ThreadkitProvider>,
    );
    const history = await screen.findByRole("navigation", { name: "History" });
    await within(history).findByText("Quarterly taxes");

    await user.click(screen.getByRole("button", { name: "Start" }));
    const created = await within(history).findByText("Lisbon weekend");
    const entries = () =>
      Array.from(history.querySelectorAll('[data-tk-part="thread-list-item"]'), (li) =>
        li.textContent?.includes("Lisbon") ? "new" : "old",
      );
    expect(entries()).toEqual(["new", "old"]);
    expect(created.closest("li")).toHaveAttribute("data-active");

    await user.click(within(history).getByRole("button", { name: "Rename: Lisbon weekend" }));
    const input = await within(history).findByRole("textbox", { name: "Conversation title" });
    await user.clear(input);
    await user.type(input, "Lisbon in May{Enter}");
    expect(await within(history).findByText("Lisbon in May")).toBeInTheDocument();
    await waitFor(() =>
      expect(requests("threads.update")).toEqual([
        { thread_id: "thr_new", title: "Lisbon in May" },
      ]),
    );

    await user.click(within(history).getByRole("button", { name: "Delete: Quarterly taxes" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(within(history).queryByText("Quarterly taxes")).toBeNull());
    await waitFor(() => expect(onDeleted).toHaveBeenCalledExactlyOnceWith("thr_old"));
    expect(requests("threads.list")).toHaveLength(1);
  });

  it("leaves rename and delete out when told", async () => {
    server = await chatServer();
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    render(
      <ThreadkitProvider clients={clients}>
        <ThreadList showRename={false} showDelete={false} />
      </ThreadkitProvider>,
    );
    await screen.findByText("Quarterly taxes");
    expect(screen.queryByRole("button", { name: /Rename/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete/ })).toBeNull();
  });
});
