import type {
  ThreadBackend,
  ThreadBackendCallOptions,
  ThreadBackendCapabilities,
  ThreadRunBatch,
  ThreadRunIncompleteInfo,
  ThreadRunOperation,
  ThreadRunOptions,
} from "../chatkit/backend";
import type { UserMessageInput } from "../chatkit/requests";
import type { Page, Thread } from "../chatkit/thread";
import type { Attachment, ClientToolCallItem, ThreadItem } from "../chatkit/thread-item";
import { AbortError, ThreadkitError, UnsupportedOperationError } from "../errors";
import type { RequestOptions } from "../http/client";
import { assistantRequiredCallItem } from "./assistant-run-to-thread-items";
import {
  type AssistantStreamTranslatorOptions,
  createAssistantStreamTranslator,
} from "./assistant-stream-to-thread-events";
import {
  type AssistantFileUploadParams,
  type AssistantStreamBody,
  type AssistantsClient,
  type AssistantsClientOptions,
  createAssistantsClient,
} from "./client";
import {
  normalizeAssistantMessage,
  normalizeAssistantObjects,
  normalizeAssistantThread,
} from "./normalize";
import { readAssistantStreamBatches } from "./read-assistant-stream";
import type { AssistantRunState } from "./reduce-assistant-run";
import type {
  Message,
  MessageCreateParams,
  RequiredActionFunctionToolCall,
  Run,
  RunCreateParams,
  RunStep,
} from "./types";

/** Options of {@link createAssistantsBackend}. */
export interface AssistantsBackendOptions {
  /** The Assistants client, or the options to create one with `createAssistantsClient`. */
  client: AssistantsClient | AssistantsClientOptions;
  /**
   * The assistant every run uses. Without one the backend only reads and manages threads: `run`
   * rejects with `UnsupportedOperationError`.
   */
  assistantId?: string | undefined;
  /** Extra run parameters (model, instructions, tools …). */
  params?: Omit<RunCreateParams, "assistant_id" | "additional_messages" | "stream"> | undefined;
  /**
   * Maps an OpenAI file id (images, code interpreter outputs) to a URL the browser may load.
   * Default: `openai-file:<file_id>`, which renderers treat as not loadable.
   */
  fileUrl?: ((fileId: string) => string) | undefined;
}

/**
 * A `client_tool_output` run for a thread whose run waits for no tool output (the run finished,
 * failed or expired, or never asked for one).
 */
export class NoPendingToolCallError extends ThreadkitError {
  override name = "NoPendingToolCallError";
  /** The thread the output was for. */
  readonly threadId: string;
  constructor(threadId: string) {
    super(`No run of thread ${threadId} waits for a tool output`);
    this.threadId = threadId;
  }
}

/**
 * The Assistants API runs, reads and deletes threads and takes files; it has no titles, feedback
 * or thread list.
 */
const ASSISTANTS_CAPABILITIES: ThreadBackendCapabilities = Object.freeze({
  run: true,
  rename: false,
  delete: true,
  feedback: false,
  attachments: true,
  customActions: false,
  transcribe: false,
});

const BACKEND = "assistants";

/** A run that stopped at `requires_action`, with the outputs collected so far. */
interface PendingRun {
  run: Run;
  calls: readonly RequiredActionFunctionToolCall[];
  outputs: Map<string, string>;
}

function callOptions(options: ThreadBackendCallOptions | undefined): RequestOptions {
  return options?.signal ? { signal: options.signal } : {};
}

function isClient(value: AssistantsClient | AssistantsClientOptions): value is AssistantsClient {
  return "runs" in value && "messages" in value;
}

/** The text of a user message: its text parts, with tags as their text. */
function inputText(input: UserMessageInput): string {
  return input.content.map((part) => part.text).join("");
}

/**
 * Why a run that ended without an error did not finish its reply: its `incomplete_details`
 * (v1 runs report them on a `completed` run), else a message's, or `"cancelled"` for a run
 * cancelled on the server; `null` when the reply is complete.
 */
