/** Typed builders of stream events, for `respond` and `action` generators. */
import type {
  Annotation,
  AssistantMessageContent,
  IconName,
  JsonObject,
  Task,
  Thread,
  ThreadItem,
  ThreadItemUpdate,
  ThreadStreamEvent,
} from "@threadkit/core";
import type { HiddenContextItem, SdkHiddenContextItem, ServerStreamEvent } from "./types";

type EventOf<T extends ThreadStreamEvent["type"]> = Extract<ThreadStreamEvent, { type: T }>;

/**
 * Builders of every stream event. `thread.item.done` stores the item, `thread.item.replaced`
 * replaces it, `thread.item.removed` deletes it; `thread.item.added` marks it pending (saved on
 * cancellation when it is an assistant message with text).
 *
 * @example
 * yield events.progress("Searching…", "search");
 * yield events.itemDone(ctx.assistantMessage("Found it."));
 */
export const events = {
  /** `thread.item.added`: an item starts streaming. */
  itemAdded: (item: ThreadItem): EventOf<"thread.item.added"> => ({
    type: "thread.item.added",
    item,
  }),
  /** `thread.item.done`: the item is final and stored. Hidden items are stored, never sent. */
  itemDone: <I extends ThreadItem | HiddenContextItem | SdkHiddenContextItem>(
    item: I,
  ): ServerStreamEvent => ({ type: "thread.item.done", item }) as ServerStreamEvent,
  /** `thread.item.updated` with one update of a streaming (or stored) item. */
  itemUpdated: (itemId: string, update: ThreadItemUpdate): EventOf<"thread.item.updated"> => ({
    type: "thread.item.updated",
    item_id: itemId,
    update,
  }),
  /** `thread.item.replaced`: swaps a stored item for a new version. */
  itemReplaced: (item: ThreadItem): EventOf<"thread.item.replaced"> => ({
    type: "thread.item.replaced",
    item,
  }),
  /** `thread.item.removed`: deletes an item. */
  itemRemoved: (itemId: string): EventOf<"thread.item.removed"> => ({
    type: "thread.item.removed",
    item_id: itemId,
  }),
  /** `thread.updated` (the server sends it itself when `respond` changes the thread). */
  threadUpdated: (thread: Thread): EventOf<"thread.updated"> => ({
    type: "thread.updated",
    thread,
  }),
  /** `progress_update`: a transient status line. */
  progress: (text: string, icon?: IconName): EventOf<"progress_update"> =>
    icon === undefined
      ? { type: "progress_update", text }
      : { type: "progress_update", text, icon },
  /** `notice`: an info, warning or danger banner. */
  notice: (
    level: "info" | "warning" | "danger",
    message: string,
    title?: string,
  ): EventOf<"notice"> =>
    title === undefined
      ? { type: "notice", level, message }
      : { type: "notice", level, message, title },
  /** `client_effect`: fire-and-forget call of a client handler (e.g. confetti). */
  clientEffect: (name: string, data: JsonObject = {}): EventOf<"client_effect"> => ({
    type: "client_effect",
    name,
    data,
  }),
  /**
   * `error`: shows an error; a `message` makes it `code: "custom"`. Throwing `StreamError` or
   * `CustomStreamError` ends the stream the same way.
   */
  error: (
    options: { message?: string; code?: string; allowRetry?: boolean } = {},
  ): EventOf<"error"> => ({
    type: "error",
    code: options.code ?? (options.message === undefined ? "stream.error" : "custom"),
    ...(options.message === undefined ? {} : { message: options.message }),
    allow_retry: options.allowRetry ?? false,
  }),
  /** `assistant_message.content_part.added` for a message item. */
  contentPartAdded: (
    itemId: string,
    contentIndex: number,
    content: AssistantMessageContent = { type: "output_text", text: "", annotations: [] },
  ): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, {
      type: "assistant_message.content_part.added",
      content_index: contentIndex,
      content,
    }),
  /** `assistant_message.content_part.text_delta`. */
  textDelta: (
    itemId: string,
    contentIndex: number,
    delta: string,
  ): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, {
      type: "assistant_message.content_part.text_delta",
      content_index: contentIndex,
      delta,
    }),
  /** `assistant_message.content_part.annotation_added`. */
  annotationAdded: (
    itemId: string,
    contentIndex: number,
    annotationIndex: number,
    annotation: Annotation,
  ): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, {
      type: "assistant_message.content_part.annotation_added",
      content_index: contentIndex,
      annotation_index: annotationIndex,
      annotation,
    }),
  /** `assistant_message.content_part.done`. */
  contentPartDone: (
    itemId: string,
    contentIndex: number,
    content: AssistantMessageContent,
  ): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, {
      type: "assistant_message.content_part.done",
      content_index: contentIndex,
      content,
    }),
  /** `workflow.task.added`. */
  taskAdded: (itemId: string, taskIndex: number, task: Task): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, { type: "workflow.task.added", task_index: taskIndex, task }),
  /** `workflow.task.updated`. */
  taskUpdated: (itemId: string, taskIndex: number, task: Task): EventOf<"thread.item.updated"> =>
    events.itemUpdated(itemId, { type: "workflow.task.updated", task_index: taskIndex, task }),
};
