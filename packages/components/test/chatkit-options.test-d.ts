/**
 * An app that uses `@openai/chatkit-react` migrates by changing its import: every value typed
 * with the official `ChatKitOptions` (and its event handlers) is accepted by `useChatKit`.
 */
import type * as ChatKitJS from "@openai/chatkit";
import { expectTypeOf, test } from "vitest";
import type {
  ChatKitOptions,
  ComposerCommand,
  ComposerEntity,
  ComposerModel,
  ComposerTool,
  SendUserMessageParams,
  SetComposerValueParams,
  UseChatKitOptions,
  UseChatKitReturn,
} from "../src";

test("the official ChatKitOptions are accepted as they are", () => {
  expectTypeOf<ChatKitJS.ChatKitOptions>().toExtend<ChatKitOptions>();
  expectTypeOf<ChatKitJS.ChatKitOptions>().toExtend<UseChatKitOptions>();
});

test("each official option group is accepted", () => {
  expectTypeOf<ChatKitJS.HeaderOption>().toExtend<NonNullable<ChatKitOptions["header"]>>();
  expectTypeOf<ChatKitJS.HistoryOption>().toExtend<NonNullable<ChatKitOptions["history"]>>();
  expectTypeOf<ChatKitJS.StartScreenOption>().toExtend<
    NonNullable<ChatKitOptions["startScreen"]>
  >();
  expectTypeOf<ChatKitJS.ComposerOption>().toExtend<NonNullable<ChatKitOptions["composer"]>>();
  expectTypeOf<ChatKitJS.ThemeOption>().toExtend<NonNullable<ChatKitOptions["theme"]>>();
  expectTypeOf<ChatKitJS.EntitiesOption>().toExtend<NonNullable<ChatKitOptions["entities"]>>();
  expectTypeOf<ChatKitJS.WidgetsOption>().toExtend<NonNullable<ChatKitOptions["widgets"]>>();
  expectTypeOf<ChatKitJS.CommandsOption>().toExtend<NonNullable<ChatKitOptions["commands"]>>();
  expectTypeOf<ChatKitJS.CustomApiConfig>().toExtend<ChatKitOptions["api"]>();
  expectTypeOf<ChatKitJS.HostedApiConfig>().toExtend<ChatKitOptions["api"]>();
});

/** Keys of the official type that threadkit's lacks (a missing option would warn and do nothing). */
type Missing<Official, Ours> = Exclude<keyof Official, keyof Ours>;

test("no official option is missing, at any level", () => {
  expectTypeOf<Missing<ChatKitJS.ChatKitOptions, UseChatKitOptions>>().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.HeaderOption, NonNullable<ChatKitOptions["header"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.HistoryOption, NonNullable<ChatKitOptions["history"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.StartScreenOption, NonNullable<ChatKitOptions["startScreen"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.ComposerOption, NonNullable<ChatKitOptions["composer"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.EntitiesOption, NonNullable<ChatKitOptions["entities"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.ThreadItemActionsOption, NonNullable<ChatKitOptions["threadItemActions"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.DisclaimerOption, NonNullable<ChatKitOptions["disclaimer"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.WidgetsOption, NonNullable<ChatKitOptions["widgets"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.CommandsOption, NonNullable<ChatKitOptions["commands"]>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.ThemeOption, Exclude<NonNullable<ChatKitOptions["theme"]>, string>>
  >().toEqualTypeOf<never>();
  expectTypeOf<
    Missing<ChatKitJS.CustomApiConfig, Extract<ChatKitOptions["api"], { url: string }>>
  >().toEqualTypeOf<never>();
});

test("official event handlers are accepted", () => {
  const handlers = {
    onReady: () => {},
    onError: ({ error }: ChatKitJS.ChatKitEvents["chatkit.error"]["detail"]) => void error,
    onThreadChange: ({ threadId }: ChatKitJS.ChatKitEvents["chatkit.thread.change"]["detail"]) =>
      void threadId,
    onResponseEnd: () => {},
  };
  expectTypeOf(handlers).toExtend<Partial<UseChatKitOptions>>();
});

/** The handlers `@openai/chatkit-react` derives from `ChatKitEvents` (`chatkit.thread.load.start` → `onThreadLoadStart`). */
type DotToCamelCase<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${Head}${Capitalize<DotToCamelCase<Tail>>}`
  : S;
type OfficialHandlers = {
  [K in keyof ChatKitJS.ChatKitEvents as DotToCamelCase<K & string> extends `chatkit${infer Name}`
    ? `on${Capitalize<Name>}`
    : never]?: ChatKitJS.ChatKitEvents[K] extends CustomEvent<infer Detail>
    ? Detail extends undefined
      ? () => void
      : (event: Detail) => void
    : never;
};

test("every official event handler is accepted, none missing", () => {
  expectTypeOf<OfficialHandlers>().toExtend<Partial<UseChatKitOptions>>();
  // Each official handler name is a key `useChatKit` knows (a missing one would be `never` here).
  expectTypeOf<Exclude<keyof OfficialHandlers, keyof UseChatKitOptions>>().toEqualTypeOf<never>();
});

test("the composer parts take the official tools, models and entities as they are", () => {
  expectTypeOf<ChatKitJS.ToolOption>().toExtend<ComposerTool>();
  expectTypeOf<ChatKitJS.ModelOption>().toExtend<ComposerModel>();
  expectTypeOf<ChatKitJS.Entity>().toExtend<ComposerEntity>();
  expectTypeOf<ChatKitJS.Command>().toExtend<ComposerCommand>();
  expectTypeOf<ChatKitJS.ComposerOption["attachments"]>().toExtend<
    NonNullable<ChatKitOptions["composer"]>["attachments"]
  >();
  const onToolChange = ({ toolId }: ChatKitJS.ChatKitEvents["chatkit.tool.change"]["detail"]) =>
    void toolId;
  expectTypeOf({ onToolChange }).toExtend<Partial<UseChatKitOptions>>();
});

test("the methods take what the official element's methods take", () => {
  type Element = ChatKitJS.OpenAIChatKit;
  expectTypeOf<Parameters<Element["sendUserMessage"]>[0]>().toExtend<SendUserMessageParams>();
  expectTypeOf<Parameters<Element["setComposerValue"]>[0]>().toExtend<SetComposerValueParams>();
  expectTypeOf<Parameters<Element["setThreadId"]>[0]>().toExtend<
    Parameters<UseChatKitReturn["setThreadId"]>[0]
  >();
  expectTypeOf<Parameters<Element["sendCustomAction"]>>().toExtend<
    Parameters<UseChatKitReturn["sendCustomAction"]>
  >();
});
