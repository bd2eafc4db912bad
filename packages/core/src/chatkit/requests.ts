import type { Thread } from "./thread";
import type {
  Attachment,
  InferenceOptions,
  InputTagContent,
  JsonObject,
  ThreadItem,
  UserMessageContent,
} from "./thread-item";

/**
 * A part of a new user message in the shape ChatKit.js types it, where an `input_tag`'s `data`
 * may be omitted. The ChatKit server (chatkit-python `UserMessageTagContent`) requires `data`
 * and answers 400 without it, so convert with {@link toUserMessageContent} before building a
 * {@link UserMessageInput}.
 */
export type UserMessageContentInput =
  | Exclude<UserMessageContent, InputTagContent>
  | (Omit<InputTagContent, "data"> & { data?: JsonObject });

/**
 * A part exactly as the server requires it: an `input_tag` gets `data: {}` when it has none.
 * Other parts, and tags that carry `data`, are returned as they are.
 *
 * @example
 * const content = chatKitJsContent.map(toUserMessageContent);
 */
export function toUserMessageContent(part: UserMessageContentInput): UserMessageContent {
  if (part.type !== "input_tag") return part;
  const data = part.data;
  return data !== null && typeof data === "object" && !Array.isArray(data)
    ? (part as InputTagContent)
    : { ...part, data: {} };
}

/**
 * What the composer sends as a new user message. Every `input_tag` carries `data` (chatkit-python
 * requires it; `group` and `interactive` are optional and default to `null` and `false`).
 */
export interface UserMessageInput {
  content: UserMessageContent[];
  /** Ids of uploaded attachments. */
  attachments: string[];
  quoted_text?: string | null;
  inference_options: InferenceOptions;
}

/** A widget action as sent to the server. */
export interface ActionPayload {
  type: string;
  payload?: unknown;
}

/** Answers to a structured input item. */
export interface StructuredInputSubmission {
  status: "answered" | "skipped";
  answers: Record<string, { values: string[]; skipped: boolean }>;
}

/** Each protocol operation with its params. */
export interface ChatKitRequestMap {
  "threads.create": { input: UserMessageInput };
  "threads.add_user_message": { thread_id: string; input: UserMessageInput };
  "threads.add_client_tool_output": { thread_id: string; result: unknown };
  "threads.add_structured_input": {
    thread_id: string;
    item_id: string;
    input: StructuredInputSubmission;
  };
  "threads.retry_after_item": { thread_id: string; item_id: string };
  "threads.custom_action": { thread_id: string; item_id?: string | null; action: ActionPayload };
  "threads.sync_custom_action": {
    thread_id: string;
    item_id?: string | null;
    action: ActionPayload;
  };
  "threads.get_by_id": { thread_id: string };
  "threads.list": { limit?: number; order?: "asc" | "desc"; after?: string | null };
  "threads.update": { thread_id: string; title: string };
  "threads.delete": { thread_id: string };
  "items.list": {
    thread_id: string;
    limit?: number;
    order?: "asc" | "desc";
    after?: string | null;
  };
  "items.feedback": { thread_id: string; item_ids: string[]; kind: "positive" | "negative" };
  "attachments.create": { name: string; size: number; mime_type: string };
  "attachments.delete": { attachment_id: string };
  "input.transcribe": { audio_base64: string; mime_type: string };
}

/** Name of a protocol operation. */
export type ChatKitRequestType = keyof ChatKitRequestMap;

/** A protocol request body: `POST {type, params, metadata}`. */
export type ChatKitRequest<T extends ChatKitRequestType = ChatKitRequestType> = {
  [K in T]: { type: K; params: ChatKitRequestMap[K]; metadata?: JsonObject };
}[T];

/** Operations answered with a server-sent event stream. */
export const STREAMING_REQUEST_TYPES = [
  "threads.create",
  "threads.add_user_message",
  "threads.add_client_tool_output",
  "threads.add_structured_input",
  "threads.retry_after_item",
  "threads.custom_action",
] as const satisfies readonly ChatKitRequestType[];

/** A streaming operation's name. */
export type StreamingRequestType = (typeof STREAMING_REQUEST_TYPES)[number];

/** A page of the ChatKit protocol. */
export interface ProtocolPage<T> {
  data: T[];
  has_more: boolean;
  after?: string | null;
}

/** The JSON answer of each non-streaming operation. */
export interface ChatKitJsonResponseMap {
  "threads.sync_custom_action": { updated_item?: ThreadItem | null };
  "threads.get_by_id": Thread;
  "threads.list": ProtocolPage<Thread>;
  "threads.update": Thread;
  "threads.delete": JsonObject;
  "items.list": ProtocolPage<ThreadItem>;
  "items.feedback": JsonObject;
  "attachments.create": Attachment;
  "attachments.delete": JsonObject;
  "input.transcribe": { text: string };
}

/** A non-streaming operation's name. */
export type JsonRequestType = Exclude<ChatKitRequestType, StreamingRequestType>;
