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
 * A widget item wired to the thread: `Widget.Root` merges form values and routes each action once
 * (core's `runWidgetAction`); server actions then go to `useWidgetAction`'s `sendServerAction`,
 * which streams them through the run (`threads.custom_action`) or has the backend answer them at
 * once when `streaming: false`; client actions go to `onClientAction`. A failure reaches
 * `onActionError` as well as the provider's `onError`. On a backend without server actions (the
 * hosted REST and Assistants APIs) server actions stay unhandled. Needs the `@threadkit/hooks`
 * provider and thread context.
 *
 * @example
 * <ConnectedWidget item={item} onClientAction={(action) => navigate(action.payload)} />
 */
export const ConnectedWidget = forwardRef<HTMLDivElement, ConnectedWidgetProps>(
  function ConnectedWidget({ item, onClientAction, run, onActionError, ...props }, ref) {
    const actions = useWidgetAction({
      ...(onClientAction ? { onClientAction } : {}),
      ...(run ? { run } : {}),
    });
    const { sendServerAction, runClientAction, canSendServerActions } = actions;
    const source = useCallback(
      (context: WidgetActionContext) => (context.itemId ? { id: context.itemId, item } : null),
      [item],
    );
    // The action arrives merged and routed: it is sent as it is, not routed a second time.
    const onAction = useCallback(
      (action: ActionConfig, context: WidgetActionContext) =>
        sendServerAction(action, source(context)),
      [sendServerAction, source],
    );
    const onClient = useCallback(
      (action: ActionConfig, context: WidgetActionContext) =>
        runClientAction(action, source(context)),
      [runClientAction, source],
    );
    return (
      <WidgetRootView
        {...props}
        ref={ref}
        widget={item.widget}
        itemId={item.id}
        onAction={canSendServerActions ? onAction : undefined}
        onClientAction={onClient}
        // Failures are already reported to the provider's `onError`; the app may add its own.
        onActionError={onActionError ?? ignoreReported}
      />
    );
  },
);
ConnectedWidget.displayName = "Widget.Connected";

function ignoreReported(): void {}
