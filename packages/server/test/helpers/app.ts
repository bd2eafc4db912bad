/** A scripted ChatKit app on @threadkit/server for the HTTP tests, served on 127.0.0.1. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  readThreadStream,
  type ThreadStreamEvent,
  type UserMessageInput,
  type WidgetRoot,
} from "@threadkit/core";
import {
  type AttachmentStore,
  type ChatKitServer,
  type ChatKitServerOptions,
  CustomStreamError,
  createChatKitServer,
  events,
  type Store,
} from "../../src/index";
import { toNodeHandler } from "../../src/node/index";

/** The request context of the test app. */
export interface AppContext {
  user: string;
}

/** The text of a user message input. */
export function input(text: string, attachments: string[] = []): UserMessageInput {
  return { content: [{ type: "input_text", text }], attachments, inference_options: {} };
}

/** Reads an SSE body into events, failing on anything malformed or unknown. */
export async function collect(body: ReadableStream<Uint8Array>): Promise<ThreadStreamEvent[]> {
  const out: ThreadStreamEvent[] = [];
  for await (const event of readThreadStream(body)) {
    if (event.type === "stream.malformed" || event.type === "unknown") {
      throw new Error(`bad event: ${JSON.stringify(event)}`);
    }
    out.push(event as ThreadStreamEvent);
  }
  return out;
}

