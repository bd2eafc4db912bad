/**
 * Request building: what the user asked for (`RunOperation`) becomes the backend's
 * `ThreadRunOperation`, the protocol's `UserMessageInput` and the optimistic copy of a sent
 * message.
 */
import type {
  ActionPayload,
  Attachment,
  InferenceOptions,
  StructuredInputSubmission,
  ThreadItem,
  ThreadRunOperation,
  ThreadState,
  UserMessageContent,
  UserMessageInput,
} from "@threadkit/core";

/** What the user sends: plain text, or structured content with attachments and options. */
export type RunInput =
  | string
  | {
      /** Plain text; becomes one `input_text` part (ignored when `content` is given). */
      text?: string;
      /** Structured content (text and @-mention tags). */
      content?: UserMessageContent[];
      /** Uploaded attachments; their ids are sent, and they show on the optimistic message. */
      attachments?: readonly Attachment[];
      /** Text the user is replying to. */
      quotedText?: string | null;
      /** Tool choice and model. */
      inferenceOptions?: InferenceOptions;
    };

/** Options of one send. */
export interface SendOptions {
  /**
   * Called once per attempt, as soon as the server accepted the send (its stream started);
   * before the response ends. A send that fails before that never calls it; when `retry()`
   * sends the message again, it is called for that attempt.
   */
  onAccepted?: () => void;
  /**
   * Called when the send failed and its message is not in the thread: the input is kept in
   * `failedInput`, and `retry()` sends it again (with these same options).
   */
  onLost?: () => void;
}

/** @internal One operation of the run engine, as the hooks ask for it. */
export type RunOperation =
  | { kind: "send"; input: RunInput; options?: SendOptions }
  | { kind: "retry_after_item"; itemId: string }
  | { kind: "structured_input"; itemId: string; submission: StructuredInputSubmission }
  | { kind: "custom_action"; action: ActionPayload; itemId: string | null }
  | { kind: "tool_output"; result: unknown }
  | { kind: "rerun" };

/** Converts a {@link RunInput} to the protocol's `UserMessageInput`. */
export function toUserMessageInput(input: RunInput): UserMessageInput {
  if (typeof input === "string") {
    return {
      content: [{ type: "input_text", text: input }],
      attachments: [],
      inference_options: {},
    };
  }
  const message: UserMessageInput = {
    content: input.content ?? [{ type: "input_text", text: input.text ?? "" }],
    attachments: (input.attachments ?? []).map((attachment) => attachment.id),
    inference_options: input.inferenceOptions ?? {},
  };
  if (input.quotedText != null) message.quoted_text = input.quotedText;
  return message;
}

/**
 * @internal The backend operation for `operation` on `threadId` (`null`: a thread not created
 * yet, which only a send may start). `lastUserMessageId` is the user message a `rerun` answers.
 */
export function toThreadRunOperation(
  operation: RunOperation,
  threadId: string | null,
  lastUserMessageId: string | null,
): ThreadRunOperation {
  if (operation.kind === "send") {
    const input = toUserMessageInput(operation.input);
    return threadId === null
      ? { type: "create_thread", input }
      : { type: "add_message", threadId, input };
  }
  if (threadId === null) throw new Error("This operation needs an existing thread");
  switch (operation.kind) {
    case "retry_after_item":
      return { type: "retry_after_item", threadId, itemId: operation.itemId };
    case "structured_input":
      return {
        type: "structured_input",
        threadId,
        itemId: operation.itemId,
        input: operation.submission,
      };
    case "custom_action":
      return {
        type: "custom_action",
        threadId,
        itemId: operation.itemId,
        action: operation.action,
      };
    case "tool_output":
      return { type: "client_tool_output", threadId, result: operation.result };
    case "rerun":
      return { type: "retry_after_item", threadId, itemId: lastUserMessageId ?? "" };
  }
}

let optimisticCounter = 0;

/** @internal The optimistic copy of a user message being sent, with a fresh local id. */
export function createOptimisticMessage(threadId: string | null, input: RunInput): ThreadItem {
  const message = toUserMessageInput(input);
  return {
    type: "user_message",
    id: `optimistic_${++optimisticCounter}`,
    thread_id: threadId ?? "",
    created_at: new Date().toISOString(),
    content: message.content.map((part) =>
      part.type === "input_tag" ? { ...part, data: part.data ?? {} } : part,
    ),
    attachments: typeof input === "string" ? [] : [...(input.attachments ?? [])],
    quoted_text: message.quoted_text ?? null,
    inference_options: message.inference_options,
  };
}

/** @internal The newest `client_tool_call` still waiting for its output, or `null`. */
export function latestPendingToolCall(state: ThreadState): string | null {
  for (let index = state.itemIds.length - 1; index >= 0; index -= 1) {
    const item = state.itemsById.get(state.itemIds[index] ?? "");
    if (item?.type === "client_tool_call" && item.status === "pending") return item.id;
  }
  return null;
}
