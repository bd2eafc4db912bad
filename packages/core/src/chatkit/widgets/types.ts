/**
 * The ChatKit widget catalogue as a server sends it: the superset of chatkit-python's
 * `chatkit/widgets.py` models and chatkit-js's `widgets.d.ts` types (Chart is Python-only,
 * Table/Table.Row/Table.Cell and Card.border are JS-only).
 *
 * Every node is `{ type, id?, key?, ...props }`. Props are optional unless the server model marks
 * them required; an omitted prop means "renderer default". Unknown props and unknown component
 * types pass through untouched (Widget Builder templates emit both), so the loose {@link WidgetNode}
 * is the shape a tree is held in, and the per-component interfaces below describe what a known
 * `type` carries. `parseWidgetRoot` (in `@threadkit/core`) checks a tree against them.
 */

// ---------------------------------------------------------------------------------------------
// Shared value types
// ---------------------------------------------------------------------------------------------

/** A built-in ChatKit icon name, `lucide:<name>` or `vendor:<name>`. Unknown names are kept. */
export type WidgetIcon =
  | BuiltinWidgetIconName
  | `lucide:${string}`
  | `vendor:${string}`
  | (string & {});

/** The 64 icon names built into ChatKit (`chatkit/icons.py` `IconName`). */
export const WIDGET_ICON_NAMES = [
  "agent",
  "analytics",
  "atom",
  "batch",
  "bolt",
  "book-open",
  "book-closed",
  "book-clock",
  "bug",
  "calendar",
  "chart",
  "check",
  "check-circle",
  "check-circle-filled",
  "chevron-left",
  "chevron-right",
  "circle-question",
  "clock",
  "compass",
  "confetti",
  "cube",
  "desktop",
  "document",
  "dot",
  "dots-horizontal",
  "dots-vertical",
  "empty-circle",
  "external-link",
  "globe",
  "keys",
  "lab",
  "images",
  "info",
  "lifesaver",
  "lightbulb",
  "mail",
  "map-pin",
  "maps",
  "mobile",
  "name",
  "notebook",
  "notebook-pencil",
  "page-blank",
  "phone",
  "play",
  "plus",
  "profile",
  "profile-card",
  "reload",
  "star",
  "star-filled",
  "search",
  "sparkle",
  "sparkle-double",
  "square-code",
  "square-image",
  "square-text",
  "suitcase",
  "settings-slider",
  "user",
  "wreath",
  "write",
  "write-alt",
  "write-alt2",
] as const;

/** One of {@link WIDGET_ICON_NAMES}. */
export type BuiltinWidgetIconName = (typeof WIDGET_ICON_NAMES)[number];

/** A color for light and dark color schemes. */
export interface ThemeColor {
  light: string;
  dark: string;
}

/**
 * A color: a token (`primary`, `secondary`, `surface`, `red-100`, `blue-900` …), any CSS color
 * string, or a `{ light, dark }` pair.
 */
export type WidgetColor = string | ThemeColor;

/** Numbers are spacing units (`--tk-widget-space` each); strings are raw CSS lengths. */
export type SpacingValue = number | string;

/** Per-side spacing; `x`/`y` set both sides of an axis. */
export interface Spacing {
  top?: SpacingValue;
  right?: SpacingValue;
  bottom?: SpacingValue;
  left?: SpacingValue;
  x?: SpacingValue;
  y?: SpacingValue;
}

/** A border line. `size` is in px. */
export interface Border {
  size: number;
  color?: WidgetColor;
  style?: "solid" | "dashed" | "dotted" | "double" | "groove" | "ridge" | "inset" | "outset";
}

/** Per-side borders; a number is a width in px with the default color. */
export interface Borders {
  top?: number | Border;
  right?: number | Border;
  bottom?: number | Border;
  left?: number | Border;
  x?: number | Border;
  y?: number | Border;
}

/** Radius scale. */
export type RadiusValue =
  | "2xs"
  | "xs"
  | "sm"
  | "md"
  | "lg"
  | "xl"
  | "2xl"
  | "3xl"
  | "4xl"
  | "full"
  | "100%"
  | "none";

