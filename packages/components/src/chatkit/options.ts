import type { ThreadMetadata, WidgetRoot } from "@threadkit/core";
import type { AssistantRunOptions, ThreadkitClients } from "@threadkit/hooks";
import type { ReactNode } from "react";
import type { CodeHighlighter, ItemRenderers, ToolRenderers } from "../context";
import type { ThemeOptions } from "../theme/create-theme";
import type { WidgetRegistry } from "../widgets/context";

/**
 * The option surface of `@openai/chatkit`'s `ChatKitOptions` (1.9) and `@openai/chatkit-react`'s
 * `useChatKit` (1.6), with the same names, shapes and meanings, so a value written for the
 * official component type-checks here. Callbacks are declared as methods, so a handler typed
 * against the official widget or entity types is accepted as it is.
 */

/** A custom ChatKit server (the ChatKit server protocol: `POST {type, params}` + SSE). */
export interface CustomApiConfig {
  /** The server's endpoint. */
  url: string;
  /** Accepted and ignored: threadkit renders in your page, not in a frame tied to a domain. */
  domainKey?: string;
  /** Sends every request: add headers, auth or a proxy here. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How attachment bytes reach the server. @default { type: "two_phase" } */
  uploadStrategy?: FileUploadStrategy;
}

/** ChatKit's hosted backend, through a short-lived client secret from your server. */
export interface HostedApiConfig {
  /** Returns a fresh client secret; called again before the current one expires. */
  getClientSecret(currentClientSecret: string | null): Promise<string>;
}

/**
 * threadkit's extension of `api` (not in ChatKit.js): the clients `ThreadkitProvider` takes, so
 * `<ChatKit>` runs on every backend `@threadkit/hooks` supports — a ChatKit protocol client
 * (`protocol`), hosted ChatKit threads over REST (`rest`, read-only) or the Assistants API
 * (`assistants`, with `assistant`). The clients send their own headers, `Accept-Language`
 * included. A new `clients` object starts a new cache and a fresh chat (no `key` needed to switch
 * backends): build them once per backend (`useMemo`).
 *
 * @example
 * api: { clients: { assistants: createAssistantsClient({ baseUrl }) }, assistant: { assistantId } }
 */
export interface ClientsApiConfig {
  clients: ThreadkitClients;
  /** Runs replies with the Assistants API (needs `clients.assistants`). */
  assistant?: AssistantRunOptions;
  /** Where an Assistants file id is served from (`ThreadkitProvider`'s `assistantFileUrl`). */
  assistantFileUrl?(fileId: string): string;
  /** Ends a stream silent for this long (`ThreadkitProvider`'s `streamIdleTimeoutMs`). */
  streamIdleTimeoutMs?: number;
  /** How attachment bytes reach a protocol server. @default { type: "two_phase" } */
  uploadStrategy?: FileUploadStrategy;
  /**
   * Shown in place of the composer when the clients cannot run a reply (a `rest` client
   * alone, or `assistants` without `assistant`). @default "This chat is read-only." (localized)
   */
  readOnlyReason?: string;
}

/** Where attachment bytes go: `attachments.create` then the upload URL, or one multipart POST. */
export type FileUploadStrategy = { type: "two_phase" } | { type: "direct"; uploadUrl: string };

/** A web font to load for `theme.typography`. */
export interface FontObject {
  family: string;
  src: string;
  weight?: string | number;
  style?: "normal" | "italic" | "oblique";
  display?: "auto" | "block" | "swap" | "fallback" | "optional";
  unicodeRange?: string;
}

/** ChatKit's `theme` object: `createTheme`'s options plus web fonts to load. */
export interface ChatKitThemeOption extends Omit<ThemeOptions, "typography" | "color"> {
  color?: {
    accent?: { primary: string; level?: 0 | 1 | 2 | 3 };
    grayscale?: { hue: number; tint: number; shade?: number };
    surface?: { background: string; foreground: string };
  };
  typography?: NonNullable<ThemeOptions["typography"]> & {
    /**
     * Web fonts to load into the page (`document.fonts`) while the chat is mounted; name them in
     * `fontFamily`. A font that cannot be loaded is reported to `onError`.
     */
    fontSources?: FontObject[];
  };
}

