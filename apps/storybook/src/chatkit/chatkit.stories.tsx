import type { Meta, StoryObj } from "@storybook/react-vite";
import { ChatKit, type UseChatKitOptions, useChatKit } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient, createChatKitRestClient } from "@threadkit/core";
import type { ThreadkitClients } from "@threadkit/hooks";
import { type CSSProperties, useState } from "react";
import { expect, fn, waitFor, within } from "storybook/test";
import { createScriptedServer, type ScriptedServer, seededThread } from "./scripted-server";

/**
 * `useChatKit(options)` + `<ChatKit control>`: a whole chat from `@openai/chatkit-react`'s options
 * object, rendered in the page. These stories run against a ChatKit server that lives in the page
 * (`api.fetch`), so every option group can be tried without a backend.
 */
function Chat({
  server,
  options,
  onReady,
  withMethods = false,
  style = { height: 560, border: "1px solid #ddd" },
}: {
  server: ScriptedServer;
  options: Omit<UseChatKitOptions, "api">;
  onReady?: (methods: ReturnType<typeof useChatKit>) => void;
  /** Buttons outside the chat that call `useChatKit`'s methods. */
  withMethods?: boolean;
  style?: CSSProperties;
}) {
  const chatkit = useChatKit({ api: { url: "/chatkit", fetch: server.fetch }, ...options });
  onReady?.(chatkit);
  return (
    <>
      {withMethods ? (
        <div style={{ display: "flex", gap: 8, marginBottom: 8 }}>
          <button
            type="button"
            onClick={() => void chatkit.setComposerValue({ text: "Drafted by the app" })}
          >
            Fill the composer
          </button>
          <button
            type="button"
            onClick={() => void chatkit.sendUserMessage({ text: "A fresh start", newThread: true })}
          >
            Send in a new thread
          </button>
          <button type="button" onClick={() => void chatkit.showHistory()}>
            Open the history
          </button>
        </div>
      ) : null}
      <ChatKit control={chatkit.control} style={style} />
    </>
  );
}

function Story({
  options = {},
  seeded = false,
  withMethods = false,
  style,
}: {
  options?: Omit<UseChatKitOptions, "api">;
  seeded?: boolean;
  withMethods?: boolean;
  /** The chat's own style (a fixed height with a border unless given). */
  style?: CSSProperties;
}) {
  const [server] = useState(() =>
    createScriptedServer(
      seeded
        ? {
            threads: [
              seededThread("thr_alps", "Hiking in the Alps", "Which trail near Zermatt?"),
              seededThread("thr_tax", "Quarterly taxes", "When are they due?"),
            ],
          }
        : {},
    ),
  );
  (globalThis as { __chatkitServer?: ScriptedServer }).__chatkitServer = server;
  return (
    <Chat
      server={server}
      options={options}
      withMethods={withMethods}
      {...(style ? { style } : {})}
    />
  );
}

/** Waits until no response runs (the composer's Stop button is gone). */
const idle = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.queryByRole("button", { name: "Stop generating" })).toBeNull());

const serverOf = () => (globalThis as { __chatkitServer?: ScriptedServer }).__chatkitServer!;