/** A gate a test opens to let a slow answer go on. */
export class Gate {
  private waiters: (() => void)[] = [];
  opened = false;
  wait(signal?: AbortSignal): Promise<void> {
    if (this.opened) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
  }
  open(): void {
    this.opened = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** What the scripted app records. */
export interface AppRecord {
  feedback: { threadId: string; itemIds: string[]; kind: string; user: string }[];
  errors: unknown[];
  aborted: number;
  /** Opened by a test to release `slow` answers. */
  gate: Gate;
  /** Resolves when a `slow` answer has sent its first delta. */
  slowStarted: Promise<void>;
}

/** An in-memory attachment store: two-phase uploads to a fake URL. */
export function memoryAttachments(): AttachmentStore<AppContext> & { deleted: string[] } {
  let n = 0;
  const deleted: string[] = [];
  return {
    deleted,
    async createAttachment(params) {
      n += 1;
      const base = {
        id: `atc_test${n}`,
        name: params.name,
        mime_type: params.mime_type,
        upload_descriptor: { url: `https://uploads.example/atc_test${n}`, method: "PUT" as const },
        metadata: { bucket: "secret-bucket" },
      };
      return params.mime_type.startsWith("image/")
        ? { ...base, type: "image", preview_url: `https://cdn.example/atc_test${n}` }
        : { ...base, type: "file" };
    },
    async deleteAttachment(id) {
      deleted.push(id);
    },
  };
}

const card = (text: string, streaming: boolean, title = "Order"): WidgetRoot => ({
  type: "Card",
  children: [
    { type: "Title", id: "title", value: title },
    { type: "Text", id: "body", value: text, streaming },
    { type: "Button", label: "Confirm", onClickAction: { type: "order.confirm" } },
  ],
});

/**
 * The scripted `respond`/`action` pair. Keywords in the user's text pick the answer:
 * `tool`, `widget`, `hidden`, `oops` (custom error), `crash`, `slow`, `wait then lock`, `lock`,
 * `workflow`,
 * `question`, `effects`; anything else streams "Hello world".
 */
export function scriptedOptions(
  record: AppRecord,
): Omit<ChatKitServerOptions<AppContext>, "store"> {
  let started: () => void = () => {};
  record.slowStarted = new Promise((resolve) => {
    started = resolve;
  });
  return {
    attachments: memoryAttachments(),
    onError: (error) => record.errors.push(error),
    async *respond(thread, message, ctx) {
      if (thread.title == null && message) {
        const first = message.content[0];
        thread.title = first?.type === "input_text" ? first.text.slice(0, 20) : "New chat";
      }
      if (!message) {
        // After a client tool output or a structured input: answer from the last items.
        const items = await ctx.loadAllItems();
        const last = items.at(-1);
        if (last?.type === "client_tool_call") {
          yield events.itemDone(ctx.assistantMessage(`Tool said ${JSON.stringify(last.output)}`));
        } else if (last?.type === "structured_input") {
          yield events.itemDone(
            ctx.assistantMessage(
              `Answers: ${last.inputs.map((i) => i.answer?.values.join("+")).join(", ")}`,
            ),
          );
        } else yield events.itemDone(ctx.assistantMessage("Continuing."));
        return;
      }
      const text = message.content
        .map((part) => (part.type === "input_text" ? part.text : ""))
        .join(" ");
      if (text.includes("tool")) {
        yield events.itemDone(ctx.clientToolCall("get_weather", { city: "Oslo" }, "call_1"));
        return;
      }
      if (text.includes("widget")) {
        yield* ctx.streamWidget(
          (async function* () {
            yield card("", true);
            yield card("Your order", true);
            yield card("Your order is ready", true);
            yield card("Your order is ready", false, "Order #1");
          })(),
          { copyText: "order" },
        );
        return;
      }
      if (text.includes("hidden")) {
        yield events.itemDone(ctx.hiddenContext({ secret: "for the model only" }));
        yield events.itemDone(ctx.assistantMessage("I noted that."));
        return;
      }
      if (text.includes("oops")) {
        yield events.progress("Thinking");
        throw new CustomStreamError("The model is unavailable.", { allowRetry: true });
      }
      if (text.includes("crash")) throw new Error("boom");
      if (text.includes("wait then lock")) {
        yield events.progress("Waiting");
        started();
        await record.gate.wait(ctx.signal);
        thread.status = { type: "locked", reason: "Done waiting" };
        yield events.itemDone(ctx.assistantMessage("Locked after waiting."));
        return;
      }
      if (text.includes("slow")) {
        const item = ctx.assistantMessage([]);
        yield events.itemAdded(item);
        yield events.contentPartAdded(item.id, 0);
        yield events.textDelta(item.id, 0, "Partial ");
        started();
        await record.gate.wait(ctx.signal);
        if (ctx.signal.aborted) {
          record.aborted += 1;
          return;
        }
        yield events.textDelta(item.id, 0, "answer");
        yield events.itemDone({
          ...item,
          content: [{ type: "output_text", text: "Partial answer", annotations: [] }],
        });
        return;
      }
      if (text.includes("lock")) {
        thread.status = { type: "locked", reason: "Support took over" };
        yield events.itemDone(ctx.assistantMessage("Locked."));
        return;
      }
      if (text.includes("workflow")) {
        const workflow = ctx.workflow({ type: "reasoning" });
        yield workflow.start();
        yield workflow.addTask({ type: "thought", content: "Hmm", status_indicator: "loading" });
        yield workflow.updateTask(0, {
          type: "thought",
          content: "Hmm, yes",
          status_indicator: "complete",
        });
        yield workflow.addTask({ type: "custom", title: "Searched" });
        yield workflow.end({ summary: { title: "Thought it through" } });
        yield events.itemDone(ctx.endOfTurn());
        return;
      }
      if (text.includes("question")) {
        yield events.itemDone({
          id: ctx.newId("message"),
          thread_id: thread.id,
          created_at: ctx.now(),
          type: "structured_input",
          status: "pending",
          inputs: [
            {
              type: "multiple_choice",
              id: "size",
              question: "Size?",
              options: [{ value: "S" }, { value: "M" }],
            },
            { type: "freeform", id: "note", question: "Note?" },
          ],
        });
        return;
      }
      if (text.includes("effects")) {
        yield events.notice("warning", "Careful", "Heads up");
        yield events.clientEffect("confetti", { count: 3 });
        yield events.itemDone(ctx.task({ type: "custom", title: "Done" }));
        return;
      }
      yield* ctx.streamText(["Hello", " ", "world"]);
    },
    async *action(thread, action, sender, ctx) {
      if (action.type === "order.confirm" && sender?.type === "widget") {
        yield events.itemReplaced({ ...sender, widget: card("Confirmed", false) });
        yield events.itemDone(ctx.assistantMessage(`Confirmed for ${ctx.context.user}`));
        return;
      }
      if (action.type === "remove" && sender) {
        yield events.itemRemoved(sender.id);
        return;
      }
      yield events.itemDone(ctx.assistantMessage(`Action ${action.type} on ${thread.id}`));
    },
    async syncAction(thread, action, sender, ctx) {
      if (!sender) return {};
      const updated = {
        ...sender,
        widget: card(`Clicked ${String((action.payload as { n?: number })?.n)}`, false),
      };
      await ctx.store.saveItem(thread.id, updated, ctx.context);
      return { updated_item: updated };
    },
    async transcribe(audio) {
      return { text: `${audio.data.length} bytes of ${audio.mediaType}` };
    },
    async feedback(threadId, itemIds, kind, context) {
      record.feedback.push({ threadId, itemIds, kind, user: context.user });
    },
  };
}

/** A running test app. */
export interface TestApp {
  url: string;
  server: ChatKitServer<AppContext>;
  record: AppRecord;
  close(): Promise<void>;
}

/** Serves a scripted ChatKit server over Node http on 127.0.0.1 (user from `x-user`). */
export async function startApp(
  store: Store<AppContext>,
  overrides: Partial<ChatKitServerOptions<AppContext>> = {},
): Promise<TestApp> {
  const record: AppRecord = {
    feedback: [],
    errors: [],
    aborted: 0,
    gate: new Gate(),
    slowStarted: Promise.resolve(),
  };
  const server = createChatKitServer<AppContext>({
    store,
    ...scriptedOptions(record),
    ...overrides,
  });
  const http: Server = createServer(
    toNodeHandler(server, {
      context: (req) => ({ user: String(req.headers["x-user"] ?? "anonymous") }),
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/chatkit`,
    server,
    record,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
