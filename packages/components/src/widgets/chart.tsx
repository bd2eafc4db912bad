import type { ChartWidget, WidgetNode } from "@threadkit/core";
import { type CSSProperties, lazy, type ReactNode, Suspense } from "react";
import type { WidgetComponentProps } from "./context";
import { blockStyle } from "./style";

// recharts is large; it loads with the first chart, never with the main chunk.
let chartModule: Promise<typeof import("./chart-impl")> | undefined;
const loadChart = () => {
  chartModule ??= import("./chart-impl");
  return chartModule;
};
const ChartBody = lazy(loadChart);

/**
 * Starts loading the chart renderer (recharts) ahead of the first Chart widget, e.g. when a
 * thread that is likely to show charts opens. Resolves when it is ready.
 */
export function preloadWidgetChart(): Promise<void> {
  return loadChart().then(() => undefined);
}

function xKey(node: Partial<ChartWidget>): string | undefined {
  if (typeof node.xAxis === "string") return node.xAxis;
  return node.xAxis && typeof node.xAxis === "object" ? node.xAxis.dataKey : undefined;
}

/**
 * A bar, line and area chart. The drawing is hidden from assistive technology; a visually hidden
 * table carries the same data.
 *
 * @selector [data-tk-part="widget-chart"]
 */
export function WidgetChart({
  node,
}: WidgetComponentProps<WidgetNode & Partial<ChartWidget>>): ReactNode {
  const height = typeof node.height === "number" ? node.height : 200;
  const data = Array.isArray(node.data) ? node.data : [];
  const series = Array.isArray(node.series) ? node.series : [];
  const key = xKey(node);
  const style = blockStyle({ ...node, height: undefined }) as Record<string, string | number>;
  style.height = `${height}px`;
  if (typeof node.flex === "number" || typeof node.flex === "string") style.flex = node.flex;
  const label = `Chart: ${series.map((s) => s.label ?? s.dataKey).join(", ")}`;
  return (
    <figure data-tk-part="widget-chart" aria-label={label} style={style as CSSProperties}>
      <div data-tk-part="widget-chart-canvas" aria-hidden="true">
        <Suspense fallback={<div data-tk-part="widget-chart-loading" />}>
          <ChartBody node={node} height={height} />
        </Suspense>
      </div>
      <table data-tk-part="widget-chart-data">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{key ?? "x"}</th>
            {series.map((s) => (
              <th scope="col" key={s.dataKey}>
                {s.label ?? s.dataKey}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <tr key={index}>
              <th scope="row">{key !== undefined ? String(row[key] ?? "") : index + 1}</th>
              {series.map((s) => (
                <td key={s.dataKey}>{String(row[s.dataKey] ?? "")}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
