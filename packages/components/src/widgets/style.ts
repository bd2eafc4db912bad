/**
 * Widget props → CSS. Every token (colors, spacing, radius) becomes a `--tk-widget-*` variable
 * that falls back to the base `--tk-*` tokens, so one theme styles widgets and the thread alike.
 */
import type { CSSProperties } from "react";

const TEXT_TOKENS = new Set([
  "prose",
  "primary",
  "emphasis",
  "secondary",
  "tertiary",
  "success",
  "warning",
  "danger",
  "info",
  "discovery",
  "caution",
]);
const SURFACE_TOKENS = new Set([
  "surface",
  "surface-secondary",
  "surface-tertiary",
  "surface-elevated",
  "surface-elevated-secondary",
]);
const BORDER_TOKENS = new Set(["default", "subtle", "strong"]);
const PALETTE = new Set([
  "gray",
  "red",
  "orange",
  "yellow",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
]);
const SERIES = ["blue", "purple", "orange", "green", "red", "yellow", "pink"] as const;
const PRIMITIVE = /^([a-z]+)-(50|[1-9]00|950)$/;
const ALPHA = /^alpha-(\d{1,2}|100)$/;
const MIRROR: Record<string, string> = {
  "50": "950",
  "100": "900",
  "200": "800",
  "300": "700",
  "400": "600",
  "500": "500",
  "600": "400",
  "700": "300",
  "800": "200",
  "900": "100",
  "950": "50",
};
// OKLCH lightness bounds that keep palette text at WCAG AA (4.5:1) on the default surfaces.
const TEXT_MAX_L_LIGHT = 0.55;
const TEXT_MIN_L_DARK = 0.75;
// CSS functions that can fetch a resource or reach outside the declaration; never accepted.
const UNSAFE_CSS = /url\s*\(|image-set\s*\(|expression\s*\(|[;{}<>\\]|@import/i;

/** Where a color is used: chooses which token family a bare name belongs to. */
export type ColorUsage = "text" | "background" | "border" | "series";

/**
 * The CSS value of a widget color string, or `undefined` when it is unsafe. A bare palette token
 * (`gray-900`) adapts to the color scheme; inside a `{light, dark}` pair (`fixed`) it does not,
 * because the pair already chose a color per scheme.
 */
function colorString(value: string, usage: ColorUsage, fixed = false): string | undefined {
  const name = value.trim();
  if (name === "" || UNSAFE_CSS.test(name)) return undefined;
  if (usage === "series" && (SERIES as readonly string[]).includes(name)) {
    return `var(--tk-widget-chart-${name})`;
  }
  if (usage === "text" && TEXT_TOKENS.has(name)) return `var(--tk-widget-text-${name})`;
  if (SURFACE_TOKENS.has(name)) return `var(--tk-widget-${name})`;
  if (usage === "border" && BORDER_TOKENS.has(name)) return `var(--tk-widget-border-${name})`;
  if (usage !== "text" && TEXT_TOKENS.has(name)) return `var(--tk-widget-text-${name})`;
  const alpha = ALPHA.exec(name);
  if (alpha?.[1]) {
    // ChatKit's alpha-NN: the text color at NN% opacity.
    return `color-mix(in srgb, var(--tk-widget-text-primary) ${Math.min(100, Number(alpha[1]))}%, transparent)`;
  }
  const primitive = PRIMITIVE.exec(name);
  const hue = primitive?.[1];
  const step = primitive?.[2];
  if (hue !== undefined && step !== undefined && PALETTE.has(hue)) {
    if (fixed) return `var(--tk-widget-palette-${name})`;
    if (usage === "text") {
      // Palette text keeps its hue but is clamped in lightness so it stays legible: an author's
      // `blue-400` caption would otherwise fall below 4.5:1 on white (and `gray-900` on dark).
      return `light-dark(oklch(from var(--tk-widget-palette-${name}) min(l, ${TEXT_MAX_L_LIGHT}) c h), oklch(from var(--tk-widget-palette-${hue}-${MIRROR[step]}) max(l, ${TEXT_MIN_L_DARK}) c h))`;
    }
    return `var(--tk-widget-${name})`;
  }
  // Any other CSS color (hex, rgb(), named colors, gradients for backgrounds) passes through.
  return name;
}

/**
 * Resolves a widget color (token, CSS color or `{light, dark}` pair) to a CSS value. Pairs use
 * `light-dark()`, which follows the `color-scheme` of the nearest themed container.
 */
export function resolveColor(value: unknown, usage: ColorUsage = "text"): string | undefined {
  if (typeof value === "string") return colorString(value, usage);
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const pair = value as { light?: unknown; dark?: unknown };
    const light = typeof pair.light === "string" ? colorString(pair.light, usage, true) : undefined;
    const dark = typeof pair.dark === "string" ? colorString(pair.dark, usage, true) : undefined;
    if (light !== undefined && dark !== undefined) return `light-dark(${light}, ${dark})`;
    return light ?? dark;
  }
  return undefined;
}

/** The chart color of the n-th series when the server gives none. */
export function seriesColor(index: number): string {
  return `var(--tk-widget-chart-${SERIES[index % SERIES.length]})`;
}

/** A spacing value: numbers are steps of `--tk-widget-space`; strings are CSS lengths. */
export function space(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value === 0 ? "0" : `calc(var(--tk-widget-space) * ${value})`;
  }
  if (typeof value === "string" && value.trim() !== "" && !UNSAFE_CSS.test(value)) return value;
  return undefined;
}

/** A dimension: numbers are px; strings are CSS lengths. */
export function dimension(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  if (typeof value === "string" && value.trim() !== "" && !UNSAFE_CSS.test(value)) return value;
  return undefined;
}

const RADII = new Set(["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full"]);

/** A radius name → CSS value. */
export function radius(value: unknown): string | undefined {
  if (value === "none") return "0";
  if (value === "100%") return "100%";
  if (typeof value === "string" && RADII.has(value)) return `var(--tk-widget-radius-${value})`;
  return undefined;
}

type Style = Record<string, string | number | undefined>;

function set(style: Style, key: string, value: string | number | undefined): void {
  if (value !== undefined) style[key] = value;
}

/** Padding or margin, from a value or a `{top,right,bottom,left,x,y}` object. */
function sides(style: Style, prefix: "padding" | "margin", value: unknown): void {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    set(style, `${prefix}Top`, space(v.top ?? v.y));
    set(style, `${prefix}Bottom`, space(v.bottom ?? v.y));
    set(style, `${prefix}Left`, space(v.left ?? v.x));
    set(style, `${prefix}Right`, space(v.right ?? v.x));
    return;
  }
  set(style, prefix, space(value));
}

