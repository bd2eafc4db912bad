import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream } from "@threadkit/hooks";
import type { ReactNode } from "react";
import { assistant, createTestStore, user } from "../../test/helpers";
import { loadLocale } from "../i18n/locales";
import { ThreadRootSwitch } from "./connected-thread";
import { ThreadRoot, ThreadViewport } from "./thread";
import { ThreadItems } from "./thread-items";
import { ThreadRunStatus } from "./thread-run-status";

// Catalogs other than English load on first use; these tests read them from the first render.
beforeAll(() => Promise.all([loadLocale("de"), loadLocale("ar")]));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const fixture = (name: string) =>
  readFileSync(path.resolve(repoRoot, "fixtures/chatkit-protocol", name), "utf8");

const sse = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;
const userDone = sse({
  type: "thread.item.done",
  item: { ...user("msg_user", "Book a table"), thread_id: "thr_1" },
});
const replyDone = sse({
  type: "thread.item.done",
  item: { ...assistant("msg_reply", "Booked for 8 pm."), thread_id: "thr_1" },
});

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-methods": "*",
};

/**
 * A ChatKit server on 127.0.0.1: `items.list` is empty, `threads.get_by_id` an empty thread;
 * streams are answered by `respond`.
 */
async function startChatServer(
  respond: (type: string, response: ServerResponse) => void,
): Promise<{ server: Server; url: string; types: string[] }> {
  const types: string[] = [];
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
      const type = (JSON.parse(raw) as { type: string }).type;
      types.push(type);
      if (type === "items.list") {
        response
          .writeHead(200, { ...CORS, "content-type": "application/json" })
          .end(JSON.stringify({ data: [], has_more: false, after: null }));
        return;
      }
      if (type === "threads.get_by_id") {
        response.writeHead(200, { ...CORS, "content-type": "application/json" }).end(
          JSON.stringify({
            id: "thr_1",
            created_at: "2026-05-01T10:00:00Z",
            status: { type: "active" },
            items: { data: [], has_more: false, after: null },
          }),
        );
        return;
      }
      response.writeHead(200, { ...CORS, "content-type": "text/event-stream" });
      respond(type, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/chatkit`, types };
}

let server: Server | undefined;
afterEach(async () => {
  // Unmount first: runs abort their requests before the server goes away.
  cleanup();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The app's send button: a run of its own, apart from the thread view. */
function SendButton({ threadId }: { threadId: string }) {
  const run = useRunStream(threadId);
  return (
    <button type="button" onClick={() => void run.send("Book a table")}>
      Send
    </button>
  );
}

function App({ url, children }: { url: string; children?: ReactNode }) {
  const clients = { protocol: createChatKitClient({ url, maxRetries: 0 }) };
  return (
    <ThreadkitProvider clients={clients}>
      <ThreadRootSwitch threadId="thr_1" virtualize={false}>
        <ThreadViewport>{children ?? <ThreadItems />}</ThreadViewport>
      </ThreadRootSwitch>
      <SendButton threadId="thr_1" />
    </ThreadkitProvider>
  );
}

/** The last thread row, checked to come right before `status` in document order. */
function lastRowBefore(status: HTMLElement): Element | undefined {
  const list = status.closest("[data-tk-part='thread-items']") as HTMLElement;
  const rows = list.querySelectorAll("[data-tk-part='thread-row']");
  const last = rows[rows.length - 1];
  expect(last).toBeDefined();
  // The status follows the last row and no row follows the status.
  expect(last!.compareDocumentPosition(status) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  return last;
}

describe("Thread.RunStatus", () => {
  it("renders a run's notices and live progress after the last item, and drops progress when the run ends", async () => {
    let open: ServerResponse | undefined;
    const started = await startChatServer((_type, response) => {
      response.write(
        userDone +
          sse({ type: "notice", level: "warning", message: "Only **3** tables left." }) +
          sse({ type: "progress_update", icon: "search", text: "Checking tables…" }),
      );
      open = response;
    });
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));

    const progress = await screen.findByText("Checking tables…");
    const status = progress.closest("[data-tk-part='thread-run-status']") as HTMLElement;
    expect(status).toHaveAttribute("data-status", "running");
    // After the last item, inside the list.
    const list = status.closest("[data-tk-part='thread-items']") as HTMLElement;
    expect(list.lastElementChild).toBe(status);
    expect(lastRowBefore(status)).toHaveTextContent("Book a table");
    const notice = within(status).getByRole("alert");
    expect(notice).toHaveAttribute("data-level", "warning");
    // The notice's markdown is rendered, not shown as asterisks.
    expect(within(notice).getByText("3").tagName).toBe("STRONG");

    await act(async () => {
      open?.end(replyDone);
    });
    await waitFor(() => expect(screen.queryByText("Checking tables…")).toBeNull());
    expect(status).toHaveAttribute("data-status", "idle");
    expect(lastRowBefore(status)).toHaveTextContent("Booked for 8 pm.");

    // Notices stay until dismissed.
    fireEvent.click(within(notice).getByRole("button", { name: "Dismiss" }));
    expect(within(status).queryByRole("alert")).toBeNull();
  });

  it("announces a run error and retries the run with its Retry button", async () => {
    const started = await startChatServer((type, response) => {
      if (type === "threads.add_user_message") {
        response.end(userDone + fixture("py-server-stream-error-retry-tail.sse"));
      } else response.end(replyDone);
    });
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-tk-part", "stream-error");
    expect(alert).toHaveAttribute("data-code", "stream.error");
    expect(alert).toHaveTextContent("Something went wrong while generating a response.");
    expect(alert.closest("[data-tk-part='thread-run-status']")).toHaveAttribute(
      "data-status",
      "error",
    );

    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await screen.findByText("Booked for 8 pm.");
    const reads = ["items.list", "threads.get_by_id"];
    expect(started.types.filter((type) => !reads.includes(type))).toEqual([
      "threads.add_user_message",
      "threads.retry_after_item",
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers no retry when the server does not allow one", async () => {
    const started = await startChatServer((_type, response) => {
      response.end(userDone + fixture("py-docs-error-custom-message.sse"));
    });
    server = started.server;
    render(<App url={started.url} />);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("We blocked that message for safety.");
    expect(within(alert).queryByRole("button")).toBeNull();
  });

  it("can be left out of the list and placed elsewhere", async () => {
    const started = await startChatServer((_type, response) => {
      response.end(userDone + fixture("py-docs-error-custom-message.sse"));
    });
    server = started.server;
    const onRetry = vi.fn();
    const clients = { protocol: createChatKitClient({ url: started.url, maxRetries: 0 }) };
    render(
      <ThreadkitProvider clients={clients}>
        <ThreadRootSwitch threadId="thr_1">
          <ThreadViewport>
            <ThreadItems runStatus={false} />
          </ThreadViewport>
          <ThreadRunStatus data-testid="outside" onRetry={onRetry} />
        </ThreadRootSwitch>
        <SendButton threadId="thr_1" />
      </ThreadkitProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    const alert = await screen.findByRole("alert");
    expect(alert.closest("[data-testid='outside']")).not.toBeNull();
    expect(document.querySelectorAll("[data-tk-part='thread-run-status']")).toHaveLength(1);
    // `onRetry` stands in for the run's retry; the server's `allow_retry: false` still holds.
    expect(within(alert).queryByRole("button")).toBeNull();
  });
});

describe("Thread.RunStatus without hooks", () => {
  it("shows an error event of a plain store, with a retry only when given one", () => {
    const store = createTestStore([user("u1", "Hi")]);
    store.dispatch({ type: "error", code: "custom", message: "Quota reached.", allow_retry: true });
    const onRetry = vi.fn();
    const { rerender } = render(
      <ThreadRoot store={store}>
        <ThreadItems />
      </ThreadRoot>,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Quota reached.");
    expect(within(alert).queryByRole("button")).toBeNull();
    rerender(
      <ThreadRoot store={store}>
        <ThreadItems runStatus={<ThreadRunStatus onRetry={onRetry} />} />
      </ThreadRoot>,
    );
    fireEvent.click(within(screen.getByRole("alert")).getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it.each([
    ["max_tokens", "The reply was cut off: it reached the maximum length of a response."],
    [
      "max_prompt_tokens",
      "The reply was cut off: the conversation is longer than the model can read.",
    ],
    ["cancelled", "The run was cancelled before the reply was finished."],
    [null, "The reply is incomplete."],
  ])("explains a run that ended incomplete (%s) next to the partial reply", (reason, text) => {
    const store = createTestStore([user("u1", "Hi"), assistant("a1", "Partial")]);
    const state = { ...store.getState(), runIncomplete: { reason } };
    const withIncomplete = { ...store, getState: () => state };
    render(
      <ThreadRoot store={withIncomplete}>
        <ThreadItems />
      </ThreadRoot>,
    );
    const part = document.querySelector("[data-tk-part='thread-run-status']");
    expect(part).toHaveAttribute("data-status", "incomplete");
    const notice = screen.getByRole("alert");
    expect(notice).toHaveAttribute("data-level", "warning");
    expect(notice).toHaveTextContent(text);
    expect(screen.getByText("Partial")).toBeInTheDocument();
  });

  it("explains an incomplete run in the thread's locale", () => {
    const store = createTestStore([user("u1", "Hi")]);
    const state = { ...store.getState(), runIncomplete: { reason: "max_tokens" } };
    const withIncomplete = { ...store, getState: () => state };
    render(
      <ThreadRoot store={withIncomplete} locale="de">
        <ThreadItems />
      </ThreadRoot>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Die Antwort wurde abgeschnitten: Sie hat die maximale Länge einer Antwort erreicht.",
    );
  });

  it("renders nothing for items from props", () => {
    const { container } = render(
      <ThreadRoot items={[user("u1", "Hi")]}>
        <ThreadItems />
      </ThreadRoot>,
    );
    expect(container.querySelector("[data-tk-part='thread-run-status']")).toBeNull();
  });
});
