export { type WidgetActionRoute, widgetActionRoute } from "./action-route";
export {
  type ActionWithValues,
  nestFormValues,
  type ResolvedLoadingBehavior,
  type RunWidgetActionOptions,
  resolveLoadingBehavior,
  runWidgetAction,
  type WidgetActionBinding,
  type WidgetActionRunner,
  type WidgetFormValue,
  type WidgetFormValues,
  withFormValues,
} from "./actions";
export {
  isKnownWidgetType,
  isWidgetType,
  type ParsedWidgetRoot,
  parseWidgetRoot,
  type SafeParseWidgetRootResult,
  safeParseWidgetRoot,
  type WidgetIssue,
  type WidgetIssueCode,
  WidgetParseError,
} from "./parse-widget";
export { type ComponentSpec, isBuiltinWidgetIcon, type PropCheck, WIDGET_SPECS } from "./schema";
export { widgetChildren } from "./widget-children";
