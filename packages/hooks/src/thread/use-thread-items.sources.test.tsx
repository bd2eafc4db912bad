import { QueryClient } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import { createAssistantsClient, createChatKitRestClient } from "@threadkit/core";
import type { ReactNode } from "react";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  startServer,
  type TestServer,
} from "../../test/http-server";
import type { ThreadkitClients } from "../provider/clients";
import { ThreadkitProvider } from "../provider/threadkit-provider";
import { useThreadStore } from "./thread-context";
import { selectThreadItem } from "./thread-state";
import { useThreadItems } from "./use-thread-items";

function render(clients: ThreadkitClients, threadId: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThreadkitProvider clients={clients} queryClient={queryClient}>
      {children}
    </ThreadkitProvider>
  );
  return renderHook(
    () => ({
      // The recorded REST pages list items oldest first.
      items: useThreadItems(threadId, { order: "asc" }),
      store: useThreadStore(threadId),
    }),
    { wrapper },
  );
}

describe("useThreadItems over other backends", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  it.each([
    "chatkit-items/apiref-md-list-items-example.json",
    // Un-prefixed types, no created_at or thread_id: normalized with the requested thread id.
    "chatkit-items/openapi-list-items-example.json",
  ])("normalizes hosted REST items from %s", async (name) => {
    server = await startServer((request, res) => {
      expect(request.url).toMatch(/^\/chatkit\/threads\/cthr_abc123\/items\?/);
      expect(request.headers["openai-beta"]).toBe("chatkit_beta=v1");
      res.writeHead(200, { "content-type": "application/json" }).end(readFixture(name));
    });
    const rest = createChatKitRestClient({ baseUrl: server.url, maxRetries: 0 });
    const { result } = render({ rest }, "cthr_abc123");
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.itemIds).toEqual(["cthi_user_001", "cthi_assistant_002"]);
    const state = result.current.store.getState();
    expect(selectThreadItem(state, "cthi_user_001")).toMatchObject({
      type: "user_message",
      thread_id: "cthr_abc123",
      content: [{ type: "input_text", text: "I need help debugging an onboarding issue." }],
    });
    expect(selectThreadItem(state, "cthi_assistant_002")?.type).toBe("assistant_message");
    expect(result.current.items.hasOlder).toBe(false);
  });

  it("loads Assistants messages as thread items", async () => {
    const completed = readFixture("assistants/dotnet-streaming-run-text.sse")
      .split("\n\n")
      .find((block) => block.startsWith("event: thread.message.completed"))!;
    const message = JSON.parse(completed.slice(completed.indexOf("data: ") + 6));
    server = await startServer((request, res) => {
      if (request.url.startsWith(`/threads/${message.thread_id}/runs/${message.run_id}/steps`)) {
        sendJson(res, 200, {
          object: "list",
          data: [],
          first_id: null,
          last_id: null,
          has_more: false,
        });
        return;
      }
      expect(request.url.split("?")[0]).toBe(`/threads/${message.thread_id}/messages`);
      sendJson(res, 200, {
        object: "list",
        data: [message],
        first_id: message.id,
        last_id: message.id,
        has_more: true,
      });
    });
    const assistants = createAssistantsClient({ baseUrl: server.url, maxRetries: 0 });
    const { result } = render({ assistants }, message.thread_id);
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    expect(result.current.items.itemIds).toEqual([message.id]);
    const item = selectThreadItem(result.current.store.getState(), message.id);
    expect(item?.type === "assistant_message" && item.content[0]?.text).toBe(
      message.content[0].text.value,
    );
    expect(result.current.items.hasOlder).toBe(true);
  });

  it("loads an Assistants thread with its runs' workflows, in thread order", async () => {
    const frames = readFixture("assistants/dotnet-file-search-streaming.sse").split("\n\n");
    const data = (prefix: string) =>
      frames
        .filter((block) => block.startsWith(`event: ${prefix}`))
        .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)));
    const recorded = data("thread.message.completed")[0];
    // The reply also carries a chart, which becomes an image item at the provider's file URL.
    const reply = {
      ...recorded,
      content: [...recorded.content, { type: "image_file", image_file: { file_id: "file_chart" } }],
    };
    const steps = data("thread.run.step.completed");
    const question = {
      ...reply,
      id: "msg_question",
      role: "user",
      run_id: null,
      assistant_id: null,
      content: [{ type: "text", text: { value: "What do I like?", annotations: [] } }],
    };
    const requested: string[] = [];
    server = await startServer((request, res) => {
      const path = request.url.split("?")[0] ?? "";
      requested.push(path);
      if (path === `/threads/${reply.thread_id}/runs/${reply.run_id}/steps`) {
        sendJson(res, 200, {
          object: "list",
          data: steps,
          first_id: steps[0].id,
          last_id: steps.at(-1).id,
          has_more: false,
        });
        return;
      }
      expect(path).toBe(`/threads/${reply.thread_id}/messages`);
      // Newest first, as `order=desc` asks.
      sendJson(res, 200, {
        object: "list",
        data: [reply, question],
        first_id: reply.id,
        last_id: question.id,
        has_more: false,
      });
    });
    const assistants = createAssistantsClient({ baseUrl: server.url, maxRetries: 0 });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider
        clients={{ assistants }}
        queryClient={queryClient}
        assistantFileUrl={(id) => `https://files.example/${id}`}
      >
        {children}
      </ThreadkitProvider>
    );
    const { result } = renderHook(
      () => ({ items: useThreadItems(reply.thread_id), store: useThreadStore(reply.thread_id) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.items.status).toBe("success"));
    const state = result.current.store.getState();
    const items = result.current.items.itemIds.map((id) => selectThreadItem(state, id));
    expect(items.map((item) => item?.type)).toEqual([
      "user_message",
      "workflow",
      "assistant_message",
      "generated_image",
    ]);
    expect(items[3]?.type === "generated_image" && items[3].image?.url).toBe(
      "https://files.example/file_chart",
    );
    expect(requested.filter((path) => path.endsWith("/steps"))).toHaveLength(1);
  });
});
