/**
 * The canonical ChatKit thread item model: the protocol's `ThreadItem` union as the ChatKit server
 * protocol sends it (snake_case, ISO timestamps). Hosted REST items and Assistants objects are
 * normalized into these shapes; components render only these.
 */
import type { WidgetComponent, WidgetIcon, WidgetRoot } from "./widgets/types";

/** A loose JSON object (`Record<string, any>` on the server). */
export type JsonObject = { [key: string]: unknown };

/** Icon name: one of ChatKit's built-in names, `lucide:<name>` or `vendor:<name>`. */
export type IconName = WidgetIcon;

/**
 * Where a normalized item came from. Items a ChatKit server sends have no `origin`; items built
 * from hosted REST items or Assistants objects keep the source's type and every source field
 * that has no place in the canonical shape under `extra`, so nothing is lost.
 */
export interface ItemOrigin {
  /** `chatkit_rest` (hosted `/v1/chatkit` items) or `assistants` (Assistants API objects). */
  api: "chatkit_rest" | "assistants";
  /** The source's `type` or `object`, e.g. `chatkit.task_group`, `thread.run.step`. */
  type: string;
  /** Source fields not mapped to canonical fields, unchanged. */
  extra: JsonObject;
}

/** Fields every thread item has. */
export interface ThreadItemBase {
  id: string;
  thread_id: string;
  /** ISO-8601 datetime (the Python server often omits the UTC offset). */
  created_at: string;
  /** Set by the normalizers only: the source of a hosted REST or Assistants item. */
  origin?: ItemOrigin;
}

/** Plain text typed by the user. */
export interface InputTextContent {
  type: "input_text";
  text: string;
}

/** An @-mention entity tag inside the user's message. */
export interface InputTagContent {
  type: "input_tag";
  id: string;
  text: string;
  data: JsonObject;
  group?: string | null;
  /** Default `false`. */
  interactive?: boolean;
}

/** A part of a user message. */
export type UserMessageContent = InputTextContent | InputTagContent;

/** Composer choices sent with a user message (tool picker, model picker). */
export interface InferenceOptions {
  tool_choice?: { id: string } | null;
  model?: string | null;
}

/** Where the bytes of a two-phase attachment upload go. */
export interface UploadDescriptor {
  url: string;
  method: "POST" | "PUT";
  headers?: Record<string, string>;
}

interface AttachmentBase {
  id: string;
  name: string;
  mime_type: string;
  /** Present until the bytes are uploaded (two-phase upload). */
  upload_descriptor?: UploadDescriptor | null;
  thread_id?: string | null;
  metadata?: JsonObject | null;
}

/** A file attached to a user message. */
export interface FileAttachment extends AttachmentBase {
  type: "file";
}

/** An image attached to a user message, with a preview URL (may be short-lived). */
export interface ImageAttachment extends AttachmentBase {
  type: "image";
  preview_url: string | null;
}

/** A file or image attached to a user message. */
export type Attachment = FileAttachment | ImageAttachment;

/** A message typed by the user. Its text is never rendered as markdown. */
export interface UserMessageItem extends ThreadItemBase {
  type: "user_message";
  content: UserMessageContent[];
  attachments: Attachment[];
  quoted_text?: string | null;
  inference_options: InferenceOptions;
}

interface SourceBase {
  title: string;
  description?: string | null;
  timestamp?: string | null;
  group?: string | null;
}

/** A cited file. */
export interface FileSource extends SourceBase {
  type: "file";
  filename: string;
}

/** A cited web page. */
export interface URLSource extends SourceBase {
  type: "url";
  url: string;
  attribution?: string | null;
}

/** A cited application entity; clicks and previews reach the app's callbacks. */
export interface EntitySource extends SourceBase {
  type: "entity";
  id: string;
  icon?: IconName | null;
  label?: string | null;
  inline_label?: string | null;
  /** Default `false`. */
  interactive?: boolean;
  data?: JsonObject;
  /** Deprecated by the server; ignored. */
  preview?: "lazy" | null;
}

/** Any citation source. */
export type Source = FileSource | URLSource | EntitySource;

/** A citation inside assistant text; `index` is the character offset of the inline marker. */
export interface Annotation {
  type: "annotation";
  source: Source;
  index?: number | null;
}

/**
 * A text part of an assistant message (GitHub-flavoured markdown), or the model's refusal to
 * answer when `refusal` is `true`.
 */
export interface AssistantMessageContent {
  type: "output_text";
  text: string;
  annotations: Annotation[];
  /**
   * `true` when `text` is the model's refusal (an Assistants `refusal` content block), which
   * renderers style as a notice instead of markdown. The text stays in `text`, so copy, search
   * and screen-reader helpers that read `text` keep it. Absent on ordinary text.
   */
  refusal?: boolean;
}

/** A reply written by the assistant. */
export interface AssistantMessageItem extends ThreadItemBase {
  type: "assistant_message";
  content: AssistantMessageContent[];
}

