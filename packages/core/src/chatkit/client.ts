import { createHttpClient } from "../http/client";
import { PagePromise } from "../http/pagination";
import type {
  ChatKitCallOptions,
  ChatKitClientOptions,
  UploadAttachmentOptions,
} from "./client-options";
import { loadResponseParsers, type ResponseParsers } from "./load-response-parsers";
import type {
  ActionPayload,
  ChatKitJsonResponseMap,
  ChatKitRequestMap,
  JsonRequestType,
  ProtocolPage,
  StreamingRequestType,
  StructuredInputSubmission,
  UserMessageInput,
} from "./requests";
import { STREAMING_REQUEST_TYPES, toUserMessageContent } from "./requests";
import type { Thread } from "./thread";
import type { Attachment, JsonObject, ThreadItem } from "./thread-item";

export type {
  ChatKitCallOptions,
  ChatKitClientOptions,
  UploadAttachmentOptions,
  UploadStrategy,
} from "./client-options";
export type { ChatKitJsonResponseMap, JsonRequestType, ProtocolPage } from "./requests";

/** The ChatKit protocol client. Streaming calls resolve with the SSE body for `readThreadStream`. */
export interface ChatKitClient {
  /** Sends a streaming operation; resolves with the response body once headers arrive. */
  stream<T extends StreamingRequestType>(
    type: T,
    params: ChatKitRequestMap[T],
    options?: ChatKitCallOptions,
  ): Promise<ReadableStream<Uint8Array>>;
  /** Sends a JSON operation; resolves with the validated answer. */
  request<T extends JsonRequestType>(
    type: T,
    params: ChatKitRequestMap[T],
    options?: ChatKitCallOptions,
  ): Promise<ChatKitJsonResponseMap[T]>;
  threads: {
    /** `threads.create`: starts a thread with its first message; resolves with the SSE body. */
    create(
      input: UserMessageInput,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.add_user_message`: resolves with the SSE body of the response. */
    addUserMessage(
      threadId: string,
      input: UserMessageInput,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.add_client_tool_output`: the result of the pending client tool call. */
    addClientToolOutput(
      threadId: string,
      result: unknown,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.add_structured_input`: answers (or skips) a structured input item. */
    addStructuredInput(
      threadId: string,
      itemId: string,
      input: StructuredInputSubmission,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.retry_after_item`: drops the items after a user message and answers again. */
    retryAfterItem(
      threadId: string,
      itemId: string,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.custom_action`: a widget action handled by the server, streamed. */
    customAction(
      threadId: string,
      itemId: string | null,
      action: ActionPayload,
      options?: ChatKitCallOptions,
    ): Promise<ReadableStream<Uint8Array>>;
    /** `threads.sync_custom_action`: a widget action answered with the updated item. */
    syncCustomAction(
      threadId: string,
      itemId: string | null,
      action: ActionPayload,
      options?: ChatKitCallOptions,
    ): Promise<{ updated_item?: ThreadItem | null }>;
    /** `threads.get_by_id`: the thread with its first page of items. */
    getById(threadId: string, options?: ChatKitCallOptions): Promise<Thread>;
    /** Await for one page, `for await` for every thread. */
    list(
      params?: ChatKitRequestMap["threads.list"],
      options?: ChatKitCallOptions,
    ): PagePromise<ProtocolPage<Thread>, Thread>;
    /** `threads.update`: renames a thread. */
    update(threadId: string, title: string, options?: ChatKitCallOptions): Promise<Thread>;
    /** `threads.delete`. */
    delete(threadId: string, options?: ChatKitCallOptions): Promise<void>;
  };
  items: {
    /** Await for one page, `for await` for every item. */
    list(
      threadId: string,
      params?: Omit<ChatKitRequestMap["items.list"], "thread_id">,
      options?: ChatKitCallOptions,
    ): PagePromise<ProtocolPage<ThreadItem>, ThreadItem>;
    /** `items.feedback`: thumbs up or down on items. */
    feedback(
      threadId: string,
      itemIds: string[],
      kind: "positive" | "negative",
      options?: ChatKitCallOptions,
    ): Promise<void>;
  };
  attachments: {
    /** `attachments.create`: registers a file; the answer may carry an `upload_descriptor`. */
    create(
      params: ChatKitRequestMap["attachments.create"],
      options?: ChatKitCallOptions,
    ): Promise<Attachment>;
    /** `attachments.delete`. */
    delete(attachmentId: string, options?: ChatKitCallOptions): Promise<void>;
    /** Uploads a file (two-phase or direct) and resolves with its `Attachment`. */
    upload(file: Blob, options?: UploadAttachmentOptions): Promise<Attachment>;
  };
  input: {
    /** `input.transcribe`: dictation (`audio/webm;codecs=opus`, `audio/mp4`, `audio/ogg;codecs=opus`). */
    transcribe(
      audioBase64: string,
      mimeType: string,
      options?: ChatKitCallOptions,
    ): Promise<{ text: string }>;
  };
}

/** Starts loading the answer checks; a failure surfaces where the parsers are awaited. */
function startLoadingResponseParsers(): Promise<ResponseParsers> {
  const loading = loadResponseParsers();
  loading.catch(() => {});
  return loading;
}

const STREAMING = new Set<string>(STREAMING_REQUEST_TYPES);

/** JSON operations a repeat could perform twice (a second attachment, a second action). */
const NOT_IDEMPOTENT = new Set<string>(["attachments.create", "threads.sync_custom_action"]);

/** JSON operations whose answer is only acknowledged (any object, else `{}`): no checks to load. */
const ACKNOWLEDGED = new Set<string>(["threads.delete", "items.feedback", "attachments.delete"]);

function acknowledgement(json: unknown): JsonObject {
  return typeof json === "object" && json !== null && !Array.isArray(json)
    ? (json as JsonObject)
    : {};
}

/**
 * `params` with `data: {}` on every `input.content` tag that lacks it (untyped callers and
 * ChatKit.js-shaped content): the server answers 400 otherwise. Unchanged params are returned
 * as they are.
 */
function withTagData(params: unknown): unknown {
  const input = (params as { input?: { content?: unknown } } | null)?.input;
  const content = input?.content;
  if (!Array.isArray(content)) return params;
  const fixed = content.map((part) =>
    part !== null && typeof part === "object" && part.type === "input_tag"
      ? toUserMessageContent(part)
      : part,
  );
  if (fixed.every((part, i) => part === content[i])) return params;
  return { ...(params as object), input: { ...input, content: fixed } };
}

/**
 * Creates a client for a ChatKit server (the `POST {type, params, metadata}` protocol that the
 * Python `chatkit` server answers). Streaming operations resolve with the response body
 * (`ReadableStream<Uint8Array>`) for `readThreadStream`; JSON operations resolve with validated
 * objects.
 *
 * @example
 * const chatkit = createChatKitClient({ url: "/chatkit", headers: { "x-tenant": "acme" } });
 * const body = await chatkit.threads.create({ content: [{ type: "input_text", text: "Hi" }],
 *   attachments: [], inference_options: {} });
 */
export function createChatKitClient(options: ChatKitClientOptions): ChatKitClient {
  const http = createHttpClient(options);

  function body(type: string, params: unknown, call: ChatKitCallOptions | undefined) {
    params = withTagData(params);
    const metadata = call?.metadata ?? options.metadata;
    return metadata === undefined ? { type, params } : { type, params, metadata };
  }

  const stream: ChatKitClient["stream"] = async (type, params, call) => {
    if (!STREAMING.has(type)) throw new TypeError(`${type} is not a streaming operation`);
    return http.stream(
      {
        method: "POST",
        url: options.url,
        json: body(type, params, call),
        // Every streaming operation adds to the thread: a repeat could store the message twice.
        idempotent: false,
      },
      call,
    );
  };

  const request: ChatKitClient["request"] = async (type, params, call) => {
    if (STREAMING.has(type)) throw new TypeError(`${type} is a streaming operation`);
    const send = () =>
      http.json(
        {
          method: "POST",
          url: options.url,
          json: body(type, params, call),
          idempotent: !NOT_IDEMPOTENT.has(type),
        },
        call,
        (json) => json,
      );
    if (ACKNOWLEDGED.has(type)) {
      return acknowledgement(await send()) as ChatKitJsonResponseMap[typeof type];
    }
    // The answer's checks load while the request is on the network. An operation a repeat could
    // perform twice waits for them before it is sent, so a failed load rejects before the server
    // has acted on anything and calling again is safe.
    const parsers = startLoadingResponseParsers();
    if (NOT_IDEMPOTENT.has(type)) await parsers;
    const json = await send();
    const parse = (await parsers).RESPONSE_PARSERS[type] as (
      json: unknown,
    ) => ChatKitJsonResponseMap[typeof type];
    return parse(json);
  };

  function pages<T>(
    fetchPage: (after: string | null | undefined) => Promise<ProtocolPage<T>>,
    first: string | null | undefined,
  ): PagePromise<ProtocolPage<T>, T> {
    return new PagePromise(
      () => fetchPage(first),
      (page) => (page.has_more && page.after ? fetchPage(page.after) : undefined),
      (page) => page.data,
    );
  }

  return {
    stream,
    request,
    threads: {
      create: (input, call) => stream("threads.create", { input }, call),
      addUserMessage: (thread_id, input, call) =>
        stream("threads.add_user_message", { thread_id, input }, call),
      addClientToolOutput: (thread_id, result, call) =>
        stream("threads.add_client_tool_output", { thread_id, result }, call),
      addStructuredInput: (thread_id, item_id, input, call) =>
        stream("threads.add_structured_input", { thread_id, item_id, input }, call),
      retryAfterItem: (thread_id, item_id, call) =>
        stream("threads.retry_after_item", { thread_id, item_id }, call),
      customAction: (thread_id, item_id, action, call) =>
        stream("threads.custom_action", { thread_id, item_id, action }, call),
      syncCustomAction: (thread_id, item_id, action, call) =>
        request("threads.sync_custom_action", { thread_id, item_id, action }, call),
      getById: (thread_id, call) => request("threads.get_by_id", { thread_id }, call),
      list: (params = {}, call) =>
        pages(
          (after) => request("threads.list", after == null ? params : { ...params, after }, call),
          params.after,
        ),
      update: (thread_id, title, call) => request("threads.update", { thread_id, title }, call),
      delete: async (thread_id, call) => {
        await request("threads.delete", { thread_id }, call);
      },
    },
    items: {
      list: (thread_id, params = {}, call) =>
        pages(
          (after) =>
            request(
              "items.list",
              after == null ? { ...params, thread_id } : { ...params, thread_id, after },
              call,
            ),
          params.after,
        ),
      feedback: async (thread_id, item_ids, kind, call) => {
        await request("items.feedback", { thread_id, item_ids, kind }, call);
      },
    },
    attachments: {
      create: (params, call) => request("attachments.create", params, call),
      delete: async (attachment_id, call) => {
        await request("attachments.delete", { attachment_id }, call);
      },
      // The upload loads with the answer checks, which it awaits before any byte goes out (a
      // failed load rejects before the server has seen anything).
      upload: async (file, call) => {
        const { uploadAttachment, parseAttachment } = await loadResponseParsers();
        const create = (params: ChatKitRequestMap["attachments.create"], own: ChatKitCallOptions) =>
          request("attachments.create", params, own);
        return uploadAttachment({ http, options, create, parseAttachment }, file, call);
      },
    },
    input: {
      transcribe: (audio_base64, mime_type, call) =>
        request("input.transcribe", { audio_base64, mime_type }, call),
    },
  };
}