/** A ChatKit icon name (`"sparkle"`, `"search"` …) or `lucide:<name>`. */
export type ChatKitIcon = string;

/** A header button. */
export interface HeaderAction {
  icon: ChatKitIcon;
  onClick(): void;
}

/** The bar above the thread. */
export interface HeaderOption {
  /** @default true */
  enabled?: boolean;
  /** The thread's title, or fixed text. */
  title?: { enabled?: boolean; text?: string };
  /** Replaces the history toggle. */
  leftAction?: HeaderAction;
  /** Replaces the new-thread button. */
  rightAction?: HeaderAction;
  /**
   * threadkit extension (not in ChatKit.js): the app's own elements at the header's end, before
   * the new-thread button — a settings menu, a backend switch, a status light. They render in
   * the chat's DOM and theme, inside its `ThreadkitProvider` (so they may use `@threadkit/hooks`).
   *
   * @example
   * header: { trailing: <SettingsMenu /> }
   */
  trailing?: ReactNode;
}

/** The thread history panel. */
export interface HistoryOption {
  /** @default true */
  enabled?: boolean;
  /** @default true */
  showDelete?: boolean;
  /** @default true */
  showRename?: boolean;
  /**
   * threadkit extension (not in ChatKit.js): where the history sits. `"panel"` is ChatKit's: the
   * header's toggle opens it and picking a thread closes it. `"sidebar"` keeps it open beside the
   * thread — open from the start, still open after a pick — while the chat is wider than 640 px;
   * narrower, it behaves as the panel. @default "panel"
   */
  layout?: "panel" | "sidebar";
  /**
   * threadkit extension (not in ChatKit.js): the threads the history lists, newest first, kept
   * by the app — for a backend that cannot list threads (the Assistants API) or an app that
   * keeps its own index. Given, the history shows these and never asks the clients for a list;
   * the header shows a listed thread's `title` when the thread has none of its own. Renames go
   * to `onRename`; deletes still go through the clients, then to `onDelete`.
   *
   * @example
   * history: { threads: myIndex, onRename: (id, title) => renameInIndex(id, title), onDelete: dropFromIndex }
   */
  threads?: readonly ThreadMetadata[];
  /**
   * threadkit extension: with `threads`, where a rename goes (the app updates its index, and
   * `threads` brings the new title back). Leave it out to offer no rename then.
   */
  onRename?(threadId: string, title: string): Promise<void> | void;
  /** threadkit extension: with `threads`, called once the clients deleted a thread, to drop it from the index. */
  onDelete?(threadId: string): Promise<void> | void;
}

/**
 * Structured message content as ChatKit.js takes it: text, and @-mention tags whose `data` may be
 * left out (threadkit sends `{}` then, as servers built on the Python SDK require it).
 */
export type ChatKitUserMessageContent =
  | { type: "input_text"; text: string }
  | {
      type: "input_tag";
      text: string;
      id: string;
      group?: string;
      data?: Record<string, unknown>;
      interactive?: boolean;
    };

/** A suggestion on the start screen. */
export interface StartScreenPrompt {
  label: string;
  prompt: string | ChatKitUserMessageContent[];
  icon?: ChatKitIcon;
}

/** What a new thread shows before its first message. */
export interface StartScreenOption {
  /** @default "What can I help with today?" (localized) */
  greeting?: string;
  prompts?: StartScreenPrompt[];
}

/** The actions under each assistant reply. Copy is always there. */
export interface ThreadItemActionsOption {
  /** Thumbs up and down (`items.feedback`). @default true */
  feedback?: boolean;
  /** Try again (`threads.retry_after_item`). @default true */
  retry?: boolean;
}