const meta = {
  title: "ChatKit/ChatKit",
  component: Story,
  parameters: { layout: "padded" },
} satisfies Meta<typeof Story>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The start screen: a greeting and prompts; a prompt sends its message and the reply streams. */
export const StartScreen: Story = {
  args: {
    options: {
      startScreen: {
        greeting: "Where shall we travel?",
        prompts: [
          {
            label: "Plan a weekend in Lisbon",
            prompt: "Plan a weekend in Lisbon",
            icon: "map-pin",
          },
          { label: "Packing list", prompt: "What should I pack?", icon: "check" },
        ],
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole("heading", { name: "Where shall we travel?" })).toBeVisible();
    // Each prompt shows its icon.
    for (const name of ["Plan a weekend in Lisbon", "Packing list"]) {
      await waitFor(() =>
        expect(canvas.getByRole("button", { name }).querySelector("svg")).not.toBeNull(),
      );
    }
    await userEvent.click(canvas.getByRole("button", { name: "Plan a weekend in Lisbon" }));
    await waitFor(() =>
      expect(canvas.getByText(/You said: “Plan a weekend in Lisbon”/)).toBeVisible(),
    );
    await expect(serverOf().requests.map((r) => r.type)).toContain("threads.create");
    // The new thread's title shows in the header.
    await waitFor(() =>
      expect(
        canvas.getByRole("heading", { level: 2, name: "Plan a weekend in Lisbon" }),
      ).toBeVisible(),
    );
  },
};

/** The header's history toggle opens the thread history; picking a thread opens it. */
export const History: Story = {
  args: {
    seeded: true,
    options: { history: { enabled: true, showDelete: true, showRename: true } },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Show history" }));
    const history = await canvas.findByRole("navigation");
    const [entry] = await within(history).findAllByRole("button", { name: /Quarterly taxes/ });
    await userEvent.click(entry!);
    await waitFor(() => expect(canvas.getByText("When are they due?")).toBeVisible());
    await expect(canvas.getByRole("heading", { level: 2, name: "Quarterly taxes" })).toBeVisible();
    await expect(canvas.queryByRole("navigation")).toBeNull();
  },
};

/**
 * threadkit's `history.layout: "sidebar"`: the history stays beside the thread, open from the
 * start and after a pick (narrower than 640 px it is the panel again).
 */
export const HistorySidebar: Story = {
  args: {
    seeded: true,
    options: { history: { layout: "sidebar" } },
  },
  play: async ({ canvas, userEvent }) => {
    const history = await canvas.findByRole("navigation");
    const [entry] = await within(history).findAllByRole("button", { name: /^Quarterly taxes/ });
    await userEvent.click(entry!);
    await waitFor(() => expect(canvas.getByText("When are they due?")).toBeVisible());
    await expect(canvas.getByRole("navigation")).toBeVisible();
  },
};

const renameInIndex = fn();
const dropFromIndex = fn();

/**
 * threadkit's `history.threads`: the app supplies the thread index the history lists (for a
 * backend that cannot list threads, such as the Assistants API); renames go to
 * `history.onRename`, deletes through the clients and then to `history.onDelete`. The header
 * titles an untitled thread from the index.
 */
export const HistoryFromTheApp: Story = {
  args: {
    seeded: true,
    options: {
      history: {
        layout: "sidebar",
        threads: [
          {
            id: "thr_alps",
            title: "Alps trip (the app's title)",
            created_at: "2026-05-02T10:00:00Z",
            status: { type: "active" },
          },
        ],
        onRename: renameInIndex,
        onDelete: dropFromIndex,
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    const history = await canvas.findByRole("navigation");
    await expect(within(history).queryByText("Quarterly taxes")).toBeNull();
    await userEvent.click(
      within(history).getByRole("button", { name: "Rename: Alps trip (the app's title)" }),
    );
    const field = await within(history).findByRole("textbox");
    await userEvent.clear(field);
    await userEvent.type(field, "Zermatt{Enter}");
    await waitFor(() => expect(renameInIndex).toHaveBeenCalledWith("thr_alps", "Zermatt"));
  },
};

/** threadkit's `header.trailing`: the app's own controls in the header, in the chat's theme. */
export const HeaderTrailing: Story = {
  args: {
    options: {
      header: {
        trailing: (
          <button type="button" data-tk-part="icon-button" aria-label="Settings">
            ⚙
          </button>
        ),
      },
    },
  },
  play: async ({ canvas }) => {
    const header = canvas.getByRole("banner");
    await expect(within(header).getByRole("button", { name: "Settings" })).toBeVisible();
  },
};

/** A toy highlighter: keywords bold and underlined (the demo passes `shikiHighlighter`). */
async function highlightKeywords(code: string) {
  return code.split(/(\b(?:const|return|function)\b)/).map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
      <strong key={index} style={{ textDecoration: "underline" }}>
        {part}
      </strong>
    ) : (
      part
    ),
  );
}

/** threadkit's `highlightCode`: code blocks (here in the disclaimer's markdown) go through it. */
export const HighlightCode: Story = {
  args: {
    options: {
      highlightCode: highlightKeywords,
      disclaimer: { text: "```ts\nconst answer = 42;\n```" },
    },
  },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByText("const").tagName).toBe("STRONG"));
  },
};

