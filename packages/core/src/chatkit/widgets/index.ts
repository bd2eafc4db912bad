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
