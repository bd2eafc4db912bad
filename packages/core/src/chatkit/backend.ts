/**
 * `ThreadBackend`: one interface over every thread backend. Each adapter answers the thread list,
 * history, management calls and attachments in ChatKit's shapes (`Thread`, `ThreadItem`), and
 * turns a run into batches of ChatKit thread stream events, so everything downstream of a backend
 * is ChatKit-shaped whatever the wire format.
 */
import type { UploadProgress } from "../http/upload";
import type { UploadStrategy } from "./client";
import type { ThreadStreamReaderEvent } from "./read-thread-stream";
import type { ActionPayload, StructuredInputSubmission, UserMessageInput } from "./requests";
import type { Page, Thread } from "./thread";
import type { Attachment, ThreadItem } from "./thread-item";

/** What a backend can do. A call a flag denies rejects with `UnsupportedOperationError`. */
export interface ThreadBackendCapabilities {
  /** `run` works: threads can be started and answered. */
  readonly run: boolean;
  /** `renameThread` works. */
  readonly rename: boolean;
  /** `deleteThread` works. */
  readonly delete: boolean;
  /** `feedback` works. */
  readonly feedback: boolean;
  /** `createAttachment`, `uploadAttachment` and `deleteAttachment` work. */
  readonly attachments: boolean;
  /**
   * Server widget actions work: the `custom_action` run operation and `syncCustomAction`. A UI
   * leaves a widget's server actions inert without it.
   */
  readonly customActions: boolean;
  /** `transcribe` works (composer dictation). */
  readonly transcribe: boolean;
}

/** Options of one backend call. */
export interface ThreadBackendCallOptions {
  /** Aborting rejects the call with `AbortError`. */
  signal?: AbortSignal | undefined;
}

/** Options of {@link ThreadBackend.listThreads} and {@link ThreadBackend.listItems}. */
export interface ThreadBackendListOptions extends ThreadBackendCallOptions {
  /** Page size (the backend's default when omitted). */
  limit?: number;
  /** Sort order by creation time. */
  order?: "asc" | "desc";
  /** The cursor of the previous page (its `after`). */
  after?: string | null;
}

/** Options of {@link ThreadBackend.uploadAttachment}. */
export interface ThreadBackendUploadOptions extends ThreadBackendCallOptions {
  /** File name when `file` is a `Blob` without one. */
  name?: string;
  /** Called as bytes go out (see the ChatKit client's `attachments.upload`). */
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Where the bytes go on a ChatKit protocol server (`two_phase`, the default, or `direct` to an
   * upload URL). Backends with their own file API upload their own way and reject `direct` with
   * `UnsupportedOperationError`.
   */
  strategy?: UploadStrategy | undefined;
}

/** Audio to transcribe (see {@link ThreadBackend.transcribe}). */
export interface ThreadBackendTranscribeInput {
  /** The recording, base64-encoded. */
  audioBase64: string;
  /** Its type: `audio/webm;codecs=opus`, `audio/mp4` or `audio/ogg;codecs=opus`. */
  mimeType: string;
}

/**
 * What a run does: each variant is one streaming operation of the ChatKit protocol.
 *
 * - `create_thread`: starts a thread with its first user message.
 * - `add_message`: a user message in an existing thread.
 * - `client_tool_output`: the result of the pending client tool call.
 * - `structured_input`: answers (or skips) a structured input item.
 * - `retry_after_item`: drops the items after a user message and answers again.
 * - `custom_action`: a widget action handled by the server.
 */
export type ThreadRunOperation =
  | { type: "create_thread"; input: UserMessageInput }
  | { type: "add_message"; threadId: string; input: UserMessageInput }
  | { type: "client_tool_output"; threadId: string; result: unknown }
  | {
      type: "structured_input";
      threadId: string;
      itemId: string;
      input: StructuredInputSubmission;
    }
  | { type: "retry_after_item"; threadId: string; itemId: string }
  | { type: "custom_action"; threadId: string; itemId: string | null; action: ActionPayload };

/**
 * A batch of a run: ChatKit thread stream events (never empty), as `readThreadStreamBatches`
 * yields them. Malformed and unknown events are kept (`stream.malformed`, `unknown`) so nothing
 * is lost; reduce the whole batch, then commit once.
 */
export type ThreadRunBatch = ThreadStreamReaderEvent[];

