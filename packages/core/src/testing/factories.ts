/**
 * Factories of canonical thread items and stream events with sensible defaults, for tests and
 * stories. Every field can be overridden.
 */
import type { ThreadItemUpdate, ThreadStreamEvent } from "../chatkit/stream-event";
import type {
  AssistantMessageItem,
  Task,
  UserMessageItem,
  WidgetItem,
  WorkflowItem,
} from "../chatkit/thread-item";
import type { WidgetRoot } from "../chatkit/widgets/types";

const CREATED_AT = "2026-01-01T00:00:00";

/** A `user_message` with one `input_text` part. */
export function createUserMessage(
  id: string,
  text = "Hello",
  overrides: Partial<UserMessageItem> = {},
): UserMessageItem {
  return {
    type: "user_message",
    id,
    thread_id: "thr_test",
    created_at: CREATED_AT,
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
    ...overrides,
  };
}

/** An `assistant_message` with one `output_text` part per string in `texts`. */
export function createAssistantMessage(
  id: string,
  texts: readonly string[] = [""],
  overrides: Partial<AssistantMessageItem> = {},
): AssistantMessageItem {
  return {
    type: "assistant_message",
    id,
    thread_id: "thr_test",
    created_at: CREATED_AT,
    content: texts.map((text) => ({ type: "output_text", text, annotations: [] })),
    ...overrides,
  };
}

/** A `widget` item holding `widget`. */
export function createWidgetItem(id: string, widget: WidgetRoot): WidgetItem {
  return { type: "widget", id, thread_id: "thr_test", created_at: CREATED_AT, widget };
}

/** A `workflow` item with the given tasks. */
export function createWorkflowItem(
  id: string,
  tasks: Task[] = [],
  type: "custom" | "reasoning" = "custom",
): WorkflowItem {
  return {
    type: "workflow",
    id,
    thread_id: "thr_test",
    created_at: CREATED_AT,
    workflow: { type, tasks, expanded: false },
  };
}

/** A `thread.item.updated` event. */
export function itemUpdated(itemId: string, update: ThreadItemUpdate): ThreadStreamEvent {
  return { type: "thread.item.updated", item_id: itemId, update };
}

/** A `thread.item.updated` text delta event. */
export function textDelta(itemId: string, delta: string, contentIndex = 0): ThreadStreamEvent {
  return itemUpdated(itemId, {
    type: "assistant_message.content_part.text_delta",
    content_index: contentIndex,
    delta,
  });
}
