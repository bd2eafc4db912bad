import {
  type ActionPayload,
  type Attachment,
  type ClientToolCallItem,
  STREAMING_REQUEST_TYPES,
  type StreamingRequestType,
  type ThreadStreamEvent,
  type UserMessageItem,
  type WidgetItem,
} from "@threadkit/core";
import { createAttachment } from "./attachments";
import {
  type FaultSpec,
  faultAnswer,
  faultError,
  hangForever,
  mergeFaults,
  parseMessageFaults,
} from "./faults";
import { parseSubmission, parseUserMessage } from "./protocol-input";
import type { RequestInfo } from "./request-info";
import { persistEvents } from "./runner";
import {
  afterClientTool,
  afterStructuredInput,
  answerStructuredInput,
  messageText,
  respond,
  type ScriptContext,
  type ScriptStream,
  widgetAction,
  widgetSyncAction,
} from "./script";
import type { DevServices } from "./services";
import { dataFrame, sseResponse } from "./sse";
import type { StoredThread } from "./store";
import {
  asObject,
  badRequest,
  createId,
  HttpError,
  notFound,
  optionalInt,
  optionalString,
  readOrder,
  requireString,
  sleep,
  toIso,
} from "./util";
import { toProtocolPage, toThread } from "./views";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 10_000;

function isStreaming(type: string): type is StreamingRequestType {
  return (STREAMING_REQUEST_TYPES as readonly string[]).includes(type);
}

/** Answers `POST /chatkit`: every operation of the ChatKit server protocol. */
export class ProtocolHandler {
  constructor(private readonly services: DevServices) {}

  /** Dispatches one request body. Streaming operations answer SSE, the others JSON. */
  async handle(body: unknown, info: RequestInfo): Promise<Response> {
    const request = asObject(body);
    if (!request || typeof request.type !== "string") {
      throw badRequest("Body must be a JSON object {type, params}.", "type");
    }
    const params = asObject(request.params ?? {});
    if (!params) throw badRequest("params must be an object.", "params");
    if (isStreaming(request.type)) return this.stream(request.type, params, info);
    return Response.json(this.json(request.type, params, info));
  }

  private get store() {
    return this.services.store;
  }

  /** The thread named by `params.thread_id`; with a session, only one of the session's user. */
  private thread(params: Record<string, unknown>, info: RequestInfo): StoredThread {
    const id = requireString(params, "thread_id");
    const thread = this.store.getThread(id);
    if (!thread || (info.session && thread.user !== info.session.user))
      throw notFound("thread", id);
    return thread;
  }

  private json(type: string, params: Record<string, unknown>, info: RequestInfo): unknown {
    const store = this.store;
    switch (type) {
      case "threads.get_by_id": {
        const thread = this.thread(params, info);
        return toThread(
          thread,
          store.listItems(thread.id, { limit: DEFAULT_PAGE_SIZE, order: "asc" }),
        );
      }
      case "threads.list": {
        const limit = optionalInt(params, "limit", 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
        const history = info.session?.chatkit_configuration.history;
        if (history && !history.enabled) return { data: [], has_more: false };
        const page = store.listThreads(
          {
            limit: Math.min(limit, history?.recent_threads ?? limit),
            order: readOrder(params, "desc"),
            after: optionalString(params, "after"),
          },
          info.session?.user,
        );
        return toProtocolPage({
          // Like the Python server: threads with an empty items page.
          data: page.data.map((thread) => toThread(thread, { data: [], has_more: false })),
          has_more: history?.recent_threads ? false : page.has_more,
        });
      }
      case "threads.update": {
        const thread = this.thread(params, info);
        const title = params.title;
        if (typeof title !== "string") throw badRequest("params.title must be a string.", "title");
        store.updateThread(thread.id, { title });
        return toThread(
          { ...thread, title },
          store.listItems(thread.id, { limit: DEFAULT_PAGE_SIZE, order: "asc" }),
        );
      }
      case "threads.delete": {
        const thread = this.thread(params, info);
        store.deleteThread(thread.id);
        return {};
      }
      case "items.list": {
        const thread = this.thread(params, info);
        const page = store.listItems(thread.id, {
          limit: optionalInt(params, "limit", 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
          order: readOrder(params, "desc"),
          after: optionalString(params, "after"),
        });
        return toProtocolPage(page);
      }
      case "items.feedback": {
        const thread = this.thread(params, info);
        const ids = params.item_ids;
        const kind = params.kind;
        if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
          throw badRequest("params.item_ids must be an array of strings.", "item_ids");
        }
        if (kind !== "positive" && kind !== "negative")
          throw badRequest('params.kind must be "positive" or "negative".', "kind");
        for (const id of ids) if (!store.getItem(thread.id, id)) throw notFound("item", id);
        store.addFeedback(thread.id, ids, kind, this.services.clock.now());
        return {};
      }
      case "threads.sync_custom_action": {
        const thread = this.thread(params, info);
        const { action, sender } = this.action(thread, params);
        const updated = widgetSyncAction(action, sender);
        if (!updated) return {};
        store.upsertItem(updated);
        return { updated_item: updated };
      }
      case "attachments.create": {
        const name = requireString(params, "name");
        const mime = requireString(params, "mime_type");
        const size = optionalInt(params, "size", 0, Number.MAX_SAFE_INTEGER);
        if (size === undefined)
          throw badRequest("params.size must be a non-negative integer.", "size");
        return createAttachment(this.services, info, { name, mime, size, bytes: null });
      }
      case "attachments.delete": {
        const id = requireString(params, "attachment_id");
        if (!store.deleteAttachment(id)) throw notFound("attachment", id);
        return {};
      }
      case "input.transcribe": {
        const audio = requireString(params, "audio_base64");
        const mime = requireString(params, "mime_type");
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(audio))
          throw badRequest("params.audio_base64 is not base64.", "audio_base64");
        const bytes = Buffer.from(audio, "base64").length;
        return { text: `Transcribed ${bytes} bytes of ${mime.split(";")[0]} audio.` };
      }
      default:
        throw badRequest(`Unknown request type '${type}'.`, "type");
    }
  }

