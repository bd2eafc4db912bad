import type { TableCellWidget, TableRowWidget, TableWidget, WidgetNode } from "@threadkit/core";
import { type CSSProperties, createContext, type ReactNode, useContext } from "react";
import type { WidgetComponentProps } from "./context";
import { WidgetChildren } from "./node";
import { dimension, paddingStyle } from "./style";

type Props<T> = WidgetComponentProps<WidgetNode & T>;

const HeaderRowContext = createContext(false);

function rows(children: unknown): WidgetNode[] {
  return Array.isArray(children)
    ? children.filter((row): row is WidgetNode => typeof row === "object" && row !== null)
    : [];
}

/**
 * A table; `Table.Row` with `header` render in `<thead>` with header cells.
 * @selector [data-tk-part="widget-table"]
 */
export function WidgetTable({ node }: Props<Partial<TableWidget>>): ReactNode {
  const all = rows(node.children);
  const head = all.filter((row) => row.type === "Table.Row" && row.header === true);
  const body = all.filter((row) => !(row.type === "Table.Row" && row.header === true));
  return (
    <div data-tk-part="widget-table-scroll">
      <table data-tk-part="widget-table">
        {head.length > 0 ? (
          <thead>
            <WidgetChildren nodes={head} />
          </thead>
        ) : null}
        <tbody>
          <WidgetChildren nodes={body} />
        </tbody>
      </table>
    </div>
  );
}

/**
 * A table row.
 * @selector [data-tk-part="widget-table-row"] [data-header]
 */
export function WidgetTableRow({ node }: Props<Partial<TableRowWidget>>): ReactNode {
  return (
    <tr data-tk-part="widget-table-row" data-header={node.header === true ? "" : undefined}>
      <HeaderRowContext.Provider value={node.header === true}>
        <WidgetChildren nodes={node.children} />
      </HeaderRowContext.Provider>
    </tr>
  );
}

const COL_SIZE: Record<string, string> = {
  xs: "4rem",
  sm: "6rem",
  md: "9rem",
  lg: "13rem",
  xl: "18rem",
};
const ALIGN: Record<string, "left" | "center" | "right"> = {
  start: "left",
  center: "center",
  end: "right",
};
const VALIGN: Record<string, "top" | "middle" | "bottom"> = {
  start: "top",
  center: "middle",
  end: "bottom",
};

/**
 * A table cell (a header cell inside a header row).
 * @selector [data-tk-part="widget-table-cell"]
 */
export function WidgetTableCell({ node }: Props<Partial<TableCellWidget>>): ReactNode {
  const header = useContext(HeaderRowContext);
  const style = paddingStyle(node.padding) as Record<string, string>;
  const width =
    dimension(node.width) ??
    (typeof node.colSize === "string" ? COL_SIZE[node.colSize] : undefined);
  if (width !== undefined) style.width = width;
  if (typeof node.align === "string" && ALIGN[node.align])
    style.textAlign = ALIGN[node.align] as string;
  if (typeof node.vAlign === "string" && VALIGN[node.vAlign])
    style.verticalAlign = VALIGN[node.vAlign] as string;
  const props = {
    "data-tk-part": "widget-table-cell",
    colSpan: typeof node.colSpan === "number" ? node.colSpan : undefined,
    rowSpan: typeof node.rowSpan === "number" ? node.rowSpan : undefined,
    style: style as CSSProperties,
  };
  const content = <WidgetChildren nodes={node.children} />;
  return header ? (
    <th scope="col" {...props}>
      {content}
    </th>
  ) : (
    <td {...props}>{content}</td>
  );
}