/** `header: { enabled: false }` and `history: { enabled: false }`: only the thread and composer. */
export const NoHeader: Story = {
  args: { options: { header: { enabled: false }, history: { enabled: false } } },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("banner")).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Show history" })).toBeNull();
    await expect(canvas.getByRole("textbox")).toBeVisible();
  },
};

const openSettings = fn();
const openHelp = fn();

/** `header.title.text` and the app's own `leftAction` / `rightAction` in place of the defaults. */
export const HeaderActions: Story = {
  args: {
    options: {
      header: {
        title: { text: "Travel desk" },
        leftAction: { icon: "settings-slider", onClick: openSettings },
        rightAction: { icon: "circle-question", onClick: openHelp },
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    const header = canvas.getByRole("banner");
    await expect(within(header).getByRole("heading", { name: "Travel desk" })).toBeVisible();
    await expect(within(header).queryByRole("button", { name: "Show history" })).toBeNull();
    await userEvent.click(within(header).getByRole("button", { name: "settings-slider" }));
    await userEvent.click(within(header).getByRole("button", { name: "circle-question" }));
    await expect(openSettings).toHaveBeenCalledTimes(1);
    await expect(openHelp).toHaveBeenCalledTimes(1);
  },
};

/** The composer's placeholder and a markdown disclaimer under it (`highContrast`). */
export const ComposerAndDisclaimer: Story = {
  args: {
    options: {
      composer: { placeholder: "Ask about your trip…" },
      disclaimer: {
        text: "Answers may be **wrong**. Check [the rules](https://example.com).",
        highContrast: true,
      },
    },
  },
  play: async ({ canvas, canvasElement }) => {
    // `highContrast`: the disclaimer in the text color, not the muted one.
    const root = canvasElement.querySelector<HTMLElement>('[data-tk-part="chatkit"]')!;
    const disclaimer = root.querySelector<HTMLElement>('[data-tk-part="chatkit-disclaimer"]')!;
    await expect(getComputedStyle(disclaimer).color).toBe(getComputedStyle(root).color);
    await expect(canvas.getByPlaceholderText("Ask about your trip…")).toBeVisible();
    await expect(canvas.getByText("wrong").tagName).toBe("STRONG");
    await expect(canvas.getByRole("link", { name: "the rules" })).toHaveAttribute(
      "href",
      "https://example.com",
    );
  },
};

/** A widget's server action streams through the chat with no wiring. */
export const WidgetActions: Story = {
  args: {},
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole("textbox"), "Show me a widget{Enter}");
    const confirm = await canvas.findByRole("button", { name: "Confirm" });
    await idle(canvas);
    await userEvent.click(confirm);
    await waitFor(() => expect(canvas.getByText("Booked: table 4.")).toBeVisible());
    const action = serverOf().requests.find((r) => r.type === "threads.custom_action");
    await expect(action?.params.action).toEqual({
      type: "booking.confirm",
      payload: { table: 4 },
    });
  },
};

const onWidgetAction = fn();

/** `widgets.onAction`: a widget's client action (`handler: "client"`) goes to the app, with the widget. */
export const WidgetClientAction: Story = {
  args: { options: { widgets: { onAction: onWidgetAction } } },
  play: async ({ canvas, userEvent }) => {
    onWidgetAction.mockClear();
    await userEvent.type(canvas.getByRole("textbox"), "Show me a widget{Enter}");
    const button = await canvas.findByRole("button", { name: "Show on map" });
    await idle(canvas);
    await userEvent.click(button);
    await waitFor(() => expect(onWidgetAction).toHaveBeenCalledTimes(1));
    const [action, widgetItem] = onWidgetAction.mock.calls[0]!;
    await expect(action).toEqual({ type: "map.open", payload: { table: 4 } });
    await expect(widgetItem.widget.type).toBe("Card");
    // A client action never reaches the server.
    await expect(serverOf().requests.some((r) => r.type === "threads.custom_action")).toBe(false);
  },
};