  private action(
    thread: StoredThread,
    params: Record<string, unknown>,
  ): { action: ActionPayload; sender: WidgetItem | null } {
    const raw = asObject(params.action);
    if (!raw || typeof raw.type !== "string")
      throw badRequest("params.action must be {type, payload}.", "action");
    const itemId = optionalString(params, "item_id");
    let sender: WidgetItem | null = null;
    if (itemId !== undefined) {
      const item = this.store.getItem(thread.id, itemId);
      if (!item) throw notFound("item", itemId);
      if (item.type !== "widget") throw badRequest(`Item '${itemId}' is not a widget.`, "item_id");
      sender = item;
    }
    return { action: { type: raw.type, payload: raw.payload ?? null }, sender };
  }

  private async stream(
    type: StreamingRequestType,
    params: Record<string, unknown>,
    info: RequestInfo,
  ): Promise<Response> {
    const store = this.store;
    const preamble: ThreadStreamEvent[] = [];
    let thread: StoredThread;
    let produce: (ctx: ScriptContext) => ScriptStream;
    let retry = false;
    let titleFrom: string | null = null;
    // Header and option faults were applied by the app; magic words in the message add more.
    let faults: FaultSpec = {};
    const checkMessageFaults = (item: UserMessageItem) => {
      faults = parseMessageFaults(messageText(item));
    };
    switch (type) {
      case "threads.create": {
        const now = this.services.clock.now();
        thread = {
          id: createId("thr"),
          created_at: now,
          title: null,
          status: { type: "active" },
          user: info.session?.user ?? "anonymous",
          metadata: {},
        };
        const item = parseUserMessage(this.services, thread, params);
        checkMessageFaults(item);
        await this.applyFaults(faults);
        store.createThread(thread);
        if (faults.failAfterStoring) this.storeThenFail(item);
        for (const attachment of item.attachments) this.attach(attachment, thread.id);
        preamble.push(
          { type: "thread.created", thread: toThread(thread, { data: [], has_more: false }) },
          { type: "thread.item.done", item },
        );
        titleFrom = messageText(item);
        produce = (ctx) => respond(ctx, item);
        break;
      }
      case "threads.add_user_message": {
        thread = this.thread(params, info);
        if (thread.status.type !== "active")
          throw badRequest(`Thread is ${thread.status.type}.`, "thread_id");
        const item = parseUserMessage(this.services, thread, params);
        checkMessageFaults(item);
        await this.applyFaults(faults);
        if (faults.failAfterStoring) this.storeThenFail(item);
        for (const attachment of item.attachments) this.attach(attachment, thread.id);
        preamble.push({ type: "thread.item.done", item });
        titleFrom = messageText(item);
        produce = (ctx) => respond(ctx, item);
        break;
      }
      case "threads.add_client_tool_output": {
        thread = this.thread(params, info);
        if (!("result" in params)) throw badRequest("params.result is required.", "result");
        const call = [...store.allItems(thread.id)]
          .reverse()
          .find(
            (item): item is ClientToolCallItem =>
              item.type === "client_tool_call" && item.status === "pending",
          );
        if (!call) throw badRequest("The thread has no pending client tool call.", "thread_id");
        await this.applyFaults(faults);
        const completed: ClientToolCallItem = {
          ...call,
          status: "completed",
          output: params.result,
        };
        store.upsertItem(completed);
        produce = (ctx) => afterClientTool(ctx, completed);
        break;
      }
      case "threads.add_structured_input": {
        thread = this.thread(params, info);
        const itemId = requireString(params, "item_id");
        const item = store.getItem(thread.id, itemId);
        if (!item) throw notFound("item", itemId);
        if (item.type !== "structured_input")
          throw badRequest(`Item '${itemId}' is not a structured input.`, "item_id");
        if (item.status !== "pending")
          throw badRequest(`Item '${itemId}' was already ${item.status}.`, "item_id");
        const answered = answerStructuredInput(item, parseSubmission(params));
        await this.applyFaults(faults);
        preamble.push({ type: "thread.item.replaced", item: answered });
        produce = (ctx) => afterStructuredInput(ctx, answered);
        break;
      }
      case "threads.retry_after_item": {
        thread = this.thread(params, info);
        const itemId = requireString(params, "item_id");
        const item = store.getItem(thread.id, itemId);
        if (!item) throw notFound("item", itemId);
        if (item.type !== "user_message")
          throw badRequest(`Item '${itemId}' is not a user message.`, "item_id");
        await this.applyFaults(faults);
        store.deleteItemsAfter(thread.id, itemId);
        retry = true;
        produce = (ctx) => respond(ctx, item);
        break;
      }
      case "threads.custom_action": {
        thread = this.thread(params, info);
        const { action, sender } = this.action(thread, params);
        await this.applyFaults(faults);
        produce = (ctx) => widgetAction(ctx, action, sender);
        break;
      }
    }
    const ctx = this.scriptContext(thread, info.origin, retry);
    const streamThread = thread;
    const titling = info.session?.chatkit_configuration.automatic_thread_titling.enabled ?? true;
    const services = this.services;
    async function* events(): ScriptStream {
      // The preamble's first event goes out before `stream_options`, as the Python server does.
      for (const event of preamble) yield event;
      yield { type: "stream_options", stream_options: { allow_cancel: true } };
      yield* produce(ctx);
      const current = services.store.getThread(streamThread.id);
      if (titling && titleFrom && current && current.title === null) {
        const title =
          titleFrom.replace(/!\S+/g, "").trim().split(/\s+/).slice(0, 6).join(" ").slice(0, 60) ||
          "New chat";
        services.store.updateThread(current.id, { title });
        yield {
          type: "thread.updated",
          thread: toThread({ ...current, title }, { data: [], has_more: false }),
        };
      }
    }
    async function* frames() {
      for await (const event of persistEvents(store, streamThread.id, events()))
        yield dataFrame(event);
    }
    const all = mergeFaults(info.faults, faults);
    return sseResponse(frames(), { dropAfter: all.dropAfter, silentAfter: all.silentAfter });
  }

  private attach(attachment: Attachment, threadId: string): void {
    const stored = this.store.getAttachment(attachment.id);
    if (stored)
      this.store.putAttachment({ ...stored.attachment, thread_id: threadId }, stored.size, null);
  }

  private async applyFaults(faults: FaultSpec): Promise<void> {
    const error = faultError(faults);
    if (error) throw error;
    const answer = faultAnswer(faults);
    if (answer) throw answer;
    if (faults.hang) await hangForever();
    if (faults.latencyMs) await sleep(faults.latencyMs);
  }

  /** `stored500`: the message is stored, then the request fails as if the server crashed. */
  private storeThenFail(item: UserMessageItem): never {
    this.store.upsertItem(item);
    throw new HttpError(
      500,
      "Injected fault: stored, then failed.",
      "server_error",
      "injected_fault",
    );
  }

  private scriptContext(thread: StoredThread, origin: string, retry: boolean): ScriptContext {
    const { clock, delayMs } = this.services;
    return {
      thread,
      store: this.store,
      origin,
      retry,
      now: () => toIso(clock.now()),
      pause: (units = 1) => sleep(units * delayMs),
      newId: (prefix) => createId(prefix),
    };
  }
}
