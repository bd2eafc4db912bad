/**
 * Assistants API v2 wire types (`OpenAI-Beta: assistants=v2`), snake_case as the server sends
 * them, timestamps in unix seconds. They mirror the API reference; closed string sets that the
 * server may extend (error codes, reasons) also accept any string.
 */

/** Up to 16 string key-value pairs attached to an object. */
export type Metadata = { [key: string]: string };

/** A JSON schema object (function parameters, response formats). */
export type JsonSchemaObject = { [key: string]: unknown };

/* ----------------------------------------------------------------------------------------------
 * Tools and assistants
 * -------------------------------------------------------------------------------------------- */

/** The code interpreter tool. */
export interface CodeInterpreterTool {
  type: "code_interpreter";
}

/** The file search tool and its settings. */
export interface FileSearchTool {
  type: "file_search";
  file_search?: {
    /** 1..50; default 20 (gpt-4*) or 5 (gpt-3.5-turbo). */
    max_num_results?: number;
    ranking_options?: {
      /** 0..1. */
      score_threshold: number;
      ranker?: "auto" | "default_2024_08_21" | (string & {});
    };
  };
}

/** A function the model may call. */
export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: JsonSchemaObject;
  strict?: boolean | null;
}

/** The function tool. */
export interface FunctionTool {
  type: "function";
  function: FunctionDefinition;
}

/** A tool an assistant or run can use. */
export type AssistantTool = CodeInterpreterTool | FileSearchTool | FunctionTool;

/** Output format of an assistant or run. */
export type AssistantResponseFormatOption =
  | "auto"
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      json_schema: {
        name: string;
        description?: string;
        schema?: JsonSchemaObject;
        strict?: boolean | null;
      };
    };

/** Which tool the model must call. */
export type AssistantToolChoiceOption =
  | "none"
  | "auto"
  | "required"
  | {
      type: "function" | "code_interpreter" | "file_search";
      function?: { name: string };
    };

/** Files available to an assistant's or thread's tools. */
export interface ToolResources {
  code_interpreter?: { file_ids?: string[] };
  file_search?: { vector_store_ids?: string[] };
}

/** An assistant (`object: "assistant"`). */
export interface Assistant {
  id: string;
  object: "assistant";
  /** Unix seconds. */
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: AssistantTool[];
  tool_resources?: ToolResources | null;
  metadata: Metadata | null;
  temperature?: number | null;
  top_p?: number | null;
  response_format?: AssistantResponseFormatOption | null;
}

/** Answer of `DELETE /assistants/{id}`. */
export interface AssistantDeleted {
  id: string;
  object: "assistant.deleted";
  deleted: boolean;
}

/* ----------------------------------------------------------------------------------------------
 * Threads
 * -------------------------------------------------------------------------------------------- */

/** An Assistants thread (`object: "thread"`). */
export interface AssistantThread {
  id: string;
  object: "thread";
  /** Unix seconds. */
  created_at: number;
  tool_resources: ToolResources | null;
  metadata: Metadata | null;
}

/** An uploaded file (`POST /files`, `GET /files/{id}`). */
export interface AssistantFile {
  id: string;
  object: "file";
  /** Size in bytes. */
  bytes: number;
  /** Unix seconds. */
  created_at: number;
  filename: string;
  /** `assistants` for files messages and tools use. */
  purpose: string;
}

/** Answer of `DELETE /files/{id}`. */
export interface AssistantFileDeleted {
  id: string;
  object: "file";
  deleted: boolean;
}

/** Answer of `DELETE /threads/{id}`. */
export interface AssistantThreadDeleted {
  id: string;
  object: "thread.deleted";
  deleted: boolean;
}

/* ----------------------------------------------------------------------------------------------
 * Messages
 * -------------------------------------------------------------------------------------------- */

/** A citation of a file the file search tool found. */
export interface FileCitationAnnotation {
  type: "file_citation";
  /** The text in the message content that is replaced (e.g. `【4:0†source】`). */
  text: string;
  file_citation: { file_id: string; quote?: string };
  start_index: number;
  end_index: number;
}

