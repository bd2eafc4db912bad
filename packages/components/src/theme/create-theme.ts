import type { CSSProperties } from "react";

/** ChatKit's theme levers (`ChatKitOptions.theme`), accepted as they are. */
export interface ThemeOptions {
  /** @default "light" */
  colorScheme?: "light" | "dark";
  /** Corner style. @default "round" */
  radius?: "pill" | "round" | "soft" | "sharp";
  /** Spacing scale. @default "normal" */
  density?: "compact" | "normal" | "spacious";
  color?: {
    /** Accent color (any CSS color) and how strongly it tints the UI (0 = buttons only … 3 = tinted surfaces). */
    accent?: { primary: string; level?: 0 | 1 | 2 | 3 };
    /** A tinted gray ramp: `hue` 0–360, `tint` 0–9 (saturation), `shade` −4…4 (lighter…darker). */
    grayscale?: { hue: number; tint: number; shade?: number };
    /** Page background and text; wins over `grayscale` for those two tokens. */
    surface?: { background: string; foreground: string };
  };
  typography?: {
    /** Base font size in px. @default 15 */
    baseSize?: 14 | 15 | 16 | 17 | 18;
    fontFamily?: string;
    fontFamilyMono?: string;
  };
}

/** A resolved theme: CSS variables to set on a container and the color scheme attribute. */
export interface Theme {
  colorScheme: "light" | "dark";
  /** `--tk-*` custom properties. */
  vars: Record<`--tk-${string}`, string>;
  /** `vars` plus `color-scheme`, ready for a `style` prop. */
  style: CSSProperties;
  /** Spread onto the container: `data-tk-theme`. */
  attributes: { "data-tk-theme": "light" | "dark" };
}

// Base, small, large, controls.
const RADII = {
  pill: [16, 10, 24, "9999px"],
  round: [12, 8, 20, "9999px"],
  soft: [8, 6, 12, "8px"],
  sharp: [2, 2, 4, "2px"],
} as const;

// Gray ramp tokens: name, saturation divisor, lightness in light and in dark mode.
const GRAYS = [
  ["bg", 1, 100, 9],
  ["fg", 3, 11, 93],
  ["surface", 1, 100, 13],
  ["surface-fg", 3, 11, 93],
  ["muted", 1, 95.5, 16],
  ["muted-fg", 2, 38, 70],
  ["border", 1, 89, 22],
  ["border-strong", 1, 79, 31],
] as const;

const DENSITY = { compact: 3, normal: 4, spacious: 5 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}

/** Relative luminance of a `#rgb`/`#rrggbb`/`rgb()` color, or `undefined` for other syntaxes. */
function luminance(color: string): number | undefined {
  let rgb: number[] | undefined;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    rgb = [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  } else {
    const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
    if (fn) rgb = [fn[1], fn[2], fn[3]].map(Number);
  }
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever reads better on `background`. */
export function readableOn(background: string): string {
  const l = luminance(background);
  if (l === undefined) return "#ffffff";
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#0b0b0f";
}

/**
 * Maps ChatKit's theme options onto threadkit's `--tk-*` tokens, so an app moving from hosted
 * ChatKit keeps its theme. Spread `attributes` and `style` onto `Thread.Root` (or any container).
 *
 * @example
 * const theme = createTheme({ colorScheme: "dark", radius: "pill", color: { accent: { primary: "#8b5cf6", level: 2 } } });
 * <Thread.Root {...theme.attributes} style={theme.style} />
 */
export function createTheme(options: ThemeOptions | "light" | "dark" = {}): Theme {
  const opts: ThemeOptions = typeof options === "string" ? { colorScheme: options } : options;
  const scheme = opts.colorScheme ?? "light";
  const dark = scheme === "dark";
  const vars: Record<`--tk-${string}`, string> = {};

  const [base, sm, lg, control] = RADII[opts.radius ?? "round"];
  vars["--tk-radius"] = `${base}px`;
  vars["--tk-radius-sm"] = `${sm}px`;
  vars["--tk-radius-lg"] = `${lg}px`;
  vars["--tk-composer-radius"] = opts.radius === "pill" ? "28px" : `${lg}px`;
  vars["--tk-button-radius"] = control;

  vars["--tk-space"] = `${DENSITY[opts.density ?? "normal"]}px`;

  const gray = opts.color?.grayscale;
  if (gray) {
    const hue = clamp(gray.hue, 0, 360);
    const sat = clamp(gray.tint, 0, 9) * 3;
    const shade = clamp(gray.shade ?? 0, -4, 4);
    for (const [name, divisor, light, darkL] of GRAYS) {
      const lightness = clamp(dark ? darkL + shade : light - shade * 1.5, 0, 100);
      vars[`--tk-color-${name}`] = `hsl(${hue} ${sat / divisor}% ${lightness}%)`;
    }
  }

  const surface = opts.color?.surface;
  if (surface) {
    vars["--tk-color-bg"] = surface.background;
    vars["--tk-color-fg"] = surface.foreground;
    vars["--tk-color-surface"] = surface.background;
    vars["--tk-color-surface-fg"] = surface.foreground;
  }

  const accent = opts.color?.accent;
  if (accent) {
    const level = accent.level ?? 1;
    vars["--tk-color-accent"] = accent.primary;
    vars["--tk-color-accent-fg"] = readableOn(accent.primary);
    vars["--tk-color-info"] = accent.primary;
    vars["--tk-color-info-fg"] = readableOn(accent.primary);
    // A custom property that references another is resolved where it is declared, so the ring
    // inherited from :root would keep the default accent.
    vars["--tk-color-ring"] = `color-mix(in srgb, ${accent.primary} 55%, transparent)`;
    if (level >= 2) {
      const mix = level === 3 ? 22 : 12;
      vars["--tk-message-user-bg"] =
        `color-mix(in srgb, ${accent.primary} ${mix}%, var(--tk-color-bg))`;
    }
    if (level >= 3) {
      vars["--tk-color-muted"] = `color-mix(in srgb, ${accent.primary} 8%, var(--tk-color-bg))`;
    }
  }

  const type = opts.typography;
  if (type?.baseSize) {
    const base = clamp(type.baseSize, 12, 24);
    vars["--tk-font-size"] = `${base}px`;
    vars["--tk-font-size-sm"] = `${base - 2}px`;
    vars["--tk-font-size-lg"] = `${base + 3}px`;
  }
  if (type?.fontFamily) vars["--tk-font-sans"] = type.fontFamily;
  if (type?.fontFamilyMono) vars["--tk-font-mono"] = type.fontFamilyMono;

  return {
    colorScheme: scheme,
    vars,
    style: { ...(vars as CSSProperties), colorScheme: scheme },
    attributes: { "data-tk-theme": scheme },
  };
}
