import type { Thread } from "./thread";
import type {
  Annotation,
  AssistantMessageContent,
  IconName,
  JsonObject,
  Task,
  ThreadItem,
} from "./thread-item";
import type { WidgetComponent, WidgetRoot } from "./widgets/types";

/** A change to one item while it streams (`thread.item.updated`). */
export type ThreadItemUpdate =
  | {
      type: "assistant_message.content_part.added";
      content_index: number;
      content: AssistantMessageContent;
    }
  | { type: "assistant_message.content_part.text_delta"; content_index: number; delta: string }
  | {
      type: "assistant_message.content_part.annotation_added";
      content_index: number;
      annotation_index: number;
      annotation: Annotation;
    }
  | {
      type: "assistant_message.content_part.done";
      content_index: number;
      content: AssistantMessageContent;
    }
  | {
      type: "widget.streaming_text.value_delta";
      component_id: string;
      delta: string;
      done: boolean;
    }
  | { type: "widget.component.updated"; component_id: string; component: WidgetComponent }
  | { type: "widget.root.updated"; widget: WidgetRoot }
  | { type: "workflow.task.added"; task_index: number; task: Task }
  | { type: "workflow.task.updated"; task_index: number; task: Task }
  | {
      type: "generated_image.updated";
      image: { id: string; url: string };
      /** 0..1 */
      progress?: number | null;
    };

/** Every event a ChatKit server streams in answer to a streaming request. */
export type ThreadStreamEvent =
  | { type: "thread.created"; thread: Thread }
  | { type: "thread.updated"; thread: Thread }
  | { type: "thread.item.added"; item: ThreadItem }
  | { type: "thread.item.updated"; item_id: string; update: ThreadItemUpdate }
  | { type: "thread.item.done"; item: ThreadItem }
  | { type: "thread.item.removed"; item_id: string }
  | { type: "thread.item.replaced"; item: ThreadItem }
  | { type: "stream_options"; stream_options: { allow_cancel: boolean } }
  | { type: "progress_update"; icon?: IconName | null; text: string }
  | { type: "client_effect"; name: string; data?: JsonObject }
  | {
      type: "error";
      /** `"stream.error"`, `"custom"`, or a future code: not a closed set. */
      code?: string;
      message?: string | null;
      allow_retry?: boolean;
    }
  | {
      type: "notice";
      level: "info" | "warning" | "danger";
      message: string;
      title?: string | null;
    };

/** `type` of every known stream event. */
export type ThreadStreamEventType = ThreadStreamEvent["type"];