/** Cross-axis alignment. */
export type Alignment = "start" | "center" | "end" | "baseline" | "stretch";
/** Main-axis distribution. */
export type Justification =
  | "start"
  | "center"
  | "end"
  | "between"
  | "around"
  | "evenly"
  | "stretch";
/** Control look. */
export type ControlVariant = "solid" | "soft" | "outline" | "ghost";
/** Control size scale. */
export type ControlSize = "3xs" | "2xs" | "xs" | "sm" | "md" | "lg" | "xl" | "2xl" | "3xl";
/** Text alignment. */
export type TextAlign = "start" | "center" | "end";
/** Text size scale. */
export type TextSize = "xs" | "sm" | "md" | "lg" | "xl";
/** Title size scale. */
export type TitleSize = "sm" | "md" | "lg" | "xl" | "2xl" | "3xl" | "4xl" | "5xl";
/** Caption size scale. */
export type CaptionSize = "sm" | "md" | "lg";
/** Icon size scale. */
export type IconSize = "xs" | "sm" | "md" | "lg" | "xl" | "2xl" | "3xl";
/** Font weight. */
export type FontWeight = "normal" | "medium" | "semibold" | "bold";

/** The header line above a Card or ListView: a favicon or an icon, then text. */
export type WidgetStatus =
  | { text: string; favicon?: string; frame?: boolean }
  | { text: string; icon?: WidgetIcon };

/**
 * What a widget does when used (`chatkit/actions.py` `ActionConfig`). JS types declare only
 * `type` and `payload`; the Python model is the superset.
 */
export interface ActionConfig {
  /** The application's action name, e.g. `"cats.select_name"`. */
  type: string;
  /** Arbitrary JSON; form values are merged into it. Default `null`. */
  payload?: unknown;
  /** Who handles it. Default `"server"` (a `threads.custom_action` request). */
  handler?: "client" | "server";
  /** Where a pending state shows. Default `"auto"`. */
  loadingBehavior?: "auto" | "none" | "self" | "container";
  /** `false` uses `threads.sync_custom_action`. Default `true`. */
  streaming?: boolean;
}

/** A labelled footer action of a Card. */
export interface CardAction {
  label: string;
  action: ActionConfig;
}

/** Size and margin props shared by blocks. Numbers are px (margin: spacing units). */
export interface BlockProps {
  height?: number | string;
  width?: number | string;
  size?: number | string;
  minHeight?: number | string;
  minWidth?: number | string;
  minSize?: number | string;
  maxHeight?: number | string;
  maxWidth?: number | string;
  maxSize?: number | string;
  aspectRatio?: number | string;
  radius?: RadiusValue;
  margin?: SpacingValue | Spacing;
}

/** Flex container props shared by Box, Row, Col and Form. */
export interface BoxBaseProps extends BlockProps {
  children?: WidgetNode[];
  align?: Alignment;
  justify?: Justification;
  wrap?: "nowrap" | "wrap" | "wrap-reverse";
  flex?: number | string;
  gap?: SpacingValue;
  padding?: SpacingValue | Spacing;
  border?: number | Border | Borders;
  background?: WidgetColor;
}

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

/**
 * Any widget node as received: a `type`, an optional `id` (required for text streaming) and
 * `key`, and any props. Unknown props and types are preserved.
 */
export interface WidgetNode {
  type: string;
  id?: string;
  key?: string;
  /**
   * Child nodes. Containers hold an array; `Transition` holds a single node (chatkit-js types
   * it that way) and an array is accepted there too.
   */
  children?: WidgetNode[] | WidgetNode;
  [prop: string]: unknown;
}

/** Any widget component below the root. */
export type WidgetComponent = WidgetNode;

/** A widget root: `Card`, `ListView` or `Basic` (other types are kept and rendered as unknown). */
export interface WidgetRoot extends WidgetNode {
  type: "Card" | "ListView" | "Basic" | (string & {});
}

interface NodeBase {
  id?: string;
  key?: string;
}

