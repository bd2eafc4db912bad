import { WIDGET_ICON_NAMES as BUILTIN_NAMES } from "@threadkit/core";
import { type ComponentType, type ReactNode, useEffect, useState } from "react";

// ChatKit's 64 built-in names: only the names here; their drawings are one lazy chunk.
const WIDGET_ICON_NAMES: ReadonlySet<string> = new Set<string>(BUILTIN_NAMES);

/** Props every icon component receives (lucide icons accept them all). */
export interface WidgetIconComponentProps {
  size?: number | string;
  className?: string;
  "aria-hidden"?: boolean | "true" | "false";
  focusable?: "true" | "false";
  "data-tk-part"?: string;
}

/** A component that draws one icon. */
export type WidgetIconComponent = ComponentType<WidgetIconComponentProps>;

/**
 * An icon: a component, or `{ load }`, called on first use
 * (`{ load: () => import("lucide-react/icons/rocket") }`), so each icon an app names can live in
 * its own lazy chunk.
 */
export type WidgetIconSource =
  | WidgetIconComponent
  | { load: () => Promise<WidgetIconComponent | { default: WidgetIconComponent }> };

/** Resolves names the app's icon map does not list (e.g. every `lucide:*` name); `undefined`: none. */
export type WidgetIconResolver = (name: string) => WidgetIconSource | undefined;

const appIcons = new Map<string, WidgetIconSource>();
const appResolvers: WidgetIconResolver[] = [];

type Entry =
  | { state: "ready"; icon: WidgetIconComponent }
  | { state: "loading"; promise: Promise<unknown> }
  | { state: "none" };
const NONE: Entry = { state: "none" };
const cache = new Map<string, Entry>();

/**
 * Adds icons for widget, task, source and start-screen icon names: a map by exact name (which may
 * replace a ChatKit built-in or add `lucide:*`, `vendor:*` or your own names), or a resolver
 * consulted for names no map lists. Register at startup, before the first render. Returns a
 * function that removes what it added.
 *
 * threadkit ships only ChatKit's 64 built-in names (one lazy chunk). A `lucide:<name>` is drawn
 * only if registered: name the few your server uses, each in its own chunk, or, accepting that the
 * bundler then emits one file per lucide icon, resolve every name through `lucide-react/dynamic`.
 *
 * @example
 * registerWidgetIcons({
 *   "lucide:rocket": { load: () => import("lucide-react/icons/rocket") },
 *   "acme:logo": AcmeLogo,
 * });
 */
export function registerWidgetIcons(
  icons: Readonly<Record<string, WidgetIconSource>> | WidgetIconResolver,
): () => void {
  cache.clear();
  if (typeof icons === "function") {
    appResolvers.push(icons);
    return () => {
      const index = appResolvers.indexOf(icons);
      if (index >= 0) appResolvers.splice(index, 1);
      cache.clear();
    };
  }
  const added = Object.entries(icons);
  for (const [name, source] of added) appIcons.set(name, source);
  return () => {
    for (const [name, source] of added) if (appIcons.get(name) === source) appIcons.delete(name);
    cache.clear();
  };
}

let iconSet: Readonly<Record<string, WidgetIconComponent>> | undefined;
let iconSetPromise: Promise<Readonly<Record<string, WidgetIconComponent>>> | undefined;

/**
 * Loads the drawings of ChatKit's built-in icon names (one chunk), e.g. when a thread that shows
 * widgets opens, so the first icon needs no round trip. Resolves when they are ready.
 */
export function preloadWidgetIcons(): Promise<void> {
  iconSetPromise ??= import("./icon-set").then((module) => {
    iconSet = module.WIDGET_ICONS as Readonly<Record<string, WidgetIconComponent>>;
    return iconSet;
  });
  return iconSetPromise.then(() => undefined);
}

function sourceFor(name: string): WidgetIconSource | undefined {
  const own = appIcons.get(name);
  if (own !== undefined) return own;
  for (let index = appResolvers.length - 1; index >= 0; index--) {
    const resolved = appResolvers[index]?.(name);
    if (resolved !== undefined) return resolved;
  }
  return undefined;
}

/** Whether a name has an icon here: a ChatKit built-in or one the app registered. */
export function hasWidgetIcon(name: string): boolean {
  return WIDGET_ICON_NAMES.has(name) || sourceFor(name) !== undefined;
}

function isLoader(
  source: WidgetIconSource,
): source is Extract<WidgetIconSource, { load: unknown }> {
  return (
    typeof source === "object" &&
    source !== null &&
    typeof (source as { load?: unknown }).load === "function"
  );
}

function resolve(name: string): Entry {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  let entry: Entry = NONE;
  const source = sourceFor(name);
  if (source !== undefined) {
    if (!isLoader(source)) {
      entry = { state: "ready", icon: source };
    } else {
      const promise = Promise.resolve()
        .then(() => source.load())
        .then(
          (loaded) => {
            const icon =
              typeof loaded === "object" && loaded !== null && "default" in loaded
                ? loaded.default
                : (loaded as WidgetIconComponent);
            cache.set(name, { state: "ready", icon });
          },
          (error: unknown) => {
            console.error(`[threadkit] icon "${name}" failed to load`, error);
            cache.set(name, NONE);
          },
        );
      entry = { state: "loading", promise };
    }
  } else if (WIDGET_ICON_NAMES.has(name)) {
    // Not cached: the shared chunk decides, once it is there.
    const icon = iconSet?.[name];
    if (icon !== undefined) return { state: "ready", icon };
    void preloadWidgetIcons();
    return { state: "loading", promise: iconSetPromise as Promise<unknown> };
  }
  cache.set(name, entry);
  return entry;
}

/** Props of {@link WidgetIconGlyph}. */
export interface WidgetIconGlyphProps {
  /** A ChatKit icon name, `lucide:<name>` or a name registered with {@link registerWidgetIcons}. */
  name: string;
  /** Size in px. */
  size: number | string;
  className?: string | undefined;
  /** `data-tk-part` of the drawn icon (not of a placeholder). */
  part?: string | undefined;
}

/**
 * One icon by name. Built-in names draw from one lazily loaded chunk; until it arrives an empty
 * box of the same size holds the place, so nothing moves. Names without an icon (unregistered
 * `lucide:*`, `vendor:*`, unknown names) render a neutral placeholder of the same size.
 *
 * @selector [data-tk-part="widget-icon-placeholder"] [data-tk-part="widget-icon-loading"]
 */
export function WidgetIconGlyph({ name, size, className, part }: WidgetIconGlyphProps): ReactNode {
  const entry = resolve(name);
  const [, setLoaded] = useState(0);
  const promise = entry.state === "loading" ? entry.promise : undefined;
  useEffect(() => {
    if (promise === undefined) return;
    let live = true;
    void promise.then(() => {
      if (live) setLoaded((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [promise]);
  if (entry.state === "ready") {
    const Icon = entry.icon;
    const props: WidgetIconComponentProps = { "aria-hidden": "true", focusable: "false", size };
    if (className !== undefined) props.className = className;
    if (part !== undefined) props["data-tk-part"] = part;
    return <Icon {...props} />;
  }
  const loading = entry.state === "loading";
  return (
    <svg
      data-tk-part={loading ? "widget-icon-loading" : "widget-icon-placeholder"}
      data-icon={name}
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeDasharray="3 3"
      className={className}
    >
      {loading ? null : <rect x="4" y="4" width="16" height="16" rx="4" />}
    </svg>
  );
}
