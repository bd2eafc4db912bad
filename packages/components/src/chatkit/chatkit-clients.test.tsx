import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  createChatKitClient,
  createChatKitRestClient,
  type Thread,
  type ThreadBackend,
  UnsupportedOperationError,
} from "@threadkit/core";
import { createAssistantMessage, createUserMessage } from "@threadkit/core/testing";
import type { ThreadkitClients } from "@threadkit/hooks";
import { afterEach, describe, expect, it } from "vitest";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ChatKit } from "./chatkit";
import type { ClientsApiConfig, UseChatKitOptions } from "./options";
import { useChatKit } from "./use-chatkit";

const thread = {
  id: "thr_1",
  title: null,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
  items: { data: [], has_more: false },
};

function Chat({
  api,
  options = {},
}: {
  api: ClientsApiConfig;
  options?: Partial<UseChatKitOptions>;
}) {
  const chatkit = useChatKit({ api, history: { enabled: false }, ...options });
  return <ChatKit control={chatkit.control} />;
}

/** An app's own backend holding one answered thread; `feedback` says whether it takes thumbs. */
function answeredThreadBackend(feedback: boolean): ThreadBackend {
  const items = [
    createUserMessage("msg_1", "hello", { thread_id: "thr_own" }),
    createAssistantMessage("msg_2", ["hi there"], { thread_id: "thr_own" }),
  ];
  const page = <T,>(data: T[]) => ({ data, has_more: false, after: null });
  const refuse = (what: string) => () =>
    Promise.reject(new UnsupportedOperationError("memory", what));
  return {
    capabilities: {
      run: true,
      rename: false,
      delete: false,
      feedback,
      attachments: false,
      customActions: false,
      transcribe: false,
    },
    listThreads: async () => page([]),
    getThread: async (threadId) =>
      ({
        id: threadId,
        title: "Own",
        created_at: "2026-05-01T10:00:00",
        status: { type: "active" },
        metadata: {},
        items: page(items),
      }) as Thread,
    listItems: async (_threadId, options) =>
      page(options?.order === "desc" ? [...items].reverse() : items),
    renameThread: refuse("rename"),
    deleteThread: refuse("delete"),
    feedback: feedback ? async () => {} : refuse("feedback"),
    createAttachment: refuse("attachments"),
    uploadAttachment: refuse("attachments"),
    deleteAttachment: refuse("attachments"),
    syncCustomAction: refuse("widget actions"),
    transcribe: refuse("dictation"),
    // biome-ignore lint/correctness/useYield: this backend never runs in these tests
    async *run() {
      throw new Error("not run in this test");
    },
  };
}

let server: TestServer;
afterEach(() => closeAfterCleanup(server));

describe("ChatKit api.clients", () => {
  it("runs on the app's own protocol client (its headers reach the server)", async () => {
    server = await startServer(async (request, res) => {
      if (request.body?.type === "threads.create") {
        await sendSse(res, `data: ${JSON.stringify({ type: "thread.created", thread })}\n\n`);
        return;
      }
      sendJson(res, 200, { data: [], has_more: false });
    });
    const clients: ThreadkitClients = {
      protocol: createChatKitClient({ url: server.url, headers: { "x-app": "demo" } }),
    };
    const user = userEvent.setup();
    render(<Chat api={{ clients }} />);
    await user.type(screen.getByRole("textbox", { name: "Message" }), "hello{Enter}");
    await waitFor(() =>
      expect(server.requests.some((r) => r.body?.type === "threads.create")).toBe(true),
    );
    const create = server.requests.find((r) => r.body?.type === "threads.create");
    expect(create?.headers["x-app"]).toBe("demo");
    expect(create?.body.params.input.content).toEqual([{ type: "input_text", text: "hello" }]);
    expect(document.querySelector('[data-tk-part="chatkit-read-only"]')).toBeNull();
  });

  it("starts afresh on new clients: a reply goes to the new clients, not the old ones", async () => {
    const handler: Parameters<typeof startServer>[0] = async (request, res) => {
      if (request.body?.type === "threads.create") {
        await sendSse(res, `data: ${JSON.stringify({ type: "thread.created", thread })}\n\n`);
        return;
      }
      sendJson(res, 200, { data: [], has_more: false });
    };
    server = await startServer(handler);
    const second = await startServer(handler);
    try {
      const first: ThreadkitClients = { protocol: createChatKitClient({ url: server.url }) };
      const next: ThreadkitClients = { protocol: createChatKitClient({ url: second.url }) };
      const user = userEvent.setup();
      const { rerender } = render(<Chat api={{ clients: first }} />);
      await screen.findByRole("textbox", { name: "Message" });
      rerender(<Chat api={{ clients: next }} />);
      await user.type(screen.getByRole("textbox", { name: "Message" }), "hello{Enter}");
      await waitFor(() =>
        expect(second.requests.some((r) => r.body?.type === "threads.create")).toBe(true),
      );
      expect(server.requests.some((r) => r.body?.type === "threads.create")).toBe(false);
    } finally {
      await second.close();
    }
  });

  it("offers thumbs only where the run's backend takes feedback", async () => {
    const { unmount } = render(
      <Chat
        api={{ clients: { backend: answeredThreadBackend(true) } }}
        options={{ initialThread: "thr_own" }}
      />,
    );
    await screen.findByText("hi there");
    expect(screen.getByRole("button", { name: "Good response" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Regenerate" })).toBeTruthy();
    unmount();

    render(
      <Chat
        api={{ clients: { backend: answeredThreadBackend(false) } }}
        options={{ initialThread: "thr_own" }}
      />,
    );
    await screen.findByText("hi there");
    // The reply's other actions show, so the thumbs are left out, not yet to come.
    expect(screen.getByRole("button", { name: "Regenerate" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Good response" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Bad response" })).toBeNull();
  });

  it("shows the read-only reason in place of the composer with a REST client alone", async () => {
    server = await startServer((request, res) => {
      if (/\/chatkit\/threads\/cthr_abc123\/items/.test(request.url)) {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(readFixture("chatkit-items/apiref-md-list-items-example.json"));
        return;
      }
      sendJson(res, 404, { error: { message: "not here" } });
    });
    const clients: ThreadkitClients = {
      rest: createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 }),
    };
    // The start screen: the greeting, but no prompt to send.
    const { unmount } = render(
      <Chat
        api={{ clients }}
        options={{
          startScreen: { greeting: "Hello", prompts: [{ label: "Say hi", prompt: "hi" }] },
        }}
      />,
    );
    await screen.findByText("Hello");
    expect(screen.queryByRole("button", { name: "Say hi" })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Message" })).toBeNull();
    expect(document.querySelector('[data-tk-part="chatkit-read-only"]')?.textContent).toBe(
      "This chat is read-only.",
    );
    unmount();
    // A stored thread reads through REST; the app's own reason replaces the composer.
    render(
      <Chat
        api={{ clients, readOnlyReason: "Hosted threads are read-only here." }}
        options={{ initialThread: "cthr_abc123" }}
      />,
    );
    await screen.findByText("I need help debugging an onboarding issue.");
    expect(document.querySelector('[data-tk-part="composer"]')).toBeNull();
    // Neither feedback nor retry, which need a server that replies.
    expect(screen.queryByRole("button", { name: "Good response" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Regenerate" })).toBeNull();
    expect(screen.getAllByRole("button", { name: "Copy" }).length).toBeGreaterThan(0);
    expect(document.querySelector('[data-tk-part="chatkit-read-only"]')?.textContent).toBe(
      "Hosted threads are read-only here.",
    );
  });
});