/** Root: a bounded card, optionally a form with confirm/cancel footer. */
export interface CardWidget extends NodeBase {
  type: "Card";
  children: WidgetNode[];
  asForm?: boolean;
  background?: WidgetColor;
  /** @default "md" */
  size?: "sm" | "md" | "lg" | "full";
  padding?: SpacingValue | Spacing;
  status?: WidgetStatus;
  collapsed?: boolean;
  confirm?: CardAction;
  cancel?: CardAction;
  theme?: "light" | "dark";
  border?: number | Border | Borders;
}

/** Root: a list of items with an optional "Show more" limit. */
export interface ListViewWidget extends NodeBase {
  type: "ListView";
  children: WidgetNode[];
  limit?: number | "auto";
  status?: WidgetStatus;
  theme?: "light" | "dark";
}

/** One row of a ListView. */
export interface ListViewItemWidget extends NodeBase {
  type: "ListViewItem";
  children: WidgetNode[];
  onClickAction?: ActionConfig;
  gap?: SpacingValue;
  align?: Alignment;
}

/** Root: a minimal container (entity previews). */
export interface BasicWidget extends NodeBase {
  type: "Basic";
  children: WidgetNode[];
  theme?: "light" | "dark";
  direction?: "row" | "col";
  gap?: SpacingValue;
  padding?: SpacingValue | Spacing;
  align?: Alignment;
  justify?: Justification;
}

/** Generic flex container. */
export interface BoxWidget extends NodeBase, BoxBaseProps {
  type: "Box";
  direction?: "row" | "col";
}
/** Horizontal flex container. */
export interface RowWidget extends NodeBase, BoxBaseProps {
  type: "Row";
}
/** Vertical flex container. */
export interface ColWidget extends NodeBase, BoxBaseProps {
  type: "Col";
}
/** A form: injects its field values into every action fired inside it. */
export interface FormWidget extends NodeBase, BoxBaseProps {
  type: "Form";
  onSubmitAction?: ActionConfig;
  direction?: "row" | "col";
}
/** Pushes siblings apart. */
export interface SpacerWidget extends NodeBase {
  type: "Spacer";
  minSize?: number | string;
}
/** A rule. `size` is its thickness in px, `spacing` the space around it. */
export interface DividerWidget extends NodeBase {
  type: "Divider";
  color?: WidgetColor;
  size?: number | string;
  spacing?: SpacingValue;
  flush?: boolean;
}
/** Animates layout changes of its single child. */
export interface TransitionWidget extends NodeBase {
  type: "Transition";
  children?: WidgetNode | WidgetNode[] | null;
}

/** Options of an editable Text (it then acts as a form field named `name`). */
export interface EditableTextOptions {
  name: string;
  autoFocus?: boolean;
  autoSelect?: boolean;
  autoComplete?: string;
  allowAutofillExtensions?: boolean;
  pattern?: string;
  placeholder?: string;
  required?: boolean;
}

/** Body text; streams when it has an `id`. */
export interface TextWidget extends NodeBase {
  type: "Text";
  value: string;
  streaming?: boolean;
  italic?: boolean;
  lineThrough?: boolean;
  color?: WidgetColor;
  weight?: FontWeight;
  width?: number | string;
  size?: TextSize;
  textAlign?: TextAlign;
  truncate?: boolean;
  minLines?: number;
  maxLines?: number;
  editable?: false | EditableTextOptions;
}
/** A heading. */
export interface TitleWidget extends NodeBase {
  type: "Title";
  value: string;
  color?: WidgetColor;
  weight?: FontWeight;
  size?: TitleSize;
  textAlign?: TextAlign;
  truncate?: boolean;
  maxLines?: number;
}
/** Small secondary text. */
export interface CaptionWidget extends NodeBase {
  type: "Caption";
  value: string;
  color?: WidgetColor;
  weight?: FontWeight;
  size?: CaptionSize;
  textAlign?: TextAlign;
  truncate?: boolean;
  maxLines?: number;
}
/** Markdown text, rendered by the safe message renderer; streams when it has an `id`. */
export interface MarkdownWidget extends NodeBase {
  type: "Markdown";
  value: string;
  streaming?: boolean;
}
/** A label bound to the field named `fieldName`. */
export interface LabelWidget extends NodeBase {
  type: "Label";
  value: string;
  fieldName: string;
  size?: TextSize;
  weight?: FontWeight;
  textAlign?: TextAlign;
  color?: WidgetColor;
}
/** A small status label. */
export interface BadgeWidget extends NodeBase {
  type: "Badge";
  label: string;
  color?: "secondary" | "success" | "danger" | "warning" | "info" | "discovery";
  variant?: "solid" | "soft" | "outline";
  size?: "sm" | "md" | "lg";
  pill?: boolean;
}
/** An icon. */
export interface IconWidget extends NodeBase {
  type: "Icon";
  name: WidgetIcon;
  color?: WidgetColor;
  size?: IconSize;
}
/** Image position inside its box. */
export type ImagePosition =
  | "top left"
  | "top"
  | "top right"
  | "left"
  | "center"
  | "right"
  | "bottom left"
  | "bottom"
  | "bottom right";
