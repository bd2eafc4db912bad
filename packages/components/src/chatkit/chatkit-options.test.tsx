import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ChatKit } from "./chatkit";
import type { FontObject, UseChatKitOptions } from "./options";
import { type UseChatKitReturn, useChatKit } from "./use-chatkit";

const CREATED = "2026-05-01T10:00:00Z";

const userMessage = (threadId: string, id: string, text: string) => ({
  type: "user_message",
  id,
  thread_id: threadId,
  created_at: CREATED,
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});

const assistantMessage = (threadId: string, id: string, text: string) => ({
  type: "assistant_message",
  id,
  thread_id: threadId,
  created_at: CREATED,
  content: [{ type: "output_text", text, annotations: [] }],
});

/** A widget with a server action and a client action. */
const widgetItem = {
  type: "widget",
  id: "wdg_1",
  thread_id: "thr_1",
  created_at: CREATED,
  widget: {
    type: "Card",
    children: [
      { type: "Button", label: "Book", onClickAction: { type: "book", payload: { seat: 3 } } },
      {
        type: "Button",
        label: "Open map",
        onClickAction: { type: "map.open", handler: "client", payload: { city: "Oslo" } },
      },
    ],
  },
};

const ITEMS: Record<string, unknown[]> = {
  thr_1: [
    userMessage("thr_1", "msg_1", "Plan a trip"),
    assistantMessage("thr_1", "msg_2", "Here is a plan."),
    widgetItem,
  ],
  thr_2: [userMessage("thr_2", "msg_3", "Second question")],
};

const TITLES: Record<string, string> = { thr_1: "Trip", thr_2: "Second" };

const threadOf = (id: string) => ({
  id,
  title: TITLES[id] ?? null,
  created_at: CREATED,
  status: { type: "active" },
  items: { data: ITEMS[id] ?? [], has_more: false, after: null },
});

const sse = (events: unknown[]) =>
  events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");

/**
 * A ChatKit server with two stored threads. A message reading "use the tool" ends its response
 * with a pending client tool call; its output gets a reply quoting it. An upload to `/upload`
 * is a direct upload.
 */
function chatkitServer(): Promise<TestServer> {
  let counter = 0;
  return startServer(async (request, res) => {
    if (request.url.startsWith("/upload")) {
      sendJson(res, 200, {
        id: "atc_direct",
        name: "note.txt",
        mime_type: "text/plain",
        type: "file",
      });
      return;
    }
    const { type, params } = request.body ?? {};
    switch (type) {
      case "threads.get_by_id":
        sendJson(res, 200, threadOf(params.thread_id));
        return;
      case "items.list":
        sendJson(res, 200, { data: ITEMS[params.thread_id] ?? [], has_more: false, after: null });
        return;
      case "threads.list":
        sendJson(res, 200, {
          data: ["thr_1", "thr_2"].map((id) => ({ ...threadOf(id), items: undefined })),
          has_more: false,
          after: null,
        });
        return;
      case "threads.create":
      case "threads.add_user_message": {
        counter += 1;
        const threadId = type === "threads.create" ? "thr_new" : params.thread_id;
        const text: string = params.input.content[0]?.text ?? "";
        const events: unknown[] = [];
        if (type === "threads.create") {
          events.push({
            type: "thread.created",
            thread: { ...threadOf(threadId), items: undefined },
          });
        }
        events.push({
          type: "thread.item.done",
          item: userMessage(threadId, `msg_u${counter}`, text),
        });
        if (text === "use the tool") {
          events.push({
            type: "thread.item.done",
            item: {
              type: "client_tool_call",
              id: `call_item_${counter}`,
              thread_id: threadId,
              created_at: CREATED,
              status: "pending",
              call_id: `call_${counter}`,
              name: "lookup",
              arguments: { city: "Oslo" },
            },
          });
        } else {
          events.push({ type: "client_effect", name: "confetti", data: { level: 2 } });
          events.push({
            type: "thread.item.done",
            item: assistantMessage(threadId, `msg_a${counter}`, `Reply to: ${text}`),
          });
        }
        await sendSse(res, sse(events));
        return;
      }
      case "threads.add_client_tool_output":
        counter += 1;
        await sendSse(
          res,
          sse([
            {
              type: "thread.item.done",
              item: assistantMessage(
                params.thread_id,
                `msg_t${counter}`,
                `Tool output: ${JSON.stringify(params.result)}`,
              ),
            },
          ]),
        );
        return;
      case "threads.custom_action":
        counter += 1;
        await sendSse(
          res,
          sse([
            {
              type: "thread.item.done",
              item: assistantMessage(params.thread_id, `msg_c${counter}`, "Action done."),
            },
          ]),
        );
        return;
      case "attachments.create":
        sendJson(res, 200, {
          id: "atc_two_phase",
          name: params.name,
          mime_type: params.mime_type,
          type: "file",
        });
        return;
      default:
        sendJson(res, 200, {});
    }
  });
}

