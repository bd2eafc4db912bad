import type { WidgetItem } from "@threadkit/core";
import { memo, type ReactNode } from "react";
import type { ItemRendererProps, WidgetItemRenderer } from "../context";
import { type WidgetRootProps, WidgetRootView } from "./widget-root";

/** Options of {@link createWidgetItemRenderer}. */
export type WidgetItemRendererOptions = Pick<
  WidgetRootProps,
  "onAction" | "onClientAction" | "onActionError" | "components" | "allowDataImages"
>;

/**
 * Makes the renderer of `widget` thread items, for `ThreadUIProvider`'s `renderers.widget`. Server
 * actions go to `onAction` (wire it to `useWidgetAction` from `@threadkit/hooks`, which sends
 * `threads.custom_action` for the item), client actions to `onClientAction`. Create it once
 * (module scope or `useMemo`): the returned component's identity is what React memoizes on.
 *
 * @example
 * const renderers = { widget: createWidgetItemRenderer({ onAction: (action, { itemId }) => send(itemId, action) }) };
 * <ThreadUIProvider renderers={renderers}>…</ThreadUIProvider>
 */
export function createWidgetItemRenderer(
  options: WidgetItemRendererOptions = {},
): WidgetItemRenderer {
  // biome-ignore lint/correctness/noComponentHookFactories: a factory by design; it is called once, outside render
  const WidgetItemView = memo(function WidgetItemView({
    item,
  }: ItemRendererProps<WidgetItem>): ReactNode {
    return (
      <WidgetRootView
        widget={item.widget}
        itemId={item.id}
        onAction={options.onAction}
        onClientAction={options.onClientAction}
        onActionError={options.onActionError}
        components={options.components}
        allowDataImages={options.allowDataImages}
      />
    );
  });
  WidgetItemView.displayName = "WidgetItemView";
  return WidgetItemView;
}
