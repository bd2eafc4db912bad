/**
 * Hosted ChatKit REST API wire types (`/v1/chatkit/*`, `OpenAI-Beta: chatkit_beta=v1`), snake_case
 * with unix-second timestamps, exactly as the server sends them. Normalize items to the canonical
 * protocol `ThreadItem` with `normalizeChatKitRestItem`.
 */

/** A value of a workflow state variable. */
export type ChatKitStateVariable = string | boolean | number;

/** The workflow a session runs. */
export interface ChatKitWorkflow {
  id: string;
  /** `null` when the latest deployment is used. */
  version: string | null;
  /** `null` when no overrides were given. */
  state_variables: { [key: string]: ChatKitStateVariable } | null;
  tracing: { enabled: boolean };
}

/** Session status. */
export type ChatSessionStatus = "active" | "expired" | "cancelled";

/** Effective upload settings of a session. */
export interface ChatSessionFileUpload {
  enabled: boolean;
  /** Megabytes. */
  max_file_size: number | null;
  max_files: number | null;
}

/** Effective history settings of a session. */
export interface ChatSessionHistory {
  enabled: boolean;
  /** `null` when all history is kept. */
  recent_threads: number | null;
}

/** Effective ChatKit configuration of a session. */
export interface ChatSessionChatKitConfiguration {
  automatic_thread_titling: { enabled: boolean };
  file_upload: ChatSessionFileUpload;
  history: ChatSessionHistory;
}

/** Effective rate limits of a session. */
export interface ChatSessionRateLimits {
  max_requests_per_1_minute: number;
}

/** A hosted ChatKit session (`object: "chatkit.session"`). */
export interface ChatSession {
  id: string;
  object: "chatkit.session";
  /** The short-lived secret the browser uses. */
  client_secret: string;
  /** Unix seconds. */
  expires_at: number;
  status: ChatSessionStatus;
  user: string;
  workflow: ChatKitWorkflow;
  chatkit_configuration: ChatSessionChatKitConfiguration;
  rate_limits: ChatSessionRateLimits;
  /** Convenience copy of `rate_limits.max_requests_per_1_minute`. */
  max_requests_per_1_minute: number;
}

/** Body of `POST /v1/chatkit/sessions`. */
export interface ChatSessionCreateParams {
  /** A stable id of the end user from your own authentication. */
  user: string;
  workflow: {
    id: string;
    /** @default the latest deployed version */
    version?: string;
    /** Keys up to 64 characters, primitive values. @default {} */
    state_variables?: { [key: string]: ChatKitStateVariable };
    /** @default { enabled: true } */
    tracing?: { enabled?: boolean };
  };
  chatkit_configuration?: {
    /** @default { enabled: true } */
    automatic_thread_titling?: { enabled?: boolean };
    file_upload?: {
      /** @default false */
      enabled?: boolean;
      /** Megabytes, 1..512. @default 512 */
      max_file_size?: number;
      /** At least 1. @default 10 */
      max_files?: number;
    };
    history?: {
      /** @default true */
      enabled?: boolean;
      /** At least 1. @default unlimited */
      recent_threads?: number;
    };
  };
  /** @default { anchor: "created_at", seconds: 600 } */
  expires_after?: {
    anchor: "created_at";
    /** 1..600. */
    seconds: number;
  };
  rate_limits?: {
    /** At least 1. @default 10 */
    max_requests_per_1_minute?: number;
  };
}

/** Bounds and defaults of {@link ChatSessionCreateParams}, from the API reference. */
export const CHAT_SESSION_LIMITS = {
  expiresAfterSeconds: { min: 1, max: 600, default: 600 },
  maxFileSizeMb: { min: 1, max: 512, default: 512 },
  maxFiles: { min: 1, default: 10 },
  recentThreads: { min: 1 },
  maxRequestsPer1Minute: { min: 1, default: 10 },
  stateVariableKeyLength: { max: 64 },
} as const;

/** Status of a hosted thread. */
export type ChatKitThreadStatus =
  | { type: "active" }
  | { type: "locked"; reason: string | null }
  | { type: "closed"; reason: string | null };