function assistantRunIncomplete(state: AssistantRunState): ThreadRunIncompleteInfo | null {
  const run = state.run;
  if (run?.status === "cancelling" || run?.status === "cancelled") return { reason: "cancelled" };
  const message = [...state.messages].reverse().find((m) => m.status === "incomplete");
  const reason = run?.incomplete_details?.reason ?? message?.incomplete_details?.reason ?? null;
  if (run?.status === "incomplete" || reason !== null || message !== undefined) return { reason };
  return null;
}

/** Run statuses after which there is nothing to cancel. */
const SETTLED = new Set([
  "cancelling",
  "cancelled",
  "failed",
  "completed",
  "incomplete",
  "expired",
]);

/** A tool result as the `output` string the API takes. */
export function toolOutputText(result: unknown): string {
  return typeof result === "string" ? result : JSON.stringify(result ?? null);
}

/**
 * A {@link ThreadBackend} over the OpenAI Assistants API (beta), built on
 * {@link createAssistantsClient}: history comes from messages and run steps
 * (`normalizeAssistantObjects`), and `run` turns each run stream into ChatKit thread stream events
 * by identity (`createAssistantStreamTranslator`), so everything downstream is ChatKit-shaped.
 *
 * - `create_thread` creates the thread and runs it in one request (`POST /threads/runs`); once
 *   `thread.created` arrives, the user message is read back and sent as its `thread.item.done`
 *   (best effort: when it cannot be read, the run goes on without it).
 * - `add_message` posts the user message (sent as `thread.item.done`), then streams a run.
 * - `client_tool_output` answers the newest function call the run waits for. While other calls
 *   still wait, the batch marks the answered call completed and announces the next pending one;
 *   the last output submits them all (`submit_tool_outputs`) and streams the rest of the run.
 * - `retry_after_item` deletes the messages after the user message `itemId` (`thread.item.removed`
 *   each) and runs the assistant again. Run steps cannot be deleted: their workflows stay.
 * - A run that ends `incomplete` (or with an incomplete message) or `cancelled` calls
 *   `options.onIncomplete` with the reason; aborting `signal` while a run streams cancels the run
 *   on the server (`POST …/runs/{id}/cancel`), since closing the stream alone does not stop it.
 * - `structured_input`, `custom_action`, `listThreads`, `renameThread`, `feedback` and the
 *   attachment calls reject with `UnsupportedOperationError` (the API has no such thing; see
 *   `capabilities`); so does a message with attachments.
 *
 * Keep the API key on a server: in a browser, point the client's `baseUrl` at a proxy that adds it.
 *
 * @example
 * const backend = createAssistantsBackend({
 *   client: { baseUrl: "/api/openai/v1" },
 *   assistantId: "asst_123",
 * });
 * let state = startThreadStream(createThreadState());
 * for await (const events of backend.run({ type: "create_thread", input }, signal)) {
 *   state = events.reduce(reduceThreadStream, state);
 * }
 */
