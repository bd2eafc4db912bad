import type { ChartSeries, ChartWidget, WidgetNode } from "@threadkit/core";
import type { ReactNode } from "react";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { resolveColor, seriesColor } from "./style";

/** Props of the lazily loaded chart body. */
export interface ChartBodyProps {
  node: WidgetNode & Partial<ChartWidget>;
  height: number;
}

function xAxisOf(node: Partial<ChartWidget>) {
  const axis = node.xAxis;
  if (typeof axis === "string") return { dataKey: axis, hide: false, labels: undefined };
  if (axis && typeof axis === "object") {
    return { dataKey: axis.dataKey, hide: axis.hide === true, labels: axis.labels };
  }
  return { dataKey: undefined, hide: false, labels: undefined };
}

function renderSeries(series: ChartSeries, index: number, all: readonly ChartSeries[]): ReactNode {
  const color = resolveColor(series.color, "series") ?? seriesColor(index);
  const name = series.label ?? series.dataKey;
  const key = `${series.type}:${series.dataKey}:${index}`;
  switch (series.type) {
    case "bar":
      return (
        <Bar
          key={key}
          dataKey={series.dataKey}
          name={name}
          fill={color}
          // Only the top segment of a stack gets rounded corners.
          radius={isTopOfStack(series, index, all) ? [4, 4, 0, 0] : 0}
          isAnimationActive={false}
          {...(series.stack ? { stackId: series.stack } : {})}
        />
      );
    case "area":
      return (
        <Area
          key={key}
          dataKey={series.dataKey}
          name={name}
          type={series.curveType ?? "monotone"}
          stroke={color}
          fill={color}
          fillOpacity={0.18}
          strokeWidth={2}
          isAnimationActive={false}
          {...(series.stack ? { stackId: series.stack } : {})}
        />
      );
    case "line":
      return (
        <Line
          key={key}
          dataKey={series.dataKey}
          name={name}
          type={series.curveType ?? "monotone"}
          stroke={color}
          strokeWidth={2}
          dot={{ r: 3, fill: color, strokeWidth: 0 }}
          isAnimationActive={false}
        />
      );
    default:
      return null;
  }
}

function isTopOfStack(series: ChartSeries, index: number, all: readonly ChartSeries[]): boolean {
  if (series.type !== "bar" || !series.stack) return true;
  for (let i = index + 1; i < all.length; i++) {
    const other = all[i];
    if (other?.type === "bar" && other.stack === series.stack) return false;
  }
  return true;
}

const legendText = (value: string) => (
  <span style={{ color: "var(--tk-widget-text-secondary)" }}>{value}</span>
);

/** The recharts body of a Chart widget; loaded on demand by `WidgetChart`. */
export default function ChartBody({ node, height }: ChartBodyProps): ReactNode {
  const data = Array.isArray(node.data) ? node.data : [];
  const series = Array.isArray(node.series) ? node.series : [];
  const x = xAxisOf(node);
  const labels = x.labels;
  const tick = { fill: "var(--tk-widget-text-tertiary)", fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 0, left: node.showYAxis === false ? 8 : 0 }}
        {...(typeof node.barGap === "number" ? { barGap: node.barGap } : {})}
        {...(typeof node.barCategoryGap === "number"
          ? { barCategoryGap: node.barCategoryGap }
          : {})}
      >
        <CartesianGrid vertical={false} stroke="var(--tk-widget-border-subtle)" />
        <XAxis
          {...(x.dataKey !== undefined ? { dataKey: x.dataKey } : {})}
          hide={x.hide}
          tickLine={false}
          axisLine={false}
          tick={tick}
          tickMargin={8}
          interval="preserveStartEnd"
          padding={{ left: 12, right: 12 }}
          {...(labels
            ? { tickFormatter: (value: unknown) => labels[String(value)] ?? String(value) }
            : {})}
        />
        <YAxis
          hide={node.showYAxis === false}
          tickLine={false}
          axisLine={false}
          tick={tick}
          width={36}
        />
        {node.showTooltip === false ? null : (
          <Tooltip
            cursor={{
              fill: "var(--tk-widget-surface-secondary)",
              stroke: "var(--tk-widget-border-default)",
            }}
            contentStyle={{
              background: "var(--tk-widget-surface-elevated)",
              border: "1px solid var(--tk-widget-border-default)",
              borderRadius: "var(--tk-widget-radius-md)",
              color: "var(--tk-widget-text-primary)",
              fontSize: 12,
            }}
          />
        )}
        {node.showLegend === false ? null : (
          <Legend
            iconType="circle"
            iconSize={8}
            formatter={legendText}
            wrapperStyle={{ fontSize: 12 }}
          />
        )}
        {series.map(renderSeries)}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
