import type { WidgetType } from "@threadkit/core";
import { WidgetButton } from "./button";
import { WidgetChart } from "./chart";
import {
  WidgetBadge,
  WidgetCaption,
  WidgetIcon,
  WidgetImage,
  WidgetLabel,
  WidgetMarkdown,
  WidgetText,
  WidgetTitle,
} from "./content";
import type { WidgetComponentType } from "./context";
import {
  WidgetCheckbox,
  WidgetDatePicker,
  WidgetInput,
  WidgetRadioGroup,
  WidgetSelect,
  WidgetTextarea,
} from "./fields";
import {
  WidgetBasic,
  WidgetBox,
  WidgetCard,
  WidgetCol,
  WidgetDivider,
  WidgetForm,
  WidgetListView,
  WidgetListViewItem,
  WidgetRow,
  WidgetSpacer,
  WidgetTransition,
} from "./layout";
import { defaultWidgetComponents } from "./node";
import { WidgetTable, WidgetTableCell, WidgetTableRow } from "./table";

/**
 * The component that renders each widget type by default. Spread it to wrap a default:
 * `{ Button: (props) => <Tracked><defaultWidgetRegistry.Button {...props} /></Tracked> }`.
 */
export const defaultWidgetRegistry: Readonly<Record<WidgetType, WidgetComponentType>> = {
  Card: WidgetCard,
  ListView: WidgetListView,
  ListViewItem: WidgetListViewItem,
  Basic: WidgetBasic,
  Box: WidgetBox,
  Row: WidgetRow,
  Col: WidgetCol,
  Form: WidgetForm,
  Spacer: WidgetSpacer,
  Divider: WidgetDivider,
  Transition: WidgetTransition,
  Text: WidgetText,
  Title: WidgetTitle,
  Caption: WidgetCaption,
  Markdown: WidgetMarkdown,
  Label: WidgetLabel,
  Badge: WidgetBadge,
  Icon: WidgetIcon,
  Image: WidgetImage,
  Button: WidgetButton,
  Input: WidgetInput,
  Textarea: WidgetTextarea,
  Select: WidgetSelect,
  DatePicker: WidgetDatePicker,
  Checkbox: WidgetCheckbox,
  RadioGroup: WidgetRadioGroup,
  Chart: WidgetChart,
  Table: WidgetTable,
  "Table.Row": WidgetTableRow,
  "Table.Cell": WidgetTableCell,
};

defaultWidgetComponents.current = defaultWidgetRegistry;
