/**
 * The differential responder on @threadkit/server: the same replies as
 * `apps/official-server/server/diff_server.py` (same keywords, events and texts), served over
 * Node http with the same routes as that server's `main.py` (`/chatkit`, `/upload/{id}`,
 * `/direct-upload`, `/files/{id}`, `/debug/state`). Keep the two in step.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  Annotation,
  Attachment,
  JsonObject,
  ThreadMetadata,
  UserMessageItem,
  WidgetRoot,
} from "@threadkit/core";
import {
  type AttachmentStore,
  CustomStreamError,
  createChatKitServer,
  defaultGenerateId,
  events,
  type RespondContext,
  type ServerStreamEvent,
  type Store,
  StreamError,
} from "../../src/index";
import { toFetchRequest, toNodeHandler } from "../../src/node/index";

export interface DiffContext {
  user: string;
}

const KEYWORDS = [
  "tool",
  "question",
  "live widget",
  "widget",
  "workflow",
  "effects",
  "hidden",
  "sources",
  "remove",
  "lock",
  "domains",
  "custom error",
  "stream error",
  "crash",
  "cancel me",
] as const;

/** JSON with sorted keys and no spaces, as the Python side's `dumps`. */
function dumps(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((key) => [key, sort((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value) ?? null);
}

function userText(message: UserMessageItem): string {
  return message.content
    .flatMap((part) => (part.type === "input_text" ? [part.text] : []))
    .join(" ");
}

const action = (type: string, name: string, streaming: boolean) => ({
  type,
  payload: { name },
  handler: "server" as const,
  loadingBehavior: "auto" as const,
  streaming,
});

function greetingCard(name: string, greeted = false, liked = false): WidgetRoot {
  return {
    key: "greeting",
    type: "Card",
    children: [
      { id: "title", type: "Title", value: greeted ? `Hello, ${name}!` : "Say hello" },
      { id: "likes", type: "Text", value: liked ? "Liked" : "Not liked yet" },
      {
        type: "Row",
        children: [
          {
            key: "greet",
            type: "Button",
            label: "Greet",
            onClickAction: action("greet", name, true),
          },
          {
            key: "like",
            type: "Button",
            label: "Like",
            onClickAction: action("like", name, false),
          },
        ],
      },
    ],
  } as WidgetRoot;
}

function liveCard(words: string[], streaming: boolean): WidgetRoot {
  return {
    key: "live",
    type: "Card",
    children: [
      { id: "live-title", type: "Title", value: "Counting" },
      { id: "live-body", type: "Markdown", value: words.join(" "), streaming },
    ],
  } as WidgetRoot;
}

/** What the app records besides the store, as the Python server's `/debug/state`. */
export interface DiffRecord {
  feedback: { thread_id: string; item_ids: string[]; kind: string }[];
  transcriptions: { mime_type: string; size: number }[];
  files: Map<string, Uint8Array>;
  deleted: string[];
}

/** A running differential app. */
export interface DiffApp {
  /** Base URL; the protocol endpoint is `${url}/chatkit`. */
  url: string;
  record: DiffRecord;
  close(): Promise<void>;
}

/** Serves the differential responder on `store` over Node http on 127.0.0.1. */
export async function startDiffApp(store: Store<DiffContext>): Promise<DiffApp> {
  const record: DiffRecord = { feedback: [], transcriptions: [], files: new Map(), deleted: [] };
  const attempts = new Map<string, number>();
  let base = "";

  const attachments: AttachmentStore<DiffContext> = {
    async createAttachment({ name, mime_type }) {
      const id = defaultGenerateId("attachment");
      const descriptor = {
        url: `${base}/upload/${id}`,
        method: "POST" as const,
        headers: { "x-upload-token": `token-${id}` },
      };
      return mime_type.startsWith("image/")
        ? {
            type: "image",
            id,
            name,
            mime_type,
            upload_descriptor: descriptor,
            preview_url: `${base}/files/${id}`,
          }
        : { type: "file", id, name, mime_type, upload_descriptor: descriptor };
    },
    async deleteAttachment(id) {
      record.files.delete(id);
      record.deleted.push(id);
    },
  };

  const message = (ctx: RespondContext<DiffContext>, text: string): ServerStreamEvent =>
    events.itemDone(ctx.assistantMessage(text));

  async function* streamText(
    ctx: RespondContext<DiffContext>,
    chunks: string[],
    annotations: Annotation[] = [],
  ): AsyncGenerator<ServerStreamEvent> {
    yield* ctx.streamText(chunks, { annotations });
  }

  function summary(input: UserMessageItem, attempt: number): string {
    const lines = [`You said: ${userText(input)}`, `Attempt ${attempt}.`];
    const tags = input.content.flatMap((part) => (part.type === "input_tag" ? [part] : []));
    if (tags.length) {
      lines.push(`Tags: ${tags.map((tag) => `${tag.text} ${dumps(tag.data)}`).join(", ")}`);
    }
    if (input.quoted_text) lines.push(`Quoted: ${input.quoted_text}`);
    if (input.attachments.length) {
      lines.push(
        `Attachments: ${input.attachments
          .map(
            (a) => `${a.name} (${a.mime_type}, ${record.files.get(a.id)?.byteLength ?? 0} bytes)`,
          )
          .join(", ")}`,
      );
    }
    const options = Object.fromEntries(
      Object.entries(input.inference_options ?? {}).filter(([, v]) => v != null),
    );
    if (Object.keys(options).length) lines.push(`Options: ${dumps(options)}`);
    return lines.join("\n");
  }

  async function* continueAfter(
    ctx: RespondContext<DiffContext>,
    thread: ThreadMetadata,
  ): AsyncGenerator<ServerStreamEvent> {
    const page = await ctx.store.loadThreadItems(
      thread.id,
      { after: null, limit: 1, order: "desc" },
      ctx.context,
    );
    const last = page.data[0];
    let text = "Nothing to continue.";
    if (last?.type === "client_tool_call") {
      text = `Tool ${last.name} said ${dumps(last.output)}`;
    } else if (last?.type === "structured_input") {
      const answers = Object.fromEntries(
        last.inputs.map((q) => [
          q.id,
          q.answer ? { values: q.answer.values, skipped: q.answer.skipped } : null,
        ]),
      );
      text = `Answers (${last.status}): ${dumps(answers)}`;
    }
    yield message(ctx, text);
  }

  const server = createChatKitServer<DiffContext>({
    store,
    attachments,
    async *respond(thread, input, ctx) {
      if (!input) {
        yield* continueAfter(ctx, thread);
        return;
      }
      const attempt = (attempts.get(input.id) ?? 0) + 1;
      attempts.set(input.id, attempt);
      const text = userText(input);
      if (thread.title == null && text) thread.title = text.slice(0, 40);
      const keyword = KEYWORDS.find((word) => text.toLowerCase().includes(word));
      switch (keyword) {
        case "tool":
          yield message(ctx, "Asking the browser.");
          yield events.itemDone(
            ctx.clientToolCall("get_weather", { city: "Oslo", units: ["c"] }, "call_1"),
          );
          return;
        case "question":
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
                question: "Which size?",
                options: [{ value: "small" }, { value: "large" }],
                multiple: false,
              },
              { type: "freeform", id: "note", question: "Anything else?" },
            ],
          } as never);
          return;
        case "live widget": {
          const words = ["one", "two", "three"];
          yield* ctx.streamWidget(
            (async function* () {
              for (let count = 1; count <= words.length; count++) {
                yield liveCard(words.slice(0, count), count < words.length);
              }
              yield {
                ...liveCard(words, false),
                children: [{ id: "live-title", type: "Title", value: "Counted" }],
              } as WidgetRoot;
            })(),
            { copyText: "Counting" },
          );
          return;
        }
        case "widget":
          yield* ctx.streamWidget(greetingCard("Ada"), { copyText: "Say hello" });
          return;
        case "workflow": {
          const workflow = ctx.workflow({ type: "custom", expanded: true });
          yield workflow.start();
          const planning = {
            type: "custom" as const,
            title: "Plan",
            content: "Check **trains**",
            status_indicator: "loading" as const,
          };
          yield workflow.addTask(planning);
          // Python's task models default `status_indicator` to "none"; threadkit stores items as given.
          yield workflow.addTask({
            type: "thought",
            title: "Thinking",
            content: "Lisbon is sunny",
            status_indicator: "none",
          });
          yield workflow.updateTask(0, { ...planning, status_indicator: "complete" });
          yield workflow.end({ summary: { title: "Planned" }, expanded: false });
          yield events.itemDone(ctx.endOfTurn());
          return;
        }
        case "effects":
          yield events.progress("Looking things up", "search");
          yield events.notice("info", "A *notice*", "Heads up");
          yield events.clientEffect("confetti", { count: 3 });
          yield events.itemDone(
            ctx.task({
              type: "custom",
              title: "Looked it up",
              content: "Found **3** results",
              status_indicator: "none",
            }),
          );
          return;
        case "hidden":
          yield events.itemDone(ctx.hiddenContext({ secret: "for the model only" }));
          yield message(ctx, "Noted.");
          return;
        case "sources":
          yield* streamText(ctx, ["Lisbon ", "is sunny."], [
            {
              type: "annotation",
              source: { type: "url", url: "https://example.com/lisbon", title: "Lisbon weather" },
              index: 6,
            },
            { type: "annotation", source: { type: "file", filename: "notes.pdf", title: "Notes" } },
          ] as Annotation[]);
          return;
        case "remove": {
          const first = ctx.assistantMessage("This goes away.");
          yield events.itemDone(first);
          yield events.itemRemoved(first.id);
          yield message(ctx, "This stays.");
          return;
        }
        case "lock":
          thread.status = { type: "locked", reason: "Support took over" };
          yield message(ctx, "Locked.");
          return;
        case "domains":
          thread.allowed_image_domains = ["images.example.com"];
          thread.metadata = { topic: "travel" };
          yield message(ctx, "Domains set.");
          return;
        case "custom error":
          yield events.itemAdded(ctx.assistantMessage([]));
          throw new CustomStreamError("The model is unavailable.", { allowRetry: true });
        case "stream error":
          throw new StreamError("stream.error", { allowRetry: false });
        case "crash":
          throw new Error("scripted crash");
        case "cancel me": {
          const item = ctx.assistantMessage([]);
          yield events.itemAdded(item);
          yield events.contentPartAdded(item.id, 0);
          for (const chunk of ["Once ", "upon ", "a time"]) {
            yield events.textDelta(item.id, 0, chunk);
          }
          // Waits until the client goes away.
          await new Promise<void>((resolve) => {
            if (ctx.signal.aborted) resolve();
            ctx.signal.addEventListener("abort", () => resolve(), { once: true });
          });
          return;
        }
        default: {
          const reply = summary(input, attempt);
          const chunks: string[] = [];
          for (let i = 0; i < reply.length; i += 12) chunks.push(reply.slice(i, i + 12));
          yield* streamText(ctx, chunks);
        }
      }
    },
    async *action(_thread, act, sender, ctx) {
      const name = String((act.payload as JsonObject | undefined)?.name ?? "nobody");
      if (act.type === "greet" && sender) {
        const liked = JSON.stringify(sender.widget).includes("Liked");
        yield events.itemReplaced({ ...sender, widget: greetingCard(name, true, liked) });
        yield message(ctx, `Greeted ${name}.`);
        return;
      }
      yield message(ctx, `Action ${act.type} with ${dumps(act.payload ?? null)}.`);
    },
    async syncAction(thread, act, sender, ctx) {
      if (act.type !== "like" || !sender) return { updated_item: null };
      const name = String((act.payload as JsonObject | undefined)?.name ?? "nobody");
      const greeted = JSON.stringify(sender.widget).includes("Hello,");
      const updated = { ...sender, widget: greetingCard(name, greeted, true) };
      await ctx.store.saveItem(thread.id, updated, ctx.context);
      return { updated_item: updated };
    },
    async feedback(threadId, itemIds, kind) {
      record.feedback.push({ thread_id: threadId, item_ids: itemIds, kind });
    },
    async transcribe(audio) {
      record.transcriptions.push({ mime_type: audio.mimeType, size: audio.data.byteLength });
      return { text: `Transcribed ${audio.data.byteLength} bytes of ${audio.mediaType}` };
    },
    onError: () => {},
  });

  const chatkit = toNodeHandler(server, {
    context: (req) => ({ user: String(req.headers["x-user"] ?? "anonymous") }),
  });
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const context = (req: IncomingMessage): DiffContext => ({
    user: String(req.headers["x-user"] ?? "anonymous"),
  });

  async function readFile(req: IncomingMessage, res: ServerResponse) {
    const request = toFetchRequest(req, res);
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const file = (await request.formData()).get("file");
      if (!file || typeof file === "string") return null;
      return { data: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type };
    }
    return { data: new Uint8Array(await request.arrayBuffer()), name: "upload", type: "" };
  }

  const http: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/chatkit") return await chatkit(req, res);
      const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
      if (upload?.[1] && req.method === "POST") {
        const id = upload[1];
        if (req.headers["x-upload-token"] !== `token-${id}`) {
          return json(res, 403, { error: "missing upload descriptor headers" });
        }
        const file = await readFile(req, res);
        if (!file) return json(res, 400, { error: "no file field" });
        let attachment: Attachment;
        try {
          attachment = await store.loadAttachment(id, context(req));
        } catch {
          return json(res, 404, { error: "not_found" });
        }
        record.files.set(id, file.data);
        const { upload_descriptor: _, ...uploaded } = attachment;
        await store.saveAttachment(uploaded as Attachment, context(req));
        return json(res, 200, { id, size: file.data.byteLength });
      }
      if (url.pathname === "/direct-upload" && req.method === "POST") {
        const file = await readFile(req, res);
        if (!file) return json(res, 400, { error: "no file field" });
        const mime = file.type || "application/octet-stream";
        const id = defaultGenerateId("attachment");
        const name = file.name || "upload";
        const attachment: Attachment = mime.startsWith("image/")
          ? { type: "image", id, name, mime_type: mime, preview_url: `${base}/files/${id}` }
          : { type: "file", id, name, mime_type: mime };
        record.files.set(id, file.data);
        await store.saveAttachment(attachment, context(req));
        return json(res, 200, attachment);
      }
      const file = /^\/files\/([^/]+)$/.exec(url.pathname);
      if (file?.[1]) {
        const data = record.files.get(file[1]);
        if (!data) return json(res, 404, { error: "not_found" });
        res.writeHead(200);
        return res.end(data);
      }
      if (url.pathname === "/debug/state") {
        return json(res, 200, {
          feedback: record.feedback,
          transcriptions: record.transcriptions,
          uploads: Object.fromEntries([...record.files].map(([id, data]) => [id, data.byteLength])),
          deleted_attachments: record.deleted,
        });
      }
      json(res, 404, { error: "not_found" });
    } catch (error) {
      if (!res.headersSent) json(res, 500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url: base,
    record,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