/** A hosted thread (`object: "chatkit.thread"`). */
export interface ChatKitThread {
  id: string;
  object: "chatkit.thread";
  /** Unix seconds. */
  created_at: number;
  status: ChatKitThreadStatus;
  title: string | null;
  user: string;
}

/** Answer of `DELETE /v1/chatkit/threads/{id}`. */
export interface ChatKitThreadDeleted {
  id: string;
  object: "chatkit.thread.deleted";
  deleted: boolean;
}

/** An attachment of a hosted user message. */
export interface ChatKitAttachment {
  id: string;
  type: "image" | "file";
  name: string;
  mime_type: string;
  preview_url: string | null;
}

/** A file citation in hosted assistant text. */
export interface ChatKitFileAnnotation {
  type: "file";
  source: { type: "file"; filename: string };
}

/** A URL citation in hosted assistant text. */
export interface ChatKitURLAnnotation {
  type: "url";
  source: { type: "url"; url: string };
}

/** Assistant text with its citations. */
export interface ChatKitResponseOutputText {
  type: "output_text";
  text: string;
  annotations: (ChatKitFileAnnotation | ChatKitURLAnnotation)[];
}

/** User text. */
export interface ChatKitInputText {
  type: "input_text";
  text: string;
}

/** Text the user quoted when replying. */
export interface ChatKitQuotedText {
  type: "quoted_text";
  text: string;
}

interface ChatKitItemBase {
  id: string;
  object: "chatkit.thread_item";
  thread_id: string;
  /** Unix seconds. */
  created_at: number;
}

/** `chatkit.user_message`. */
export interface ChatKitThreadUserMessageItem extends ChatKitItemBase {
  type: "chatkit.user_message";
  content: (ChatKitInputText | ChatKitQuotedText)[];
  attachments: ChatKitAttachment[];
  inference_options: { model: string | null; tool_choice: { id: string } | null } | null;
}

/** `chatkit.assistant_message`. */
export interface ChatKitThreadAssistantMessageItem extends ChatKitItemBase {
  type: "chatkit.assistant_message";
  content: ChatKitResponseOutputText[];
}

/** `chatkit.widget`: the widget tree as a JSON string. */
export interface ChatKitWidgetItem extends ChatKitItemBase {
  type: "chatkit.widget";
  widget: string;
}

/** `chatkit.client_tool_call`: arguments and output as JSON strings. */
export interface ChatKitClientToolCallItem extends ChatKitItemBase {
  type: "chatkit.client_tool_call";
  status: "in_progress" | "completed";
  call_id: string;
  name: string;
  arguments: string;
  output: string | null;
}

/** A task of a task group. */
export interface ChatKitTaskGroupTask {
  type: "custom" | "thought";
  heading: string | null;
  summary: string | null;
}

/** `chatkit.task`. */
export interface ChatKitTaskItem extends ChatKitItemBase {
  type: "chatkit.task";
  task_type: "custom" | "thought";
  heading: string | null;
  summary: string | null;
}

/** `chatkit.task_group` (a workflow in the protocol). */
export interface ChatKitTaskGroupItem extends ChatKitItemBase {
  type: "chatkit.task_group";
  tasks: ChatKitTaskGroupTask[];
}

/** Every hosted REST thread item. */
export type ChatKitThreadItem =
  | ChatKitThreadUserMessageItem
  | ChatKitThreadAssistantMessageItem
  | ChatKitWidgetItem
  | ChatKitClientToolCallItem
  | ChatKitTaskItem
  | ChatKitTaskGroupItem;

/** A cursor page of the hosted REST API. */
export interface ChatKitCursorPage<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** Query of `GET /v1/chatkit/threads`. */
export interface ChatKitThreadListParams {
  /** 1..100, default 20. */
  limit?: number;
  /** Default `"desc"`. */
  order?: "asc" | "desc";
  after?: string;
  before?: string;
  /** Only threads of this user. */
  user?: string;
}

/** Query of `GET /v1/chatkit/threads/{id}/items`. */
export interface ChatKitThreadItemListParams {
  limit?: number;
  order?: "asc" | "desc";
  after?: string;
  before?: string;
}