/** `onClientTool`: the server asks the page for the weather; the answer goes back and the reply goes on. */
export const ClientTool: Story = {
  args: {
    options: {
      onClientTool: async ({ name, params }) =>
        name === "get_weather" ? { city: params.city, forecast: "sunny, 24 °C" } : {},
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole("textbox"), "What is the weather?{Enter}");
    await waitFor(() => expect(canvas.getByText(/The tool answered/)).toBeVisible());
    const output = serverOf().requests.find((r) => r.type === "threads.add_client_tool_output");
    await expect(output?.params.result).toEqual({ city: "Lisbon", forecast: "sunny, 24 °C" });
  },
};

/**
 * An `onClientTool` that throws: the failure shows over the composer (and goes to `onError`),
 * the server gets `{ error }` as the tool's output, and the draft stays.
 */
export const ClientToolError: Story = {
  args: {
    options: {
      onClientTool: async () => {
        throw new Error("Location access was denied");
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole("textbox");
    await userEvent.type(input, "What is the weather?{Enter}");
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(
      "The tool “get_weather” failed: Location access was denied",
    );
    await waitFor(() => expect(canvas.getByText(/The tool answered/)).toBeVisible());
    await userEvent.type(input, "Then tomorrow?");
    await expect(input).toHaveValue("Then tomorrow?");
  },
};

/** Feedback and retry under replies, on by default; `threadItemActions` turns them off. */
export const ThreadItemActions: Story = {
  args: {},
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole("textbox"), "Hello{Enter}");
    await waitFor(() => expect(canvas.getByText(/You said: “Hello”/)).toBeVisible());
    await idle(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Good response" }));
    await waitFor(() =>
      expect(serverOf().requests.some((r) => r.type === "items.feedback")).toBe(true),
    );
    await userEvent.click(await canvas.findByRole("button", { name: "Regenerate" }));
    await waitFor(() =>
      expect(serverOf().requests.some((r) => r.type === "threads.retry_after_item")).toBe(true),
    );
  },
};

/** `threadItemActions: { feedback: false, retry: false }` leaves only Copy. */
export const ThreadItemActionsOff: Story = {
  args: { options: { threadItemActions: { feedback: false, retry: false } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole("textbox"), "Hello{Enter}");
    await waitFor(() => expect(canvas.getByText(/You said: “Hello”/)).toBeVisible());
    await expect(canvas.getByRole("button", { name: "Copy" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Good response" })).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Regenerate" })).toBeNull();
  },
};

/** ChatKit's theme object: dark, a violet accent, compact density and a sharp radius. */
export const Theme: Story = {
  args: {
    options: {
      theme: {
        colorScheme: "dark",
        radius: "sharp",
        density: "compact",
        color: { accent: { primary: "#8b5cf6", level: 1 } },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-tk-part="chatkit"]');
    await expect(root).toHaveAttribute("data-tk-theme", "dark");
    await expect(getComputedStyle(root!).backgroundColor).toBe("rgb(22, 22, 26)");
  },
};

const fontError = fn();

/**
 * `theme.typography.fontSources`: web fonts loaded into the page while the chat is mounted, for
 * `fontFamily` to name. One that cannot be loaded (here a missing file) is reported to
 * `onError`, and the family's fallbacks show.
 */
export const Typography: Story = {
  args: {
    options: {
      theme: {
        typography: {
          baseSize: 17,
          fontFamily: '"Story Serif", Georgia, "DejaVu Serif", serif',
          fontSources: [{ family: "Story Serif", src: "/fonts/missing-story-serif.woff2" }],
        },
      },
      startScreen: { greeting: "Set in the app's own typeface" },
      onError: fontError,
    },
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-tk-part="chatkit"]')!;
    await expect(getComputedStyle(root).fontFamily).toContain("Story Serif");
    await expect(getComputedStyle(root).fontSize).toBe("17px");
    await expect(
      [...document.fonts].some(
        (face) => face.family === '"Story Serif"' || face.family === "Story Serif",
      ),
    ).toBe(true);
    await waitFor(() =>
      expect(fontError).toHaveBeenCalledWith({
        error: expect.objectContaining({ message: expect.stringContaining("Story Serif") }),
      }),
    );
  },
};

/** Locale: the chat's own strings in German. */
export const Locale: Story = {
  args: { options: { locale: "de" } },
  play: async ({ canvas }) => {
    // The German catalog loads on first use.
    await expect(await canvas.findByPlaceholderText("Nachricht an die KI")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Verlauf anzeigen" })).toBeVisible();
  },
};

const onDeeplink = fn();

/** `onDeeplink`: a `chatkit-link://` link in a reply calls it with its name and data, and never navigates. */
export const Deeplink: Story = {
  args: { options: { onDeeplink } },
  play: async ({ canvas, userEvent }) => {
    onDeeplink.mockClear();
    await userEvent.type(canvas.getByRole("textbox"), "Send me a link{Enter}");
    const link = await canvas.findByRole("link", { name: "your order" });
    await idle(canvas);
    await userEvent.click(await canvas.findByRole("link", { name: "your order" }));
    await expect(onDeeplink).toHaveBeenCalledWith({ name: "orders/42", data: { tab: "items" } });
    await expect(link.ownerDocument.location.href).not.toContain("chatkit-link");
  },
};

/** The events of the chat, listed as they fire. */
function EventsChat() {
  const [server] = useState(() => createScriptedServer({}));
  const [events, setEvents] = useState<string[]>([]);
  const log = (name: string) => (event?: unknown) =>
    setEvents((list) => [...list, event ? `${name} ${JSON.stringify(event)}` : name]);
  const chatkit = useChatKit({
    api: { url: "/chatkit", fetch: server.fetch },
    startScreen: { prompts: [{ label: "Say hello", prompt: "Hello" }] },
    onReady: log("onReady"),
    onResponseStart: log("onResponseStart"),
    onResponseEnd: log("onResponseEnd"),
    onThreadChange: log("onThreadChange"),
    onThreadLoadStart: log("onThreadLoadStart"),
    onThreadLoadEnd: log("onThreadLoadEnd"),
    onHistoryOpen: log("onHistoryOpen"),
    onHistoryClose: log("onHistoryClose"),
    onError: ({ error }) => log("onError")({ message: error.message }),
  });
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr 280px", gap: 12 }}>
      <ChatKit control={chatkit.control} style={{ height: 420, border: "1px solid #ddd" }} />
      <ol aria-label="Events" style={{ margin: 0, fontFamily: "monospace", fontSize: 12 }}>
        {events.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{event}</li>
        ))}
      </ol>
    </div>
  );
}

