/**
 * `POST /chatkit`: the ChatKit protocol, answered by `@threadkit/server` with the scripted
 * assistant as its `respond` and `action`. What is the dev server's own stays here: the fault
 * words and headers, session scoping and configuration, and the SSE framing that can drop or
 * stall a stream on purpose.
 */
import {
  applyThreadItemUpdate,
  type ClientToolCallItem,
  type ThreadItem,
  type ThreadMetadata,
  type UserMessageItem,
} from "@threadkit/core";
import {
  ChatKitRequestError,
  type ChatKitServer,
  createChatKitServer,
  NotFoundError,
  type RespondContext,
  type ServerStreamEvent,
} from "@threadkit/server";
import { createAttachment } from "./attachments";
import {
  type FaultSpec,
  faultAnswer,
  faultError,
  hangForever,
  mergeFaults,
  parseMessageFaults,
} from "./faults";
import type { RequestInfo } from "./request-info";
import {
  afterClientTool,
  afterStructuredInput,
  messageText,
  type ScriptContext,
  respond as scriptedReply,
  widgetAction,
  widgetSyncAction,
} from "./script";
import { type DevContext, type DevServices, recordThreadOwner, requestUser } from "./services";
import { dataFrame, sseResponse } from "./sse";
import { asObject, badRequest, createId, HttpError, sleep } from "./util";

/** The message a scripted crash throws; the server answers it with `stream.error`. */
const SCRIPTED_CRASH = "scripted crash";

function scriptContext(
  services: DevServices,
  thread: ThreadMetadata,
  ctx: RespondContext<DevContext>,
): ScriptContext {
  return {
    thread,
    origin: ctx.context.info?.origin ?? "http://127.0.0.1",
    retry: ctx.context.request?.type === "threads.retry_after_item",
    now: () => new Date(services.clock.now()).toISOString(),
    pause: (units = 1) => sleep(units * services.delayMs, ctx.signal),
    newId: (prefix) => createId(prefix),
  };
}

/** A thread title from the first message: its first six words, fault words left out. */
function titleFrom(text: string): string {
  return (
    text.replace(/!\S+/g, "").trim().split(/\s+/).slice(0, 6).join(" ").slice(0, 60) || "New chat"
  );
}

/**
 * The scripted answer: to a user message (new, or retried), to a client tool's output, or to
 * an answered structured input. Titles an untitled thread after a new message, unless the
 * session turned automatic titling off.
 */
async function* scriptedAnswer(
  services: DevServices,
  thread: ThreadMetadata,
  input: UserMessageItem | null,
  ctx: RespondContext<DevContext>,
): AsyncGenerator<ServerStreamEvent, void, undefined> {
  const script = scriptContext(services, thread, ctx);
  const request = ctx.context.request;
  if (input) {
    yield* scriptedReply(script, input);
    const titling =
      ctx.context.info?.session?.chatkit_configuration.automatic_thread_titling.enabled ?? true;
    const fresh =
      request?.type === "threads.create" || request?.type === "threads.add_user_message";
    if (titling && fresh && thread.title == null) thread.title = titleFrom(messageText(input));
    return;
  }
  if (request?.type === "threads.add_structured_input") {
    const itemId = String(request.params.item_id);
    const item = await ctx.store.loadItem(thread.id, itemId, ctx.context);
    if (item.type === "structured_input") yield* afterStructuredInput(script, item);
    return;
  }
  // threads.add_client_tool_output: the call it completed is the thread's last item.
  const last = await ctx.store.loadThreadItems(
    thread.id,
    { after: null, limit: 1, order: "desc" },
    ctx.context,
  );
  const call = last.data[0];
  if (call?.type === "client_tool_call") yield* afterClientTool(script, call as ClientToolCallItem);
}

/**
 * Passes events through and saves `thread.item.updated` events of items stored earlier (a
 * widget action updating the widget that sent it), which the server only applies to the items
 * of the running stream.
 */