/** A call of a tool that runs in the browser; the client posts its output back. */
export interface ClientToolCallItem extends ThreadItemBase {
  type: "client_tool_call";
  status: "pending" | "completed";
  call_id: string;
  name: string;
  arguments: JsonObject;
  output?: unknown;
}

/** A widget tree sent by the server. */
export interface WidgetItem extends ThreadItemBase {
  type: "widget";
  widget: WidgetRoot;
  copy_text?: string | null;
}

/** An image generated by the assistant; `image` is absent while it is being generated. */
export interface GeneratedImageItem extends ThreadItemBase {
  type: "generated_image";
  image?: { id: string; url: string } | null;
}

/** The user's answer to one structured input. */
export interface StructuredInputAnswer {
  values: string[];
  skipped: boolean;
}

/** A multiple-choice question. */
export interface MultipleChoiceInput {
  type: "multiple_choice";
  id: string;
  question: string;
  answer?: StructuredInputAnswer | null;
  options: { value: string }[];
  /** Default `false`. */
  multiple?: boolean;
}

/** A free-text question. */
export interface FreeformInput {
  type: "freeform";
  id: string;
  question: string;
  answer?: StructuredInputAnswer | null;
  description?: string | null;
}

/** One question of a structured input item. */
export type StructuredInput = MultipleChoiceInput | FreeformInput;

/** Questions the assistant asks; they take over the composer until answered or skipped. */
export interface StructuredInputItem extends ThreadItemBase {
  type: "structured_input";
  status: "pending" | "answered" | "skipped";
  inputs: StructuredInput[];
}

/** Loading indicator of a task. */
export type TaskStatusIndicator = "none" | "loading" | "complete";

interface BaseTask {
  status_indicator?: TaskStatusIndicator;
}

/** A task with free content. */
export interface CustomTask extends BaseTask {
  type: "custom";
  title?: string | null;
  icon?: IconName | null;
  content?: string | null;
}

/** A web search with its queries and sources. */
export interface WebSearchTask extends BaseTask {
  type: "web_search";
  title?: string | null;
  title_query?: string | null;
  queries?: string[];
  sources?: URLSource[];
}

/** A reasoning summary. */
export interface ThoughtTask extends BaseTask {
  type: "thought";
  title?: string | null;
  content: string;
}

/** A file search with its sources. */
export interface FileTask extends BaseTask {
  type: "file";
  title?: string | null;
  sources?: FileSource[];
}

/** An image task. */
export interface ImageTask extends BaseTask {
  type: "image";
  title?: string | null;
}

/** Any task. */
export type Task = CustomTask | WebSearchTask | ThoughtTask | FileTask | ImageTask;

/** A titled summary of a workflow. */
export interface CustomSummary {
  title: string;
  icon?: IconName | null;
}

/** A "worked for N seconds" summary of a workflow. */
export interface DurationSummary {
  /** Seconds. */
  duration: number;
}

/** A group of tasks ("task group" in the hosted REST API). */
export interface Workflow {
  type: "custom" | "reasoning";
  tasks: Task[];
  summary?: CustomSummary | DurationSummary | null;
  /** Default `false`. */
  expanded?: boolean;
}

/** A single task shown on its own. */
export interface TaskItem extends ThreadItemBase {
  type: "task";
  task: Task;
}

/** A workflow (task group). */
export interface WorkflowItem extends ThreadItemBase {
  type: "workflow";
  workflow: Workflow;
}

/** Marks the end of the assistant's turn. */
export interface EndOfTurnItem extends ThreadItemBase {
  type: "end_of_turn";
}

/**
 * An item whose type this version of threadkit does not know. It is kept (never dropped) and
 * rendered by a visible fallback. `raw` is the item exactly as received.
 */
export interface UnknownThreadItem extends ThreadItemBase {
  type: "unknown";
  /** The type the server sent. */
  original_type: string;
  raw: JsonObject;
}

/** Every canonical thread item. */
export type ThreadItem =
  | UserMessageItem
  | AssistantMessageItem
  | ClientToolCallItem
  | WidgetItem
  | GeneratedImageItem
  | StructuredInputItem
  | WorkflowItem
  | TaskItem
  | EndOfTurnItem
  | UnknownThreadItem;

/** The `type` of every canonical thread item. */
export type ThreadItemType = ThreadItem["type"];

/** The item types the ChatKit protocol defines and threadkit renders. */
export const THREAD_ITEM_TYPES = [
  "user_message",
  "assistant_message",
  "client_tool_call",
  "widget",
  "generated_image",
  "structured_input",
  "workflow",
  "task",
  "end_of_turn",
] as const;

/** Widget node shape re-exported for item renderers. */
export type { WidgetComponent, WidgetRoot };

/** Whether `type` names an item type of the ChatKit protocol that threadkit renders. */
export function isKnownThreadItemType(type: string): type is (typeof THREAD_ITEM_TYPES)[number] {
  return (THREAD_ITEM_TYPES as readonly string[]).includes(type);
}
