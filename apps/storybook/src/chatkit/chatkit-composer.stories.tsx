import type { Meta, StoryObj } from "@storybook/react-vite";
import { ChatKit, type UseChatKitOptions, useChatKit } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";
import { createScriptedServer, type ScriptedServer } from "./scripted-server";

/**
 * The composer options of `useChatKit`: the tools menu and model picker (sent as
 * `inference_options`), dictation (`input.transcribe`), @-mentions from `entities.onTagSearch`
 * with previews, and per-type attachment limits, against the in-page ChatKit server.
 */
function Chat({
  options,
  theme,
}: {
  options: Omit<UseChatKitOptions, "api">;
  theme?: "light" | "dark";
}) {
  const [server] = useState(() => createScriptedServer());
  (globalThis as { __chatkitServer?: ScriptedServer }).__chatkitServer = server;
  const chatkit = useChatKit({
    api: { url: "/chatkit", fetch: server.fetch },
    history: { enabled: false },
    ...(theme ? { theme } : {}),
    ...options,
  });
  return (
    <ChatKit
      control={chatkit.control}
      style={{ height: 520, border: "1px solid #ddd", borderRadius: 12 }}
    />
  );
}

const serverOf = () => (globalThis as { __chatkitServer?: ScriptedServer }).__chatkitServer!;
const sentInputs = () =>
  serverOf()
    .requests.filter((r) => r.type === "threads.create" || r.type === "threads.add_user_message")
    .map((r) => r.params.input as Record<string, unknown>);
/** Waits until no response runs (the composer's Stop button is gone). */
const idle = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.queryByRole("button", { name: "Stop generating" })).toBeNull());

const meta = {
  title: "ChatKit/Composer options",
  component: Chat,
  parameters: { layout: "padded" },
  argTypes: { theme: { control: "inline-radio", options: ["light", "dark"] } },
} satisfies Meta<typeof Chat>;
export default meta;
type Story = StoryObj<typeof meta>;

const tools: NonNullable<NonNullable<UseChatKitOptions["composer"]>["tools"]> = [
  {
    id: "web_search",
    label: "Search the web",
    shortLabel: "Search",
    icon: "globe",
    placeholderOverride: "Search the web for…",
  },
  { id: "image", label: "Create an image", shortLabel: "Image", icon: "lucide:image" },
  { id: "canvas", label: "Canvas", icon: "write", pinned: true, persistent: true },
];
const models: NonNullable<NonNullable<UseChatKitOptions["composer"]>["models"]> = [
  { id: "fast", label: "Fast", description: "Answers right away" },
  {
    id: "thinking",
    label: "Thinking",
    description: "Thinks longer for better answers",
    default: true,
  },
  { id: "legacy", label: "Legacy", description: "No longer available", disabled: true },
];

/**
 * `composer.tools` and `composer.models`: the tools menu by keyboard, the selected tool as a chip
 * (its placeholder in the input), the model picker; both reach the request as
 * `inference_options`, and `onToolChange` follows the selection.
 */
