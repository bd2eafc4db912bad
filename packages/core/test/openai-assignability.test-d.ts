/**
 * The official SDK types (`openai` v6, `@openai/chatkit`) must be assignable to threadkit's wire
 * types: anything the official SDKs can produce, threadkit accepts.
 */
import type * as ChatKitJS from "@openai/chatkit";
import type OpenAI from "openai";
import { expectTypeOf, test } from "vitest";
import type {
  Assistant,
  AssistantDeleted,
  AssistantStreamEvent,
  AssistantThread,
  AssistantThreadDeleted,
  Attachment,
  ChatKitAttachment,
  ChatKitClientToolCallItem,
  ChatKitCursorPage,
  ChatKitResponseOutputText,
  ChatKitTaskGroupItem,
  ChatKitTaskItem,
  ChatKitThread,
  ChatKitThreadAssistantMessageItem,
  ChatKitThreadDeleted,
  ChatKitThreadItem,
  ChatKitThreadItemListParams,
  ChatKitThreadListParams,
  ChatKitThreadUserMessageItem,
  ChatKitWidgetItem,
  ChatKitWorkflow,
  ChatSession,
  ChatSessionCreateParams,
  CursorPage,
  InferenceOptions,
  Message,
  MessageContent,
  MessageContentDelta,
  MessageCreateParams,
  MessageDeleted,
  MessageDeltaEvent,
  Run,
  RunCreateParams,
  RunStatus,
  RunStep,
  RunStepDeltaEvent,
  StrictWidgetRoot,
  SubmitToolOutputsParams,
  ThreadCreateAndRunParams,
  ThreadCreateParams,
  ToolCall,
  ToolCallDelta,
  toUserMessageContent,
  UploadStrategy,
  UserMessageContentInput,
  UserMessageInput,
  WidgetNode,
  WidgetRoot,
} from "../src/index";

test("Assistants objects", () => {
  expectTypeOf<OpenAI.Beta.Assistant>().toExtend<Assistant>();
  expectTypeOf<OpenAI.Beta.AssistantDeleted>().toExtend<AssistantDeleted>();
  expectTypeOf<OpenAI.Beta.Thread>().toExtend<AssistantThread>();
  expectTypeOf<OpenAI.Beta.ThreadDeleted>().toExtend<AssistantThreadDeleted>();
  expectTypeOf<OpenAI.Beta.Threads.Message>().toExtend<Message>();
  expectTypeOf<OpenAI.Beta.Threads.MessageContent>().toExtend<MessageContent>();
  expectTypeOf<OpenAI.Beta.Threads.MessageDeleted>().toExtend<MessageDeleted>();
  expectTypeOf<OpenAI.Beta.Threads.MessageDeltaEvent>().toExtend<MessageDeltaEvent>();
  expectTypeOf<OpenAI.Beta.Threads.MessageContentDelta>().toExtend<MessageContentDelta>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.Run>().toExtend<Run>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.RunStatus>().toEqualTypeOf<RunStatus>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.RunStep>().toExtend<RunStep>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.RunStepDeltaEvent>().toExtend<RunStepDeltaEvent>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.ToolCall>().toExtend<ToolCall>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.ToolCallDelta>().toExtend<ToolCallDelta>();
  expectTypeOf<CursorPage<Run>>().toHaveProperty("first_id");
});

test("every Assistants stream event", () => {
  expectTypeOf<OpenAI.Beta.AssistantStreamEvent>().toExtend<AssistantStreamEvent>();
  // …and ours has exactly the official event names plus the `done` sentinel.
  expectTypeOf<AssistantStreamEvent["event"]>().toEqualTypeOf<
    OpenAI.Beta.AssistantStreamEvent["event"] | "done"
  >();
});

test("Assistants request params", () => {
  expectTypeOf<OpenAI.Beta.Threads.Runs.RunCreateParamsStreaming>().toExtend<RunCreateParams>();
  expectTypeOf<OpenAI.Beta.Threads.Runs.RunSubmitToolOutputsParamsStreaming>().toExtend<SubmitToolOutputsParams>();
  expectTypeOf<OpenAI.Beta.ThreadCreateParams>().toExtend<ThreadCreateParams>();
  expectTypeOf<OpenAI.Beta.ThreadCreateAndRunParamsStreaming>().toExtend<ThreadCreateAndRunParams>();
  expectTypeOf<OpenAI.Beta.Threads.MessageCreateParams>().toExtend<MessageCreateParams>();
});

test("hosted ChatKit REST objects", () => {
  expectTypeOf<OpenAI.Beta.ChatKit.ChatSession>().toExtend<ChatSession>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitWorkflow>().toExtend<ChatKitWorkflow>();
  expectTypeOf<OpenAI.Beta.ChatKit.SessionCreateParams>().toExtend<ChatSessionCreateParams>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThread>().toExtend<ChatKitThread>();
  expectTypeOf<OpenAI.Beta.ChatKit.ThreadDeleteResponse>().toExtend<ChatKitThreadDeleted>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitAttachment>().toExtend<ChatKitAttachment>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitResponseOutputText>().toExtend<ChatKitResponseOutputText>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThreadUserMessageItem>().toExtend<ChatKitThreadUserMessageItem>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThreadAssistantMessageItem>().toExtend<ChatKitThreadAssistantMessageItem>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitWidgetItem>().toExtend<ChatKitWidgetItem>();
  type List = OpenAI.Beta.ChatKit.ChatKitThreadItemList;
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThreadItemList.ChatKitClientToolCall>().toExtend<ChatKitClientToolCallItem>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThreadItemList.ChatKitTask>().toExtend<ChatKitTaskItem>();
  expectTypeOf<OpenAI.Beta.ChatKit.ChatKitThreadItemList.ChatKitTaskGroup>().toExtend<ChatKitTaskGroupItem>();
  expectTypeOf<List>().toExtend<ChatKitCursorPage<ChatKitThreadItem>>();
  expectTypeOf<OpenAI.Beta.ChatKit.ThreadListParams>().toExtend<ChatKitThreadListParams>();
  expectTypeOf<OpenAI.Beta.ChatKit.ThreadListItemsParams>().toExtend<ChatKitThreadItemListParams>();
});

test("ChatKit.js types", () => {
  expectTypeOf<ChatKitJS.Attachment>().toExtend<Attachment>();
  expectTypeOf<ChatKitJS.UserMessageContent>().toExtend<UserMessageContentInput>();
  // …but what is sent must carry `data`, as chatkit-python requires.
  type SentPart = UserMessageInput["content"][number];
  expectTypeOf<{ type: "input_tag"; id: string; text: string }>().not.toExtend<SentPart>();
  expectTypeOf<ReturnType<typeof toUserMessageContent>>().toEqualTypeOf<SentPart>();
  expectTypeOf<{ tool_choice: ChatKitJS.ToolChoice }>().toExtend<InferenceOptions>();
  expectTypeOf<ChatKitJS.FileUploadStrategy>().toExtend<UploadStrategy>();
});

test("ChatKit.js widgets", () => {
  // `Transition.children` is one component there; threadkit also keeps accepting an array.
  expectTypeOf<ChatKitJS.Widgets.Transition>().toExtend<WidgetNode>();
  expectTypeOf<ChatKitJS.Widgets.WidgetComponent>().toExtend<WidgetNode>();
  expectTypeOf<ChatKitJS.Widgets.WidgetRoot>().toExtend<WidgetRoot>();
  expectTypeOf<ChatKitJS.Widgets.WidgetRoot>().toExtend<StrictWidgetRoot>();
});
