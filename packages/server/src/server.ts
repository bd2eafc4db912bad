/**
 * `createChatKitServer`: the ChatKit server protocol with the semantics of the Python SDK's
 * `ChatKitServer` (chatkit-python 1.6), answered through the Fetch API.
 */
import {
  type ActionPayload,
  type Attachment,
  applyThreadItemUpdate,
  type ChatKitRequest,
  type ChatKitRequestMap,
  type JsonObject,
  parseChatKitRequest,
  type StructuredInputItem,
  type StructuredInputSubmission,
  type Thread,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
  type UserMessageContent,
  type UserMessageInput,
  type UserMessageItem,
  ValidationError,
  type WidgetItem,
} from "@threadkit/core";
import { createRespondContext, defaultGenerateId, type RespondContext } from "./context";
import {
  BadRequestError,
  ChatKitRequestError,
  CustomStreamError,
  NotFoundError,
  StreamError,
} from "./errors";
import { sseResponse } from "./sse";
import type {
  AttachmentStore,
  SdkHiddenContextItem,
  ServerStreamEvent,
  Store,
  StoredThreadItem,
} from "./types";

/** Default page size of `threads.list`, `items.list` and `threads.get_by_id`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page served; a larger `limit` (ChatKit.js asks for 9999 threads) is clamped to it. */
export const MAX_PAGE_SIZE = 10_000;
/** Default request body limit: 4 MiB (dictation audio travels base64-encoded). */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Audio to transcribe (`input.transcribe`). */
export interface AudioInput {
  /** The decoded bytes. */
  data: Uint8Array;
  /** Raw MIME type, e.g. `audio/webm;codecs=opus`. */
  mimeType: string;
  /** Base media type, e.g. `audio/webm`. */
  mediaType: string;
}

/** What `threads.sync_custom_action` answers. */
export interface SyncActionResult {
  /** The widget item after the action; the client swaps it in. Store it yourself. */
  updated_item?: ThreadItem | null;
}

/** Answers a new user message (or a client tool output / structured input, with `input` null). */
export type RespondHandler<C> = (
  thread: ThreadMetadata,
  input: UserMessageItem | null,
  ctx: RespondContext<C>,
) => AsyncIterable<ServerStreamEvent>;

/** Answers a widget action (`threads.custom_action`). `sender` is the widget item, if any. */
export type ActionHandler<C> = (
  thread: ThreadMetadata,
  action: ActionPayload,
  sender: WidgetItem | null,
  ctx: RespondContext<C>,
) => AsyncIterable<ServerStreamEvent>;

/** Options of {@link createChatKitServer}. `C` is your per-request context type. */
export interface ChatKitServerOptions<C = unknown> {
  /** Threads, items and attachment metadata (`SqliteStore`, `PostgresStore` or your own). */
  store: Store<C>;
  /** Attachment bytes; without it `attachments.create`/`attachments.delete` answer 501. */
  attachments?: AttachmentStore<C>;
  /**
   * Streams the answer to a user message (Python: `respond`). An async generator of events;
   * see `events` and the helpers on `ctx`. Throw `StreamError`/`CustomStreamError` to end with
   * an error event; change `thread.title` (or `status`, `metadata`) to save and announce it.
   */
  respond: RespondHandler<C>;
  /** Streams the answer to a widget action (Python: `action`); without it: 501. */
  action?: ActionHandler<C>;
  /** Answers a synchronous widget action (Python: `sync_action`); without it: 501. */
  syncAction?: (
    thread: ThreadMetadata,
    action: ActionPayload,
    sender: WidgetItem | null,
    ctx: RespondContext<C>,
  ) => Promise<SyncActionResult>;
  /** Dictation (Python: `transcribe`); without it `input.transcribe` answers 501. */
  transcribe?: (audio: AudioInput, context: C) => Promise<{ text: string }>;
  /** Records thumbs up/down (Python: `add_feedback`). Default: accepted and dropped. */
  feedback?: (
    threadId: string,
    itemIds: string[],
    kind: "positive" | "negative",
    context: C,
  ) => Promise<void>;
  /** `stream_options` of each stream. Default `{ allow_cancel: true }`. */
  streamOptions?: (thread: ThreadMetadata, context: C) => { allow_cancel: boolean };
  /**
   * Runs when the client goes away mid-stream, with the items that were still streaming.
   * Default ({@link saveCancelledItems}): keeps pending assistant messages that have text and
   * stores a hidden note that the user cancelled.
   */
  onStreamCancelled?: (
    thread: ThreadMetadata,
    pendingItems: ThreadItem[],
    ctx: RespondContext<C>,
  ) => Promise<void>;
  /** Largest accepted request body in bytes (413 above). Default 4 MiB. */
  maxBodyBytes?: number;
  /** Called with unexpected errors (a throwing `respond`, a failing store). Default: `console.error`. */
  onError?: (error: unknown) => void;
  /** The clock for `created_at` (tests). Default: `new Date()`. */
  now?: () => Date;
}