export function createAssistantsBackend(options: AssistantsBackendOptions): ThreadBackend {
  const client = isClient(options.client) ? options.client : createAssistantsClient(options.client);
  const assistantId = options.assistantId;
  const params = { ...options.params, assistant_id: assistantId ?? "" };
  const fileUrl = options.fileUrl;
  const itemOptions = fileUrl ? { fileUrl } : {};
  const translatorOptions: AssistantStreamTranslatorOptions = itemOptions;
  const pending = new Map<string, PendingRun>();
  const unsupported = (operation: string) =>
    Promise.reject(new UnsupportedOperationError(BACKEND, operation));
  /** Attachments uploaded through this backend, by file id. */
  const uploaded = new Map<string, Attachment>();

  /**
   * The user message of `input`: images as `image_file` parts (for vision), other files as
   * attachments for `file_search`.
   */
  function userMessage(input: UserMessageInput): MessageCreateParams {
    const text = inputText(input);
    const images = input.attachments.filter((id) => uploaded.get(id)?.type === "image");
    const files = input.attachments.filter((id) => uploaded.get(id)?.type !== "image");
    const params: MessageCreateParams = {
      role: "user",
      content:
        images.length === 0
          ? text
          : [
              { type: "text", text },
              ...images.map((id) => ({ type: "image_file" as const, image_file: { file_id: id } })),
            ],
    };
    if (files.length > 0) {
      params.attachments = files.map((id) => ({ file_id: id, tools: [{ type: "file_search" }] }));
    }
    return params;
  }

  /** The user message item, with its files as attachments instead of placeholder text. */
  function userItem(message: Message): ThreadItem {
    const item = normalizeAssistantMessage(message, itemOptions);
    if (item.type !== "user_message") return item;
    const ids = [
      ...message.content.flatMap((part) =>
        part.type === "image_file" ? [part.image_file.file_id] : [],
      ),
      ...(message.attachments ?? []).flatMap((a) => (a.file_id ? [a.file_id] : [])),
    ];
    if (ids.length === 0) return item;
    return {
      ...item,
      content: item.content.filter((_, index) => message.content[index]?.type === "text"),
      attachments: ids.map(
        (id): Attachment =>
          uploaded.get(id) ?? { type: "file", id, name: id, mime_type: "application/octet-stream" },
      ),
    };
  }

  async function listItems(
    threadId: string,
    list: { limit?: number; order?: "asc" | "desc"; after?: string | null },
    call: RequestOptions,
  ): Promise<Page<ThreadItem>> {
    const query: { limit?: number; order: "asc" | "desc"; after?: string } = {
      order: list.order ?? "asc",
    };
    if (list.limit !== undefined) query.limit = list.limit;
    if (list.after != null) query.after = list.after;
    const page = await client.messages.list(threadId, query, call);
    // Items are in thread order; a descending page is turned around for the mapping, then back.
    const messages = query.order === "desc" ? [...page.data].reverse() : page.data;
    const runIds = new Set<string>();
    for (const message of messages) {
      if (message.role === "assistant" && message.run_id !== null) runIds.add(message.run_id);
    }
    // The steps of the page's runs give the workflows (code, file search) and images of each reply.
    const steps = await Promise.all(
      [...runIds].map(async (runId) => {
        const out: RunStep[] = [];
        try {
          for await (const step of client.steps.list(
            threadId,
            runId,
            { order: "asc", limit: 100 },
            call,
          )) {
            out.push(step);
          }
        } catch (error) {
          // A run whose steps cannot be read still shows its messages.
          if (call.signal?.aborted) throw error;
        }
        return out;
      }),
    );
    const items = normalizeAssistantObjects({ messages, steps: steps.flat() }, itemOptions);
    return {
      data: query.order === "desc" ? items.reverse() : items,
      has_more: page.has_more,
      after: page.has_more ? page.last_id : null,
    };
  }

  /** The run of `threadId` waiting for tool outputs: remembered, else the thread's newest run. */
  async function pendingRun(threadId: string, call: RequestOptions): Promise<PendingRun> {
    const known = pending.get(threadId);
    if (known !== undefined) return known;
    const page = await client.runs.list(threadId, { limit: 1, order: "desc" }, call);
    const run = page.data[0];
    if (run?.status !== "requires_action" || !run.required_action) {
      throw new NoPendingToolCallError(threadId);
    }
    const found: PendingRun = {
      run,
      calls: run.required_action.submit_tool_outputs.tool_calls,
      outputs: new Map(),
    };
    pending.set(threadId, found);
    return found;
  }

  async function* stream(
    body: AssistantStreamBody,
    signal: AbortSignal | undefined,
    userMessageOf: ((threadId: string) => Promise<ThreadItem | null>) | null,
    runOptions: ThreadRunOptions,
  ): AsyncGenerator<ThreadRunBatch, void, undefined> {
    runOptions.onAccepted?.();
    const translator = createAssistantStreamTranslator(translatorOptions);
    // Closing the stream does not stop the run: an abort cancels it on the server.
    const cancel = () => {
      const run = translator.state.run;
      if (run === null || SETTLED.has(run.status)) return;
      client.runs.cancel(run.thread_id, run.id).catch(() => {
        // Best effort: the run may have ended meanwhile; it expires on the server otherwise.
      });
    };
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      yield* translate(translator, body, signal, userMessageOf);
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
    const run = translator.state.run;
    if (run === null) return;
    if (run.status === "requires_action" && run.required_action) {
      pending.set(run.thread_id, {
        run,
        calls: run.required_action.submit_tool_outputs.tool_calls,
        outputs: new Map(),
      });
      return;
    }
    pending.delete(run.thread_id);
    const incomplete = assistantRunIncomplete(translator.state);
    if (incomplete !== null) runOptions.onIncomplete?.(incomplete);
  }

  async function* translate(
    translator: ReturnType<typeof createAssistantStreamTranslator>,
    body: AssistantStreamBody,
    signal: AbortSignal | undefined,
    userMessageOf: ((threadId: string) => Promise<ThreadItem | null>) | null,
  ): AsyncGenerator<ThreadRunBatch, void, undefined> {
    for await (const events of readAssistantStreamBatches(body, { signal })) {
      const batch = translator.push(events);
      const at = userMessageOf === null ? -1 : batch.findIndex((e) => e.type === "thread.created");
      const created = batch[at];
      if (userMessageOf === null || created?.type !== "thread.created") {
        if (batch.length > 0) yield batch;
        continue;
      }
      // The user message goes right after the thread, before anything the run added.
      yield batch.slice(0, at + 1);
      const item = await userMessageOf(created.thread.id);
      userMessageOf = null;
      const rest = batch.slice(at + 1);
      if (item !== null) rest.unshift({ type: "thread.item.done", item });
      if (rest.length > 0) yield rest;
    }
  }

  async function* runStream(
    operation: ThreadRunOperation,
    signal: AbortSignal | undefined,
    runOptions: ThreadRunOptions,
  ): AsyncGenerator<ThreadRunBatch, void, undefined> {
    const call = callOptions({ signal });
    if (assistantId === undefined && operation.type !== "client_tool_output") {
      throw new UnsupportedOperationError(BACKEND, "run without an assistantId");
    }
    switch (operation.type) {
      case "create_thread": {
        const body = await client.threads.createAndRunStream(
          { ...params, thread: { messages: [userMessage(operation.input)] } },
          call,
        );
        // Create-and-run does not stream the user message: it is read back once the thread exists.
        yield* stream(
          body,
          signal,
          async (threadId) => {
            try {
              const page = await client.messages.list(threadId, { order: "asc", limit: 1 }, call);
              const first = page.data[0];
              return first?.role === "user" ? userItem(first) : null;
            } catch (error) {
              // Best effort: the thread holds the message either way; the run goes on.
              if (signal?.aborted) throw error;
              return null;
            }
          },
          runOptions,
        );
        return;
      }
      case "add_message": {
        const message = await client.messages.create(
          operation.threadId,
          userMessage(operation.input),
          call,
        );
        runOptions.onAccepted?.();
        yield [{ type: "thread.item.done", item: userItem(message) }];
        yield* stream(
          await client.runs.createStream(operation.threadId, params, call),
          signal,
          null,
          runOptions,
        );
        return;
      }
      case "client_tool_output": {
        const run = await pendingRun(operation.threadId, call);
        const open = run.calls.filter((c) => !run.outputs.has(c.id));
        const answered = open.at(-1);
        if (answered === undefined) throw new NoPendingToolCallError(operation.threadId);
        const output = toolOutputText(operation.result);
        run.outputs.set(answered.id, output);
        const next = open.at(-2);
        if (next !== undefined) {
          // The API takes every output at once: mark this one, announce the next.
          const done: ClientToolCallItem = {
            ...assistantRequiredCallItem(answered, run.run),
            status: "completed",
            output,
          };
          yield [
            { type: "thread.item.done", item: done },
            { type: "thread.item.done", item: assistantRequiredCallItem(next, run.run) },
          ];
          return;
        }
        pending.delete(operation.threadId);
        const body = await client.runs.submitToolOutputsStream(
          operation.threadId,
          run.run.id,
          {
            tool_outputs: run.calls.map((c) => ({
              tool_call_id: c.id,
              output: run.outputs.get(c.id) ?? "",
            })),
          },
          call,
        );
        yield* stream(body, signal, null, runOptions);
        return;
      }
      case "retry_after_item": {
        const after: string[] = [];
        let found = false;
        for await (const message of client.messages.list(
          operation.threadId,
          { order: "asc", limit: 100 },
          call,
        )) {
          if (found) after.push(message.id);
          else if (message.id === operation.itemId) found = true;
        }
        if (!found) {
          throw new ThreadkitError(
            `Message ${operation.itemId} is not in thread ${operation.threadId}`,
          );
        }
        for (const id of after) await client.messages.delete(operation.threadId, id, call);
        if (after.length > 0) {
          yield after.map((id) => ({ type: "thread.item.removed" as const, item_id: id }));
        }
        yield* stream(
          await client.runs.createStream(operation.threadId, params, call),
          signal,
          null,
          runOptions,
        );
        return;
      }
      case "structured_input":
      case "custom_action":
        throw new UnsupportedOperationError(BACKEND, `run ${operation.type}`);
      default: {
        const unknown: { type?: unknown } = operation;
        throw new TypeError(`Unknown run operation: ${String(unknown.type)}`);
      }
    }
  }

  async function* run(
    operation: ThreadRunOperation,
    signal: AbortSignal | undefined,
    runOptions: ThreadRunOptions,
  ): AsyncGenerator<ThreadRunBatch, void, undefined> {
    let accepted = false;
    const once: ThreadRunOptions = {
      onAccepted: () => {
        if (accepted) return;
        accepted = true;
        runOptions.onAccepted?.();
      },
      onIncomplete: runOptions.onIncomplete,
    };
    try {
      yield* runStream(operation, signal, once);
    } catch (error) {
      // The reader ends with the signal's own reason; the HTTP client's aborts are `AbortError`s.
      if (signal?.aborted && !(error instanceof ThreadkitError)) {
        throw new AbortError(undefined, { cause: signal.reason });
      }
      throw error;
    }
  }

  return {
    capabilities: ASSISTANTS_CAPABILITIES,
    listThreads: () => unsupported("listThreads"),
    async getThread(threadId, options) {
      const call = callOptions(options);
      const thread = normalizeAssistantThread(await client.threads.retrieve(threadId, call));
      const items = await listItems(threadId, { order: "asc" }, call);
      return { ...thread, items } satisfies Thread;
    },
    listItems: (threadId, options) => listItems(threadId, options ?? {}, callOptions(options)),
    renameThread: () => unsupported("renameThread"),
    async deleteThread(threadId, options) {
      await client.threads.delete(threadId, callOptions(options));
      pending.delete(threadId);
    },
    feedback: () => unsupported("feedback"),
    // The API takes the bytes in the request that creates the file: no two-phase upload.
    createAttachment: () => unsupported("createAttachment"),
    async uploadAttachment(file, options = {}) {
      // Files go to the API's own file endpoint; there is no upload URL to send them to.
      if (options.strategy?.type === "direct")
        throw new UnsupportedOperationError(BACKEND, "direct upload");
      const upload: AssistantFileUploadParams = {};
      if (options.name !== undefined) upload.name = options.name;
      if (options.onProgress !== undefined) upload.onProgress = options.onProgress;
      const created = await client.files.upload(file, upload, callOptions(options));
      const mime = file.type || "application/octet-stream";
      const attachment: Attachment = mime.startsWith("image/")
        ? {
            type: "image",
            id: created.id,
            name: created.filename,
            mime_type: mime,
            preview_url: fileUrl ? fileUrl(created.id) : null,
          }
        : { type: "file", id: created.id, name: created.filename, mime_type: mime };
      uploaded.set(created.id, attachment);
      return attachment;
    },
    async deleteAttachment(attachmentId, options) {
      await client.files.delete(attachmentId, callOptions(options));
      uploaded.delete(attachmentId);
    },
    syncCustomAction: () => unsupported("syncCustomAction"),
    transcribe: () => unsupported("transcribe"),
    run: (operation, signal, runOptions = {}) => run(operation, signal, runOptions),
  };
}
