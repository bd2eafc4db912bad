/** Widget diffing: the updates that turn one widget tree into the next (Python: `diff_widget`). */
import {
  type ThreadItemUpdate,
  type WidgetNode,
  type WidgetRoot,
  widgetChildren,
} from "@threadkit/core";

type WidgetUpdate = Extract<
  ThreadItemUpdate,
  { type: "widget.streaming_text.value_delta" | "widget.root.updated" }
>;

function isStreamingText(node: WidgetNode): boolean {
  return (node.type === "Markdown" || node.type === "Text") && typeof node.value === "string";
}

function isNode(value: unknown): value is WidgetNode {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

function sameValue(before: unknown, after: unknown): boolean {
  if (before === after) return true;
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length === after.length && before.every((b, i) => sameValue(b, after[i]));
  }
  if (isNode(before) && isNode(after)) return !needsFullReplace(before, after);
  if (
    typeof before === "object" &&
    before !== null &&
    typeof after === "object" &&
    after !== null &&
    !Array.isArray(before) &&
    !Array.isArray(after)
  ) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (!sameValue((before as never)[key], (after as never)[key])) return false;
    }
    return true;
  }
  return false;
}

function needsFullReplace(before: WidgetNode, after: WidgetNode): boolean {
  if (before.type !== after.type || before.id !== after.id || before.key !== after.key) return true;
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    if (
      field === "value" &&
      isStreamingText(before) &&
      isStreamingText(after) &&
      (after.value as string).startsWith(before.value as string)
    ) {
      // Appends to the value of a Markdown or Text node stream as deltas.
      continue;
    }
    if (!sameValue(before[field], after[field])) return true;
  }
  return false;
}

function streamingTextNodes(root: WidgetNode): Map<string, WidgetNode> {
  const nodes = new Map<string, WidgetNode>();
  const visit = (node: WidgetNode) => {
    if (isStreamingText(node) && node.id) nodes.set(node.id, node);
    for (const child of widgetChildren(node)) if (isNode(child)) visit(child);
  };
  visit(root);
  return nodes;
}

/**
 * The updates from one widget tree to the next: `widget.streaming_text.value_delta` for text
 * appended to `Markdown`/`Text` nodes with an `id`, or one `widget.root.updated` for any other
 * change. Throws when a streaming node disappears or its text is not an append.
 */
export function diffWidget(before: WidgetRoot, after: WidgetRoot): WidgetUpdate[] {
  if (needsFullReplace(before, after)) return [{ type: "widget.root.updated", widget: after }];
  const beforeNodes = streamingTextNodes(before);
  const deltas: WidgetUpdate[] = [];
  for (const [id, node] of streamingTextNodes(after)) {
    const old = beforeNodes.get(id);
    if (!old) {
      throw new Error(
        `Node ${id} was not present when the widget was first rendered. Nodes with an id must persist across widget updates.`,
      );
    }
    const from = String(old.value);
    const to = String(node.value);
    if (from === to) continue;
    if (!to.startsWith(from)) {
      throw new Error(
        `Node ${id} was updated with a value that does not extend the previous one. Widget text updates must be cumulative.`,
      );
    }
    deltas.push({
      type: "widget.streaming_text.value_delta",
      component_id: id,
      delta: to.slice(from.length),
      done: node.streaming !== true,
    });
  }
  return deltas;
}
