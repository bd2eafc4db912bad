import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  closeAfterCleanup,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import { ChatKit } from "./chatkit";
import type { UseChatKitOptions } from "./options";
import { useChatKit } from "./use-chatkit";

const thread = {
  id: "thr_1",
  title: null,
  created_at: "2026-05-01T10:00:00Z",
  status: { type: "active" },
  items: { data: [], has_more: false },
};

/** A ChatKit server that creates a thread for every message and transcribes any audio. */
function chatkitServer(): Promise<TestServer> {
  return startServer(async (request, res) => {
    switch (request.body?.type) {
      case "threads.create":
      case "threads.add_user_message":
        await sendSse(
          res,
          [
            { type: "thread.created", thread },
            {
              type: "thread.item.done",
              item: {
                type: "user_message",
                id: `msg_${server.requests.length}`,
                thread_id: "thr_1",
                created_at: "2026-05-01T10:00:01Z",
                content: request.body.params.input.content,
                attachments: [],
                inference_options: request.body.params.input.inference_options,
              },
            },
          ]
            .map((event) => `data: ${JSON.stringify(event)}\n\n`)
            .join(""),
        );
        return;
      case "threads.list":
        sendJson(res, 200, { data: [], has_more: false });
        return;
      case "input.transcribe":
        sendJson(res, 200, { text: "spoken words" });
        return;
      case "attachments.create":
        sendJson(res, 200, {
          id: "atc_1",
          name: request.body.params.name,
          mime_type: request.body.params.mime_type,
          type: "file",
        });
        return;
      default:
        sendJson(res, 200, { data: [], has_more: false });
    }
  });
}

function Chat({ url, options }: { url: string; options: Omit<UseChatKitOptions, "api"> }) {
  const chatkit = useChatKit({ api: { url }, history: { enabled: false }, ...options });
  return <ChatKit control={chatkit.control} />;
}

const sent = (server: TestServer) =>
  server.requests.filter((r) => r.body?.type === "threads.create").map((r) => r.body.params.input);

/** The inline tokens of the composer, as they read. */
const tokenTexts = () =>
  Array.from(document.querySelectorAll('[data-tk-part="composer-token"]'), (el) => el.textContent);

let server: TestServer;
afterEach(async () => {
  await closeAfterCleanup(server);
  vi.unstubAllGlobals();
});