/** The events (`onReady`, `onResponseStart`, `onThreadChange`, `onHistoryOpen` …), each listed as it fires. */
export const Events: Story = {
  render: () => <EventsChat />,
  play: async ({ canvas, userEvent }) => {
    const list = canvas.getByRole("list", { name: "Events" });
    await waitFor(() => expect(within(list).getByText("onReady")).toBeVisible());
    await userEvent.click(canvas.getByRole("button", { name: "Say hello" }));
    await waitFor(() => expect(within(list).getByText("onResponseEnd")).toBeVisible());
    const names = within(list)
      .getAllByRole("listitem")
      .map((item) => item.textContent?.split(" ")[0]);
    await expect(names).toEqual(["onReady", "onResponseStart", "onThreadChange", "onResponseEnd"]);
    await userEvent.click(canvas.getByRole("button", { name: "Show history" }));
    await waitFor(() => expect(within(list).getByText("onHistoryOpen")).toBeVisible());
  },
};

/**
 * `initialThread` opens a stored thread; `style={{ height: "auto" }}` lets the chat grow with the
 * page instead of scrolling inside a fixed height (threadkit only: nothing is framed).
 */
export const InitialThreadAutoHeight: Story = {
  args: {
    seeded: true,
    options: { initialThread: "thr_alps", history: { enabled: false } },
    style: { height: "auto", border: "1px solid #ddd" },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await waitFor(() => expect(canvas.getByText("Which trail near Zermatt?")).toBeVisible());
    const root = canvasElement.querySelector<HTMLElement>('[data-tk-part="chatkit"]')!;
    const before = root.getBoundingClientRect().height;
    await userEvent.type(canvas.getByRole("textbox"), "And one more question{Enter}");
    await waitFor(() =>
      expect(canvas.getByText(/You said: “And one more question”/)).toBeVisible(),
    );
    await idle(canvas);
    // The chat grew with its thread; nothing inside it scrolls.
    await expect(root.getBoundingClientRect().height).toBeGreaterThan(before);
    const viewport = root.querySelector<HTMLElement>('[data-tk-part="thread-viewport"]')!;
    await expect(viewport.scrollHeight).toBeLessThanOrEqual(viewport.clientHeight + 1);
  },
};

