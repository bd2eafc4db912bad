/** The server-side model: stored items (including hidden context) and the `Store` contract. */
import type {
  Attachment,
  Page,
  ThreadItem,
  ThreadItemBase,
  ThreadMetadata,
  ThreadStreamEvent,
} from "@threadkit/core";

export type { Attachment, Page, ThreadItem, ThreadMetadata, ThreadStreamEvent };

/**
 * Context kept in the thread for the model but never sent to the client (Python:
 * `HiddenContextItem`). Yield it in `thread.item.done` to store it; `items.list`,
 * `threads.get_by_id` and the stream leave it out.
 */
export interface HiddenContextItem extends ThreadItemBase {
  type: "hidden_context_item";
  content: unknown;
}

/**
 * Hidden context written by the server itself, e.g. "The user cancelled the stream" after a
 * cancellation (Python: `SDKHiddenContextItem`). Never sent to the client.
 */
export interface SdkHiddenContextItem extends ThreadItemBase {
  type: "sdk_hidden_context";
  content: string;
}

/** Every item a store holds: the protocol's items plus hidden context. */
export type StoredThreadItem = ThreadItem | HiddenContextItem | SdkHiddenContextItem;

/** An event `respond` and `action` may yield: a protocol event, or a hidden item to store. */
export type ServerStreamEvent =
  | ThreadStreamEvent
  | { type: "thread.item.done"; item: HiddenContextItem | SdkHiddenContextItem };

/** What an id is for; picks its prefix (`thr_`, `msg_`, `tc_`, `tsk_`, `wf_`, `atc_`, `shcx_`). */
export type StoreItemType =
  | "thread"
  | "message"
  | "tool_call"
  | "task"
  | "workflow"
  | "attachment"
  | "sdk_hidden_context";

/** A cursor page request. `after` is the id of the last object of the previous page. */
export interface PageOptions {
  /** Continue after this id (in the same `order`); `null`/absent starts at the beginning. */
  after?: string | null | undefined;
  /** Page size, at least 1. */
  limit: number;
  /** `asc`: oldest first; `desc`: newest first. */
  order: "asc" | "desc";
}

/**
 * Persistence of threads, items and attachment metadata (Python: `chatkit.store.Store`). Every
 * method receives the request's `context` (e.g. the signed-in user), so a store can scope data.
 * `load*` methods throw {@link NotFoundError} for a missing object; an unknown `after` cursor is
 * a {@link BadRequestError}. Items keep their insertion order; `saveItem` replaces in place.
 */
export interface Store<C = unknown> {
  /** A new thread id. Default: `thr_` + random hex. */
  generateThreadId?(context: C): string;
  /** A new item id. Default: a prefix by type + random hex. */
  generateItemId?(type: StoreItemType, thread: ThreadMetadata, context: C): string;

  /** The thread's metadata; throws `NotFoundError`. */
  loadThread(threadId: string, context: C): Promise<ThreadMetadata>;
  /** Inserts or updates thread metadata (title, status, metadata…). */
  saveThread(thread: ThreadMetadata, context: C): Promise<void>;
  /** A page of threads in creation order. */
  loadThreads(options: PageOptions, context: C): Promise<Page<ThreadMetadata>>;
  /** Deletes a thread and its items. */
  deleteThread(threadId: string, context: C): Promise<void>;

  /** A page of a thread's items in insertion order. */
  loadThreadItems(
    threadId: string,
    options: PageOptions,
    context: C,
  ): Promise<Page<StoredThreadItem>>;
  /** Appends a new item (an existing id is replaced in place). */
  addThreadItem(threadId: string, item: StoredThreadItem, context: C): Promise<void>;
  /** Inserts or replaces an item by id, keeping its position. */
  saveItem(threadId: string, item: StoredThreadItem, context: C): Promise<void>;
  /** One item; throws `NotFoundError`. */
  loadItem(threadId: string, itemId: string, context: C): Promise<StoredThreadItem>;
  /** Deletes one item (no error when it is already gone). */
  deleteThreadItem(threadId: string, itemId: string, context: C): Promise<void>;

  /** Inserts or updates attachment metadata. */
  saveAttachment(attachment: Attachment, context: C): Promise<void>;
  /** Attachment metadata; throws `NotFoundError`. */
  loadAttachment(attachmentId: string, context: C): Promise<Attachment>;
  /** Deletes attachment metadata. */
  deleteAttachment(attachmentId: string, context: C): Promise<void>;
}

/** What `attachments.create` receives. */
export interface AttachmentCreateParams {
  name: string;
  size: number;
  mime_type: string;
}

/**
 * Where attachment bytes live (Python: `AttachmentStore`): your blob storage. The server stores
 * the metadata in the {@link Store}; this creates upload targets and deletes bytes.
 */
export interface AttachmentStore<C = unknown> {
  /**
   * Registers an attachment for a two-phase upload and returns it, normally with an
   * `upload_descriptor` saying where the client sends the bytes.
   */
  createAttachment(params: AttachmentCreateParams, context: C): Promise<Attachment>;
  /** Deletes the bytes of an attachment. */
  deleteAttachment(attachmentId: string, context: C): Promise<void>;
}
