import type { ActionConfig, WidgetIssue, WidgetRoot } from "@threadkit/core";
import type { HTMLAttributes } from "react";
import type { WidgetActionHandler, WidgetRegistry } from "./context";

/** Props of {@link WidgetRoot}. */
export interface WidgetRootProps extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /**
   * The widget: a root object as streamed, or a JSON string (hosted REST items). It is validated
   * before rendering; invalid props are ignored, unknown types render a named placeholder.
   */
  widget: WidgetRoot | string | unknown;
  /** The widget item's id, passed to action handlers. */
  itemId?: string | undefined;
  /**
   * Receives server-handled actions (`handler` absent or `"server"`), for a
   * `threads.custom_action` request. Return a promise to show loading until it settles.
   */
  onAction?: WidgetActionHandler | undefined;
  /** Receives client-handled actions (`handler: "client"`). */
  onClientAction?: WidgetActionHandler | undefined;
  /** Called when an action handler throws or rejects. @default console.error */
  onActionError?: ((error: unknown, action: ActionConfig) => void) | undefined;
  /**
   * Replacement components by widget type (`{ Button: MyButton }`); each receives `{ node }`.
   * Keep the object stable (define it outside render): a new object re-renders the whole widget.
   */
  components?: WidgetRegistry | undefined;
  /** Allow `data:image/*` image sources. @default the ThreadUIProvider's `allowDataImages`, else false */
  allowDataImages?: boolean | undefined;
  /**
   * Hosts image sources and status favicons may load from (the thread's `allowed_image_domains`;
   * `null`: no restriction, `[]`: no remote images). @default the ThreadUIProvider's `allowedImageDomains`, else null
   */
  allowedImageDomains?: readonly string[] | null | undefined;
  /** Receives the validation findings whenever the widget changes. */
  onIssues?: ((issues: WidgetIssue[]) => void) | undefined;
}
