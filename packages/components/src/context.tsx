import type {
  AssistantMessageItem,
  ClientToolCallItem,
  EntitySource,
  StructuredInputItem,
  StructuredInputSubmission,
  ThreadItem,
  ThreadItemType,
  UserMessageItem,
  WidgetItem,
} from "@threadkit/core";
import {
  type ComponentType,
  type CSSProperties,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { loadedCatalog, loadLocale } from "./i18n/locales";
import {
  directionOf,
  en,
  format,
  type MessageKey,
  type Messages,
  type PluralMessageKey,
} from "./i18n/messages";
import type { Deeplink } from "./internal/deeplink";
import { createTheme, type Theme, type ThemeOptions } from "./theme/create-theme";

/** Lifecycle of one item as the thread view knows it. */
export type ItemStatus = "streaming" | "done" | "error";

/** Props every item renderer receives. */
export interface ItemRendererProps<T extends ThreadItem = ThreadItem> {
  item: T;
  /** `streaming` while the server still sends deltas for this item. @default "done" */
  status?: ItemStatus;
}

/** Replacement renderers by item type. */
export type ItemRenderers = {
  [K in ThreadItemType]?: ComponentType<ItemRendererProps<Extract<ThreadItem, { type: K }>>>;
};

/** Replacement renderers for client tool calls by tool name. */
export type ToolRenderers = Record<string, ComponentType<ItemRendererProps<ClientToolCallItem>>>;

/** Feedback kinds of an assistant reply. */
export type FeedbackKind = "positive" | "negative";

/**
 * Turns finished code into highlighted React nodes. Called once per finished code block, never
 * while the block still streams, and may load its highlighter lazily (return a promise). Return
 * `null` to leave the block as plain text. `@threadkit/components/highlight` ships one (shiki).
 */
export type CodeHighlighter = (code: string, language: string) => ReactNode | Promise<ReactNode>;

/** Renders a widget item; supplied by the widget package or the app. */
export type WidgetItemRenderer = ComponentType<ItemRendererProps<WidgetItem>>;

/** Options shared by every threadkit component below a {@link ThreadUIProvider}. */
export interface ThreadUIOptions {
  /**
   * BCP 47 locale of the UI strings and the writing direction. Its catalog (see `LOCALES`) is
   * loaded on first use; until it arrives the strings show in English (`await loadLocale(tag)`
   * before rendering to avoid that). @default "en"
   */
  locale?: string;
  /** Overrides of single catalog strings. */
  messages?: Partial<Messages>;
  /** Replacement renderers keyed by item type. */
  renderers?: ItemRenderers;
  /** Replacement renderers for client tool calls keyed by tool name. */
  toolRenderers?: ToolRenderers;
  /** Called when the user activates an interactive entity source or tag. */
  onEntityClick?: (source: EntitySource) => void;
  /**
   * Loads the preview shown while an interactive @-mention tag in a user message is hovered or
   * focused (ChatKit's `entities.onRequestPreview`); `null` shows none, a failed load says why.
   * Each tag's preview is loaded once.
   */
  onEntityPreview?: (source: EntitySource) => Promise<ReactNode> | ReactNode;
  /** Enables the feedback buttons on assistant replies and receives the choice. */
  onFeedback?: (item: AssistantMessageItem, kind: FeedbackKind) => void;
  /** Enables the retry button on assistant replies. */
  onRetry?: (item: AssistantMessageItem) => void;
  /**
   * Offers "Get a reply" in `Thread.RunStatus` when the thread ends with a user message that no
   * reply followed while nothing runs or failed (a server that crashed mid-turn, a page closed
   * before the answer), and receives that message: send `threads.retry_after_item` on it (a
   * run's `retryAfterItem(item.id)`, so the app's composer shows the reply running). The
   * connected `Thread.Root threadId` does that by itself (`useRetryAfterItem`) unless the app
   * passes this.
   */
  onRegenerate?: (item: UserMessageItem) => void;
  /**
   * Receives a `chatkit-link://` link the user clicked in a message or widget (ChatKit's
   * `onDeeplink`): `chatkit-link://orders/42?tab=items` arrives as
   * `{ name: "orders/42", data: { tab: "items" } }`. Such links never navigate.
   */
  onDeeplink?: (link: Deeplink) => void;
  /** Called after a reply was copied. */
  onCopy?: (item: AssistantMessageItem, text: string) => void;
  /**
   * Receives a structured input submission (`status` `"answered"` with the answers, or
   * `"skipped"`), ready for `threads.add_structured_input`; without it the inputs are read-only.
   * Return a promise to keep the form locked while it is sent: when it rejects, the form opens
   * again with the user's answers. The connected `Thread.Root threadId` submits through
   * `@threadkit/hooks` by itself unless the app passes this.
   */
  onStructuredInputSubmit?: (
    item: StructuredInputItem,
    submission: StructuredInputSubmission,
  ) => unknown;
  /**
   * Raster `data:image/*` URLs (png, jpeg, gif, webp, avif; never svg) in images. Unset, they show
   * in generated images only (the ChatKit server SDK sends generated images that way) and stay
   * blocked in markdown images, attachment previews and widgets. `true` allows them everywhere
   * images show; `false` refuses them everywhere, generated images included.
   * @default undefined (generated images only)
   */
  allowDataImages?: boolean;
  /**
   * The thread's `allowed_image_domains`, enforced for every image the thread shows (markdown
   * images, message image attachments, generated images, widget images and favicons).
   * `null`/unset restricts nothing; a list allows only hosts that are a listed domain or a
   * subdomain of one (`["example.com"]` allows `cdn.example.com`); `[]` blocks every remote
   * image. `data:` images are not a domain and follow `allowDataImages`. `Thread.Root threadId`
   * reads it from the thread; a list given here replaces the thread's list.
   * @default null
   */
  allowedImageDomains?: readonly string[] | null;
  /** Lazy syntax highlighting of finished code blocks. */
  highlightCode?: CodeHighlighter;
  /**
   * Where dialogs and previews portal to. `Thread.Root` sets its own element, so portaled content
   * inherits the thread's theme and direction. @default document.body
   */
  portalContainer?: HTMLElement | null;
  /**
   * A theme for every part below: `createTheme()`'s result, its options, or a color scheme.
   * `Thread.Root`, `Composer.Root`, `ThreadList` and portalled dialogs and previews each carry it,
   * so siblings of the thread and content portalled into `document.body` match the thread.
   */
  theme?: Theme | ThemeOptions | "light" | "dark";
}

/** Resolved options plus translation helpers. */
export interface ThreadUIContextValue extends ThreadUIOptions {
  locale: string;
  /** `theme` resolved through `createTheme()`, when one is set. */
  resolvedTheme?: Theme;
  dir: "ltr" | "rtl";
  /**
   * Looks up and fills a catalog string. A counted message is named by its base key and picks
   * its plural form from `values.count`: `t("workflow.steps", { count: 1 })` → "1 step".
   */
  t: (key: MessageKey | PluralMessageKey, values?: Record<string, string | number>) => string;
}

type MessageSource = Readonly<Record<string, string | undefined>>;

function pluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules("en");
  }
}

