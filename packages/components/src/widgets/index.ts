export {
  readWidgetFormEntries,
  readWidgetFormValues,
  resolveLoadingBehavior,
  type ResolvedLoadingBehavior,
  type WidgetActionBinding,
  type WidgetFormValue,
  type WidgetFormValues,
  withFormValues,
} from "./actions";
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
export { WIDGET_ICONS, WidgetIconGlyph, type WidgetIconGlyphProps } from "./icon";
export { WidgetChildren, type WidgetChildrenProps, WidgetNodeView, WidgetUnknown } from "./node";
export { defaultWidgetRegistry } from "./registry";
export { resolveColor } from "./style";
export { WidgetRootView as Root, WidgetRootView as WidgetRoot, type WidgetRootProps } from "./widget-root";
export { WidgetChildren as Children, WidgetNodeView as Node } from "./node";