/** Options of {@link ThreadBackend.run}. */
export interface ThreadRunOptions {
  /**
   * Called once, as soon as the backend accepted the operation (its response started), before
   * the first batch. A backend that cannot tell calls it with its first batch at the latest;
   * callers treat the first batch as acceptance too.
   */
  onAccepted?: (() => void) | undefined;
  /**
   * Called when the run ended without finishing its reply: it stopped at a limit (`reason`, e.g.
   * `"max_tokens"`, or `null` when the backend gives none) or was cancelled on the server
   * (`"cancelled"`). ChatKit's protocol has no such ending; the Assistants adapter reports it.
   */
  onIncomplete?: ((incomplete: ThreadRunIncompleteInfo) => void) | undefined;
}

/** How a run ended without finishing its reply (see {@link ThreadRunOptions.onIncomplete}). */
export interface ThreadRunIncompleteInfo {
  /** Why: the backend's reason (`"max_tokens"` …), `"cancelled"`, or `null` when it gives none. */
  readonly reason: string | null;
}

/**
 * One thread backend. Every method speaks ChatKit's shapes; errors are `ThreadkitError`
 * subclasses (`APIError`, `ConnectionError`, `TimeoutError`, `AbortError`, `ValidationError`,
 * `NotEventStreamError`, and `UnsupportedOperationError` for what {@link capabilities} denies).
 *
 * @example
 * const backend = createChatKitBackend({ url: "/chatkit" });
 * let state = startThreadStream(createThreadState());
 * for await (const events of backend.run({ type: "create_thread", input }, signal)) {
 *   state = events.reduce(reduceThreadStream, state);
 * }
 */
export interface ThreadBackend {
  /** What this backend can do. */
  readonly capabilities: ThreadBackendCapabilities;
  /** One page of threads (metadata; a thread's `items` may be empty here). */
  listThreads(options?: ThreadBackendListOptions): Promise<Page<Thread>>;
  /** A thread with its first page of items. */
  getThread(threadId: string, options?: ThreadBackendCallOptions): Promise<Thread>;
  /** One page of a thread's items. */
  listItems(threadId: string, options?: ThreadBackendListOptions): Promise<Page<ThreadItem>>;
  /** Renames a thread; resolves with the updated thread. */
  renameThread(
    threadId: string,
    title: string,
    options?: ThreadBackendCallOptions,
  ): Promise<Thread>;
  /** Deletes a thread. */
  deleteThread(threadId: string, options?: ThreadBackendCallOptions): Promise<void>;
  /** Thumbs up or down on items. */
  feedback(
    threadId: string,
    itemIds: string[],
    kind: "positive" | "negative",
    options?: ThreadBackendCallOptions,
  ): Promise<void>;
  /** Registers an attachment; the answer may carry an `upload_descriptor` for the bytes. */
  createAttachment(
    params: { name: string; size: number; mime_type: string },
    options?: ThreadBackendCallOptions,
  ): Promise<Attachment>;
  /** Uploads a file and resolves with its `Attachment`. */
  uploadAttachment(file: Blob, options?: ThreadBackendUploadOptions): Promise<Attachment>;
  /** Deletes an attachment. */
  deleteAttachment(attachmentId: string, options?: ThreadBackendCallOptions): Promise<void>;
  /**
   * A widget action answered at once (`streaming: false`): resolves with the updated widget item,
   * or `null` when the server changed nothing. Streamed actions are the `custom_action` run.
   */
  syncCustomAction(
    threadId: string,
    itemId: string | null,
    action: ActionPayload,
    options?: ThreadBackendCallOptions,
  ): Promise<ThreadItem | null>;
  /** Turns recorded speech into text for the composer (dictation). */
  transcribe(
    input: ThreadBackendTranscribeInput,
    options?: ThreadBackendCallOptions,
  ): Promise<{ text: string }>;
  /**
   * Runs `operation` and yields its ChatKit thread stream events in batches (one per network
   * chunk). Aborting `signal` ends the iteration with `AbortError`; a failed request rejects the
   * first `next()` with its `ThreadkitError`. `options.onAccepted` runs once the backend
   * accepted the operation, before the first batch.
   */
  run(
    operation: ThreadRunOperation,
    signal?: AbortSignal,
    options?: ThreadRunOptions,
  ): AsyncIterable<ThreadRunBatch>;
}
