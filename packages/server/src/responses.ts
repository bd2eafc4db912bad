/**
 * OpenAI Responses API streams into ChatKit events (Python: `stream_agent_response`), typed by
 * shape so that no `openai` package is needed at run time.
 */
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  ClientToolCallItem,
  FileSource,
  GeneratedImageItem,
  JsonObject,
  Task,
  URLSource,
} from "@threadkit/core";
import { decodeServerSentEvents, type ServerSentEventsBody } from "@threadkit/core";
import type { RespondContext, WorkflowHandle } from "./context";
import { events } from "./events";
import type { ServerStreamEvent } from "./types";

/**
 * One event of a Responses API stream, as the `openai` SDK yields it
 * (`client.responses.create({ stream: true })`) or as parsed from the SSE `data:` lines. Only
 * `type` is required here; the fields each event type carries are read by shape.
 */
export interface ResponsesStreamEvent {
  type: string;
}

/** A Responses `url_citation` annotation. */
export interface ResponsesUrlCitation {
  type: "url_citation";
  url: string;
  title: string;
  start_index: number;
  end_index: number;
}

/** A Responses `file_citation` annotation. */
export interface ResponsesFileCitation {
  type: "file_citation";
  file_id: string;
  filename?: string | null;
  index: number;
}

/** A Responses `container_file_citation` annotation (code interpreter files). */
export interface ResponsesContainerFileCitation {
  type: "container_file_citation";
  container_id: string;
  file_id: string;
  filename?: string | null;
  start_index: number;
  end_index: number;
}

/** A Responses annotation this converter understands (others, such as `file_path`, are skipped). */
export type ResponsesAnnotation =
  | ResponsesUrlCitation
  | ResponsesFileCitation
  | ResponsesContainerFileCitation;

/** A `function_call` output item: a call of one of the request's `tools`. */
export interface ResponsesFunctionCall {
  /** The Responses item id (`fc_…`). */
  id: string;
  /** The id the model expects back in `function_call_output`. */
  call_id: string;
  name: string;
  /** The arguments as the model wrote them (a JSON string). */
  arguments: string;
}

/** What a server tool receives besides its parsed arguments. */
export interface ServerToolCall<C = unknown> {
  /** The Responses function call. */
  call: ResponsesFunctionCall;
  /** The respond context (store, signal, request context…). */
  ctx: RespondContext<C>;
}

/**
 * A tool run on the server. Its return value becomes the `function_call_output` sent back to
 * the model (strings as they are, anything else as JSON).
 */
export type ServerTool<C = unknown> = (
  args: JsonObject,
  call: ServerToolCall<C>,
) => unknown | Promise<unknown>;

/** A `function_call_output` input item for the next `responses.create`. */
export interface ResponsesFunctionCallOutput {
  type: "function_call_output";
  call_id: string;
  output: string;
}

/** Options of {@link streamResponsesApi}. */
export interface StreamResponsesApiOptions<C = unknown> {
  /**
   * Tools run on the server, by function name. Their outputs are returned in
   * {@link StreamResponsesApiResult.toolOutputs}; call the model again with them. A function call
   * whose name is not here becomes a pending client tool call (answered by the browser through
   * `threads.add_client_tool_output`).
   */
  serverTools?: Record<string, ServerTool<C>>;
  /**
   * The number of partial images the request asked for (`partial_images` of the
   * `image_generation` tool): partial image `i` reports progress `i / partialImages`. Without
   * it, progress is 0 (as in the Python SDK).
   */
  partialImages?: number;
  /**
   * The URL stored for a generated image. Default: a `data:` URL of the base64 bytes (with the
   * type sniffed from the bytes). Upload to your storage here to keep the store small.
   */
  imageUrl?: (image: {
    /** The Responses image generation call id (stable across partial images). */
    id: string;
    base64: string;
    mimeType: string;
    /** Set for a partial image. */
    partialIndex?: number;
  }) => string | Promise<string>;
  /** Converts a Responses annotation; return `null` to drop it. Default: see {@link convertResponsesAnnotation}. */
  annotation?: (annotation: ResponsesAnnotation) => Annotation | null;
  /**
   * The `error` event sent when the model stream fails (`error`, `response.failed`) or stops
   * short (`response.incomplete`). Default: the generic retryable `stream.error` for failures
   * (the API's message is not shown to users) and a custom message naming the reason of an
   * incomplete response.
   */
  errorEvent?: (failure: ResponsesFailure) => ServerStreamEvent | null;
  /** Stops reading the model stream when aborted. Default: `ctx.signal`. */
  signal?: AbortSignal;
}