/** The outcome of {@link ChatKitServer.process}: a stream of events or a JSON value. */
export type ChatKitResult =
  | { streaming: true; events: AsyncGenerator<ThreadStreamEvent, void, undefined> }
  | { streaming: false; json: unknown };

/** A ChatKit server: answer `POST` requests of ChatKit.js (or `createChatKitClient`). */
export interface ChatKitServer<C = unknown> {
  /** The store it was created with. */
  readonly store: Store<C>;
  /**
   * Answers one HTTP request: `text/event-stream` for streaming operations, JSON otherwise,
   * JSON errors with a 4xx status for bad input (nothing is stored then). The stream (and
   * `respond`, through `ctx.signal`) is aborted when `request.signal` aborts or the client
   * stops reading.
   */
  handle(request: Request, context: C): Promise<Response>;
  /**
   * Answers one request body (a JSON string, bytes, or the parsed value), for frameworks that
   * read the body themselves. Throws {@link ChatKitRequestError} for bad input.
   */
  process(
    body: string | Uint8Array | unknown,
    context: C,
    options?: { signal?: AbortSignal },
  ): Promise<ChatKitResult>;
}

/**
 * The default cancellation handling (Python: `handle_stream_cancelled`): stores pending
 * assistant messages with non-blank text, then a hidden note that the user cancelled, so the
 * next answer does not continue the cancelled one.
 */
export async function saveCancelledItems<C>(
  thread: ThreadMetadata,
  pendingItems: ThreadItem[],
  ctx: RespondContext<C>,
): Promise<void> {
  for (const item of pendingItems) {
    if (item.type !== "assistant_message") continue;
    if (item.content.some((part) => part.text.trim() !== "")) {
      await ctx.store.addThreadItem(thread.id, item, ctx.context);
    }
  }
  const note: SdkHiddenContextItem = {
    id: ctx.newId("sdk_hidden_context"),
    thread_id: thread.id,
    created_at: ctx.now(),
    type: "sdk_hidden_context",
    content: "The user cancelled the stream. Stop responding to the prior request.",
  };
  await ctx.store.addThreadItem(thread.id, note, ctx.context);
}

function isHidden(item: StoredThreadItem): boolean {
  return item.type === "hidden_context_item" || item.type === "sdk_hidden_context";
}

/** The attachment as the client sees it: no integration-only `metadata`. */
function clientAttachment(attachment: Attachment): Attachment {
  if (!("metadata" in attachment)) return attachment;
  const { metadata: _, ...rest } = attachment;
  return rest as Attachment;
}

function clientItem(item: ThreadItem): ThreadItem {
  if (item.type !== "user_message" || !item.attachments.some((a) => "metadata" in a)) return item;
  return { ...item, attachments: item.attachments.map(clientAttachment) };
}

/**
 * A thread as sent to the client (Python `_to_thread_response`): `metadata` always empty (the
 * stored metadata stays on the server), no hidden items.
 */
function threadResponse(
  thread: ThreadMetadata,
  items: { data: StoredThreadItem[]; has_more: boolean; after?: string | null } = {
    data: [],
    has_more: false,
  },
): Thread {
  const visible = items.data.filter((item) => !isHidden(item)) as ThreadItem[];
  return {
    id: thread.id,
    ...(thread.title == null ? {} : { title: thread.title }),
    created_at: thread.created_at,
    status: thread.status,
    metadata: {},
    ...(thread.allowed_image_domains == null
      ? {}
      : { allowed_image_domains: thread.allowed_image_domains }),
    items: {
      data: visible.map(clientItem),
      has_more: items.has_more,
      ...(items.after == null ? {} : { after: items.after }),
    },
  };
}

