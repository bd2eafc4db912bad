import type { WidgetNode } from "./types";

const NONE: readonly WidgetNode[] = [];

/**
 * The child nodes of a widget node as an array, whichever form `children` has: an array (every
 * container), a single node (`Transition`, as chatkit-js types it) or nothing (an empty array).
 * Array children are returned as they are, not copied.
 *
 * @example
 * for (const child of widgetChildren(node)) visit(child);
 */
export function widgetChildren(node: WidgetNode): readonly WidgetNode[] {
  const children = node.children;
  if (Array.isArray(children)) return children;
  return children !== null && typeof children === "object" ? [children] : NONE;
}