/** A path to a file the code interpreter generated. */
export interface FilePathAnnotation {
  type: "file_path";
  text: string;
  file_path: { file_id: string };
  start_index: number;
  end_index: number;
}

/** An annotation of message text. */
export type MessageAnnotation = FileCitationAnnotation | FilePathAnnotation;

/** Text content of a message. */
export interface TextContentBlock {
  type: "text";
  text: { value: string; annotations: MessageAnnotation[] };
}

/** Image detail level. */
export type ImageDetail = "auto" | "low" | "high";

/** An image file in a message. */
export interface ImageFileContentBlock {
  type: "image_file";
  image_file: { file_id: string; detail?: ImageDetail };
}

/** An external image in a message. */
export interface ImageURLContentBlock {
  type: "image_url";
  image_url: { url: string; detail?: ImageDetail };
}

/** A refusal by the model. */
export interface RefusalContentBlock {
  type: "refusal";
  refusal: string;
}

/** A content block of a message. */
export type MessageContent =
  | TextContentBlock
  | ImageFileContentBlock
  | ImageURLContentBlock
  | RefusalContentBlock;

/** A content block of a message being created. */
export type MessageContentPartParam =
  | ImageFileContentBlock
  | ImageURLContentBlock
  | { type: "text"; text: string };

/** A file attached to a message, and the tools it is added to. */
export interface MessageAttachment {
  file_id?: string;
  tools?: ({ type: "code_interpreter" } | { type: "file_search" })[];
}

/** Why a message ended incomplete. */
export type MessageIncompleteReason =
  | "content_filter"
  | "max_tokens"
  | "run_cancelled"
  | "run_expired"
  | "run_failed"
  | (string & {});

/** A message of a thread (`object: "thread.message"`). */
export interface Message {
  id: string;
  object: "thread.message";
  /** Unix seconds. */
  created_at: number;
  thread_id: string;
  status: "in_progress" | "incomplete" | "completed";
  incomplete_details: { reason: MessageIncompleteReason } | null;
  completed_at: number | null;
  incomplete_at: number | null;
  role: "user" | "assistant";
  content: MessageContent[];
  assistant_id: string | null;
  run_id: string | null;
  attachments: MessageAttachment[] | null;
  metadata: Metadata | null;
}

/** Answer of `DELETE /threads/{thread_id}/messages/{id}`. */
export interface MessageDeleted {
  id: string;
  object: "thread.message.deleted";
  deleted: boolean;
}

/** A piece of a file citation while it streams. */
export interface FileCitationDeltaAnnotation {
  index: number;
  type: "file_citation";
  text?: string;
  file_citation?: { file_id?: string; quote?: string };
  start_index?: number;
  end_index?: number;
}

/** A piece of a file path annotation while it streams. */
export interface FilePathDeltaAnnotation {
  index: number;
  type: "file_path";
  text?: string;
  file_path?: { file_id?: string };
  start_index?: number;
  end_index?: number;
}

/** A piece of an annotation while it streams. */
export type MessageAnnotationDelta = FileCitationDeltaAnnotation | FilePathDeltaAnnotation;

/** A piece of text content; `value` is appended to the content at `index`. */
export interface TextDeltaBlock {
  index: number;
  type: "text";
  text?: { value?: string; annotations?: MessageAnnotationDelta[] };
}

/** A piece of image file content. */
export interface ImageFileDeltaBlock {
  index: number;
  type: "image_file";
  image_file?: { file_id?: string; detail?: ImageDetail };
}

/** A piece of image URL content. */
export interface ImageURLDeltaBlock {
  index: number;
  type: "image_url";
  image_url?: { url?: string; detail?: ImageDetail };
}

/** A piece of a refusal. */
export interface RefusalDeltaBlock {
  index: number;
  type: "refusal";
  refusal?: string;
}

/** A piece of message content. */
export type MessageContentDelta =
  | TextDeltaBlock
  | ImageFileDeltaBlock
  | ImageURLDeltaBlock
  | RefusalDeltaBlock;