/** `key.<category>` of `source` for `count`, else `key.other` (also without a numeric count). */
function pluralForm(
  source: MessageSource | undefined,
  key: string,
  count: unknown,
  rules: () => Intl.PluralRules,
): string | undefined {
  if (source === undefined) return undefined;
  const category = typeof count === "number" ? rules().select(count) : "other";
  return source[`${key}.${category}`] ?? source[`${key}.other`];
}

/** Whether `value` is already a `createTheme()` result. */
export function isTheme(value: ThreadUIOptions["theme"]): value is Theme {
  return typeof value === "object" && value !== null && "vars" in value && "attributes" in value;
}

function resolve(options: ThreadUIOptions): ThreadUIContextValue {
  const locale = options.locale ?? "en";
  const shipped = loadedCatalog(locale);
  const catalog: MessageSource = shipped ?? en;
  const overrides: MessageSource | undefined = options.messages;
  // Overridden plural forms are used as a set, so a translation is never mixed with the
  // catalog's language. Each set is read with its own language's rules: a locale without a
  // shipped catalog (or one still loading) reads the English forms with English rules, its
  // overrides with its own.
  let localeRules: Intl.PluralRules | undefined;
  let catalogRules: Intl.PluralRules | undefined;
  const forLocale = () => {
    localeRules ??= pluralRules(locale);
    return localeRules;
  };
  const forCatalog = () => {
    catalogRules ??= pluralRules(catalog !== en ? locale : "en");
    return catalogRules;
  };
  const { theme } = options;
  return {
    ...options,
    ...(theme === undefined ? {} : { resolvedTheme: isTheme(theme) ? theme : createTheme(theme) }),
    locale,
    dir: directionOf(locale),
    t: (key, values) => {
      const template =
        overrides?.[key] ??
        catalog[key] ??
        pluralForm(overrides, key, values?.count, forLocale) ??
        pluralForm(catalog, key, values?.count, forCatalog) ??
        key;
      return format(template, values);
    },
  };
}