let server: TestServer;
afterEach(async () => {
  await closeAfterCleanup(server);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** `<ChatKit>` on the test server; `expose` hands out `useChatKit`'s return for the methods. */
function Chat({
  options,
  expose,
  className,
  style,
}: {
  options: Omit<UseChatKitOptions, "api"> & { api?: UseChatKitOptions["api"] };
  expose?: (chatkit: UseChatKitReturn) => void;
  className?: string;
  style?: React.CSSProperties;
}) {
  const chatkit = useChatKit({ api: { url: `${server.url}/chatkit` }, ...options });
  expose?.(chatkit);
  return (
    <ChatKit
      control={chatkit.control}
      data-testid="chat"
      {...(className ? { className } : {})}
      {...(style ? { style } : {})}
    />
  );
}

const requestsOf = (type: string) => server.requests.filter((r) => r.body?.type === type);
const composerInput = () => screen.getByRole("textbox", { name: "Message" });
const title = () => document.querySelector('[data-tk-part="chatkit-title"]')?.textContent;

describe("<ChatKit> initialThread and events", () => {
  it("opens initialThread and reports ready, thread loads, thread changes, responses, logs and effects", async () => {
    server = await chatkitServer();
    const calls: string[] = [];
    const record =
      (name: string) =>
      (event?: unknown): void => {
        calls.push(event === undefined ? name : `${name} ${JSON.stringify(event)}`);
      };
    const onLog = vi.fn();
    render(
      <Chat
        options={{
          initialThread: "thr_1",
          onReady: record("ready"),
          onThreadLoadStart: record("loadStart"),
          onThreadLoadEnd: record("loadEnd"),
          onThreadChange: record("threadChange"),
          onResponseStart: record("responseStart"),
          onResponseEnd: record("responseEnd"),
          onEffect: record("effect"),
          onLog,
        }}
      />,
    );
    expect(await screen.findByText("Here is a plan.")).toBeTruthy();
    await waitFor(() => expect(title()).toBe("Trip"));
    await waitFor(() =>
      expect(calls).toEqual([
        "ready",
        'loadStart {"threadId":"thr_1"}',
        'loadEnd {"threadId":"thr_1"}',
      ]),
    );
    calls.length = 0;
    await userEvent.type(composerInput(), "Hello{Enter}");
    expect(await screen.findByText("Reply to: Hello")).toBeTruthy();
    await waitFor(() =>
      expect(calls).toEqual([
        "responseStart",
        'effect {"name":"confetti","data":{"level":2}}',
        "responseEnd",
      ]),
    );
    expect(onLog).toHaveBeenCalledWith({
      name: "run.start",
      data: { type: "add_message" },
    });
    // A new chat from the header, then a message that creates a thread.
    calls.length = 0;
    await userEvent.click(screen.getByRole("button", { name: "New chat" }));
    await waitFor(() => expect(calls).toEqual(['threadChange {"threadId":null}']));
    await userEvent.type(composerInput(), "Fresh{Enter}");
    expect(await screen.findByText("Reply to: Fresh")).toBeTruthy();
    // A thread the chat created has nothing stored to load: no thread-load events for it.
    await waitFor(() => expect(calls.at(-1)).toBe("responseEnd"));
    expect([...calls].sort()).toEqual([
      'effect {"name":"confetti","data":{"level":2}}',
      "responseEnd",
      "responseStart",
      'threadChange {"threadId":"thr_new"}',
      'threadChange {"threadId":null}',
    ]);
    expect(requestsOf("threads.create")).toHaveLength(1);
  });

  it("reports a failed request to onError", async () => {
    server = await startServer((_request, res) => sendJson(res, 400, { error: "bad request" }));
    const onError = vi.fn();
    render(<Chat options={{ initialThread: "thr_1", onError }} />);
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError.mock.calls[0]?.[0].error).toBeInstanceOf(Error);
  });
});

describe("<ChatKit> methods", () => {
  it("focusComposer, setComposerValue, setThreadId, sendUserMessage, fetchUpdates, sendCustomAction, show/hideHistory", async () => {
    server = await chatkitServer();
    let chatkit: UseChatKitReturn | undefined;
    render(<Chat options={{}} expose={(value) => (chatkit = value)} />);
    await screen.findByRole("textbox", { name: "Message" });

    await act(() => chatkit!.focusComposer());
    expect(document.activeElement).toBe(composerInput());

    await act(() => chatkit!.setComposerValue({ text: "A draft" }));
    expect(composerInput()).toHaveProperty("value", "A draft");

    await act(() => chatkit!.setThreadId("thr_2"));
    expect(await screen.findByText("Second question")).toBeTruthy();
    await waitFor(() => expect(title()).toBe("Second"));

    await act(() => chatkit!.sendUserMessage({ text: "Sent by the app" }));
    expect(await screen.findByText("Reply to: Sent by the app")).toBeTruthy();
    expect(requestsOf("threads.add_user_message").at(-1)?.body.params.thread_id).toBe("thr_2");

    const reads = requestsOf("threads.get_by_id").length;
    await act(() => chatkit!.fetchUpdates());
    await waitFor(() => expect(requestsOf("threads.get_by_id").length).toBeGreaterThan(reads));

    await act(() => chatkit!.sendCustomAction({ type: "poke", payload: { n: 1 } }, "msg_3"));
    expect(await screen.findByText("Action done.")).toBeTruthy();
    expect(requestsOf("threads.custom_action").at(-1)?.body.params).toMatchObject({
      thread_id: "thr_2",
      item_id: "msg_3",
      action: { type: "poke", payload: { n: 1 } },
    });

    expect(screen.queryByRole("navigation")).toBeNull();
    await act(() => chatkit!.showHistory());
    const history = await screen.findByRole("navigation");
    expect(await within(history).findByText("Trip")).toBeTruthy();
    await act(() => chatkit!.hideHistory());
    expect(screen.queryByRole("navigation")).toBeNull();

    // The draft the app set is still there.
    expect(composerInput()).toHaveProperty("value", "A draft");
  });
});

describe("<ChatKit> header and history", () => {
  it("reports the history opening and closing (onHistoryOpen, onHistoryClose) without an unknown-key warning", async () => {
    server = await chatkitServer();
    const warn = vi.spyOn(console, "warn");
    const calls: string[] = [];
    let chatkit: UseChatKitReturn | undefined;
    render(
      <Chat
        options={{
          onHistoryOpen: () => calls.push("open"),
          onHistoryClose: () => calls.push("close"),
        }}
        expose={(value) => (chatkit = value)}
      />,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Show history" }));
    await screen.findByRole("navigation");
    await userEvent.click(screen.getByRole("button", { name: "Hide history" }));
    await act(() => chatkit!.showHistory());
    await act(() => chatkit!.hideHistory());
    expect(calls).toEqual(["open", "close", "open", "close"]);
    expect(warn.mock.calls.flat().join(" ")).not.toContain("unknown option");
  });

  it("shows a fixed title and the app's left and right actions in place of the defaults", async () => {
    server = await chatkitServer();
    const left = vi.fn();
    const right = vi.fn();
    render(
      <Chat
        options={{
          initialThread: "thr_1",
          header: {
            title: { text: "Travel desk" },
            leftAction: { icon: "settings-cog", onClick: left },
            rightAction: { icon: "home", onClick: right },
          },
        }}
      />,
    );
    await screen.findByText("Here is a plan.");
    expect(title()).toBe("Travel desk");
    expect(screen.queryByRole("button", { name: "Show history" })).toBeNull();
    expect(screen.queryByRole("button", { name: "New chat" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "settings-cog" }));
    await userEvent.click(screen.getByRole("button", { name: "home" }));
    expect(left).toHaveBeenCalledTimes(1);
    expect(right).toHaveBeenCalledTimes(1);
  });

  it("hides the title with title.enabled false, and the history toggle with history.enabled false", async () => {
    server = await chatkitServer();
    render(
      <Chat
        options={{
          initialThread: "thr_1",
          header: { title: { enabled: false } },
          history: { enabled: false },
        }}
      />,
    );
    await screen.findByText("Here is a plan.");
    expect(title()).toBe("");
    expect(screen.queryByRole("button", { name: "Show history" })).toBeNull();
    expect(screen.getByRole("button", { name: "New chat" })).toBeTruthy();
  });

  it("offers rename and delete in the history unless showRename / showDelete are false", async () => {
    server = await chatkitServer();
    const { unmount } = render(<Chat options={{}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Show history" }));
    const history = await screen.findByRole("navigation");
    await within(history).findByText("Trip");
    expect(within(history).getByRole("button", { name: "Rename: Trip" })).toBeTruthy();
    expect(within(history).getByRole("button", { name: "Delete: Trip" })).toBeTruthy();
    unmount();
    render(<Chat options={{ history: { showRename: false, showDelete: false } }} />);
    await userEvent.click(await screen.findByRole("button", { name: "Show history" }));
    const plain = await screen.findByRole("navigation");
    await within(plain).findByText("Trip");
    expect(within(plain).queryByRole("button", { name: "Rename: Trip" })).toBeNull();
    expect(within(plain).queryByRole("button", { name: "Delete: Trip" })).toBeNull();
  });
});

describe("<ChatKit> onClientTool and widgets.onAction", () => {
  it("posts onClientTool's output and the reply goes on", async () => {
    server = await chatkitServer();
    const onClientTool = vi.fn(async () => ({ temperature: 12 }));
    render(
      <Chat
        options={{
          onClientTool,
          // threadkit's extension: a client tool call drawn by the app, by tool name.
          toolRenderers: {
            lookup: ({ item }) => (
              <p data-testid="own-tool">Looking up {String(item.arguments.city)}</p>
            ),
          },
        }}
      />,
    );
    await userEvent.type(composerInput(), "use the tool{Enter}");
    expect(await screen.findByText('Tool output: {"temperature":12}')).toBeTruthy();
    expect(screen.getByTestId("own-tool").textContent).toBe("Looking up Oslo");
    expect(onClientTool).toHaveBeenCalledWith({ name: "lookup", params: { city: "Oslo" } });
  });

  it("shows a throwing or rejecting onClientTool, reports it to onError and keeps the draft", async () => {
    server = await chatkitServer();
    const onError = vi.fn();
    let typedWhileRunning: (() => Promise<void>) | undefined;
    const onClientTool = vi.fn(async () => {
      await typedWhileRunning?.();
      throw new Error("no network");
    });
    render(<Chat options={{ onClientTool, onError }} />);
    typedWhileRunning = () => userEvent.type(composerInput(), "half a thought");
    await userEvent.type(composerInput(), "use the tool{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The tool “lookup” failed: no network");
    expect(onError).toHaveBeenCalledWith({
      error: expect.objectContaining({ message: "no network" }),
    });
    // The server hears of the failure and the reply goes on; what was typed stays.
    expect(await screen.findByText('Tool output: {"error":"no network"}')).toBeTruthy();
    expect(composerInput()).toHaveProperty("value", "half a thought");
    await userEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();

    // A synchronous throw is shown as well.
    typedWhileRunning = undefined;
    onClientTool.mockImplementation(() => {
      throw new Error("sync failure");
    });
    await userEvent.clear(composerInput());
    await userEvent.type(composerInput(), "use the tool{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("sync failure");
  });

  it("sends a widget's server action with no wiring, and hands a client action to widgets.onAction", async () => {
    server = await chatkitServer();
    const onAction = vi.fn();
    render(<Chat options={{ initialThread: "thr_1", widgets: { onAction } }} />);
    await userEvent.click(await screen.findByRole("button", { name: "Open map" }));
    await waitFor(() => expect(onAction).toHaveBeenCalledTimes(1));
    expect(onAction.mock.calls[0]?.[0]).toMatchObject({
      type: "map.open",
      payload: { city: "Oslo" },
    });
    expect(onAction.mock.calls[0]?.[1]).toMatchObject({ id: "wdg_1", widget: { type: "Card" } });
    expect(requestsOf("threads.custom_action")).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Book" }));
    expect(await screen.findByText("Action done.")).toBeTruthy();
    expect(requestsOf("threads.custom_action")[0]?.body.params).toMatchObject({
      thread_id: "thr_1",
      item_id: "wdg_1",
      action: { type: "book", payload: { seat: 3 } },
    });
  });
});

describe("<ChatKit> api", () => {
  it("sends every request through api.fetch (its headers reach the server)", async () => {
    server = await chatkitServer();
    const ownFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("authorization", "Bearer app-token");
      return fetch(input, { ...init, headers });
    };
    render(
      <Chat
        options={{ initialThread: "thr_1", api: { url: `${server.url}/chatkit`, fetch: ownFetch } }}
      />,
    );
    await screen.findByText("Here is a plan.");
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe("Bearer app-token");
    }
  });

  it("uploads attachments two-phase by default and directly with uploadStrategy direct", async () => {
    server = await chatkitServer();
    const file = () => new File(["hello"], "note.txt", { type: "text/plain" });
    const attach = async () => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"]');
      await userEvent.upload(input!, file());
    };
    const { unmount } = render(<Chat options={{ composer: { attachments: { enabled: true } } }} />);
    await screen.findByRole("textbox", { name: "Message" });
    await attach();
    await waitFor(() => expect(requestsOf("attachments.create")).toHaveLength(1));
    expect(server.requests.some((r) => r.url.startsWith("/upload"))).toBe(false);
    unmount();

    render(
      <Chat
        options={{
          api: {
            url: `${server.url}/chatkit`,
            uploadStrategy: { type: "direct", uploadUrl: `${server.url}/upload` },
          },
          composer: { attachments: { enabled: true } },
        }}
      />,
    );
    await screen.findByRole("textbox", { name: "Message" });
    await attach();
    await waitFor(() =>
      expect(server.requests.filter((r) => r.url.startsWith("/upload"))).toHaveLength(1),
    );
    expect(requestsOf("attachments.create")).toHaveLength(1);
    await userEvent.type(composerInput(), "See file{Enter}");
    await waitFor(() => expect(requestsOf("threads.create")).toHaveLength(1));
    expect(requestsOf("threads.create")[0]?.body.params.input.attachments).toEqual(["atc_direct"]);
  });

  it("reads hosted threads with the client secret from getClientSecret (useChatKitSession)", async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get("authorization") });
      return new Response(JSON.stringify({ object: "list", data: [], has_more: false }), {
        headers: { "content-type": "application/json" },
      });
    });
    const getClientSecret = vi.fn(async () => "ek_secret_1");
    server = await chatkitServer();
    render(<Chat options={{ api: { getClientSecret }, initialThread: "cthr_1" }} />);
    await waitFor(() => expect(getClientSecret).toHaveBeenCalled());
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(getClientSecret).toHaveBeenCalledWith(null);
    expect(seen[0]?.url).toContain("/chatkit/threads/cthr_1");
    for (const request of seen) expect(request.authorization).toBe("Bearer ek_secret_1");
  });
});

