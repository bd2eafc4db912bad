/**
 * Applies one `thread.item.updated` update to one item, the way ChatKit's own server applies it
 * to pending items. Only the touched path is copied.
 */
import type { ThreadItemUpdate } from "../chatkit/stream-event";
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  GeneratedImageItem,
  Task,
  ThreadItem,
  WidgetItem,
  WorkflowItem,
} from "../chatkit/thread-item";
import type { WidgetNode } from "../chatkit/widgets/types";
import { isIndexInBounds } from "./index-bounds";

const emptyPart = (): AssistantMessageContent => ({
  type: "output_text",
  text: "",
  annotations: [],
});

/** A copy of `content` long enough to hold `index` (new slots are empty text parts). */
function padContent(content: readonly AssistantMessageContent[], index: number) {
  const next = content.slice();
  while (next.length <= index) next.push(emptyPart());
  return next;
}

function isIndex(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** `item` with `update` applied to part `index`; `item` itself when the index is out of bounds. */
function withPart(
  item: AssistantMessageItem,
  index: number,
  update: (part: AssistantMessageContent) => AssistantMessageContent,
): AssistantMessageItem {
  if (!isIndexInBounds(index, item.content.length)) return item;
  const content = padContent(item.content, index);
  content[index] = update(content[index] as AssistantMessageContent);
  return { ...item, content };
}

function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const next = list.slice();
  if (isIndex(index) && index <= next.length) next.splice(index, 0, value);
  else next.push(value);
  return next;
}

/** The tree with `fn` applied to the first node whose `id` is `id` (same tree when absent). */
export function updateWidgetNode<T extends WidgetNode>(
  node: T,
  id: string,
  fn: (node: WidgetNode) => WidgetNode,
): T {
  if (node.id === id) return fn(node) as T;
  const children = node.children;
  if (children === null || typeof children !== "object") return node;
  if (!Array.isArray(children)) {
    // A single child (`Transition`).
    const next = updateWidgetNode(children, id, fn);
    return next === children ? node : { ...node, children: next };
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || typeof child !== "object") continue;
    const next = updateWidgetNode(child, id, fn);
    if (next !== child) {
      const copy = children.slice();
      copy[i] = next;
      return { ...node, children: copy };
    }
  }
  return node;
}

function applyAssistantUpdate(item: AssistantMessageItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case "assistant_message.content_part.text_delta":
      return withPart(item, update.content_index, (part) => ({
        ...part,
        text: part.text + update.delta,
      }));
    case "assistant_message.content_part.added":
      return withPart(item, update.content_index, () => update.content);
    case "assistant_message.content_part.done":
      // The Agents SDK sends `done` with `annotations: []` while annotations arrived separately:
      // keep the streamed ones unless the part brings its own.
      return withPart(item, update.content_index, (part) =>
        update.content.annotations.length === 0 && part.annotations.length > 0
          ? { ...update.content, annotations: part.annotations }
          : update.content,
      );
    case "assistant_message.content_part.annotation_added":
      return withPart(item, update.content_index, (part) => ({
        ...part,
        annotations: insertAt<Annotation>(
          part.annotations,
          update.annotation_index,
          update.annotation,
        ),
      }));
    default:
      return item;
  }
}

function applyWidgetUpdate(item: WidgetItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case "widget.streaming_text.value_delta": {
      const widget = updateWidgetNode(item.widget, update.component_id, (node) => {
        const value = typeof node.value === "string" ? node.value : "";
        const next: WidgetNode = { ...node, value: value + update.delta };
        if (update.done && node.streaming === true) next.streaming = false;
        return next;
      });
      return widget === item.widget ? item : { ...item, widget };
    }
    case "widget.component.updated": {
      const widget = updateWidgetNode(item.widget, update.component_id, () => update.component);
      return widget === item.widget ? item : { ...item, widget };
    }
    case "widget.root.updated":
      return { ...item, widget: update.widget };
    default:
      return item;
  }
}

function applyWorkflowUpdate(item: WorkflowItem, update: ThreadItemUpdate): ThreadItem {
  if (update.type !== "workflow.task.added" && update.type !== "workflow.task.updated") return item;
  const tasks: Task[] = item.workflow.tasks.slice();
  const index = update.task_index;
  // `added` normally names the next index; an index that already exists is treated as a replay
  // and replaces (so a repeated event never duplicates a task). Out-of-range indexes append.
  if (isIndex(index) && index < tasks.length) tasks[index] = update.task;
  else tasks.push(update.task);
  return { ...item, workflow: { ...item.workflow, tasks } };
}

function applyImageUpdate(item: GeneratedImageItem, update: ThreadItemUpdate): ThreadItem {
  if (update.type !== "generated_image.updated") return item;
  return { ...item, image: update.image };
}

/**
 * Returns `item` with `update` applied, or `item` itself when the update does not apply to that
 * item type (an update never changes an item's type).
 */
export function applyThreadItemUpdate(item: ThreadItem, update: ThreadItemUpdate): ThreadItem {
  switch (item.type) {
    case "assistant_message":
      return applyAssistantUpdate(item, update);
    case "widget":
      return applyWidgetUpdate(item, update);
    case "workflow":
      return applyWorkflowUpdate(item, update);
    case "generated_image":
      return applyImageUpdate(item, update);
    default:
      return item;
  }
}
