/**
 * Per-component prop checks for the widget catalogue. Each check answers "may the renderer use
 * this value?"; a value that fails is dropped from the validated node and reported.
 */
import { WIDGET_ICON_NAMES, type WidgetType } from "./types";

/** A predicate over one prop value. */
export type PropCheck = (value: unknown) => boolean;

/** How a component holds children. */
export type ChildrenKind = "nodes" | "single" | "none";

/** The props a component type accepts. */
export interface ComponentSpec {
  /** Props the server model marks as required. */
  required: readonly string[];
  /** Known props and their checks (`children` is handled separately). */
  props: Readonly<Record<string, PropCheck>>;
  children: ChildrenKind;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const str: PropCheck = (v) => typeof v === "string";
const num: PropCheck = (v) => typeof v === "number" && Number.isFinite(v);
const int: PropCheck = (v) => Number.isInteger(v);
const bool: PropCheck = (v) => typeof v === "boolean";
const numOrStr: PropCheck = (v) => num(v) || str(v);
const oneOf =
  (...values: readonly string[]): PropCheck =>
  (v) =>
    typeof v === "string" && values.includes(v);
const either =
  (...checks: PropCheck[]): PropCheck =>
  (v) =>
    checks.some((check) => check(v));
const shape =
  (fields: Record<string, PropCheck>, required: readonly string[] = []): PropCheck =>
  (v) =>
    isRecord(v) &&
    required.every((key) => v[key] !== undefined) &&
    Object.entries(fields).every(([key, check]) => v[key] === undefined || check(v[key]));
const arrayOf =
  (check: PropCheck): PropCheck =>
  (v) =>
    Array.isArray(v) && v.every(check);

const themeColor = shape({ light: str, dark: str }, ["light", "dark"]);
const color = either(str, themeColor);
const spacing = either(
  numOrStr,
  shape({
    top: numOrStr,
    right: numOrStr,
    bottom: numOrStr,
    left: numOrStr,
    x: numOrStr,
    y: numOrStr,
  }),
);
const borderStyle = oneOf(
  "solid",
  "dashed",
  "dotted",
  "double",
  "groove",
  "ridge",
  "inset",
  "outset",
);
const border = shape({ size: num, color, style: borderStyle }, ["size"]);
const borderOrNum = either(num, border);
const sides = ["top", "right", "bottom", "left", "x", "y"] as const;
/** A width, one border, or per-side borders (an object with `size` is one border). */
const borders: PropCheck = (v) => {
  if (borderOrNum(v)) return true;
  if (!isRecord(v) || "size" in v) return false;
  const keys = Object.keys(v);
  return (
    keys.length > 0 &&
    keys.every((key) => (sides as readonly string[]).includes(key) && borderOrNum(v[key]))
  );
};
const radius = oneOf(
  "2xs",
  "xs",
  "sm",
  "md",
  "lg",
  "xl",
  "2xl",
  "3xl",
  "4xl",
  "full",
  "100%",
  "none",
);
const alignment = oneOf("start", "center", "end", "baseline", "stretch");
const justification = oneOf("start", "center", "end", "between", "around", "evenly", "stretch");
const controlVariant = oneOf("solid", "soft", "outline", "ghost");
const controlSize = oneOf("3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl");
const gutterSize = oneOf("2xs", "xs", "sm", "md", "lg", "xl");
const textAlign = oneOf("start", "center", "end");
const textSize = oneOf("xs", "sm", "md", "lg", "xl");
const weight = oneOf("normal", "medium", "semibold", "bold");
const theme = oneOf("light", "dark");
const direction = oneOf("row", "col");
const builtinIcons: readonly string[] = WIDGET_ICON_NAMES;
/** Any non-empty name is accepted (unknown names render a placeholder icon). */
const icon: PropCheck = (v) => typeof v === "string" && v.length > 0;

/** Whether `name` is one of ChatKit's built-in icon names. */
export function isBuiltinWidgetIcon(name: string): boolean {
  return builtinIcons.includes(name);
}

/** `ActionConfig`: a string `type`, plus optional handler, loading behaviour and streaming. */
export const actionConfig: PropCheck = shape(
  {
    type: (v) => typeof v === "string" && v.length > 0,
    handler: oneOf("client", "server"),
    loadingBehavior: oneOf("auto", "none", "self", "container"),
    streaming: bool,
  },
  ["type"],
);
const cardAction = shape({ label: str, action: actionConfig }, ["label", "action"]);
const status = shape({ text: str, favicon: str, frame: bool, icon }, ["text"]);

const block: Record<string, PropCheck> = {
  height: numOrStr,
  width: numOrStr,
  size: numOrStr,
  minHeight: numOrStr,
  minWidth: numOrStr,
  minSize: numOrStr,
  maxHeight: numOrStr,
  maxWidth: numOrStr,
  maxSize: numOrStr,
  aspectRatio: numOrStr,
  radius,
  margin: spacing,
};
const boxBase: Record<string, PropCheck> = {
  ...block,
  align: alignment,
  justify: justification,
  wrap: oneOf("nowrap", "wrap", "wrap-reverse"),
  flex: numOrStr,
  gap: numOrStr,
  padding: spacing,
  border: borders,
  background: color,
};
const textCommon: Record<string, PropCheck> = {
  value: str,
  color,
  weight,
  textAlign,
  truncate: bool,
  maxLines: int,
};
const editable = either(
  (v) => v === false,
  shape(
    {
      name: str,
      autoFocus: bool,
      autoSelect: bool,
      autoComplete: str,
      allowAutofillExtensions: bool,
      pattern: str,
      placeholder: str,
      required: bool,
    },
    ["name"],
  ),
);
const fieldCommon: Record<string, PropCheck> = {
  name: (v) => typeof v === "string" && v.length > 0,
  disabled: bool,
};
const curveType = oneOf(
  "basis",
  "basisClosed",
  "basisOpen",
  "bumpX",
  "bumpY",
  "bump",
  "linear",
  "linearClosed",
  "natural",
  "monotoneX",
  "monotoneY",
  "monotone",
  "step",
  "stepBefore",
  "stepAfter",
);
const seriesLabel = either(str, (v) => v === null);
const series = either(
  shape({ type: oneOf("bar"), label: seriesLabel, dataKey: str, stack: str, color }, [
    "type",
    "dataKey",
  ]),
  shape({ type: oneOf("area"), label: seriesLabel, dataKey: str, stack: str, color, curveType }, [
    "type",
    "dataKey",
  ]),
  shape({ type: oneOf("line"), label: seriesLabel, dataKey: str, color, curveType }, [
    "type",
    "dataKey",
  ]),
);
const chartDatum: PropCheck = (v) => isRecord(v) && Object.values(v).every(numOrStr);
const xAxis = either(
  str,
  shape({ dataKey: str, hide: bool, labels: (v) => isRecord(v) && Object.values(v).every(str) }, [
    "dataKey",
  ]),
);

const spec = (
  props: Record<string, PropCheck>,
  required: readonly string[] = [],
  children: ChildrenKind = "none",
): ComponentSpec => ({ props, required, children });

/** The whole catalogue: what each known `type` accepts. */
export const WIDGET_SPECS: Readonly<Record<WidgetType, ComponentSpec>> = {
  Card: spec(
    {
      asForm: bool,
      background: color,
      size: oneOf("sm", "md", "lg", "full"),
      padding: spacing,
      status,
      collapsed: bool,
      confirm: cardAction,
      cancel: cardAction,
      theme,
      border: borders,
    },
    ["children"],
    "nodes",
  ),
  ListView: spec(
    { limit: either((v) => int(v) && (v as number) >= 0, oneOf("auto")), status, theme },
    ["children"],
    "nodes",
  ),
  ListViewItem: spec(
    { onClickAction: actionConfig, gap: numOrStr, align: alignment },
    ["children"],
    "nodes",
  ),
  Basic: spec(
    { theme, direction, gap: numOrStr, padding: spacing, align: alignment, justify: justification },
    ["children"],
    "nodes",
  ),
  Box: spec({ ...boxBase, direction }, [], "nodes"),
  Row: spec(boxBase, [], "nodes"),
  Col: spec(boxBase, [], "nodes"),
  Form: spec({ ...boxBase, onSubmitAction: actionConfig, direction }, [], "nodes"),
  Spacer: spec({ minSize: numOrStr }),
  Divider: spec({ color, size: numOrStr, spacing: numOrStr, flush: bool }),
  Transition: spec({}, [], "single"),
  Text: spec(
    {
      ...textCommon,
      streaming: bool,
      italic: bool,
      lineThrough: bool,
      width: numOrStr,
      size: textSize,
      minLines: int,
      editable,
    },
    ["value"],
  ),
  Title: spec({ ...textCommon, size: oneOf("sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl") }, [
    "value",
  ]),
  Caption: spec({ ...textCommon, size: oneOf("sm", "md", "lg") }, ["value"]),
  Markdown: spec({ value: str, streaming: bool }, ["value"]),
  Label: spec({ value: str, fieldName: str, size: textSize, weight, textAlign, color }, [
    "value",
    "fieldName",
  ]),
  Badge: spec(
    {
      label: str,
      color: oneOf("secondary", "success", "danger", "warning", "info", "discovery"),
      variant: oneOf("solid", "soft", "outline"),
      size: oneOf("sm", "md", "lg"),
      pill: bool,
    },
    ["label"],
  ),
  Icon: spec({ name: icon, color, size: oneOf("xs", "sm", "md", "lg", "xl", "2xl", "3xl") }, [
    "name",
  ]),
  Image: spec(
    {
      ...block,
      src: str,
      alt: str,
      fit: oneOf("cover", "contain", "fill", "scale-down", "none"),
      position: oneOf(
        "top left",
        "top",
        "top right",
        "left",
        "center",
        "right",
        "bottom left",
        "bottom",
        "bottom right",
      ),
      frame: bool,
      flush: bool,
      background: color,
      flex: numOrStr,
    },
    ["src"],
  ),
  Button: spec({
    label: str,
    onClickAction: actionConfig,
    submit: bool,
    iconStart: icon,
    iconEnd: icon,
    style: oneOf("primary", "secondary"),
    iconSize: oneOf("sm", "md", "lg", "xl", "2xl"),
    color: oneOf(
      "primary",
      "secondary",
      "info",
      "discovery",
      "success",
      "caution",
      "warning",
      "danger",
    ),
    variant: controlVariant,
    size: controlSize,
    pill: bool,
    uniform: bool,
    block: bool,
    disabled: bool,
  }),
  Input: spec(
    {
      ...fieldCommon,
      inputType: oneOf("number", "email", "text", "password", "tel", "url"),
      defaultValue: str,
      required: bool,
      pattern: str,
      placeholder: str,
      allowAutofillExtensions: bool,
      autoSelect: bool,
      autoFocus: bool,
      variant: oneOf("soft", "outline"),
      size: controlSize,
      gutterSize,
      pill: bool,
    },
    ["name"],
  ),
  Textarea: spec(
    {
      ...fieldCommon,
      defaultValue: str,
      required: bool,
      pattern: str,
      placeholder: str,
      autoSelect: bool,
      autoFocus: bool,
      variant: oneOf("soft", "outline"),
      size: controlSize,
      gutterSize,
      rows: int,
      autoResize: bool,
      maxRows: int,
      allowAutofillExtensions: bool,
    },
    ["name"],
  ),
  Select: spec(
    {
      ...fieldCommon,
      options: arrayOf(
        shape({ value: str, label: str, disabled: bool, description: str }, ["value", "label"]),
      ),
      onChangeAction: actionConfig,
      placeholder: str,
      defaultValue: str,
      variant: controlVariant,
      size: controlSize,
      pill: bool,
      block: bool,
      clearable: bool,
      searchable: bool,
    },
    ["name", "options"],
  ),
  DatePicker: spec(
    {
      ...fieldCommon,
      onChangeAction: actionConfig,
      placeholder: str,
      defaultValue: str,
      min: str,
      max: str,
      variant: controlVariant,
      size: controlSize,
      side: oneOf("top", "bottom", "left", "right"),
      align: oneOf("start", "center", "end"),
      pill: bool,
      block: bool,
      clearable: bool,
    },
    ["name"],
  ),
  Checkbox: spec(
    {
      ...fieldCommon,
      label: str,
      defaultChecked: bool,
      onChangeAction: actionConfig,
      required: bool,
    },
    ["name"],
  ),
  RadioGroup: spec(
    {
      ...fieldCommon,
      options: arrayOf(shape({ label: str, value: str, disabled: bool }, ["label", "value"])),
      ariaLabel: str,
      onChangeAction: actionConfig,
      defaultValue: str,
      direction,
      required: bool,
    },
    ["name"],
  ),
  Chart: spec(
    {
      ...block,
      data: arrayOf(chartDatum),
      series: arrayOf(series),
      xAxis,
      showYAxis: bool,
      showLegend: bool,
      showTooltip: bool,
      barGap: int,
      barCategoryGap: int,
      flex: numOrStr,
    },
    ["data", "series", "xAxis"],
  ),
  Table: spec({}, [], "nodes"),
  "Table.Row": spec({ header: bool }, [], "nodes"),
  "Table.Cell": spec(
    {
      width: numOrStr,
      padding: spacing,
      colSpan: int,
      rowSpan: int,
      align: oneOf("start", "center", "end"),
      vAlign: oneOf("start", "center", "end"),
      colSize: oneOf("xs", "sm", "md", "lg", "xl"),
    },
    [],
    "nodes",
  ),
};