describe("ChatKit composer.tools and composer.models", () => {
  it("sends the picked tool and model as inference_options and reports tool changes", {
    timeout: 20_000,
  }, async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onToolChange = vi.fn();
    render(
      <Chat
        url={server.url}
        options={{
          onToolChange,
          composer: {
            tools: [
              {
                id: "search",
                label: "Search the web",
                shortLabel: "Search",
                icon: "globe",
                placeholderOverride: "Search for…",
              },
              { id: "draw", label: "Create an image", icon: "lucide:image", persistent: true },
            ],
            models: [
              { id: "fast", label: "Fast", description: "Quick answers" },
              { id: "deep", label: "Deep", default: true },
              { id: "off", label: "Retired", disabled: true },
            ],
          },
        }}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Message" });
    expect(screen.getByRole("button", { name: "Model: Deep" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Tools" }));
    const menu = await screen.findByRole("menu", { name: "Tools" });
    await user.click(within(menu).getByRole("menuitemradio", { name: "Search the web" }));
    expect(onToolChange).toHaveBeenLastCalledWith({ toolId: "search" });
    expect(input.getAttribute("placeholder")).toBe("Search for…");
    expect(screen.getByRole("button", { name: "Stop using Search the web" })).toBeTruthy();

    await user.type(input, "first{Enter}");
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    expect(sent(server)[0].inference_options).toEqual({
      tool_choice: { id: "search" },
      model: "deep",
    });
    // A tool that is not `persistent` is cleared by sending.
    expect(onToolChange).toHaveBeenLastCalledWith({ toolId: null });
    expect(screen.queryByRole("button", { name: "Stop using Search the web" })).toBeNull();

    // The model picker, by keyboard.
    act(() => screen.getByRole("button", { name: "Model: Deep" }).focus());
    await user.keyboard("{ArrowDown}");
    const models = await screen.findByRole("menu", { name: "Model: Deep" });
    const retired = within(models).getByRole("menuitemradio", { name: "Retired" });
    expect(retired.getAttribute("aria-disabled")).toBe("true");
    await user.click(within(models).getByRole("menuitemradio", { name: /Fast/ }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Model: Fast" })).toBeTruthy());
  });
});

describe("ChatKit entities (@-mentions)", () => {
  const people = [
    { id: "u_1", title: "Alice", group: "People", data: { email: "alice@example.com" } },
    { id: "u_2", title: "Alvaro", group: "People", interactive: true },
  ];

  it("offers tags for @query as a listbox driven from the input and sends the picked one as input_tag", {
    timeout: 20_000,
  }, async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onTagSearch = vi.fn(async (query: string) =>
      people.filter((p) => p.title.toLowerCase().startsWith(query.toLowerCase())),
    );
    const onRequestPreview = vi.fn(async () => ({
      preview: {
        type: "Basic",
        children: [{ type: "Text", value: "Alvaro, on call" }],
      } as never,
    }));
    render(<Chat url={server.url} options={{ entities: { onTagSearch, onRequestPreview } }} />);
    const input = screen.getByRole("textbox", { name: "Message" });
    expect(input.getAttribute("aria-autocomplete")).toBe("list");
    expect(input.getAttribute("aria-controls")).toBeNull();

    await user.type(input, "Ask @al");
    const listbox = await screen.findByRole("listbox", { name: "Suggestions" });
    expect(onTagSearch).toHaveBeenLastCalledWith("al");
    const options = within(listbox).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["AlicePeople", "AlvaroPeople"]);
    expect(input.getAttribute("aria-controls")).toBe(listbox.id);
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0]?.id);
    await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[1]?.id);
    expect(options[1]?.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowDown}{Enter}");
    expect((input as HTMLTextAreaElement).value).toBe("Ask @Alice ");
    expect(screen.queryByRole("listbox")).toBeNull();
    // The tag is an inline token over its `@title`, not a separate list.
    expect(tokenTexts()).toEqual(["@Alice"]);
    expect(screen.queryByRole("list", { name: "Mentions" })).toBeNull();

    // Escape closes the list and keeps the text.
    await user.type(input, "and @alv");
    await screen.findByRole("listbox");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect((input as HTMLTextAreaElement).value).toBe("Ask @Alice and @alv");
    // Dismissed until this `@` is gone: typing on does not reopen it, a new `@` does.
    await user.keyboard("i");
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.keyboard("{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}@alv");
    await screen.findByRole("listbox");
    await user.keyboard("{Tab}");
    expect((input as HTMLTextAreaElement).value).toBe("Ask @Alice and @Alvaro ");

    expect(tokenTexts()).toEqual(["@Alice", "@Alvaro"]);
    // With the caret at the interactive tag, its preview widget shows and describes the input.
    await user.keyboard("{ArrowLeft}");
    // The widget catalogue loads on first use, so the preview fills in once it has.
    const tooltip = await screen.findByRole("tooltip");
    await waitFor(() => expect(tooltip.textContent).toContain("Alvaro, on call"));
    expect(input.getAttribute("aria-describedby")).toContain(tooltip.id);
    expect(onRequestPreview).toHaveBeenCalledWith(expect.objectContaining({ id: "u_2" }));

    await user.keyboard("{End}please{Enter}");
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    expect(sent(server)[0].content).toEqual([
      { type: "input_text", text: "Ask " },
      {
        type: "input_tag",
        id: "u_1",
        text: "Alice",
        group: "People",
        data: { email: "alice@example.com" },
      },
      { type: "input_text", text: " and " },
      {
        type: "input_tag",
        id: "u_2",
        text: "Alvaro",
        group: "People",
        interactive: true,
        data: {},
      },
      { type: "input_text", text: " please" },
    ]);
  });

  it("keeps tags as tokens: Backspace removes one whole, the caret skips over it, order follows the text", async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onTagSearch = vi.fn(async (query: string) =>
      people.filter((p) => p.title.toLowerCase().startsWith(query.toLowerCase())),
    );
    render(<Chat url={server.url} options={{ entities: { onTagSearch } }} />);
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    await user.type(input, "@alv");
    await screen.findByRole("option", { name: /Alvaro/ });
    await user.keyboard("{Enter}then");
    expect(input.value).toBe("@Alvaro then");
    // A tag picked before another one goes first in the message, as in the text.
    await user.keyboard("{Home}");
    await user.type(input, "@ali", { initialSelectionStart: 0, initialSelectionEnd: 0 });
    await screen.findByRole("option", { name: /Alice/ });
    await user.keyboard("{Enter}");
    expect(input.value).toBe("@Alice @Alvaro then");
    expect(tokenTexts()).toEqual(["@Alice", "@Alvaro"]);
    // ArrowRight from the token's end... lands after the space; ArrowRight again jumps the token.
    expect(input.selectionStart).toBe(7);
    await user.keyboard("{ArrowRight}");
    expect(input.selectionStart).toBe(14);
    // Backspace at a token's end removes all of it (and the space after it).
    await user.keyboard("{Backspace}");
    expect(input.value).toBe("@Alice then");
    expect(tokenTexts()).toEqual(["@Alice"]);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    expect(sent(server)[0].content).toEqual([
      {
        type: "input_tag",
        id: "u_1",
        text: "Alice",
        group: "People",
        data: { email: "alice@example.com" },
      },
      { type: "input_text", text: " then" },
    ]);
  });

  it("renders sent tags in the user message as tokens with entities.onClick and onRequestPreview", {
    timeout: 20_000,
  }, async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onClick = vi.fn();
    const onRequestPreview = vi.fn(async () => ({
      preview: { type: "Basic", children: [{ type: "Text", value: "Alvaro, on call" }] } as never,
    }));
    render(
      <Chat
        url={server.url}
        options={{ entities: { onTagSearch: async () => people, onClick, onRequestPreview } }}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Message" });
    await user.type(input, "Ask @alv");
    await screen.findByRole("option", { name: /Alvaro/ });
    await user.keyboard("{ArrowDown}{Enter}and @ali");
    await screen.findByRole("option", { name: /Alice/ });
    await user.keyboard("{Enter}now{Enter}");
    // Once the reply ends, the stored message has replaced the optimistic one.
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Stop generating" })).toBeNull(),
    );
    const bubble = await waitFor(() => {
      const element = document.querySelector<HTMLElement>(
        '[data-tk-part="message"][data-role="user"]',
      );
      expect(element).not.toBeNull();
      return element as HTMLElement;
    });
    await waitFor(() =>
      expect(bubble.querySelector('[data-tk-part="message-plain-text"]')?.textContent).toBe(
        "Ask Alvaro and Alice now",
      ),
    );
    // Text and tokens in the order sent; only the interactive tag is a button.
    const tokens = bubble.querySelectorAll('[data-tk-part="input-tag"]');
    expect(Array.from(tokens, (el) => [el.tagName, el.textContent])).toEqual([
      ["BUTTON", "Alvaro"],
      ["SPAN", "Alice"],
    ]);
    const alvaro = tokens[0] as HTMLButtonElement;
    act(() => alvaro.focus());
    // The widget catalogue loads on first use, so the preview fills in once it has.
    await waitFor(() =>
      expect(screen.getByRole("tooltip").textContent).toContain("Alvaro, on call"),
    );
    const tooltip = screen.getByRole("tooltip");
    expect(alvaro.getAttribute("aria-describedby")).toBe(tooltip.id);
    expect(onRequestPreview).toHaveBeenCalledWith(
      expect.objectContaining({ id: "u_2", title: "Alvaro", group: "People" }),
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).toBeNull();
    await user.click(alvaro);
    expect(onClick).toHaveBeenCalledWith(
      expect.objectContaining({ id: "u_2", title: "Alvaro", interactive: true }),
    );
  });

  it("entities.showComposerMenu adds an @ button that opens the search at the caret", async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onTagSearch = vi.fn(async () => people);
    const { rerender } = render(<Chat url={server.url} options={{ entities: { onTagSearch } }} />);
    expect(screen.queryByRole("button", { name: "Mention" })).toBeNull();
    rerender(
      <Chat url={server.url} options={{ entities: { onTagSearch, showComposerMenu: true } }} />,
    );
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    await user.type(input, "Ask");
    const button = screen.getByRole("button", { name: "Mention" });
    expect(button.getAttribute("aria-haspopup")).toBe("listbox");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    await user.click(button);
    expect(input.value).toBe("Ask @");
    expect(document.activeElement).toBe(input);
    const listbox = await screen.findByRole("listbox", { name: "Suggestions" });
    expect(onTagSearch).toHaveBeenLastCalledWith("");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(button.getAttribute("aria-controls")).toBe(listbox.id);
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(2));
    await user.keyboard("{Enter}");
    expect(input.value).toBe("Ask @Alice ");
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("has no @ button without onTagSearch, even with showComposerMenu", async () => {
    server = await chatkitServer();
    render(<Chat url={server.url} options={{ entities: { showComposerMenu: true } }} />);
    await screen.findByRole("textbox", { name: "Message" });
    expect(screen.queryByRole("button", { name: "Mention" })).toBeNull();
  });

  it("shows a failed search and keeps what was typed", async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onTagSearch = vi.fn(async () => {
      throw new Error("directory offline");
    });
    render(<Chat url={server.url} options={{ entities: { onTagSearch } }} />);
    const input = screen.getByRole("textbox", { name: "Message" });
    await user.type(input, "Call @bo");
    expect((await screen.findByRole("alert")).textContent).toBe("Search failed: directory offline");
    expect((input as HTMLTextAreaElement).value).toBe("Call @bo");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    expect(sent(server)[0].content).toEqual([{ type: "input_text", text: "Call @bo" }]);
  });
});