export const ToolsAndModels: Story = {
  args: { options: { composer: { tools, models } } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const page = within(canvasElement.ownerDocument.body);
    const input = canvas.getByRole("textbox", { name: "Message" });
    await expect(canvas.getByRole("button", { name: "Model: Thinking" })).toBeVisible();
    // Keyboard: ArrowDown opens the menu on its first item.
    canvas.getByRole("button", { name: "Tools" }).focus();
    await userEvent.keyboard("{ArrowDown}");
    const menu = await page.findByRole("menu", { name: "Tools" });
    await expect(
      within(menu)
        .getAllByRole("menuitemradio")
        .map((i) => i.textContent),
    ).toEqual(["Search the web", "Create an image"]);
    await userEvent.keyboard("{Enter}");
    await expect(page.queryByRole("menu")).toBeNull();
    await expect(input).toHaveAttribute("placeholder", "Search the web for…");
    await expect(canvas.getByRole("button", { name: "Stop using Search the web" })).toBeVisible();

    await userEvent.click(canvas.getByRole("button", { name: "Model: Thinking" }));
    const picker = await page.findByRole("menu", { name: "Model: Thinking" });
    await expect(within(picker).getByRole("menuitemradio", { name: /Legacy/ })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await userEvent.click(within(picker).getByRole("menuitemradio", { name: /Fast/ }));
    await expect(canvas.getByRole("button", { name: "Model: Fast" })).toBeVisible();

    await userEvent.type(input, "Weather in Lisbon{Enter}");
    await waitFor(() => expect(sentInputs()).toHaveLength(1));
    await expect(sentInputs()[0]?.inference_options).toEqual({
      tool_choice: { id: "web_search" },
      model: "fast",
    });
    // The tool was not persistent: sending cleared it; the pinned one toggles and stays.
    await expect(canvas.queryByRole("button", { name: "Stop using Search the web" })).toBeNull();
    await idle(canvas);
    const pinned = canvas.getByRole("button", { name: "Canvas" });
    await userEvent.click(pinned);
    await expect(pinned).toHaveAttribute("aria-pressed", "true");
    await userEvent.type(input, "Draft a poem{Enter}");
    await waitFor(() => expect(sentInputs()).toHaveLength(2));
    await expect(sentInputs()[1]?.inference_options).toEqual({
      tool_choice: { id: "canvas" },
      model: "fast",
    });
    await expect(pinned).toHaveAttribute("aria-pressed", "true");
  },
};

const directory = [
  {
    id: "person_ada",
    title: "Ada Lovelace",
    group: "People",
    icon: "profile",
    interactive: true,
    data: { email: "ada@example.com" },
  },
  {
    id: "person_alan",
    title: "Alan Turing",
    group: "People",
    icon: "profile",
    interactive: true,
    data: { email: "alan@example.com" },
  },
  { id: "doc_plan", title: "Analytical Engine plan", group: "Documents", icon: "document" },
];
const entities: UseChatKitOptions["entities"] = {
  onTagSearch: async (query) =>
    directory.filter((entity) => entity.title.toLowerCase().includes(query.toLowerCase())),
  onRequestPreview: async (entity) => ({
    preview: {
      type: "Basic",
      children: [
        { type: "Text", value: entity.title, weight: "semibold" },
        { type: "Text", value: entity.data?.email ?? "", color: "secondary", size: "sm" },
      ],
    } as never,
  }),
};

/** The composer's inline tokens, as they read. */
const tokenTexts = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('[data-tk-part="composer-token"]'), (el) => el.textContent);

/**
 * `entities.onTagSearch`: typing `@` opens suggestions (arrows, Enter or Tab, Escape); a picked
 * entity becomes an inline token in the text whose preview (`onRequestPreview`) shows while the
 * caret is at it or it is hovered, and goes out as an `input_tag` with its `data`.
 */
export const Mentions: Story = {
  args: { options: { entities } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Ask @a");
    const listbox = await canvas.findByRole("listbox", { name: "Suggestions" });
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    await userEvent.keyboard("{ArrowDown}");
    const second = within(listbox).getAllByRole("option")[1]!;
    await expect(input).toHaveAttribute("aria-activedescendant", second.id);
    await userEvent.keyboard("{Enter}");
    await expect(input).toHaveValue("Ask @Alan Turing ");
    await expect(canvas.queryByRole("listbox")).toBeNull();
    await expect(tokenTexts(canvasElement)).toEqual(["@Alan Turing"]);
    await userEvent.keyboard("{ArrowLeft}");
    await expect(await canvas.findByRole("tooltip")).toHaveTextContent("alan@example.com");
    await userEvent.keyboard("{End}about the engine{Enter}");
    await waitFor(() => expect(sentInputs()).toHaveLength(1));
    await expect(sentInputs()[0]?.content).toEqual([
      { type: "input_text", text: "Ask " },
      {
        type: "input_tag",
        id: "person_alan",
        text: "Alan Turing",
        group: "People",
        interactive: true,
        data: { email: "alan@example.com" },
      },
      { type: "input_text", text: " about the engine" },
    ]);
  },
};

/**
 * `entities.showComposerMenu`: an `@` button by the input types `@` at the caret and opens the
 * suggestions; the keyboard goes on from the input (it points at the list with
 * `aria-activedescendant`, the button reports `aria-expanded`).
 */
