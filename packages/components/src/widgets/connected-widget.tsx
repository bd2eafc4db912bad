import type { ActionConfig, WidgetItem } from "@threadkit/core";
import {
  type ClientWidgetActionHandler,
  type UseRunStreamResult,
  useWidgetAction,
} from "@threadkit/hooks";
import { forwardRef, useCallback } from "react";
import type { WidgetActionContext } from "./context";
import { type WidgetRootProps, WidgetRootView } from "./widget-root";

/** Props of {@link ConnectedWidget}. */
export interface ConnectedWidgetProps
  extends Omit<WidgetRootProps, "widget" | "itemId" | "onAction" | "onClientAction"> {
  /** The widget thread item. */
  item: WidgetItem;
  /** The app's handler for `handler: "client"` actions. */
  onClientAction?: ClientWidgetActionHandler | undefined;
  /** The run that streams server actions; defaults to the enclosing thread's run. */
  run?: UseRunStreamResult | undefined;
}

/**
 * A widget item wired to the thread: server actions stream through `threads.custom_action`
 * (or `threads.sync_custom_action` when `streaming: false`) via `useWidgetAction`, client
 * actions go to `onClientAction`. Needs the `@threadkit/hooks` provider and thread context.
 *
 * @example
 * <ConnectedWidget item={item} onClientAction={(action) => navigate(action.payload)} />
 */
export const ConnectedWidget = forwardRef<HTMLDivElement, ConnectedWidgetProps>(
  function ConnectedWidget({ item, onClientAction, run, ...props }, ref) {
    const actions = useWidgetAction({
      ...(onClientAction ? { onClientAction } : {}),
      ...(run ? { run } : {}),
    });
    const { dispatch } = actions;
    // useWidgetAction routes client and server actions itself; form values are already merged.
    const send = useCallback(
      (action: ActionConfig, context: WidgetActionContext) =>
        dispatch(action, context.itemId ? { id: context.itemId, item } : null),
      [dispatch, item],
    );
    return (
      <WidgetRootView
        {...props}
        ref={ref}
        widget={item.widget}
        itemId={item.id}
        onAction={send}
        onClientAction={send}
      />
    );
  },
);
ConnectedWidget.displayName = "Widget.Connected";