describe("ChatKit commands (the / menu)", () => {
  const all = [
    { id: "summarize", label: "Summarize", description: "Sum up the thread" },
    { id: "assign", label: "Assign to…", group: "Actions" },
    { id: "clear", label: "Clear draft" },
  ];

  it("lists onSearch's commands for /query and runs onSelect: entity, submenu or effect", {
    timeout: 20_000,
  }, async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onSearch = vi.fn(async (query: string) =>
      all.filter((c) => c.label.toLowerCase().startsWith(query.toLowerCase())),
    );
    const onSelect = vi.fn(async (command: { id: string }) => {
      if (command.id === "assign") {
        return { type: "menu" as const, commands: [{ id: "assign_ada", label: "Ada" }] };
      }
      if (command.id === "assign_ada") {
        return { type: "entity" as const, entity: { id: "u_ada", title: "Ada", data: { k: "v" } } };
      }
      return undefined;
    });
    const { rerender } = render(
      <Chat url={server.url} options={{ commands: { enabled: false, onSearch, onSelect } }} />,
    );
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    await user.type(input, "/");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(onSearch).not.toHaveBeenCalled();
    await user.clear(input);
    rerender(
      <Chat url={server.url} options={{ commands: { enabled: true, onSearch, onSelect } }} />,
    );

    await user.type(input, "Please /");
    const listbox = await screen.findByRole("listbox", { name: "Commands" });
    expect(onSearch).toHaveBeenLastCalledWith("");
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    expect(input.getAttribute("aria-controls")).toBe(listbox.id);
    await user.keyboard("as");
    await waitFor(() =>
      expect(
        within(listbox)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual(["Assign to…Actions"]),
    );
    expect(onSearch).toHaveBeenLastCalledWith("as");
    // A command that answers a menu replaces the list; its entity lands as a tag where /as was.
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(
        within(screen.getByRole("listbox", { name: "Commands" })).getByRole("option").textContent,
      ).toBe("Ada"),
    );
    expect(input.getAttribute("aria-activedescendant")).toBe(
      within(screen.getByRole("listbox", { name: "Commands" })).getByRole("option").id,
    );
    await user.keyboard("{Enter}");
    await waitFor(() => expect(input.value).toBe("Please @Ada "));
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(tokenTexts()).toEqual(["@Ada"]);
    expect(onSelect.mock.calls.map(([command]) => command.id)).toEqual(["assign", "assign_ada"]);

    // A command with only an effect just leaves; its /query goes with it.
    await user.keyboard("/cl");
    await screen.findByRole("option", { name: /Clear draft/ });
    await user.keyboard("{Tab}");
    await waitFor(() => expect(input.value).toBe("Please @Ada "));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: "clear" }));

    await user.keyboard("now{Enter}");
    await waitFor(() => expect(sent(server)).toHaveLength(1));
    expect(sent(server)[0].content).toEqual([
      { type: "input_text", text: "Please " },
      { type: "input_tag", id: "u_ada", text: "Ada", data: { k: "v" } },
      { type: "input_text", text: " now" },
    ]);
  });

  it("shows a failing onSearch or onSelect and keeps what was typed", async () => {
    server = await chatkitServer();
    const user = userEvent.setup();
    const onSearch = vi.fn(async (query: string) => {
      if (query === "x") throw new Error("commands offline");
      return all;
    });
    const onSelect = vi.fn(async () => {
      throw new Error("could not run");
    });
    render(<Chat url={server.url} options={{ commands: { enabled: true, onSearch, onSelect } }} />);
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    await user.type(input, "Do /x");
    expect((await screen.findByRole("alert")).textContent).toBe("Search failed: commands offline");
    expect(input.value).toBe("Do /x");
    await user.keyboard("{Backspace}");
    await screen.findByRole("option", { name: /Summarize/ });
    await user.keyboard("{Enter}");
    expect((await screen.findByRole("alert")).textContent).toBe("Search failed: could not run");
    expect(input.value).toBe("Do /");
  });
});