export const MentionButton: Story = {
  args: { options: { entities: { ...entities, showComposerMenu: true } } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Loop in");
    const button = canvas.getByRole("button", { name: "Mention" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(button);
    await expect(input).toHaveValue("Loop in @");
    await expect(input).toHaveFocus();
    const listbox = await canvas.findByRole("listbox", { name: "Suggestions" });
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(button).toHaveAttribute("aria-controls", listbox.id);
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    await userEvent.keyboard("{Enter}");
    await expect(input).toHaveValue("Loop in @Ada Lovelace ");
    await expect(tokenTexts(canvasElement)).toEqual(["@Ada Lovelace"]);
  },
};

/**
 * Tags as inline tokens: two picked mentions sit in the text as chips; Backspace at a token's end
 * removes all of it, its remove button (on hover) too; the message goes out with the tags where
 * they stand in the text.
 */
export const InlineTokens: Story = {
  args: { options: { entities } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    await userEvent.type(input, "Compare @ada");
    await canvas.findByRole("option", { name: /Ada Lovelace/ });
    await userEvent.keyboard("{Enter}with @alan");
    await canvas.findByRole("option", { name: /Alan Turing/ });
    await userEvent.keyboard("{Enter}and @plan");
    await canvas.findByRole("option", { name: /Analytical Engine plan/ });
    await userEvent.keyboard("{Enter}");
    await expect(tokenTexts(canvasElement)).toEqual([
      "@Ada Lovelace",
      "@Alan Turing",
      "@Analytical Engine plan",
    ]);
    // Backspace after the space, then at the token's end: the whole token goes.
    await userEvent.keyboard("{Backspace}{Backspace}");
    await expect(input).toHaveValue("Compare @Ada Lovelace with @Alan Turing and ");
    // The remove button of a hovered token.
    const turing = canvasElement.querySelectorAll<HTMLElement>(
      '[data-tk-part="composer-token"]',
    )[1]!;
    const box = turing.getBoundingClientRect();
    await userEvent.pointer({
      target: input,
      coords: { clientX: box.left + 4, clientY: box.top + box.height / 2 },
    });
    const remove = await canvas.findByRole("button", { name: "Remove Alan Turing" });
    // A plain click: the simulated pointer would leave the frame on its way to the button.
    remove.click();
    await waitFor(() => expect(input).toHaveValue("Compare @Ada Lovelace with and "));
    await expect(tokenTexts(canvasElement)).toEqual(["@Ada Lovelace"]);
    await userEvent.keyboard("{End}me{Enter}");
    await waitFor(() => expect(sentInputs()).toHaveLength(1));
    await expect(sentInputs()[0]?.content).toEqual([
      { type: "input_text", text: "Compare " },
      {
        type: "input_tag",
        id: "person_ada",
        text: "Ada Lovelace",
        group: "People",
        interactive: true,
        data: { email: "ada@example.com" },
      },
      { type: "input_text", text: " with and me" },
    ]);
  },
};

/**
 * A sent message keeps its tags as tokens in the bubble (the text around them stays plain, not
 * markdown): hovering or focusing an interactive one shows its `onRequestPreview` widget, and a
 * click calls `entities.onClick`.
 */
export const SentTags: Story = {
  args: {
    options: {
      entities: {
        ...entities,
        onClick: (entity) => {
          (globalThis as { __clicked?: string }).__clicked = entity.id;
        },
      },
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Ask @ada");
    await canvas.findByRole("option", { name: /Ada Lovelace/ });
    await userEvent.keyboard("{Enter}about *the* @plan");
    await canvas.findByRole("option", { name: /Analytical Engine plan/ });
    await userEvent.keyboard("{Enter}{Enter}");
    await idle(canvas);
    const bubble = canvasElement.querySelector<HTMLElement>(
      '[data-tk-part="message"][data-role="user"]',
    )!;
    await waitFor(() =>
      expect(bubble.querySelector('[data-tk-part="message-plain-text"]')).toHaveTextContent(
        "Ask Ada Lovelace about *the* Analytical Engine plan",
      ),
    );
    const ada = within(bubble).getByRole("button", { name: "Ada Lovelace" });
    await expect(bubble.querySelectorAll('span[data-tk-part="input-tag"]')[0]).toHaveTextContent(
      "Analytical Engine plan",
    );
    await userEvent.hover(ada);
    const page = within(canvasElement.ownerDocument.body);
    await waitFor(() => expect(page.getByRole("tooltip")).toHaveTextContent("ada@example.com"));
    await userEvent.click(ada);
    await expect((globalThis as { __clicked?: string }).__clicked).toBe("person_ada");
  },
};

const commandList = [
  {
    id: "summarize",
    label: "Summarize",
    description: "Sum up the thread so far",
    icon: "notebook",
  },
  { id: "assign", label: "Assign to…", description: "Hand this over to someone", icon: "profile" },
  { id: "translate", label: "Translate", description: "Into another language", icon: "globe" },
];

/**
 * `commands`: typing `/` opens the command menu from `onSearch`; `onSelect` may answer a submenu
 * (here the people to assign to) and then an entity, which lands as a tag where `/` was typed.
 */
export const Commands: Story = {
  args: {
    options: {
      commands: {
        enabled: true,
        onSearch: async (query) =>
          commandList.filter((c) => c.label.toLowerCase().startsWith(query.toLowerCase())),
        onSelect: async (command) => {
          if (command.id === "assign") {
            return {
              type: "menu",
              commands: directory
                .filter((entity) => entity.group === "People")
                .map((entity) => ({ id: entity.id, label: entity.title, icon: "profile" })),
            };
          }
          const person = directory.find((entity) => entity.id === command.id);
          return person ? { type: "entity", entity: person } : undefined;
        },
      },
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Please /");
    const listbox = await canvas.findByRole("listbox", { name: "Commands" });
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    await userEvent.keyboard("as{Enter}");
    await waitFor(() =>
      expect(
        within(canvas.getByRole("listbox", { name: "Commands" }))
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual(["Ada Lovelace", "Alan Turing"]),
    );
    await userEvent.keyboard("{ArrowDown}{Enter}");
    await expect(input).toHaveValue("Please @Alan Turing ");
    await expect(tokenTexts(canvasElement)).toEqual(["@Alan Turing"]);
    await userEvent.keyboard("review this{Enter}");
    await waitFor(() => expect(sentInputs()).toHaveLength(1));
    await expect(sentInputs()[0]?.content).toEqual([
      { type: "input_text", text: "Please " },
      {
        type: "input_tag",
        id: "person_alan",
        text: "Alan Turing",
        group: "People",
        interactive: true,
        data: { email: "alan@example.com" },
      },
      { type: "input_text", text: " review this" },
    ]);
  },
};

/** An `onTagSearch` that rejects: the list says why, and the text typed stays to send. */
export const MentionSearchFails: Story = {
  args: {
    options: {
      entities: {
        onTagSearch: async () => {
          throw new Error("the directory is offline");
        },
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Send this to @ada");
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "Search failed: the directory is offline",
    );
    await expect(input).toHaveValue("Send this to @ada");
  },
};

/** A microphone made of an oscillator, so `MediaRecorder` records real audio without a device. */
function fakeMicrophone(): () => void {
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia;
  const context = new AudioContext();
  devices.getUserMedia = async () => {
    const oscillator = context.createOscillator();
    const destination = context.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    return destination.stream;
  };
  return () => {
    devices.getUserMedia = original;
    void context.close();
  };
}

/**
 * `composer.dictation`: the microphone button records with `MediaRecorder`; stopping sends the
 * audio to `input.transcribe`, and the text joins what was already typed.
 */
export const Dictation: Story = {
  args: { options: { composer: { dictation: { enabled: true } } } },
  beforeEach: fakeMicrophone,
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Please:");
    await userEvent.click(canvas.getByRole("button", { name: "Dictate" }));
    const stop = await canvas.findByRole("button", { name: "Stop dictation" });
    await expect(stop).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(stop);
    await waitFor(() => expect(input).toHaveValue("Please: Book a table for four at eight"));
    const request = serverOf().requests.find((r) => r.type === "input.transcribe");
    await expect(String(request?.params.mime_type)).toMatch(/^audio\//);
    await expect(typeof request?.params.audio_base64).toBe("string");
  },
};

/** Dictation with the microphone permission denied: a clear message, and the draft stays. */
export const DictationDenied: Story = {
  args: { options: { composer: { dictation: { enabled: true } } } },
  beforeEach: () => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = async () => {
      throw new DOMException("Permission denied", "NotAllowedError");
    };
    return () => {
      devices.getUserMedia = original;
    };
  },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Half a thought");
    await userEvent.click(canvas.getByRole("button", { name: "Dictate" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "Microphone access was denied. Allow it in the browser to dictate.",
    );
    await expect(input).toHaveValue("Half a thought");
  },
};

/**
 * `composer.attachments.maxSize` as a map per MIME type: images up to 1 KB, everything else up
 * to 1 MB (`"*"`). A 2 KB image is refused with its own limit; a 2 KB text file is uploaded.
 */
export const AttachmentSizePerType: Story = {
  args: {
    options: {
      composer: {
        attachments: { enabled: true, maxSize: { "image/*": 1024, "*": 1024 * 1024 } },
      },
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const picker = canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!;
    await userEvent.upload(picker, [
      new File([new Uint8Array(2048)], "photo.png", { type: "image/png" }),
      new File([new Uint8Array(2048)], "notes.txt", { type: "text/plain" }),
    ]);
    await expect(await canvas.findByText(/photo\.png is too large/)).toBeVisible();
    await expect(canvas.getByText(/1 KB/)).toBeVisible();
    await waitFor(() =>
      expect(
        serverOf()
          .requests.filter((r) => r.type === "attachments.create")
          .map((r) => r.params.name),
      ).toEqual(["notes.txt"]),
    );
  },
};