/** `<ChatKit>` with the same fonts in a new array on every render. */
function Rerendering({
  fontSources,
  onError,
}: {
  fontSources: FontObject[];
  onError: (event: { error: Error }) => void;
}) {
  const [count, setCount] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setCount(count + 1)}>
        Render again
      </button>
      <Chat
        options={{
          onError,
          // A new but equal array on every render.
          theme: { typography: { fontFamily: "Inter", fontSources: [...fontSources] } },
        }}
      />
    </>
  );
}

describe("<ChatKit> theme.typography.fontSources", () => {
  it("loads the fonts into document.fonts while mounted and reports one that fails to onError", async () => {
    server = await chatkitServer();
    const created: { family: string; source: string; descriptors: FontFaceDescriptors }[] = [];
    class FakeFontFace {
      constructor(
        readonly family: string,
        source: string,
        descriptors: FontFaceDescriptors = {},
      ) {
        created.push({ family, source, descriptors });
      }
      load() {
        return this.family === "Broken"
          ? Promise.reject(new Error("404"))
          : Promise.resolve(this as unknown as FontFace);
      }
    }
    const faces = new Set<unknown>();
    vi.stubGlobal("FontFace", FakeFontFace);
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: {
        add: (face: unknown) => faces.add(face),
        delete: (face: unknown) => faces.delete(face),
        has: (face: unknown) => faces.has(face),
      },
    });
    const onError = vi.fn();
    const fontSources = [
      {
        family: "Inter",
        src: "https://fonts.example/inter.woff2",
        weight: 400,
        style: "normal" as const,
        display: "swap" as const,
      },
      { family: "Broken", src: 'https://fonts.example/a"b.woff2' },
    ];
    const { unmount } = render(<Rerendering fontSources={fontSources} onError={onError} />);
    await waitFor(() => expect(faces.size).toBe(2));
    expect(created[0]).toEqual({
      family: "Inter",
      source: 'url("https://fonts.example/inter.woff2")',
      descriptors: { weight: "400", style: "normal", display: "swap" },
    });
    expect(created[1]?.source).toBe('url("https://fonts.example/a\\22 b.woff2")');
    expect(screen.getByTestId("chat").style.getPropertyValue("--tk-font-sans")).toBe("Inter");
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith({
        error: expect.objectContaining({
          message: 'The font "Broken" could not be loaded from https://fonts.example/a"b.woff2.',
        }),
      }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Render again" }));
    expect(created).toHaveLength(2);
    unmount();
    expect(faces.size).toBe(0);
    Reflect.deleteProperty(document, "fonts");
  });
});

/** A widget component of the app's own. */
function OwnButton({ node }: { node: { label?: unknown } }) {
  return <span data-testid="own-button">{String(node.label)}</span>;
}

describe("<ChatKit> beyond the official options", () => {
  it("takes renderers per item type, className and style, and grows with the page at height auto", async () => {
    server = await chatkitServer();
    render(
      <Chat
        className="my-chat"
        style={{ height: "auto" }}
        options={{
          initialThread: "thr_1",
          renderers: {
            assistant_message: ({ item }) => (
              <p data-testid="own-reply">Own: {item.content.map((part) => part.text).join("")}</p>
            ),
          },
          widgetComponents: { Button: OwnButton },
        }}
      />,
    );
    expect((await screen.findByTestId("own-reply")).textContent).toBe("Own: Here is a plan.");
    await waitFor(() =>
      expect(screen.getAllByTestId("own-button").map((el) => el.textContent)).toEqual([
        "Book",
        "Open map",
      ]),
    );
    const root = screen.getByTestId("chat");
    expect(root.classList.contains("my-chat")).toBe(true);
    expect(root.style.height).toBe("auto");
  });
});