/** An image; `src` must use an allowed scheme. */
export interface ImageWidget extends NodeBase, BlockProps {
  type: "Image";
  src: string;
  alt?: string;
  fit?: "cover" | "contain" | "fill" | "scale-down" | "none";
  position?: ImagePosition;
  frame?: boolean;
  flush?: boolean;
  background?: WidgetColor;
  flex?: number | string;
}
/** A button. */
export interface ButtonWidget extends NodeBase {
  type: "Button";
  label?: string;
  onClickAction?: ActionConfig;
  submit?: boolean;
  iconStart?: WidgetIcon;
  iconEnd?: WidgetIcon;
  style?: "primary" | "secondary";
  iconSize?: "sm" | "md" | "lg" | "xl" | "2xl";
  color?:
    | "primary"
    | "secondary"
    | "info"
    | "discovery"
    | "success"
    | "caution"
    | "warning"
    | "danger";
  variant?: ControlVariant;
  size?: ControlSize;
  pill?: boolean;
  uniform?: boolean;
  block?: boolean;
  disabled?: boolean;
}
/** A single-line text field. */
export interface InputWidget extends NodeBase {
  type: "Input";
  name: string;
  inputType?: "number" | "email" | "text" | "password" | "tel" | "url";
  defaultValue?: string;
  required?: boolean;
  pattern?: string;
  placeholder?: string;
  allowAutofillExtensions?: boolean;
  autoSelect?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  variant?: "soft" | "outline";
  size?: ControlSize;
  gutterSize?: "2xs" | "xs" | "sm" | "md" | "lg" | "xl";
  pill?: boolean;
}
/** A multi-line text field. */
export interface TextareaWidget extends NodeBase {
  type: "Textarea";
  name: string;
  defaultValue?: string;
  required?: boolean;
  pattern?: string;
  placeholder?: string;
  autoSelect?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  variant?: "soft" | "outline";
  size?: ControlSize;
  gutterSize?: "2xs" | "xs" | "sm" | "md" | "lg" | "xl";
  rows?: number;
  autoResize?: boolean;
  maxRows?: number;
  allowAutofillExtensions?: boolean;
}
/** One option of a Select. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  description?: string;
}
/** A dropdown. */
export interface SelectWidget extends NodeBase {
  type: "Select";
  name: string;
  options: SelectOption[];
  onChangeAction?: ActionConfig;
  placeholder?: string;
  defaultValue?: string;
  variant?: ControlVariant;
  size?: ControlSize;
  pill?: boolean;
  block?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  searchable?: boolean;
}
/** A date field; `min`/`max` are inclusive ISO dates or datetimes. */
export interface DatePickerWidget extends NodeBase {
  type: "DatePicker";
  name: string;
  onChangeAction?: ActionConfig;
  placeholder?: string;
  defaultValue?: string;
  min?: string;
  max?: string;
  variant?: ControlVariant;
  size?: ControlSize;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  pill?: boolean;
  block?: boolean;
  clearable?: boolean;
  disabled?: boolean;
}
/** A checkbox. */
export interface CheckboxWidget extends NodeBase {
  type: "Checkbox";
  name: string;
  label?: string;
  defaultChecked?: boolean;
  onChangeAction?: ActionConfig;
  disabled?: boolean;
  required?: boolean;
}
/** One option of a RadioGroup. */
export interface RadioOption {
  label: string;
  value: string;
  disabled?: boolean;
}
/** A group of radio buttons. */
export interface RadioGroupWidget extends NodeBase {
  type: "RadioGroup";
  name: string;
  options?: RadioOption[];
  ariaLabel?: string;
  onChangeAction?: ActionConfig;
  defaultValue?: string;
  direction?: "row" | "col";
  disabled?: boolean;
  required?: boolean;
}