/** A tool in the composer's tools menu; its id is sent as `inference_options.tool_choice`. */
export interface ToolOption {
  id: string;
  label: string;
  icon: ChatKitIcon;
  shortLabel?: string;
  placeholderOverride?: string;
  pinned?: boolean;
  persistent?: boolean;
}

/** A model in the composer's model picker; its id is sent as `inference_options.model`. */
export interface ModelOption {
  id: string;
  label: string;
  description?: string;
  disabled?: boolean;
  default?: boolean;
}

/** The composer. */
export interface ComposerOption {
  /** @default "Message the AI" (localized) */
  placeholder?: string;
  attachments?: {
    enabled: boolean;
    /** Bytes, for every file or per MIME pattern (`"image/*"`, `"*"`). @default 100 MB */
    maxSize?: number | Record<string, number>;
    /** @default 10 */
    maxCount?: number;
    /** MIME type → extensions, as `showOpenFilePicker` takes them. */
    accept?: Record<string, string[]>;
  };
  tools?: ToolOption[];
  models?: ModelOption[];
  dictation?: { enabled: boolean };
}

/** Markdown shown under the composer. */
export interface DisclaimerOption {
  text: string;
  highContrast?: boolean;
}

/** Something a user can @-mention. */
export interface Entity {
  title: string;
  id: string;
  icon?: string;
  interactive?: boolean;
  group?: string;
  data?: Record<string, string>;
}

/** @-mentions and entity sources. */
export interface EntitiesOption {
  onTagSearch?(query: string): Promise<Entity[]>;
  showComposerMenu?: boolean;
  onClick?(entity: Entity): void;
  onRequestPreview?(entity: Entity): Promise<{ preview: unknown | null }>;
}

/** A command of the composer's `/` menu. */
export interface Command {
  id: string;
  label: string;
  description?: string;
  icon?: ChatKitIcon;
  /** The group it is listed under. */
  group?: string;
}

/**
 * What picking a command does: insert `entity` as a tag where `/query` was typed, or show
 * `commands` as a submenu. Nothing: the command only had its own effect.
 */
export type CommandSelection =
  | { type: "entity"; entity: Entity }
  | { type: "menu"; commands: Command[] };

/**
 * The composer's `/` command menu: typing `/` at the start of the text or after a space opens
 * it, driven from the input like the @-mentions (arrows, Enter or Tab, Escape).
 */
export interface CommandsOption {
  /** Shows the menu. */
  enabled: boolean;
  /** The commands matching the text typed after `/` (`""` right after it). */
  onSearch?(query: string): Promise<Command[]>;
  /** Runs a picked command; its `/query` leaves the text. */
  // biome-ignore lint/suspicious/noConfusingVoidType: the official type, so `async () => {}` fits
  onSelect?(command: Command): Promise<void | CommandSelection>;
}

/** Widget actions handled by the app (`handler: "client"`). Server actions need no wiring. */
export interface WidgetsOption {
  onAction?(
    action: { type: string; payload?: Record<string, unknown> },
    widgetItem: { id: string; widget: WidgetRoot },
  ): Promise<void> | void;
}

/** The thread view. */
export interface ThreadOption {
  /**
   * Keep a streaming reply in view while the reader is at the bottom; with `false` the reply grows
   * below the view without pulling the reader down (`Thread.Items autoScroll`). @default false
   */
  autoScroll?: boolean;
}