/** The fields of a message that changed. */
export interface MessageDelta {
  role?: "user" | "assistant";
  content?: MessageContentDelta[];
}

/** `thread.message.delta` data. */
export interface MessageDeltaEvent {
  id: string;
  object: "thread.message.delta";
  delta: MessageDelta;
}

/* ----------------------------------------------------------------------------------------------
 * Runs
 * -------------------------------------------------------------------------------------------- */

/** Every status a run can have. */
export type RunStatus =
  | "queued"
  | "in_progress"
  | "requires_action"
  | "cancelling"
  | "cancelled"
  | "failed"
  | "completed"
  | "incomplete"
  | "expired";

/** A function call the run waits for (`required_action.submit_tool_outputs.tool_calls[]`). */
export interface RequiredActionFunctionToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** Token usage of a run or run step. */
export interface RunUsage {
  completion_tokens: number;
  prompt_tokens: number;
  total_tokens: number;
}

/** How a thread is truncated before a run. */
export interface TruncationStrategy {
  type: "auto" | "last_messages";
  last_messages?: number | null;
}

/** A run of an assistant on a thread (`object: "thread.run"`). */
export interface Run {
  id: string;
  object: "thread.run";
  /** Unix seconds. */
  created_at: number;
  thread_id: string;
  assistant_id: string;
  status: RunStatus;
  required_action: {
    type: "submit_tool_outputs";
    submit_tool_outputs: { tool_calls: RequiredActionFunctionToolCall[] };
  } | null;
  last_error: {
    code: "server_error" | "rate_limit_exceeded" | "invalid_prompt" | (string & {});
    message: string;
  } | null;
  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  incomplete_details: {
    reason?: "max_completion_tokens" | "max_prompt_tokens" | (string & {});
  } | null;
  model: string;
  /** `null` in recorded streams of the real API, though the API reference types it `string`. */
  instructions: string | null;
  tools: AssistantTool[];
  metadata: Metadata | null;
  usage: RunUsage | null;
  temperature?: number | null;
  top_p?: number | null;
  max_prompt_tokens: number | null;
  max_completion_tokens: number | null;
  truncation_strategy: TruncationStrategy | null;
  tool_choice: AssistantToolChoiceOption | null;
  parallel_tool_calls: boolean;
  response_format: AssistantResponseFormatOption | null;
}

/* ----------------------------------------------------------------------------------------------
 * Run steps
 * -------------------------------------------------------------------------------------------- */

/** A step that created a message. */
export interface MessageCreationStepDetails {
  type: "message_creation";
  message_creation: { message_id: string };
}

/** Log output of the code interpreter. */
export interface CodeInterpreterLogOutput {
  type: "logs";
  logs: string;
}

/** Image output of the code interpreter. */
export interface CodeInterpreterImageOutput {
  type: "image";
  image: { file_id: string };
}

/** A code interpreter call. */
export interface CodeInterpreterToolCall {
  id: string;
  type: "code_interpreter";
  code_interpreter: {
    input: string;
    outputs: (CodeInterpreterLogOutput | CodeInterpreterImageOutput)[];
  };
}

/** Ranking settings of a file search. */
export interface FileSearchRankingOptions {
  ranker: "auto" | "default_2024_08_21" | (string & {});
  score_threshold: number;
}

/** One file search result. */
export interface FileSearchResult {
  file_id: string;
  file_name: string;
  score: number;
  content?: { type?: "text"; text?: string }[];
}

/** A file search call. */
export interface FileSearchToolCall {
  id: string;
  type: "file_search";
  file_search: {
    ranking_options?: FileSearchRankingOptions;
    results?: FileSearchResult[];
  };
}

/** A function call; `output` is set once tool outputs are submitted. */
export interface FunctionToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string; output: string | null };
}

/** A tool call of a run step. */
export type ToolCall = CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall;

/** A step that called tools. */
export interface ToolCallsStepDetails {
  type: "tool_calls";
  tool_calls: ToolCall[];
}