/** A MediaRecorder that records one chunk of fake audio. */
class FakeRecorder extends EventTarget {
  static isTypeSupported = (type: string) => type === "audio/webm;codecs=opus";
  state = "inactive";
  mimeType: string;
  constructor(_stream: unknown, options?: { mimeType?: string }) {
    super();
    this.mimeType = options?.mimeType ?? "";
  }
  start() {
    this.state = "recording";
  }
  stop() {
    this.state = "inactive";
    const data = new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: this.mimeType });
    this.dispatchEvent(Object.assign(new Event("dataavailable"), { data }));
    this.dispatchEvent(new Event("stop"));
  }
}

function stubMicrophone(getUserMedia: () => Promise<unknown>) {
  vi.stubGlobal("MediaRecorder", FakeRecorder);
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia },
  });
}

describe("ChatKit composer.dictation", () => {
  it("records, sends input.transcribe and adds the text after what was typed", async () => {
    server = await chatkitServer();
    const stop = vi.fn();
    stubMicrophone(async () => ({ getTracks: () => [{ stop }] }));
    const user = userEvent.setup();
    render(<Chat url={server.url} options={{ composer: { dictation: { enabled: true } } }} />);
    const input = screen.getByRole("textbox", { name: "Message" });
    await user.type(input, "Typed first");
    await user.click(screen.getByRole("button", { name: "Dictate" }));
    const recording = await screen.findByRole("button", { name: "Stop dictation" });
    expect(recording.getAttribute("aria-pressed")).toBe("true");
    await user.click(recording);
    await waitFor(() =>
      expect((input as HTMLTextAreaElement).value).toBe("Typed first spoken words"),
    );
    const request = server.requests.find((r) => r.body?.type === "input.transcribe");
    expect(request?.body.params).toEqual({
      audio_base64: "AQIDBAU=",
      mime_type: "audio/webm;codecs=opus",
    });
    expect(stop).toHaveBeenCalled();
  });

  it("says when the microphone is denied or missing, and keeps the draft", async () => {
    server = await chatkitServer();
    let failure = new DOMException("denied", "NotAllowedError");
    stubMicrophone(async () => {
      throw failure;
    });
    const user = userEvent.setup();
    render(<Chat url={server.url} options={{ composer: { dictation: { enabled: true } } }} />);
    const input = screen.getByRole("textbox", { name: "Message" });
    await user.type(input, "keep me");
    await user.click(screen.getByRole("button", { name: "Dictate" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Microphone access was denied",
    );
    failure = new DOMException("none", "NotFoundError");
    await user.click(screen.getByRole("button", { name: "Dictate" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("No microphone was found."),
    );
    expect((input as HTMLTextAreaElement).value).toBe("keep me");
  });

  it("shows a failed transcription", async () => {
    server = await startServer((request, res) => {
      if (request.body?.type === "input.transcribe") sendJson(res, 500, { error: "no model" });
      else sendJson(res, 200, { data: [], has_more: false });
    });
    stubMicrophone(async () => ({ getTracks: () => [] }));
    const user = userEvent.setup();
    render(<Chat url={server.url} options={{ composer: { dictation: { enabled: true } } }} />);
    const input = screen.getByRole("textbox", { name: "Message" });
    await user.type(input, "draft");
    await user.click(screen.getByRole("button", { name: "Dictate" }));
    await user.click(await screen.findByRole("button", { name: "Stop dictation" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Dictation failed: /);
    expect((input as HTMLTextAreaElement).value).toBe("draft");
  });

  it("has no dictation button unless enabled", async () => {
    server = await chatkitServer();
    render(<Chat url={server.url} options={{}} />);
    expect(screen.queryByRole("button", { name: "Dictate" })).toBeNull();
  });
});

describe("ChatKit composer.attachments.maxSize per MIME type", () => {
  it("applies the limit of the file's type and the fallback to the rest", async () => {
    server = await chatkitServer();
    render(
      <Chat
        url={server.url}
        options={{
          composer: {
            attachments: { enabled: true, maxSize: { "image/*": 10, "*": 100 } },
          },
        }}
      />,
    );
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!picker) throw new Error("no file input");
    const image = new File([new Uint8Array(20)], "photo.png", { type: "image/png" });
    const text = new File([new Uint8Array(20)], "notes.txt", { type: "text/plain" });
    const video = new File([new Uint8Array(200)], "clip.mp4", { type: "video/mp4" });
    fireEvent.change(picker, { target: { files: [image, text, video] } });
    const refused = await screen.findAllByText(/is too large/);
    expect(refused.map((node) => node.closest("li")?.textContent)).toEqual([
      expect.stringContaining("10 B"),
      expect.stringContaining("100 B"),
    ]);
    await waitFor(() =>
      expect(
        server.requests
          .filter((r) => r.body?.type === "attachments.create")
          .map((r) => r.body.params.name),
      ).toEqual(["notes.txt"]),
    );
  });
});

describe("ChatKit composer.attachments.accept and maxCount", () => {
  it("offers only the accepted types, refuses the rest and stops at maxCount", async () => {
    server = await chatkitServer();
    render(
      <Chat
        url={server.url}
        options={{
          composer: {
            attachments: {
              enabled: true,
              maxCount: 2,
              accept: { "image/png": [".png"], "text/plain": [".txt"] },
            },
          },
        }}
      />,
    );
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!picker) throw new Error("no file input");
    expect(picker.accept).toBe("image/png,.png,text/plain,.txt");
    const file = (name: string, type: string) => new File(["x"], name, { type });
    fireEvent.change(picker, {
      target: {
        files: [
          file("report.pdf", "application/pdf"),
          file("a.png", "image/png"),
          file("b.txt", "text/plain"),
          file("c.png", "image/png"),
        ],
      },
    });
    const rejections = await screen.findAllByText(/was not added|not an accepted file type/);
    expect(rejections.map((node) => node.textContent)).toEqual([
      "report.pdf is not an accepted file type. Accepted: image/png, .png, text/plain, .txt.",
      "c.png was not added: too many files. At most 2 files per message.",
    ]);
    await waitFor(() =>
      expect(
        server.requests
          .filter((r) => r.body?.type === "attachments.create")
          .map((r) => r.body.params.name),
      ).toEqual(["a.png", "b.txt"]),
    );
  });
});
