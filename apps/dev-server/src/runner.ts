import type {
  AssistantMessageContent,
  AssistantMessageItem,
  ThreadItem,
  ThreadItemUpdate,
  ThreadStreamEvent,
} from "@threadkit/core";
import type { ScriptStream } from "./script";
import type { DevStore } from "./store";

function applyContent(
  content: AssistantMessageContent[],
  index: number,
  change: (part: AssistantMessageContent) => AssistantMessageContent,
): AssistantMessageContent[] {
  const next = [...content];
  while (next.length <= index) next.push({ type: "output_text", text: "", annotations: [] });
  next[index] = change(next[index] as AssistantMessageContent);
  return next;
}

/**
 * Applies one item update to an item (the server's own bookkeeping, so that a pending item can
 * be stored when the client goes away, and later updates of stored widgets are persisted).
 */
export function applyItemUpdate(item: ThreadItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case "assistant_message.content_part.added":
    case "assistant_message.content_part.done":
      if (item.type !== "assistant_message") return item;
      return {
        ...item,
        content: applyContent(item.content, update.content_index, () => update.content),
      };
    case "assistant_message.content_part.text_delta":
      if (item.type !== "assistant_message") return item;
      return {
        ...item,
        content: applyContent(item.content, update.content_index, (part) => ({
          ...part,
          text: part.text + update.delta,
        })),
      };
    case "assistant_message.content_part.annotation_added":
      if (item.type !== "assistant_message") return item;
      return {
        ...item,
        content: applyContent(item.content, update.content_index, (part) => {
          const annotations = [...part.annotations];
          annotations.splice(update.annotation_index, 0, update.annotation);
          return { ...part, annotations };
        }),
      };
    case "widget.root.updated":
      return item.type === "widget" ? { ...item, widget: update.widget } : item;
    case "workflow.task.added":
    case "workflow.task.updated": {
      if (item.type !== "workflow") return item;
      const tasks = [...item.workflow.tasks];
      tasks[update.task_index] = update.task;
      return { ...item, workflow: { ...item.workflow, tasks } };
    }
    case "generated_image.updated":
      return item.type === "generated_image" ? { ...item, image: update.image } : item;
    default:
      // Text deltas inside widgets and component updates are followed by a root update or
      // `thread.item.done`, which carry the full state.
      return item;
  }
}

/**
 * Persists what a stream produces while passing its events through: `thread.item.done` and
 * `thread.item.replaced` store the item, `thread.item.removed` deletes it, updates of stored
 * items are applied. A responder that throws ends with `{code: "stream.error", allow_retry}`.
 * When the client goes away mid-answer, non-empty pending assistant messages are kept (as the
 * Python server does) and other pending items are dropped.
 */
export async function* persistEvents(
  store: DevStore,
  threadId: string,
  source: ScriptStream,
): AsyncGenerator<ThreadStreamEvent, void, undefined> {
  const pending = new Map<string, ThreadItem>();
  let finished = false;
  try {
    for await (const event of source) {
      switch (event.type) {
        case "thread.item.added":
          pending.set(event.item.id, event.item);
          break;
        case "thread.item.updated": {
          const open = pending.get(event.item_id);
          if (open) pending.set(event.item_id, applyItemUpdate(open, event.update));
          else {
            const stored = store.getItem(threadId, event.item_id);
            if (stored) store.upsertItem(applyItemUpdate(stored, event.update));
          }
          break;
        }
        case "thread.item.done":
        case "thread.item.replaced":
          pending.delete(event.item.id);
          store.upsertItem(event.item);
          break;
        case "thread.item.removed":
          pending.delete(event.item_id);
          store.deleteItem(event.item_id);
          break;
        default:
          break;
      }
      yield event;
    }
    finished = true;
  } catch {
    finished = true;
    yield { type: "error", code: "stream.error", allow_retry: true };
  } finally {
    // The store may already be closed when the server shuts down mid-stream.
    if (!finished && store.db.open) {
      for (const item of pending.values()) {
        if (item.type === "assistant_message" && hasText(item)) store.upsertItem(item);
      }
    }
  }
}

function hasText(item: AssistantMessageItem): boolean {
  return item.content.some((part) => part.text.length > 0);
}