const OPTION_KEYS = [
  "locale",
  "messages",
  "renderers",
  "toolRenderers",
  "onEntityClick",
  "onEntityPreview",
  "onFeedback",
  "onRetry",
  "onRegenerate",
  "onDeeplink",
  "onCopy",
  "onStructuredInputSubmit",
  "allowDataImages",
  "allowedImageDomains",
  "highlightCode",
  "portalContainer",
  "theme",
] as const satisfies readonly (keyof ThreadUIOptions)[];

const DEFAULT_VALUE = resolve({});
const ThreadUIContext = createContext<ThreadUIContextValue>(DEFAULT_VALUE);
ThreadUIContext.displayName = "ThreadUIContext";

/** Props of {@link ThreadUIProvider}. */
export interface ThreadUIProviderProps extends ThreadUIOptions {
  children?: ReactNode;
}

/**
 * Supplies locale, renderer registry and app callbacks to every threadkit component below it.
 * `Thread.Root` accepts the same options and renders one for you. Nested providers inherit and
 * override their parent's options.
 *
 * @example
 * <ThreadUIProvider locale="de" onFeedback={(item, kind) => send(item.id, kind)}>
 *   <ThreadItem item={item} />
 * </ThreadUIProvider>
 */
export function ThreadUIProvider({ children, ...options }: ThreadUIProviderProps) {
  const parent = useContext(ThreadUIContext);
  const catalogLoads = useCatalog(options.locale);
  // Callbacks are read through a ref so inline functions do not re-render every item.
  const latest = useRef(options);
  latest.current = options;
  const deps = OPTION_KEYS.map((key) => {
    const value = options[key];
    if (key === "theme" && typeof value === "object") return JSON.stringify(value);
    return typeof value === "function" ? "fn" : value;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a catalog that finished loading resolves the strings again
  const value = useMemo(() => {
    const merged: ThreadUIOptions = { ...parent };
    for (const key of OPTION_KEYS) {
      const option = latest.current[key];
      if (option === undefined) continue;
      if (typeof option === "function" && key !== "highlightCode") {
        Object.assign(merged, {
          [key]: (...args: unknown[]) =>
            (latest.current[key] as ((...a: unknown[]) => unknown) | undefined)?.(...args),
        });
      } else {
        Object.assign(merged, { [key]: option });
      }
    }
    return resolve(merged);
  }, [parent, catalogLoads, ...deps]);
  return <ThreadUIContext.Provider value={value}>{children}</ThreadUIContext.Provider>;
}

/**
 * Loads the catalog of `locale` when it is not loaded yet; the returned number changes once it
 * arrives, so the provider resolves its strings again.
 */
function useCatalog(locale: string | undefined): number {
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    if (locale === undefined || loadedCatalog(locale)) return;
    let live = true;
    loadLocale(locale).then(
      () => {
        if (live) setLoads((count) => count + 1);
      },
      () => {
        // The chunk did not load (offline): the strings stay English.
      },
    );
    return () => {
      live = false;
    };
  }, [locale]);
  return loads;
}

/** The nearest {@link ThreadUIProvider}'s options (defaults without one). */
export function useThreadUI(): ThreadUIContextValue {
  return useContext(ThreadUIContext);
}

/** What {@link useThemeProps} returns: spread it onto a part's element. */
export interface ThemeProps {
  "data-tk-theme"?: "light" | "dark";
  style?: CSSProperties;
}

/**
 * The nearest provider's theme as props for an element that may stand outside the themed
 * container (a portal's content, a sibling of the thread): `data-tk-theme` plus the theme's
 * variables merged under `style`. Without a theme only `style` passes through.
 */
export function useThemeProps(style?: CSSProperties): ThemeProps {
  const { resolvedTheme } = useContext(ThreadUIContext);
  return useMemo(() => {
    if (!resolvedTheme) return style === undefined ? {} : { style };
    return {
      ...resolvedTheme.attributes,
      style: style === undefined ? resolvedTheme.style : { ...resolvedTheme.style, ...style },
    };
  }, [resolvedTheme, style]);
}