/** Why a Responses stream did not complete. */
export type ResponsesFailure =
  | { kind: "error"; code: string | null; message: string }
  | { kind: "failed"; code: string | null; message: string }
  | { kind: "incomplete"; reason: string | null };

/** What {@link streamResponsesApi} returns when the stream is over. */
export interface StreamResponsesApiResult {
  /** The Responses `id` (`resp_…`), for `previous_response_id`. */
  responseId: string | null;
  /** `completed`, `incomplete`, `failed`, `cancelled` (aborted), or `ended` (no terminal event). */
  status: "completed" | "incomplete" | "failed" | "cancelled" | "ended";
  /** Outputs of the server tools run during the stream, to send back to the model. */
  toolOutputs: ResponsesFunctionCallOutput[];
  /** The client tool calls emitted at the end of the stream. */
  clientToolCalls: ClientToolCallItem[];
  /**
   * The workflow left open for the next round: only when server tools ran (so the model is
   * called again). The next `streamResponsesApi` call with the same `ctx` continues it and closes
   * it. Otherwise `null`: the workflow was closed.
   */
  workflow: WorkflowHandle | null;
  /** The assistant messages completed during the stream. */
  messages: AssistantMessageItem[];
}

/**
 * The default conversion of a Responses annotation (the Python SDK's): a `url_citation` becomes
 * a URL source at its `end_index`; a `file_citation` (with a filename) a file source at its
 * `index`; a `container_file_citation` a file source at its `end_index`.
 */
export function convertResponsesAnnotation(annotation: ResponsesAnnotation): Annotation | null {
  switch (annotation.type) {
    case "url_citation": {
      const source: URLSource = { type: "url", url: annotation.url, title: annotation.title };
      return { type: "annotation", source, index: annotation.end_index };
    }
    case "file_citation": {
      if (!annotation.filename) return null;
      const source: FileSource = {
        type: "file",
        filename: annotation.filename,
        title: annotation.filename,
      };
      return { type: "annotation", source, index: annotation.index };
    }
    case "container_file_citation": {
      if (!annotation.filename) return null;
      const source: FileSource = {
        type: "file",
        filename: annotation.filename,
        title: annotation.filename,
      };
      return { type: "annotation", source, index: annotation.end_index };
    }
    default:
      return null;
  }
}

/** The MIME type of base64 image bytes, from their first bytes (PNG when unknown). */
export function sniffImageType(base64: string): string {
  if (base64.startsWith("/9j/")) return "image/jpeg";
  if (base64.startsWith("UklGR")) return "image/webp";
  if (base64.startsWith("R0lGOD")) return "image/gif";
  return "image/png";
}

/**
 * Reads a Responses API SSE body (e.g. `fetch("…/v1/responses", …)` with `stream: true`) into
 * events for {@link streamResponsesApi}. Each `data:` line is one JSON event; `[DONE]` ends the
 * stream; data that is not a JSON object with a `type` throws an `Error` naming it.
 */
