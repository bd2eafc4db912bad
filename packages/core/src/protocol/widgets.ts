/**
 * Widget JSON as a server sends it. Every node has a `type` and optional `id`/`key`; the full
 * catalogue (props per component) lives in the widget model. Unknown props pass through.
 */

/** A built-in icon name, `lucide:<name>` or `vendor:<name>`. */
export type WidgetIcon = string;

/** Any widget node. */
export interface WidgetNode {
  type: string;
  id?: string;
  key?: string;
  children?: WidgetNode[];
  [prop: string]: unknown;
}

/** Any widget component below the root. */
export type WidgetComponent = WidgetNode;

/** A widget root: `Card`, `ListView` or `Basic`. */
export interface WidgetRoot extends WidgetNode {
  type: "Card" | "ListView" | "Basic" | (string & {});
}