/** Every status a run step can have. */
export type RunStepStatus = "in_progress" | "cancelled" | "failed" | "completed" | "expired";

/** A step of a run (`object: "thread.run.step"`). */
export interface RunStep {
  id: string;
  object: "thread.run.step";
  /** Unix seconds. */
  created_at: number;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  type: "message_creation" | "tool_calls";
  status: RunStepStatus;
  step_details: MessageCreationStepDetails | ToolCallsStepDetails;
  last_error: {
    code: "server_error" | "rate_limit_exceeded" | (string & {});
    message: string;
  } | null;
  expired_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  metadata: Metadata | null;
  usage: RunUsage | null;
}

/** Log output while it streams. */
export interface CodeInterpreterLogsDelta {
  index: number;
  type: "logs";
  logs?: string;
}

/** Image output while it streams. */
export interface CodeInterpreterImageDelta {
  index: number;
  type: "image";
  image?: { file_id?: string };
}

/** A piece of a code interpreter call. */
export interface CodeInterpreterToolCallDelta {
  index: number;
  type: "code_interpreter";
  id?: string;
  code_interpreter?: {
    input?: string;
    outputs?: (CodeInterpreterLogsDelta | CodeInterpreterImageDelta)[];
  };
}

/** A piece of a file search call (the API sends `{}` or partial file search data). */
export interface FileSearchToolCallDelta {
  index: number;
  type: "file_search";
  id?: string;
  file_search: unknown;
}

/** A piece of a function call; `arguments` fragments are appended. */
export interface FunctionToolCallDelta {
  index: number;
  type: "function";
  id?: string;
  function?: { name?: string; arguments?: string; output?: string | null };
}

/** A piece of a tool call. */
export type ToolCallDelta =
  | CodeInterpreterToolCallDelta
  | FileSearchToolCallDelta
  | FunctionToolCallDelta;

/** The fields of a run step that changed. */
export interface RunStepDelta {
  step_details?:
    | { type: "message_creation"; message_creation?: { message_id?: string } }
    | { type: "tool_calls"; tool_calls?: ToolCallDelta[] };
}

/** `thread.run.step.delta` data. */
export interface RunStepDeltaEvent {
  id: string;
  object: "thread.run.step.delta";
  delta: RunStepDelta;
}

/* ----------------------------------------------------------------------------------------------
 * Stream events
 * -------------------------------------------------------------------------------------------- */

/** The error object of an `error` stream event. */
export interface AssistantErrorObject {
  message: string;
  type: string;
  code: string | null;
  param: string | null;
}

/** Run event names. */
export type RunEventName =
  | "thread.run.created"
  | "thread.run.queued"
  | "thread.run.in_progress"
  | "thread.run.requires_action"
  | "thread.run.completed"
  | "thread.run.incomplete"
  | "thread.run.failed"
  | "thread.run.cancelling"
  | "thread.run.cancelled"
  | "thread.run.expired";

/** Run step event names (except the delta). */
export type RunStepEventName =
  | "thread.run.step.created"
  | "thread.run.step.in_progress"
  | "thread.run.step.completed"
  | "thread.run.step.failed"
  | "thread.run.step.cancelled"
  | "thread.run.step.expired";

/** Message event names (except the delta). */
export type MessageEventName =
  | "thread.message.created"
  | "thread.message.in_progress"
  | "thread.message.completed"
  | "thread.message.incomplete";

/** Every event of an Assistants run stream (`event:` name + JSON `data:`). */
export type AssistantStreamEvent =
  | { event: "thread.created"; data: AssistantThread; enabled?: boolean }
  | { [E in RunEventName]: { event: E; data: Run } }[RunEventName]
  | { [E in RunStepEventName]: { event: E; data: RunStep } }[RunStepEventName]
  | { event: "thread.run.step.delta"; data: RunStepDeltaEvent }
  | { [E in MessageEventName]: { event: E; data: Message } }[MessageEventName]
  | { event: "thread.message.delta"; data: MessageDeltaEvent }
  | { event: "error"; data: AssistantErrorObject }
  | { event: "done"; data: "[DONE]" };

