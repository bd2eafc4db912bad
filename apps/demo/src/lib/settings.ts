import { useSyncExternalStore } from "react";

/** Which API the demo reads threads from. */
export type BackendKind = "chatkit" | "assistants" | "rest";

/** Light, dark, or follow the operating system. */
export type ColorSchemePreference = "light" | "dark" | "system";

/** ChatKit's corner radius option. */
export type RadiusOption = "pill" | "round" | "soft" | "sharp";

/** ChatKit's density option. */
export type DensityOption = "compact" | "normal" | "spacious";

/** Everything the user can change in the demo's header and settings panel. */
export interface DemoSettings {
  colorScheme: ColorSchemePreference;
  accent: string;
  radius: RadiusOption;
  density: DensityOption;
  locale: string;
  backend: BackendKind;
}

const STORAGE_KEY = "threadkit-demo:settings";

export const ACCENTS = ["#0d9488", "#2563eb", "#7c3aed", "#db2777", "#ea580c", "#171717"] as const;

const DEFAULTS: DemoSettings = {
  colorScheme: "system",
  accent: ACCENTS[0],
  radius: "round",
  density: "normal",
  locale: "en",
  backend: "chatkit",
};

const BACKENDS: readonly BackendKind[] = ["chatkit", "assistants", "rest"];
const SCHEMES: readonly ColorSchemePreference[] = ["light", "dark", "system"];
const RADII: readonly RadiusOption[] = ["pill", "round", "soft", "sharp"];
const DENSITIES: readonly DensityOption[] = ["compact", "normal", "spacious"];

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads stored settings, keeping only known values so a stale or edited entry never breaks the app. */
function load(): DemoSettings {
  let stored: Record<string, unknown> = {};
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === "object") stored = parsed as Record<string, unknown>;
  } catch {
    // Private mode or corrupt JSON: start from the defaults.
  }
  const accent =
    typeof stored.accent === "string" && /^#[0-9a-f]{6}$/i.test(stored.accent)
      ? stored.accent
      : DEFAULTS.accent;
  return {
    colorScheme: pick(SCHEMES, stored.colorScheme, DEFAULTS.colorScheme),
    accent,
    radius: pick(RADII, stored.radius, DEFAULTS.radius),
    density: pick(DENSITIES, stored.density, DEFAULTS.density),
    locale: typeof stored.locale === "string" ? stored.locale : initialLocale(),
    backend: pick(BACKENDS, stored.backend, DEFAULTS.backend),
  };
}

function initialLocale(): string {
  const language = globalThis.navigator?.language ?? DEFAULTS.locale;
  return language.split("-")[0] ?? DEFAULTS.locale;
}

let current = load();
const listeners = new Set<() => void>();

/** Changes some settings and remembers them across reloads. */
export function updateSettings(patch: Partial<DemoSettings>): void {
  current = { ...current, ...patch };
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage full or blocked: the change still applies to this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The demo's settings, re-rendering on change. */
export function useSettings(): DemoSettings {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}

const darkQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");

function subscribeScheme(listener: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener("change", listener);
  return () => query?.removeEventListener("change", listener);
}

/** The color scheme in effect: the user's choice, or the system's when set to "system". */
export function useResolvedColorScheme(preference: ColorSchemePreference): "light" | "dark" {
  const systemDark = useSyncExternalStore(
    subscribeScheme,
    () => darkQuery()?.matches ?? false,
    () => false,
  );
  if (preference === "system") return systemDark ? "dark" : "light";
  return preference;
}