function clientEvent(event: ThreadStreamEvent): ThreadStreamEvent {
  switch (event.type) {
    case "thread.item.added":
    case "thread.item.done":
    case "thread.item.replaced":
      return { ...event, item: clientItem(event.item) };
    default:
      return event;
  }
}

function errorEvent(error: unknown): ThreadStreamEvent {
  if (error instanceof CustomStreamError) {
    return { type: "error", code: "custom", message: error.message, allow_retry: error.allowRetry };
  }
  if (error instanceof StreamError) {
    return { type: "error", code: error.code, allow_retry: error.allowRetry };
  }
  return { type: "error", code: "stream.error", allow_retry: true };
}

function snapshot(thread: ThreadMetadata): string {
  return JSON.stringify(thread);
}

function pageLimit(limit: number | null | undefined, param: string): number {
  if (limit == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new BadRequestError(`${param} must be a positive integer.`, param);
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

function structuredAnswer(
  item: StructuredInputItem,
  submission: StructuredInputSubmission,
): StructuredInputItem {
  const inputs = item.inputs.map((question) => {
    const answer = submission.answers[question.id];
    if (
      submission.status === "skipped" ||
      answer === undefined ||
      answer.skipped ||
      answer.values.length === 0
    ) {
      return { ...question, answer: { values: [], skipped: true } };
    }
    let values = answer.values;
    if (question.type === "multiple_choice" && !question.multiple) values = values.slice(0, 1);
    return { ...question, answer: { values, skipped: false } };
  });
  return { ...item, inputs, status: submission.status };
}

const ABORTED = Symbol("aborted");

function nextOrAbort<T>(
  iterator: AsyncIterator<T>,
  signal: AbortSignal,
): Promise<IteratorResult<T> | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    iterator.next().then(
      (result) => {
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new BadRequestError("params.audio_base64 is not base64.", "params.audio_base64");
  }
  return new Uint8Array(Buffer.from(clean, "base64"));
}

async function readBody(request: Request, max: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BadRequestError("The request body is not UTF-8.", null, "invalid_json");
  }
}

function tooLarge(max: number): ChatKitRequestError {
  return new ChatKitRequestError(
    413,
    "request_too_large",
    `The request body is larger than ${max} bytes.`,
  );
}

function errorResponse(error: ChatKitRequestError, headers: Record<string, string> = {}): Response {
  return Response.json(error.toJSON(), { status: error.status, headers });
}

/**
 * Creates a ChatKit server. Give it a store and a `respond` generator; call `handle` from a
 * route handler (`export const POST = (req) => server.handle(req, ctx)`) or `toNodeHandler`.
 *
 * @example
 * const server = createChatKitServer({
 *   store: new SqliteStore("chat.db"),
 *   async *respond(thread, input, ctx) {
 *     yield* ctx.streamText(["Hello", ", world"]);
 *   },
 * });
 */
export function createChatKitServer<C = unknown>(
  options: ChatKitServerOptions<C>,
): ChatKitServer<C> {
  const store = options.store;
  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const report = options.onError ?? ((error: unknown) => console.error(error));
  const onCancelled = options.onStreamCancelled ?? saveCancelledItems;

  const newItemId = (
    type: Parameters<typeof defaultGenerateId>[0],
    thread: ThreadMetadata,
    context: C,
  ) => store.generateItemId?.(type, thread, context) ?? defaultGenerateId(type);

  async function loadThread(threadId: string, context: C): Promise<ThreadMetadata> {
    try {
      return await store.loadThread(threadId, context);
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new NotFoundError("thread", threadId, "params.thread_id");
      throw error;
    }
  }

  async function loadItem(threadId: string, itemId: string, context: C, param: string) {
    try {
      return await store.loadItem(threadId, itemId, context);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError("item", itemId, param);
      throw error;
    }
  }

  async function loadSender(
    params: ChatKitRequestMap["threads.custom_action"],
    context: C,
  ): Promise<WidgetItem | null> {
    if (!params.item_id) return null;
    const item = await loadItem(params.thread_id, params.item_id, context, "params.item_id");
    if (item.type !== "widget") {
      throw new BadRequestError(`Item '${params.item_id}' is not a widget.`, "params.item_id");
    }
    return item;
  }

  function requireActive(thread: ThreadMetadata): void {
    if (thread.status.type === "active") return;
    const reason = thread.status.reason ? `: ${thread.status.reason}` : ".";
    throw new ChatKitRequestError(
      409,
      `thread_${thread.status.type}`,
      `Thread '${thread.id}' is ${thread.status.type}${reason}`,
      "params.thread_id",
    );
  }

  async function buildUserMessage(
    input: UserMessageInput,
    thread: ThreadMetadata,
    context: C,
  ): Promise<UserMessageItem> {
    const attachments: Attachment[] = [];
    for (const [index, id] of input.attachments.entries()) {
      try {
        attachments.push({ ...(await store.loadAttachment(id, context)), thread_id: thread.id });
      } catch (error) {
        if (error instanceof NotFoundError) {
          throw new NotFoundError("attachment", id, `params.input.attachments[${index}]`);
        }
        throw error;
      }
    }
    const content = input.content.map(
      (part): UserMessageContent =>
        part.type === "input_tag" ? { ...part, data: part.data ?? {} } : part,
    );
    return {
      id: newItemId("message", thread, context),
      thread_id: thread.id,
      created_at: now().toISOString(),
      type: "user_message",
      content,
      attachments,
      ...(input.quoted_text == null ? {} : { quoted_text: input.quoted_text }),
      // Nulls are dropped, as the Python server's `exclude_none` serialization does.
      inference_options: Object.fromEntries(
        Object.entries(input.inference_options ?? {}).filter(([, value]) => value != null),
      ),
    };
  }

  /**
   * Saves the fields `respond` changed (title, status, metadata…) onto the stored thread, so a
   * rename made meanwhile by another request or server survives a status change made here.
   * Returns the saved thread, or null when the thread was deleted meanwhile.
   */
  async function saveThreadChanges(
    thread: ThreadMetadata,
    before: ThreadMetadata,
    context: C,
  ): Promise<ThreadMetadata | null> {
    let stored: ThreadMetadata;
    try {
      stored = await store.loadThread(thread.id, context);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
    const merged: Record<string, unknown> = { ...stored };
    const keys = new Set([...Object.keys(before), ...Object.keys(thread)]);
    for (const key of keys) {
      const now = (thread as unknown as Record<string, unknown>)[key];
      const then = (before as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(now) === JSON.stringify(then)) continue;
      if (now === undefined) delete merged[key];
      else merged[key] = now;
    }
    const next = merged as unknown as ThreadMetadata;
    await store.saveThread(next, context);
    // `respond` keeps seeing the thread as stored (including others' changes).
    Object.assign(thread, next);
    return next;
  }

  /**
   * Runs a producer (Python `_process_events`): sends `stream_options`, stores what the events
   * say, hides hidden items, announces thread changes, turns errors into `error` events and
   * handles cancellation.
   */
  async function* processEvents(
    thread: ThreadMetadata,
    context: C,
    signal: AbortSignal,
    produce: (ctx: RespondContext<C>) => AsyncIterable<ServerStreamEvent>,
  ): AsyncGenerator<ThreadStreamEvent, void, undefined> {
    const ctx = createRespondContext(store, thread, context, signal, now);
    yield {
      type: "stream_options",
      stream_options: options.streamOptions?.(thread, context) ?? { allow_cancel: true },
    };
    let last = snapshot(thread);
    const pending = new Map<string, ThreadItem>();
    let iterator: AsyncIterator<ServerStreamEvent> | null = null;
    let settled = false;
    const threadChanged = async (): Promise<ThreadStreamEvent | null> => {
      const current = snapshot(thread);
      if (current === last) return null;
      const saved = await saveThreadChanges(thread, JSON.parse(last) as ThreadMetadata, context);
      last = snapshot(thread);
      return saved ? { type: "thread.updated", thread: threadResponse(saved) } : null;
    };
    try {
      iterator = produce(ctx)[Symbol.asyncIterator]();
      for (;;) {
        const result = await nextOrAbort(iterator, signal);
        if (result === ABORTED) return;
        if (result.done) break;
        const event = result.value;
        switch (event.type) {
          case "thread.item.added":
            pending.set(event.item.id, structuredClone(event.item));
            break;
          case "thread.item.done":
            await store.addThreadItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case "thread.item.removed":
            await store.deleteThreadItem(thread.id, event.item_id, context);
            pending.delete(event.item_id);
            break;
          case "thread.item.replaced":
            await store.saveItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case "thread.item.updated": {
            const item = pending.get(event.item_id);
            if (item) pending.set(item.id, applyThreadItemUpdate(item, event.update));
            break;
          }
        }
        if (!(event.type === "thread.item.done" && isHidden(event.item))) {
          yield clientEvent(event as ThreadStreamEvent);
        }
        const updated = await threadChanged();
        if (updated) yield updated;
      }
      settled = true;
    } catch (error) {
      settled = true;
      if (!(error instanceof StreamError || error instanceof CustomStreamError)) report(error);
      yield errorEvent(error);
    } finally {
      if (!settled) {
        // The client went away: stop the producer and keep what it had produced.
        iterator?.return?.().catch(() => {});
        try {
          await onCancelled(thread, [...pending.values()], ctx);
          if (snapshot(thread) !== last) {
            await saveThreadChanges(thread, JSON.parse(last) as ThreadMetadata, context);
          }
        } catch (error) {
          report(error);
        }
      }
    }
    const updated = await threadChanged();
    if (updated) yield updated;
  }

  /** Validates and prepares a streaming request; throws request errors before anything streams. */
  async function prepareStream(
    request: ChatKitRequest,
    context: C,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<ThreadStreamEvent, void, undefined>> {
    switch (request.type) {
      case "threads.create": {
        const thread: ThreadMetadata = {
          id: store.generateThreadId?.(context) ?? defaultGenerateId("thread"),
          created_at: now().toISOString(),
          status: { type: "active" },
          title: null,
          metadata: {},
        };
        const message = await buildUserMessage(request.params.input, thread, context);
        return (async function* () {
          await store.saveThread(thread, context);
          yield { type: "thread.created", thread: threadResponse(thread) };
          yield* newMessage(thread, message, context, signal);
        })();
      }
      case "threads.add_user_message": {
        const thread = await loadThread(request.params.thread_id, context);
        requireActive(thread);
        const message = await buildUserMessage(request.params.input, thread, context);
        return newMessage(thread, message, context, signal);
      }
      case "threads.add_client_tool_output": {
        const thread = await loadThread(request.params.thread_id, context);
        const last = await store.loadThreadItems(
          thread.id,
          { after: null, limit: 1, order: "desc" },
          context,
        );
        const call = last.data[0];
        if (call?.type !== "client_tool_call" || call.status !== "pending") {
          throw new BadRequestError(
            `The last item of thread '${thread.id}' is not a pending client tool call.`,
            "params.thread_id",
          );
        }
        const result = request.params.result;
        return (async function* () {
          await store.saveItem(
            thread.id,
            { ...call, status: "completed", output: result },
            context,
          );
          // Like the Python server: drop any other dangling pending call among the recent items.
          const recent = await store.loadThreadItems(
            thread.id,
            { after: null, limit: DEFAULT_PAGE_SIZE, order: "desc" },
            context,
          );
          for (const item of recent.data) {
            if (item.type === "client_tool_call" && item.status === "pending") {
              await store.deleteThreadItem(thread.id, item.id, context);
            }
          }
          yield* processEvents(thread, context, signal, (ctx) =>
            options.respond(thread, null, ctx),
          );
        })();
      }
      case "threads.add_structured_input": {
        const thread = await loadThread(request.params.thread_id, context);
        const item = await loadItem(thread.id, request.params.item_id, context, "params.item_id");
        if (item.type !== "structured_input") {
          throw new BadRequestError(
            `Item '${item.id}' is not a structured input item.`,
            "params.item_id",
          );
        }
        if (item.status !== "pending") {
          throw new BadRequestError(
            `Structured input item '${item.id}' is not pending.`,
            "params.item_id",
          );
        }
        const answered = structuredAnswer(item, request.params.input);
        return processEvents(thread, context, signal, async function* (ctx) {
          yield { type: "thread.item.replaced", item: answered };
          yield* options.respond(thread, null, ctx);
        });
      }
      case "threads.retry_after_item": {
        const thread = await loadThread(request.params.thread_id, context);
        requireActive(thread);
        const item = await loadItem(thread.id, request.params.item_id, context, "params.item_id");
        if (item.type !== "user_message") {
          throw new BadRequestError(`Item '${item.id}' is not a user message.`, "params.item_id");
        }
        return (async function* () {
          // Every item after the user message goes (newest first, page by page).
          const later: string[] = [];
          let after: string | null = null;
          for (;;) {
            const page = await store.loadThreadItems(
              thread.id,
              { after, limit: DEFAULT_PAGE_SIZE, order: "desc" },
              context,
            );
            const at = page.data.findIndex((candidate) => candidate.id === item.id);
            later.push(...page.data.slice(0, at === -1 ? undefined : at).map((c) => c.id));
            if (at !== -1 || !page.has_more || !page.after) break;
            after = page.after;
          }
          for (const id of later) await store.deleteThreadItem(thread.id, id, context);
          yield* processEvents(thread, context, signal, (ctx) =>
            options.respond(thread, item, ctx),
          );
        })();
      }
      case "threads.custom_action": {
        const action = options.action;
        if (!action) throw notImplemented("threads.custom_action", "action");
        const thread = await loadThread(request.params.thread_id, context);
        const sender = await loadSender(request.params, context);
        return processEvents(thread, context, signal, (ctx) =>
          action(thread, request.params.action, sender, ctx),
        );
      }
      default:
        throw new BadRequestError(`Unknown request type '${request.type}'.`, "type");
    }
  }

  async function* newMessage(
    thread: ThreadMetadata,
    message: UserMessageItem,
    context: C,
    signal: AbortSignal,
  ): AsyncGenerator<ThreadStreamEvent, void, undefined> {
    // The attachments now belong to the thread.
    for (const attachment of message.attachments) await store.saveAttachment(attachment, context);
    await store.addThreadItem(thread.id, message, context);
    yield { type: "thread.item.done", item: clientItem(message) };
    yield* processEvents(thread, context, signal, (ctx) => options.respond(thread, message, ctx));
  }

  function notImplemented(type: string, option: string): ChatKitRequestError {
    return new ChatKitRequestError(
      501,
      "not_implemented",
      `This server does not handle ${type} (no \`${option}\` was given to createChatKitServer).`,
      "type",
    );
  }

  async function answerJson(
    request: ChatKitRequest,
    context: C,
    signal: AbortSignal,
  ): Promise<unknown> {
    switch (request.type) {
      case "threads.get_by_id": {
        const thread = await loadThread(request.params.thread_id, context);
        const items = await store.loadThreadItems(
          thread.id,
          { after: null, limit: DEFAULT_PAGE_SIZE, order: "asc" },
          context,
        );
        return threadResponse(thread, items);
      }
      case "threads.list": {
        const page = await store.loadThreads(
          {
            after: request.params.after ?? null,
            limit: pageLimit(request.params.limit, "params.limit"),
            order: request.params.order ?? "desc",
          },
          context,
        );
        return {
          data: page.data.map((thread) => threadResponse(thread)),
          has_more: page.has_more,
          ...(page.after == null ? {} : { after: page.after }),
        };
      }
      case "threads.update": {
        const thread = await loadThread(request.params.thread_id, context);
        thread.title = request.params.title;
        await store.saveThread(thread, context);
        return threadResponse(thread);
      }
      case "threads.delete": {
        const thread = await loadThread(request.params.thread_id, context);
        await store.deleteThread(thread.id, context);
        return {};
      }
      case "items.list": {
        const limit = pageLimit(request.params.limit, "params.limit");
        const thread = await loadThread(request.params.thread_id, context);
        const page = await store.loadThreadItems(
          thread.id,
          {
            after: request.params.after ?? null,
            limit,
            order: request.params.order ?? "desc",
          },
          context,
        );
        return {
          data: page.data
            .filter((item) => !isHidden(item))
            .map((item) => clientItem(item as ThreadItem)),
          has_more: page.has_more,
          ...(page.after == null ? {} : { after: page.after }),
        };
      }
      case "items.feedback": {
        const thread = await loadThread(request.params.thread_id, context);
        for (const [index, id] of request.params.item_ids.entries()) {
          await loadItem(thread.id, id, context, `params.item_ids[${index}]`);
        }
        await options.feedback?.(thread.id, request.params.item_ids, request.params.kind, context);
        return {};
      }
      case "threads.sync_custom_action": {
        const syncAction = options.syncAction;
        if (!syncAction) throw notImplemented("threads.sync_custom_action", "syncAction");
        const thread = await loadThread(request.params.thread_id, context);
        const sender = await loadSender(request.params, context);
        const ctx = createRespondContext(store, thread, context, signal, now);
        const result = await syncAction(thread, request.params.action, sender, ctx);
        return result.updated_item == null ? {} : { updated_item: clientItem(result.updated_item) };
      }
      case "attachments.create": {
        const attachments = options.attachments;
        if (!attachments) throw notImplemented("attachments.create", "attachments");
        const { name, size, mime_type } = request.params;
        if (!Number.isInteger(size) || size < 0) {
          throw new BadRequestError("params.size must be a non-negative integer.", "params.size");
        }
        const attachment = await attachments.createAttachment({ name, size, mime_type }, context);
        await store.saveAttachment(attachment, context);
        return clientAttachment(attachment);
      }
      case "attachments.delete": {
        const attachments = options.attachments;
        if (!attachments) throw notImplemented("attachments.delete", "attachments");
        const id = request.params.attachment_id;
        try {
          await store.loadAttachment(id, context);
        } catch (error) {
          if (error instanceof NotFoundError) {
            throw new NotFoundError("attachment", id, "params.attachment_id");
          }
          throw error;
        }
        await attachments.deleteAttachment(id, context);
        await store.deleteAttachment(id, context);
        return {};
      }
      case "input.transcribe": {
        const transcribe = options.transcribe;
        if (!transcribe) throw notImplemented("input.transcribe", "transcribe");
        const data = decodeBase64(request.params.audio_base64);
        const mimeType = request.params.mime_type;
        const result = await transcribe(
          { data, mimeType, mediaType: mimeType.split(";")[0]?.trim() ?? mimeType },
          context,
        );
        return { text: result.text };
      }
      default:
        throw new BadRequestError(`Unknown request type '${request.type}'.`, "type");
    }
  }

  function parse(body: string | Uint8Array | unknown): ChatKitRequest {
    let json = body;
    if (typeof body === "string" || body instanceof Uint8Array) {
      const text = typeof body === "string" ? body : new TextDecoder().decode(body);
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new BadRequestError(
          `The request body is not JSON: ${(error as Error).message}`,
          null,
          "invalid_json",
        );
      }
    }
    try {
      return parseChatKitRequest(json);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw new BadRequestError("The request body must be a JSON object {type, params}.");
      }
      if (error.path === "type") {
        const type = (json as JsonObject | null)?.type;
        throw new BadRequestError(
          typeof type === "string"
            ? `Unknown request type '${type}'.`
            : "The request body must be a JSON object {type, params}.",
          "type",
          "unknown_request_type",
        );
      }
      throw new BadRequestError(error.message, error.path || null);
    }
  }

  async function process(
    body: string | Uint8Array | unknown,
    context: C,
    call: { signal?: AbortSignal } = {},
  ): Promise<ChatKitResult> {
    const request = parse(body);
    const signal = call.signal ?? new AbortController().signal;
    if (STREAMING.has(request.type)) {
      const inner = await prepareStream(request, context, signal);
      return { streaming: true, events: guard(inner) };
    }
    return { streaming: false, json: await answerJson(request, context, signal) };
  }

  /** Turns a failure outside `respond` (e.g. the store) into a final error event. */
  async function* guard(
    inner: AsyncGenerator<ThreadStreamEvent, void, undefined>,
  ): AsyncGenerator<ThreadStreamEvent, void, undefined> {
    try {
      yield* inner;
    } catch (error) {
      report(error);
      yield errorEvent(error);
    }
  }

  return {
    store,
    process,
    async handle(request, context) {
      if (request.method !== "POST") {
        return errorResponse(new ChatKitRequestError(405, "method_not_allowed", "Use POST."), {
          Allow: "POST",
        });
      }
      const controller = new AbortController();
      const abort = () => controller.abort();
      if (request.signal.aborted) abort();
      else request.signal.addEventListener("abort", abort, { once: true });
      try {
        const result = await process(await readBody(request, maxBody), context, {
          signal: controller.signal,
        });
        if (!result.streaming) return Response.json(result.json);
        return sseResponse(result.events, () => {
          request.signal.removeEventListener("abort", abort);
          controller.abort();
        });
      } catch (error) {
        request.signal.removeEventListener("abort", abort);
        if (error instanceof ChatKitRequestError) return errorResponse(error);
        report(error);
        return errorResponse(
          new ChatKitRequestError(500, "server_error", "The server failed to answer the request."),
        );
      }
    },
  };
}

const STREAMING = new Set<string>([
  "threads.create",
  "threads.add_user_message",
  "threads.add_client_tool_output",
  "threads.add_structured_input",
  "threads.retry_after_item",
  "threads.custom_action",
]);