/** The official options object. */
export interface ChatKitOptions {
  api: CustomApiConfig | HostedApiConfig;
  /** A BCP 47 tag. @default the browser's language, else English */
  locale?: string;
  /** `"light"`, `"dark"` or ChatKit's theme object. @default follows prefers-color-scheme */
  theme?: "light" | "dark" | ChatKitThemeOption;
  /** Accepted and ignored: nothing is framed. */
  frameTitle?: string;
  /** The thread to open; `null` is the new-thread view. @default null */
  initialThread?: string | null;
  /**
   * Runs a client tool call; the returned object is posted back as its output. One that throws or
   * rejects is shown over the composer and reported to `onError`, and `{ error: message }` is
   * posted as its output (the draft in the composer is kept).
   */
  onClientTool?(toolCall: {
    name: string;
    params: Record<string, unknown>;
  }): Record<string, unknown> | Promise<Record<string, unknown>>;
  header?: HeaderOption;
  history?: HistoryOption;
  startScreen?: StartScreenOption;
  threadItemActions?: ThreadItemActionsOption;
  composer?: ComposerOption;
  disclaimer?: DisclaimerOption;
  entities?: EntitiesOption;
  commands?: CommandsOption;
  widgets?: WidgetsOption;
  thread?: ThreadOption;
}

/** The events of the official component, as `on…` handlers. */
export interface ChatKitEventHandlers {
  onReady?(): void;
  onError?(event: { error: Error }): void;
  onLog?(event: { name: string; data?: Record<string, unknown> }): void;
  onEffect?(event: { name: string; data?: Record<string, unknown> }): void;
  onResponseStart?(): void;
  onResponseEnd?(): void;
  onThreadChange?(event: { threadId: string | null }): void;
  onThreadLoadStart?(event: { threadId: string }): void;
  onThreadLoadEnd?(event: { threadId: string }): void;
  onToolChange?(event: { toolId: string | null }): void;
  onDeeplink?(event: { name: string; data?: Record<string, unknown> }): void;
  /** The history opened (the header's toggle, `showHistory`, or a sidebar that gained room). */
  onHistoryOpen?(): void;
  /** The history closed (the toggle, a pick in the panel, `hideHistory`). */
  onHistoryClose?(): void;
}

/** What only threadkit can do: the parts are in your DOM, so they can be replaced and styled. */
export interface ChatKitExtensions {
  /** Renderers per item type (`ThreadUIProvider`'s `renderers`). */
  renderers?: ItemRenderers;
  /** Renderers per client tool name. */
  toolRenderers?: ToolRenderers;
  /** Components per widget type, over the defaults. */
  widgetComponents?: WidgetRegistry;
  /**
   * Syntax highlighting of finished code blocks (`ThreadUIProvider`'s `highlightCode`), such as
   * `shikiHighlighter` from `@threadkit/components/highlight`. Unset, code shows plain.
   *
   * @example
   * import { shikiHighlighter } from "@threadkit/components/highlight";
   * useChatKit({ api, highlightCode: shikiHighlighter });
   */
  highlightCode?: CodeHighlighter;
}

/**
 * What `useChatKit` takes: the official options and event handlers, plus threadkit's extensions
 * (`api` also takes {@link ClientsApiConfig}).
 */
export interface UseChatKitOptions
  extends Omit<ChatKitOptions, "api">,
    ChatKitEventHandlers,
    ChatKitExtensions {
  /** The official `api` (a custom server or hosted threads), or threadkit's own clients. */
  api: ChatKitOptions["api"] | ClientsApiConfig;
}

/** The option keys `useChatKit` knows; any other key warns once. */
export const CHATKIT_OPTION_KEYS: ReadonlySet<string> = new Set([
  "api",
  "locale",
  "theme",
  "frameTitle",
  "initialThread",
  "onClientTool",
  "header",
  "history",
  "startScreen",
  "threadItemActions",
  "composer",
  "disclaimer",
  "entities",
  "commands",
  "widgets",
  "thread",
  "onReady",
  "onError",
  "onLog",
  "onEffect",
  "onResponseStart",
  "onResponseEnd",
  "onThreadChange",
  "onThreadLoadStart",
  "onThreadLoadEnd",
  "onToolChange",
  "onDeeplink",
  "onHistoryOpen",
  "onHistoryClose",
  "renderers",
  "toolRenderers",
  "widgetComponents",
  "highlightCode",
]);
