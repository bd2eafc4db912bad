/**
 * Request building: what the user asked for (`RunOperation`), the protocol's `UserMessageInput`
 * and the optimistic copy of a sent message. The backend's `ThreadRunOperation` is built in the
 * lazy runtime (`run-operation.ts`).
 */
import type {
  ActionPayload,
  Attachment,
  InferenceOptions,
  StructuredInputSubmission,
  ThreadItem,
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