/** The app drives the chat through `useChatKit`'s methods: fill the composer, start a thread. */
export const Methods: Story = {
  args: { withMethods: true },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Fill the composer" }));
    const input = canvas.getByRole("textbox", { name: "Message" });
    await expect(input).toHaveValue("Drafted by the app");
    await userEvent.type(input, "{Enter}");
    await waitFor(() => expect(canvas.getByText(/You said: “Drafted by the app”/)).toBeVisible());
    await idle(canvas);
    const first = Array.from(canvasElement.querySelectorAll('[data-tk-part="thread-item"]'));
    await expect(first.map((item) => item.textContent)).toEqual([
      "Drafted by the app",
      "You said: “Drafted by the app”. This reply comes from the in-page server.",
    ]);
    await userEvent.click(canvas.getByRole("button", { name: "Send in a new thread" }));
    await waitFor(() => expect(canvas.getByText(/You said: “A fresh start”/)).toBeVisible());
    // The new thread shows its own message (once) and reply, nothing of the previous thread.
    const texts = () =>
      Array.from(
        canvasElement.querySelectorAll('[data-tk-part="thread-item"]'),
        (item) => item.textContent,
      );
    const fresh = [
      "A fresh start",
      "You said: “A fresh start”. This reply comes from the in-page server.",
    ];
    await expect(texts()).toHaveLength(2);
    await waitFor(() => expect(texts()).toEqual(fresh));
    await idle(canvas);
    await waitFor(() => expect(texts()).toEqual(fresh));
    await expect(serverOf().requests.filter((r) => r.type === "threads.create")).toHaveLength(2);
    await userEvent.click(canvas.getByRole("button", { name: "Open the history" }));
    await expect(await canvas.findByRole("navigation")).toBeVisible();
  },
};

/** Clients built by the app (`api.clients`, threadkit's extension of `api`). */
function ClientsChat({ readOnly }: { readOnly: boolean }) {
  const [server] = useState(() => createScriptedServer({}));
  const [clients] = useState<ThreadkitClients>(() =>
    readOnly
      ? {
          // Hosted ChatKit threads over REST can only be read: here, an empty history.
          rest: createChatKitRestClient({
            baseUrl: "https://rest.invalid/v1",
            fetch: async () =>
              new Response(JSON.stringify({ object: "list", data: [], has_more: false }), {
                headers: { "content-type": "application/json" },
              }),
          }),
        }
      : { protocol: createChatKitClient({ url: "/chatkit", fetch: server.fetch }) },
  );
  const chatkit = useChatKit({
    api: { clients },
    startScreen: { greeting: "Own clients", prompts: [{ label: "Say hello", prompt: "Hello" }] },
  });
  return <ChatKit control={chatkit.control} style={{ height: 420, border: "1px solid #ddd" }} />;
}

/** `api: { clients }` with a protocol client the app built: the same chat as `api.url`. */
export const OwnClients: Story = {
  render: () => <ClientsChat readOnly={false} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Say hello" }));
    await waitFor(() => expect(canvas.getAllByText(/Hello/).length).toBeGreaterThan(0));
    await expect(canvas.getByRole("textbox")).toBeVisible();
  },
};

/** `api: { clients: { rest } }`: clients that cannot reply show the read-only reason instead of the composer. */
export const ReadOnlyClients: Story = {
  render: () => <ClientsChat readOnly />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText("This chat is read-only.")).toBeVisible();
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Say hello" })).toBeNull();
  },
};
