/**
 * The route of a widget action, apart from the rest of the action rules (`./actions`): a thread
 * view decides where a routed action goes without bundling the form merging and dispatch that
 * only the widget catalogue uses.
 */
import type { ActionConfig } from "./types";

/**
 * Where an action goes: `"client"` (`handler: "client"`, the app handles it), `"sync"`
 * (`streaming: false`, answered by `threads.sync_custom_action`) or `"stream"` (the default,
 * `threads.custom_action`).
 */
export type WidgetActionRoute = "client" | "sync" | "stream";

/** The route of an action; see {@link WidgetActionRoute}. */
export function widgetActionRoute(action: ActionConfig): WidgetActionRoute {
  if (action.handler === "client") return "client";
  return action.streaming === false ? "sync" : "stream";
}
