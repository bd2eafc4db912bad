export {
  type ResolvedLoadingBehavior,
  resolveLoadingBehavior,
  type WidgetActionBinding,
  type WidgetFormValue,
  type WidgetFormValues,
  withFormValues,
} from "@threadkit/core";
export { readWidgetFormEntries, readWidgetFormValues } from "./actions";
export { preloadWidgetChart } from "./chart";
export {
  ConnectedWidget,
  ConnectedWidget as Connected,
  type ConnectedWidgetProps,
} from "./connected-widget";
export {
  type DispatchOptions,
  useWidgetActionTrigger,
  useWidgetForm,
  useWidgetRuntime,
  type WidgetActionContext,
  type WidgetActionHandler,
  type WidgetComponentProps,
  type WidgetComponentType,
  type WidgetRegistry,
} from "./context";
export {
  hasWidgetIcon,
  preloadWidgetIcons,
  registerWidgetIcons,
  type WidgetIconComponent,
  type WidgetIconComponentProps,
  WidgetIconGlyph,
  type WidgetIconGlyphProps,
  type WidgetIconResolver,
  type WidgetIconSource,
} from "./icon";
export { WIDGET_ICONS } from "./icon-set";
export {
  WidgetChildren,
  WidgetChildren as Children,
  type WidgetChildrenProps,
  WidgetNodeView,
  WidgetNodeView as Node,
  WidgetUnknown,
} from "./node";
export { defaultWidgetRegistry } from "./registry";
export { resolveColor } from "./style";
export { createWidgetItemRenderer, type WidgetItemRendererOptions } from "./widget-item";
export {
  preloadWidgets,
  type WidgetRootProps,
  WidgetRootView as Root,
  WidgetRootView,
} from "./widget-root";