export async function* readResponsesSse(
  body: ServerSentEventsBody,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<ResponsesStreamEvent, void, undefined> {
  for await (const message of decodeServerSentEvents(body, options)) {
    if (message.data === "[DONE]") return;
    if (message.data === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      throw new Error(`Responses stream: an event is not JSON: ${message.data.slice(0, 200)}`);
    }
    if (
      typeof parsed !== "object" ||
      parsed === null ||
      typeof (parsed as { type?: unknown }).type !== "string"
    ) {
      throw new Error(`Responses stream: an event has no type: ${message.data.slice(0, 200)}`);
    }
    yield parsed as ResponsesStreamEvent;
  }
}

// The shapes read from the stream (a subset of the `openai` SDK's types).
interface OutputItem {
  id?: string;
  type: string;
  [key: string]: unknown;
}
interface ContentPart {
  type: string;
  text?: string;
  refusal?: string;
  annotations?: unknown[];
}
interface MessageOutput extends OutputItem {
  content?: ContentPart[];
}
interface WebSearchAction {
  type: string;
  query?: string;
  queries?: string[];
  sources?: { type: string; url?: string }[];
  url?: string | null;
  pattern?: string;
}
type Ev = { type: string } & Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number => (typeof value === "number" ? value : 0);

function defaultErrorEvent(failure: ResponsesFailure): ServerStreamEvent {
  if (failure.kind === "incomplete") {
    const why =
      failure.reason === "max_output_tokens"
        ? "it reached the maximum output length"
        : failure.reason === "content_filter"
          ? "it was stopped by the content filter"
          : "it stopped early";
    return events.error({ message: `The answer is incomplete: ${why}.`, allowRetry: true });
  }
  return events.error({ allowRetry: true });
}

/** The web search task of a finished `web_search_call`. */
function webSearchTask(action: WebSearchAction | undefined): Task {
  const sources: URLSource[] = [];
  for (const source of action?.sources ?? []) {
    if (source.type === "url" && source.url) {
      sources.push({ type: "url", url: source.url, title: source.url });
    }
  }
  if (action?.type === "open_page" && action.url) {
    sources.push({ type: "url", url: action.url, title: action.url });
  }
  if (action?.type === "find_in_page" && action.url) {
    sources.push({ type: "url", url: action.url, title: action.url });
  }
  const queries = action?.queries ?? (action?.query ? [action.query] : []);
  const task: Task = { type: "web_search", status_indicator: "complete" };
  if (action?.type === "search") {
    if (queries[0] !== undefined) task.title_query = queries[0];
    task.queries = queries;
  } else if (action?.type === "open_page") {
    task.title = "Opened a page";
  } else if (action?.type === "find_in_page") {
    task.title = action.pattern ? `Looked for “${action.pattern}” in a page` : "Looked in a page";
  }
  if (sources.length > 0) task.sources = sources;
  return task;
}

/** The file search task of a finished `file_search_call`. */
function fileSearchTask(item: OutputItem): Task {
  const seen = new Set<string>();
  const sources: FileSource[] = [];
  const results = Array.isArray(item.results) ? (item.results as { filename?: unknown }[]) : [];
  for (const result of results) {
    const filename = str(result.filename);
    if (!filename || seen.has(filename)) continue;
    seen.add(filename);
    sources.push({ type: "file", filename, title: filename });
  }
  const queries = Array.isArray(item.queries)
    ? item.queries.filter((q) => typeof q === "string")
    : [];
  const task: Task = {
    type: "file",
    title: queries[0] ?? "Searched files",
    status_indicator: "complete",
  };
  if (sources.length > 0) task.sources = sources;
  return task;
}

// The workflow a round left open for the next call with the same respond context.
const openWorkflows = new WeakMap<object, WorkflowHandle>();

/**
 * Converts an OpenAI Responses API stream into ChatKit events, in the spirit of the Python
 * SDK's `stream_agent_response`:
 *
 * - a `message` output item streams as an assistant message: `thread.item.added`,
 *   `content_part.added`, one `text_delta` per `response.output_text.delta`,
 *   `annotation_added` per URL or file citation, `content_part.done`, `thread.item.done`;
 * - `reasoning` items open a reasoning workflow whose summaries stream as thought tasks;
 *   `web_search_call` and `file_search_call` items become web-search and file tasks of the
 *   open workflow (opening one when none is); the workflow closes (collapsed, with its
 *   duration) when a message or an image starts, or at the end of the stream;
 * - an `image_generation_call` streams as a generated image item, partial images as
 *   `generated_image.updated`;
 * - a `function_call` runs the matching {@link StreamResponsesApiOptions.serverTools} entry,
 *   or else becomes a pending client tool call emitted when the stream ends;
 * - `error`, `response.failed` and `response.incomplete` yield one `error` event;
 * - aborting `signal` (default `ctx.signal`) stops reading and aborts the SDK stream's request.
 *
 * Item ids are new ChatKit ids (`ctx.newId`), not the Responses ids. Returns what the caller
 * needs for another round: the response id and the server tool outputs. When server tools ran,
 * the workflow stays open and the next call with the same `ctx` (the next round) continues it.
 *
 * @example
 * async *respond(thread, input, ctx) {
 *   const stream = await openai.responses.create(
 *     { model: "gpt-5-mini", input: toModelInput(await ctx.loadAllItems()), stream: true },
 *     { signal: ctx.signal },
 *   );
 *   yield* streamResponsesApi(stream, ctx);
 * }
 */
export async function* streamResponsesApi<C>(
  stream: AsyncIterable<ResponsesStreamEvent>,
  ctx: RespondContext<C>,
  options: StreamResponsesApiOptions<C> = {},
): AsyncGenerator<ServerStreamEvent, StreamResponsesApiResult, undefined> {
  const signal = options.signal ?? ctx.signal;
  const convertAnnotation = options.annotation ?? convertResponsesAnnotation;
  const errorEventOf = options.errorEvent ?? defaultErrorEvent;
  const result: StreamResponsesApiResult = {
    responseId: null,
    status: "ended",
    toolOutputs: [],
    clientToolCalls: [],
    workflow: null,
    messages: [],
  };

  // Responses item id → ChatKit item id.
  const ids = new Map<string, string>();
  // ChatKit message id → content parts as they stream (text, annotations).
  const parts = new Map<string, AssistantMessageContent[]>();
  // ChatKit message id → the message as added (open until its `output_item.done`).
  const openMessages = new Map<string, AssistantMessageItem>();
  const images = new Map<string, GeneratedImageItem>();
  // Responses item id → the index of its task in the workflow.
  const searchTasks = new Map<string, number>();
  // The thought streaming now: Responses reasoning item id, summary index, task index.
  let thought: { itemId: string; summaryIndex: number; taskIndex: number; text: string } | null =
    null;
  let workflow: WorkflowHandle | null = openWorkflows.get(ctx) ?? null;
  openWorkflows.delete(ctx);
  const pendingClientCalls: ClientToolCallItem[] = [];

  const openWorkflow = function* (type: "reasoning" | "custom") {
    if (workflow) return workflow;
    workflow = ctx.workflow({ type });
    yield workflow.start();
    return workflow;
  };
  const closeWorkflow = function* () {
    if (!workflow) return;
    const done = workflow.end();
    workflow = null;
    thought = null;
    searchTasks.clear();
    yield done;
  };
  // The first failure; its error event goes out last, after what arrived is kept.
  let failure: ResponsesFailure | null = null;
  const fail = (reason: ResponsesFailure) => {
    failure ??= reason;
  };
  const imageUrl = async (id: string, base64: string, partialIndex?: number) => {
    const image = { id, base64, mimeType: sniffImageType(base64) };
    if (options.imageUrl) {
      return options.imageUrl(partialIndex === undefined ? image : { ...image, partialIndex });
    }
    return `data:${image.mimeType};base64,${base64}`;
  };

  // Abort the SDK's request too (its `Stream` has a `controller`), not only the iteration.
  const controller = (stream as { controller?: { abort?: () => void } }).controller;
  let iterator: AsyncIterator<ResponsesStreamEvent> | null = null;
  const onAbort = () => controller?.abort?.();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    if (signal.aborted) {
      onAbort();
      result.status = "cancelled";
      return result;
    }
    iterator = stream[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ResponsesStreamEvent>;
      try {
        next = await iterator.next();
      } catch (error) {
        // The SDK throws an `APIError` for an `error` event, and an abort error when aborted.
        iterator = null;
        if (signal.aborted) break;
        const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
        result.status = "failed";
        fail({ kind: "error", code: str(code), message: str(message) ?? String(error) });
        break;
      }
      if (next.done) {
        iterator = null;
        break;
      }
      if (signal.aborted) break;
      const event = next.value as Ev;
      switch (event.type) {
        case "response.created":
        case "response.in_progress":
        case "response.queued": {
          const response = event.response as { id?: unknown } | undefined;
          result.responseId = str(response?.id) ?? result.responseId;
          break;
        }
        case "response.completed": {
          const response = event.response as { id?: unknown } | undefined;
          result.responseId = str(response?.id) ?? result.responseId;
          result.status = "completed";
          break;
        }
        case "response.incomplete": {
          const response = event.response as
            | { id?: unknown; incomplete_details?: { reason?: unknown } | null }
            | undefined;
          result.responseId = str(response?.id) ?? result.responseId;
          result.status = "incomplete";
          fail({ kind: "incomplete", reason: str(response?.incomplete_details?.reason) });
          break;
        }
        case "response.failed": {
          const response = event.response as
            | { id?: unknown; error?: { code?: unknown; message?: unknown } | null }
            | undefined;
          result.responseId = str(response?.id) ?? result.responseId;
          result.status = "failed";
          fail({
            kind: "failed",
            code: str(response?.error?.code),
            message: str(response?.error?.message) ?? "",
          });
          break;
        }
        case "error": {
          // The SDK spreads the error's fields onto the event; the wire nests them in `error`.
          const body = (event.error as Record<string, unknown> | undefined) ?? event;
          result.status = "failed";
          fail({ kind: "error", code: str(body.code), message: str(body.message) ?? "" });
          break;
        }

        case "response.output_item.added": {
          const item = event.item as OutputItem;
          const itemId = str(item.id);
          if (!itemId) break;
          if (item.type === "reasoning") {
            yield* openWorkflow("reasoning");
          } else if (item.type === "message") {
            yield* closeWorkflow();
            const message = ctx.assistantMessage([]);
            ids.set(itemId, message.id);
            parts.set(message.id, []);
            openMessages.set(message.id, message);
            yield events.itemAdded(message);
          } else if (item.type === "image_generation_call") {
            yield* closeWorkflow();
            const image: GeneratedImageItem = {
              id: ctx.newId("message"),
              thread_id: ctx.thread.id,
              created_at: ctx.now(),
              type: "generated_image",
            };
            ids.set(itemId, image.id);
            images.set(itemId, image);
            yield events.itemAdded(image);
          } else if (item.type === "web_search_call" || item.type === "file_search_call") {
            const open = yield* openWorkflow("custom");
            const task: Task =
              item.type === "web_search_call"
                ? { type: "web_search", status_indicator: "loading" }
                : { type: "file", title: "Searching files", status_indicator: "loading" };
            yield open.addTask(task);
            searchTasks.set(itemId, open.item.workflow.tasks.length - 1);
          }
          break;
        }

        case "response.content_part.added": {
          const messageId = ids.get(str(event.item_id) ?? "");
          const part = event.part as ContentPart | undefined;
          const list = messageId ? parts.get(messageId) : undefined;
          if (!messageId || !list || !part) break;
          if (part.type !== "output_text" && part.type !== "refusal") break;
          const index = num(event.content_index);
          const content: AssistantMessageContent = {
            type: "output_text",
            text: part.text ?? part.refusal ?? "",
            annotations: [],
          };
          list[index] = content;
          yield events.contentPartAdded(messageId, index, structuredClone(content));
          break;
        }
        case "response.output_text.delta":
        case "response.refusal.delta": {
          const messageId = ids.get(str(event.item_id) ?? "");
          const delta = str(event.delta);
          if (!messageId || !delta) break;
          const index = num(event.content_index);
          const part = parts.get(messageId)?.[index];
          if (part) part.text += delta;
          yield events.textDelta(messageId, index, delta);
          break;
        }
        case "response.output_text.annotation.added": {
          const messageId = ids.get(str(event.item_id) ?? "");
          if (!messageId) break;
          const annotation = convertAnnotation(event.annotation as ResponsesAnnotation);
          const index = num(event.content_index);
          const part = parts.get(messageId)?.[index];
          if (!annotation || !part) break;
          // Indexes count the annotations kept, so dropped ones leave no hole.
          part.annotations.push(annotation);
          yield events.annotationAdded(messageId, index, part.annotations.length - 1, annotation);
          break;
        }
        case "response.output_text.done":
        case "response.refusal.done": {
          const messageId = ids.get(str(event.item_id) ?? "");
          if (!messageId) break;
          const index = num(event.content_index);
          const part = parts.get(messageId)?.[index];
          const text = str(event.text) ?? str(event.refusal) ?? part?.text ?? "";
          const content: AssistantMessageContent = {
            type: "output_text",
            text,
            annotations: part?.annotations ?? [],
          };
          if (part) part.text = text;
          yield events.contentPartDone(messageId, index, structuredClone(content));
          break;
        }

        case "response.reasoning_summary_text.delta": {
          const open = workflow as WorkflowHandle | null;
          const itemId = str(event.item_id);
          const delta = str(event.delta);
          if (!open || !itemId || delta === null) break;
          const summaryIndex = num(event.summary_index);
          if (thought && thought.itemId === itemId && thought.summaryIndex === summaryIndex) {
            thought.text += delta;
            yield open.updateTask(thought.taskIndex, {
              type: "thought",
              content: thought.text,
              status_indicator: "loading",
            });
          } else {
            yield open.addTask({ type: "thought", content: delta, status_indicator: "loading" });
            thought = {
              itemId,
              summaryIndex,
              taskIndex: open.item.workflow.tasks.length - 1,
              text: delta,
            };
          }
          break;
        }
        case "response.reasoning_summary_text.done": {
          const open = workflow as WorkflowHandle | null;
          const itemId = str(event.item_id);
          const text = str(event.text) ?? "";
          if (!open || !itemId) break;
          const summaryIndex = num(event.summary_index);
          const task: Task = { type: "thought", content: text, status_indicator: "complete" };
          const current = thought as typeof thought;
          if (current && current.itemId === itemId && current.summaryIndex === summaryIndex) {
            yield open.updateTask(current.taskIndex, task);
            thought = null;
          } else if (text !== "") {
            yield open.addTask(task);
          }
          break;
        }

        case "response.image_generation_call.partial_image": {
          const itemId = str(event.item_id);
          const base64 = str(event.partial_image_b64);
          const image = itemId ? images.get(itemId) : undefined;
          if (!itemId || !base64 || !image) break;
          const partialIndex = num(event.partial_image_index);
          const url = await imageUrl(itemId, base64, partialIndex);
          // A new object: the one sent in `thread.item.added` stays as it was sent.
          images.set(itemId, { ...image, image: { id: itemId, url } });
          const progress =
            options.partialImages && options.partialImages > 0
              ? Math.min(1, partialIndex / options.partialImages)
              : 0;
          yield events.itemUpdated(image.id, {
            type: "generated_image.updated",
            image: { id: itemId, url },
            progress,
          });
          break;
        }

        case "response.output_item.done": {
          const item = event.item as OutputItem;
          const itemId = str(item.id);
          if (!itemId) break;
          if (item.type === "message") {
            const messageId = ids.get(itemId);
            if (!messageId) break;
            const content: AssistantMessageContent[] = [];
            for (const part of (item as MessageOutput).content ?? []) {
              if (part.type === "output_text") {
                const annotations: Annotation[] = [];
                for (const raw of part.annotations ?? []) {
                  const annotation = convertAnnotation(raw as ResponsesAnnotation);
                  if (annotation) annotations.push(annotation);
                }
                content.push({ type: "output_text", text: part.text ?? "", annotations });
              } else if (part.type === "refusal") {
                content.push({ type: "output_text", text: part.refusal ?? "", annotations: [] });
              }
            }
            const added = openMessages.get(messageId);
            if (!added) break;
            const message: AssistantMessageItem = { ...added, content };
            parts.delete(messageId);
            openMessages.delete(messageId);
            if (content.every((part) => part.text === "")) {
              // Nothing to show (e.g. the empty message after a generated image).
              yield events.itemRemoved(messageId);
              break;
            }
            result.messages.push(message);
            yield events.itemDone(message);
          } else if (item.type === "image_generation_call") {
            const image = images.get(itemId);
            const base64 = str(item.result);
            if (!image) break;
            images.delete(itemId);
            if (!base64) {
              // No image came back: the item never got one to show.
              yield events.itemRemoved(image.id);
              break;
            }
            const done: GeneratedImageItem = {
              ...image,
              image: { id: itemId, url: await imageUrl(itemId, base64) },
            };
            yield events.itemDone(done);
          } else if (item.type === "web_search_call" || item.type === "file_search_call") {
            const index = searchTasks.get(itemId);
            const open = workflow as WorkflowHandle | null;
            if (index === undefined || !open) break;
            searchTasks.delete(itemId);
            yield open.updateTask(
              index,
              item.type === "web_search_call"
                ? webSearchTask(item.action as WebSearchAction | undefined)
                : fileSearchTask(item),
            );
          } else if (item.type === "function_call") {
            const call: ResponsesFunctionCall = {
              id: itemId,
              call_id: str(item.call_id) ?? itemId,
              name: str(item.name) ?? "",
              arguments: str(item.arguments) ?? "",
            };
            let args: JsonObject;
            try {
              const parsed: unknown = call.arguments === "" ? {} : JSON.parse(call.arguments);
              if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
                throw new Error("not an object");
              }
              args = parsed as JsonObject;
            } catch {
              throw new Error(
                `The model called '${call.name}' with arguments that are not a JSON object: ${call.arguments.slice(0, 200)}`,
              );
            }
            const tool = options.serverTools?.[call.name];
            if (tool) {
              const output = await tool(args, { call, ctx });
              result.toolOutputs.push({
                type: "function_call_output",
                call_id: call.call_id,
                output: typeof output === "string" ? output : JSON.stringify(output ?? null),
              });
            } else {
              pendingClientCalls.push(ctx.clientToolCall(call.name, args, call.call_id));
            }
          }
          break;
        }
        default:
          break;
      }
    }
    if (signal.aborted) result.status = "cancelled";
  } finally {
    signal.removeEventListener("abort", onAbort);
    // Stopped early (aborted, or a tool threw): let the stream release its request.
    if (iterator?.return) {
      try {
        await iterator.return();
      } catch {
        // Nothing more to release.
      }
    }
  }
  if (result.status === "cancelled") return result;

  // A stream that failed or broke off mid-message: keep the text that arrived.
  for (const [messageId, added] of openMessages) {
    const content = (parts.get(messageId) ?? []).filter((part) => part !== undefined);
    if (content.some((part) => part.text !== "")) {
      const message: AssistantMessageItem = { ...added, content };
      result.messages.push(message);
      yield events.itemDone(message);
    } else yield events.itemRemoved(messageId);
  }
  for (const image of images.values()) {
    if (image.image) yield events.itemDone(image);
    else yield events.itemRemoved(image.id);
  }

  // Another round follows when server tools ran: keep the workflow open for it.
  if (workflow && result.toolOutputs.length > 0 && !failure) {
    result.workflow = workflow;
    openWorkflows.set(ctx, workflow);
  } else {
    yield* closeWorkflow();
  }
  for (const call of pendingClientCalls) {
    result.clientToolCalls.push(call);
    yield events.itemDone(call);
  }
  if (failure) {
    const event = errorEventOf(failure);
    if (event) yield event;
  }
  return result;
}