function borderValue(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return `${value}px solid var(--tk-widget-border-default)`;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const v = value as { size?: unknown; color?: unknown; style?: unknown };
    if (typeof v.size !== "number") return undefined;
    const color = resolveColor(v.color, "border") ?? "var(--tk-widget-border-default)";
    const lineStyle = typeof v.style === "string" ? v.style : "solid";
    return `${v.size}px ${lineStyle} ${color}`;
  }
  return undefined;
}

function borders(style: Style, value: unknown): void {
  if (typeof value === "object" && value !== null && !("size" in value)) {
    const v = value as Record<string, unknown>;
    set(style, "borderTop", borderValue(v.top ?? v.y));
    set(style, "borderBottom", borderValue(v.bottom ?? v.y));
    set(style, "borderLeft", borderValue(v.left ?? v.x));
    set(style, "borderRight", borderValue(v.right ?? v.x));
    return;
  }
  set(style, "border", borderValue(value));
}

const ALIGN: Record<string, string> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  baseline: "baseline",
  stretch: "stretch",
};
const JUSTIFY: Record<string, string> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  between: "space-between",
  around: "space-around",
  evenly: "space-evenly",
  stretch: "stretch",
};

/** Size props shared by blocks (numbers are px). */
export function blockStyle(node: Record<string, unknown>, style: Style = {}): Style {
  set(style, "width", dimension(node.width ?? node.size));
  set(style, "height", dimension(node.height ?? node.size));
  set(style, "minWidth", dimension(node.minWidth ?? node.minSize));
  set(style, "minHeight", dimension(node.minHeight ?? node.minSize));
  set(style, "maxWidth", dimension(node.maxWidth ?? node.maxSize));
  set(style, "maxHeight", dimension(node.maxHeight ?? node.maxSize));
  if (typeof node.aspectRatio === "number" || typeof node.aspectRatio === "string") {
    set(style, "aspectRatio", String(node.aspectRatio));
  }
  set(style, "borderRadius", radius(node.radius));
  sides(style, "margin", node.margin);
  return style;
}

/** Flex layout props of Box, Row, Col, Form and friends. */
export function boxStyle(node: Record<string, unknown>): CSSProperties {
  const style = blockStyle(node);
  set(style, "alignItems", typeof node.align === "string" ? ALIGN[node.align] : undefined);
  set(
    style,
    "justifyContent",
    typeof node.justify === "string" ? JUSTIFY[node.justify] : undefined,
  );
  set(style, "flexWrap", typeof node.wrap === "string" ? node.wrap : undefined);
  if (typeof node.flex === "number") set(style, "flex", node.flex);
  else if (typeof node.flex === "string" && !UNSAFE_CSS.test(node.flex))
    set(style, "flex", node.flex);
  set(style, "gap", space(node.gap));
  sides(style, "padding", node.padding);
  if (node.border !== undefined) borders(style, node.border);
  set(style, "background", resolveColor(node.background, "background"));
  return style as CSSProperties;
}

/** `align` → `align-items` (for ListViewItem and similar). */
export function alignItems(value: unknown): string | undefined {
  return typeof value === "string" ? ALIGN[value] : undefined;
}

/** Padding alone (Card, Basic). */
export function paddingStyle(value: unknown, style: Style = {}): Style {
  sides(style, "padding", value);
  return style;
}

/** Border alone (Card). */
export function borderStyle(value: unknown, style: Style = {}): Style {
  if (value !== undefined) borders(style, value);
  return style;
}