async function* persistStoredUpdates(
  ctx: RespondContext<DevContext>,
  events: AsyncIterable<ServerStreamEvent>,
): AsyncGenerator<ServerStreamEvent, void, undefined> {
  const streaming = new Set<string>();
  for await (const event of events) {
    if (event.type === "thread.item.added") streaming.add(event.item.id);
    if (event.type === "thread.item.updated" && !streaming.has(event.item_id)) {
      try {
        const stored = await ctx.store.loadItem(ctx.thread.id, event.item_id, ctx.context);
        const updated = applyThreadItemUpdate(stored as ThreadItem, event.update);
        await ctx.store.saveItem(ctx.thread.id, updated, ctx.context);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    yield event;
  }
}

/** The `@threadkit/server` ChatKit server with the scripted assistant. */
export function createDevChatKitServer(services: DevServices): ChatKitServer<DevContext> {
  return createChatKitServer<DevContext>({
    store: services.threads,
    attachments: {
      async createAttachment(params, context) {
        if (!context.info) throw new Error("attachments.create needs a protocol request.");
        return createAttachment(services, context.info, {
          name: params.name,
          mime: params.mime_type,
          size: params.size,
          bytes: null,
        });
      },
      async deleteAttachment(attachmentId) {
        services.store.deleteAttachment(attachmentId);
      },
    },
    respond: (thread, input, ctx) =>
      persistStoredUpdates(ctx, scriptedAnswer(services, thread, input, ctx)),
    action: (thread, action, sender, ctx) =>
      persistStoredUpdates(ctx, widgetAction(scriptContext(services, thread, ctx), action, sender)),
    async syncAction(thread, action, sender, ctx) {
      const updated = widgetSyncAction(action, sender);
      if (!updated) return {};
      await ctx.store.saveItem(thread.id, updated, ctx.context);
      return { updated_item: updated };
    },
    async transcribe(audio) {
      return { text: `Transcribed ${audio.data.byteLength} bytes of ${audio.mediaType} audio.` };
    },
    async feedback(threadId, itemIds, kind) {
      services.store.addFeedback(threadId, itemIds, kind, services.clock.now());
    },
    now: () => new Date(services.clock.now()),
    onError(error) {
      // A scripted crash is on purpose; a store closed by shutdown mid-stream is expected.
      if (error instanceof Error && error.message === SCRIPTED_CRASH) return;
      if (!services.store.db.open) return;
      console.error(error);
    },
  });
}

/** The text of a message input in a request body (for fault words), or "". */
function inputText(params: Record<string, unknown>): string {
  const content = asObject(params.input)?.content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      const text = asObject(part)?.text;
      return typeof text === "string" ? text : "";
    })
    .join(" ");
}

async function applyFaults(faults: FaultSpec): Promise<void> {
  const error = faultError(faults);
  if (error) throw error;
  const answer = faultAnswer(faults);
  if (answer) throw answer;
  if (faults.hang) await hangForever();
  if (faults.latencyMs) await sleep(faults.latencyMs);
}

/** Answers `POST /chatkit` bodies through a {@link ChatKitServer}. */
export class ProtocolEndpoint {
  private readonly server: ChatKitServer<DevContext>;

  constructor(private readonly services: DevServices) {
    this.server = createDevChatKitServer(services);
  }

  /** Answers one request body: SSE for streaming operations, JSON otherwise. */
  async handle(body: unknown, info: RequestInfo): Promise<Response> {
    const request = asObject(body);
    const type = typeof request?.type === "string" ? request.type : "";
    const params = asObject(request?.params) ?? {};
    const context: DevContext = { user: requestUser(info), info, request: { type, params } };

    // Header and option faults were applied by the app; fault words in the message add more.
    const messageFaults =
      type === "threads.create" || type === "threads.add_user_message"
        ? parseMessageFaults(inputText(params))
        : {};
    await applyFaults(messageFaults);
    this.checkUploaded(params);

    let history: { enabled: boolean; recent_threads?: number | null } | undefined;
    let processed = body;
    if (type === "threads.list") {
      history = info.session?.chatkit_configuration.history;
      if (history && !history.enabled) return Response.json({ data: [], has_more: false });
      const recent = history?.recent_threads;
      if (recent) {
        const limit = typeof params.limit === "number" ? params.limit : recent;
        processed = { ...request, params: { ...params, limit: Math.min(limit, recent) } };
      }
    }

    const controller = new AbortController();
    let result: Awaited<ReturnType<ChatKitServer<DevContext>["process"]>>;
    try {
      result = await this.server.process(processed, context, { signal: controller.signal });
    } catch (error) {
      if (error instanceof ChatKitRequestError) {
        return Response.json(error.toJSON(), { status: error.status });
      }
      throw error;
    }
    if (!result.streaming) {
      const json = result.json as Record<string, unknown>;
      return Response.json(history?.recent_threads ? { ...json, has_more: false } : json);
    }
    const events = result.events;
    if (messageFaults.failAfterStoring) {
      // `stored500`: the message is stored, then the request fails as if the server crashed.
      for await (const event of events) {
        if (event.type === "thread.item.done" && event.item.type === "user_message") break;
      }
      throw new HttpError(
        500,
        "Injected fault: stored, then failed.",
        "server_error",
        "injected_fault",
      );
    }
    const store = this.services.store;
    async function* frames() {
      try {
        for await (const event of events) {
          if (event.type === "thread.created")
            recordThreadOwner(store, event.thread.id, context.user);
          yield dataFrame(event);
        }
      } finally {
        controller.abort();
      }
    }
    const faults = mergeFaults(info.faults, messageFaults);
    return sseResponse(frames(), { dropAfter: faults.dropAfter, silentAfter: faults.silentAfter });
  }

  /** A message may only name attachments whose bytes have arrived. */
  private checkUploaded(params: Record<string, unknown>): void {
    const ids = asObject(params.input)?.attachments;
    if (!Array.isArray(ids)) return;
    for (const id of ids) {
      if (typeof id !== "string") continue;
      const stored = this.services.store.getAttachment(id);
      if (stored && stored.bytes === null) {
        throw badRequest(`Attachment '${id}' has not been uploaded yet.`, "input.attachments");
      }
    }
  }
}