/** Curve of a line or area series. */
export type CurveType =
  | "basis"
  | "basisClosed"
  | "basisOpen"
  | "bumpX"
  | "bumpY"
  | "bump"
  | "linear"
  | "linearClosed"
  | "natural"
  | "monotoneX"
  | "monotoneY"
  | "monotone"
  | "step"
  | "stepBefore"
  | "stepAfter";
/** A bar series. */
export interface BarSeries {
  type: "bar";
  label?: string | null;
  dataKey: string;
  stack?: string;
  color?: WidgetColor;
}
/** An area series. */
export interface AreaSeries {
  type: "area";
  label?: string | null;
  dataKey: string;
  stack?: string;
  color?: WidgetColor;
  curveType?: CurveType;
}
/** A line series. */
export interface LineSeries {
  type: "line";
  label?: string | null;
  dataKey: string;
  color?: WidgetColor;
  curveType?: CurveType;
}
/** Any chart series. */
export type ChartSeries = BarSeries | AreaSeries | LineSeries;
/** The x axis: a data key, or a key with options. */
export type ChartXAxis =
  | string
  | { dataKey: string; hide?: boolean; labels?: Record<string, string> };
/** A chart (Python models only). */
export interface ChartWidget extends NodeBase, Omit<BlockProps, "radius" | "margin"> {
  type: "Chart";
  data: Record<string, string | number>[];
  series: ChartSeries[];
  xAxis: ChartXAxis;
  showYAxis?: boolean;
  showLegend?: boolean;
  showTooltip?: boolean;
  barGap?: number;
  barCategoryGap?: number;
  flex?: number | string;
}
/** A table (JS types only). */
export interface TableWidget extends NodeBase {
  type: "Table";
  children?: WidgetNode[];
}
/** A table row; `header` rows render header cells. */
export interface TableRowWidget extends NodeBase {
  type: "Table.Row";
  children?: WidgetNode[];
  header?: boolean;
}
/** A table cell. */
export interface TableCellWidget extends NodeBase {
  type: "Table.Cell";
  children?: WidgetNode[];
  width?: number | string;
  padding?: Spacing;
  colSpan?: number;
  rowSpan?: number;
  align?: "start" | "center" | "end";
  vAlign?: "start" | "center" | "end";
  colSize?: "xs" | "sm" | "md" | "lg" | "xl";
}

/** Every known component, keyed by its `type`. */
export interface WidgetComponentByType {
  Card: CardWidget;
  ListView: ListViewWidget;
  ListViewItem: ListViewItemWidget;
  Basic: BasicWidget;
  Box: BoxWidget;
  Row: RowWidget;
  Col: ColWidget;
  Form: FormWidget;
  Spacer: SpacerWidget;
  Divider: DividerWidget;
  Transition: TransitionWidget;
  Text: TextWidget;
  Title: TitleWidget;
  Caption: CaptionWidget;
  Markdown: MarkdownWidget;
  Label: LabelWidget;
  Badge: BadgeWidget;
  Icon: IconWidget;
  Image: ImageWidget;
  Button: ButtonWidget;
  Input: InputWidget;
  Textarea: TextareaWidget;
  Select: SelectWidget;
  DatePicker: DatePickerWidget;
  Checkbox: CheckboxWidget;
  RadioGroup: RadioGroupWidget;
  Chart: ChartWidget;
  Table: TableWidget;
  "Table.Row": TableRowWidget;
  "Table.Cell": TableCellWidget;
}

/** A known component `type`. */
export type WidgetType = keyof WidgetComponentByType;

/** Any known component, as a discriminated union on `type`. */
export type KnownWidgetComponent = WidgetComponentByType[WidgetType];

/** A strictly typed root (what `Card | ListView | Basic` allow). */
export type StrictWidgetRoot = CardWidget | ListViewWidget | BasicWidget;
