import type { Attachment } from "@threadkit/core";
import { useLayoutEffect, useMemo, useRef } from "react";
import {
  CHATKIT_OPTION_KEYS,
  type ChatKitUserMessageContent,
  type UseChatKitOptions,
} from "./options";

/** What `sendUserMessage` takes (as in ChatKit.js). */
export interface SendUserMessageParams {
  text?: string;
  content?: ChatKitUserMessageContent[];
  /** Text the message replies to. */
  reply?: string;
  /** Attachments already uploaded. */
  attachments?: Attachment[];
  /** Start a new thread with this message. */
  newThread?: boolean;
  toolChoice?: { id: string };
  model?: string;
}

/** What `setComposerValue` takes (as in ChatKit.js). */
export interface SetComposerValueParams {
  text?: string;
  content?: ChatKitUserMessageContent[];
  reply?: string;
  attachments?: Attachment[];
  /** Files to upload into the composer. */
  files?: File[];
  selectedToolId?: string | null;
  selectedModelId?: string | null;
}

/** The imperative methods of a mounted `<ChatKit>`. */
export interface ChatKitMethods {
  focusComposer(): Promise<void>;
  setThreadId(threadId: string | null): Promise<void>;
  sendUserMessage(params: SendUserMessageParams): Promise<void>;
  setComposerValue(params: SetComposerValueParams): Promise<void>;
  fetchUpdates(): Promise<void>;
  sendCustomAction(
    action: { type: string; payload?: Record<string, unknown> },
    itemId?: string,
  ): Promise<void>;
  showHistory(): Promise<void>;
  hideHistory(): Promise<void>;
}

/**
 * The link between `useChatKit` and the `<ChatKit>` it controls: the latest options, and the
 * mounted instance's methods. Pass it to `<ChatKit control>` and nowhere else.
 */
export interface ChatKitControl {
  /** The options of the last render. */
  readonly options: UseChatKitOptions;
  /** Called by `<ChatKit>` when its options change. @internal */
  subscribe(listener: () => void): () => void;
  /** Set by the mounted `<ChatKit>`. @internal */
  setInstance(instance: ChatKitMethods | null): void;
}

/** What `useChatKit` returns: the `control` for `<ChatKit>` and its imperative methods. */
export interface UseChatKitReturn extends ChatKitMethods {
  control: ChatKitControl;
}

const METHODS = [
  "focusComposer",
  "setThreadId",
  "sendUserMessage",
  "setComposerValue",
  "fetchUpdates",
  "sendCustomAction",
  "showHistory",
  "hideHistory",
] as const satisfies readonly (keyof ChatKitMethods)[];

const warnedKeys = new Set<string>();

/** Warns once per unknown key: a typo in an option name should not pass silently. */
function warnUnknownKeys(options: UseChatKitOptions): void {
  for (const key of Object.keys(options)) {
    if (CHATKIT_OPTION_KEYS.has(key) || warnedKeys.has(key)) continue;
    warnedKeys.add(key);
    console.warn(`[threadkit] useChatKit: unknown option "${key}" is ignored.`);
  }
}

/**
 * Creates a ChatKit chat from one options object — the same options, events and methods as
 * `@openai/chatkit-react`'s `useChatKit`, rendered in your own DOM by `<ChatKit control>`.
 * Options are read on every render (no need to memoize them); handlers always see your latest
 * closure. Methods called before `<ChatKit>` mounts warn and resolve without effect.
 *
 * @example
 * const chatkit = useChatKit({ api: { url: "/chatkit" }, startScreen: { greeting: "Hi!" } });
 * return <ChatKit control={chatkit.control} className="h-[600px]" />;
 */
export function useChatKit(options: UseChatKitOptions): UseChatKitReturn {
  warnUnknownKeys(options);
  const state = useRef<{
    options: UseChatKitOptions;
    instance: ChatKitMethods | null;
    listeners: Set<() => void>;
  }>({ options, instance: null, listeners: new Set() });
  const result = useMemo<UseChatKitReturn>(() => {
    const box = state.current;
    const control: ChatKitControl = {
      get options() {
        return box.options;
      },
      subscribe(listener) {
        box.listeners.add(listener);
        return () => box.listeners.delete(listener);
      },
      setInstance(instance) {
        box.instance = instance;
      },
    };
    const methods = Object.fromEntries(
      METHODS.map((name) => [
        name,
        (...args: unknown[]) => {
          const instance = box.instance;
          if (!instance) {
            console.warn(`[threadkit] ChatKit is not mounted: ${name}() did nothing.`);
            return Promise.resolve();
          }
          return (instance[name] as (...a: unknown[]) => Promise<void>)(...args);
        },
      ]),
    ) as unknown as ChatKitMethods;
    return { control, ...methods };
  }, []);
  useLayoutEffect(() => {
    const box = state.current;
    if (box.options === options) return;
    box.options = options;
    for (const listener of box.listeners) listener();
  });
  return result;
}
