import { createTheme } from "@threadkit/components";
import { type CSSProperties, useMemo } from "react";
import type { DemoSettings } from "../lib/settings";

/** The monochrome accent flips to near-white in dark mode so it stays visible. */
function accentFor(accent: string, scheme: "light" | "dark"): string {
  return scheme === "dark" && accent === "#171717" ? "#ececf1" : accent;
}

/**
 * The page's theme: the demo's settings run through `createTheme`, ChatKit's theme options, and
 * applied to the app root, so the chrome and the thread share one set of `--tk-*` tokens.
 */
export function useDemoTheme(settings: DemoSettings, scheme: "light" | "dark"): CSSProperties {
  const { accent, radius, density } = settings;
  return useMemo(
    () =>
      createTheme({
        colorScheme: scheme,
        radius,
        density,
        color: { accent: { primary: accentFor(accent, scheme), level: 1 } },
      }).style,
    [accent, radius, density, scheme],
  );
}