/** Names of every known Assistants stream event. */
export type AssistantStreamEventName = AssistantStreamEvent["event"];

/**
 * An Assistants stream event this version does not know (the API adds events). Consumers skip
 * it; `data` is kept as received (parsed JSON, or the text when it was not JSON).
 */
export interface UnknownAssistantStreamEvent {
  event: "unknown";
  original_event: string;
  data: unknown;
}

/* ----------------------------------------------------------------------------------------------
 * Pages and params
 * -------------------------------------------------------------------------------------------- */

/** A cursor page of the OpenAI API (`object: "list"`). */
export interface CursorPage<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** Query parameters of every Assistants list endpoint. */
export interface AssistantsListParams {
  /** 1..100, default 20. */
  limit?: number;
  /** Default `"desc"`. */
  order?: "asc" | "desc";
  after?: string;
  before?: string;
}

/** A message to create (in a thread, or with a run). */
export interface MessageCreateParams {
  role: "user" | "assistant";
  content: string | MessageContentPartParam[];
  attachments?: MessageAttachment[] | null;
  metadata?: Metadata | null;
}

/** Files for a new thread's tools (vector stores may be created inline). */
export interface ThreadToolResourcesParam {
  code_interpreter?: { file_ids?: string[] };
  file_search?: {
    vector_store_ids?: string[];
    vector_stores?: {
      file_ids?: string[];
      chunking_strategy?:
        | { type: "auto" }
        | {
            type: "static";
            static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number };
          };
      metadata?: Metadata | null;
    }[];
  };
}

/** Body of `POST /assistants`. */
export interface AssistantCreateParams {
  model: string;
  name?: string | null;
  description?: string | null;
  instructions?: string | null;
  reasoning_effort?: "minimal" | "low" | "medium" | "high" | (string & {}) | null;
  tools?: AssistantTool[];
  tool_resources?: ThreadToolResourcesParam | null;
  metadata?: Metadata | null;
  temperature?: number | null;
  top_p?: number | null;
  response_format?: AssistantResponseFormatOption | null;
}

/** Body of `POST /assistants/{id}`. */
export type AssistantUpdateParams = Partial<AssistantCreateParams>;

/** Body of `POST /threads`. */
export interface ThreadCreateParams {
  messages?: MessageCreateParams[];
  tool_resources?: ThreadToolResourcesParam | null;
  metadata?: Metadata | null;
}

/** Body of `POST /threads/{id}`. */
export interface ThreadUpdateParams {
  tool_resources?: ToolResources | null;
  metadata?: Metadata | null;
}

/** Fields shared by run creation bodies. */
export interface RunParamsBase {
  assistant_id: string;
  model?: string | null;
  instructions?: string | null;
  tools?: AssistantTool[] | null;
  metadata?: Metadata | null;
  temperature?: number | null;
  top_p?: number | null;
  max_prompt_tokens?: number | null;
  max_completion_tokens?: number | null;
  truncation_strategy?: TruncationStrategy | null;
  tool_choice?: AssistantToolChoiceOption | null;
  parallel_tool_calls?: boolean;
  response_format?: AssistantResponseFormatOption | null;
}

/** Body of `POST /threads/{thread_id}/runs` (without `stream`; the client sets it). */
export interface RunCreateParams extends RunParamsBase {
  additional_instructions?: string | null;
  additional_messages?: MessageCreateParams[] | null;
  reasoning_effort?: "minimal" | "low" | "medium" | "high" | (string & {}) | null;
  /** Query parameter `include[]`, e.g. file search result content. */
  include?: "step_details.tool_calls[*].file_search.results[*].content"[];
}

/** Body of `POST /threads/runs` (without `stream`). */
export interface ThreadCreateAndRunParams extends RunParamsBase {
  thread?: ThreadCreateParams;
  tool_resources?: ToolResources | null;
}

/** Body of `POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs` (without `stream`). */
export interface SubmitToolOutputsParams {
  tool_outputs: { tool_call_id?: string; output?: string }[];
}
