import { en, type Messages } from "./messages";

/** A locale tag that has a shipped catalog. */
export type ShippedLocale =
  | "en"
  | "ar"
  | "de"
  | "es"
  | "fr"
  | "he"
  | "hi"
  | "it"
  | "ja"
  | "ko"
  | "nl"
  | "pl"
  | "pt"
  | "ru"
  | "tr"
  | "zh-CN"
  | "zh-TW";

type Loader = () => Promise<{ default: Messages }>;

// One `import()` per catalog, spelled out, so every bundler makes each its own chunk.
const LOADERS: Record<Exclude<ShippedLocale, "en">, Loader> = {
  ar: () => import("./locales/ar"),
  de: () => import("./locales/de"),
  es: () => import("./locales/es"),
  fr: () => import("./locales/fr"),
  he: () => import("./locales/he"),
  hi: () => import("./locales/hi"),
  it: () => import("./locales/it"),
  ja: () => import("./locales/ja"),
  ko: () => import("./locales/ko"),
  nl: () => import("./locales/nl"),
  pl: () => import("./locales/pl"),
  pt: () => import("./locales/pt"),
  ru: () => import("./locales/ru"),
  tr: () => import("./locales/tr"),
  "zh-CN": () => import("./locales/zh-CN"),
  "zh-TW": () => import("./locales/zh-TW"),
};

/**
 * The catalogs threadkit ships, by locale tag. English is part of the main bundle; every other
 * catalog is its own chunk, loaded by {@link loadLocale} (which `ThreadUIProvider`, `Thread.Root`
 * and `<ChatKit>` call for their `locale`).
 */
export const LOCALES = ["en", ...Object.keys(LOADERS)] as readonly ShippedLocale[];

const BY_LOWER = new Map<string, ShippedLocale>(LOCALES.map((tag) => [tag.toLowerCase(), tag]));
// Old or alternative language subtags of shipped languages.
const ALIASES: Readonly<Record<string, ShippedLocale>> = { iw: "he" };
// Chinese regions that write Traditional characters.
const TRADITIONAL = new Set(["tw", "hk", "mo"]);

const loaded = new Map<ShippedLocale, Messages>([["en", en]]);
const pending = new Map<ShippedLocale, Promise<Messages>>();

/**
 * The shipped catalog a BCP 47 tag uses, or `undefined` when none fits (the UI then shows
 * English). Matched without case by the whole tag, then by language: `pt-BR` → `pt`, `de-CH` →
 * `de`. Chinese follows the script, then the region: `zh-Hant`, `zh-TW`, `zh-HK` and `zh-MO` →
 * `zh-TW` (Traditional); `zh`, `zh-Hans`, `zh-CN`, `zh-SG` → `zh-CN` (Simplified).
 */
export function resolveLocale(locale: string): ShippedLocale | undefined {
  const tag = locale.trim().replace(/_/g, "-").toLowerCase();
  const exact = BY_LOWER.get(tag);
  if (exact) return exact;
  const [language = "", ...rest] = tag.split("-");
  if (language === "zh") {
    if (rest.includes("hant")) return "zh-TW";
    if (rest.includes("hans")) return "zh-CN";
    return rest.some((part) => TRADITIONAL.has(part)) ? "zh-TW" : "zh-CN";
  }
  return ALIASES[language] ?? BY_LOWER.get(language);
}

/**
 * The first of the user's languages (`navigator.languages` by default) that has a shipped
 * catalog, as the user wrote it (`"pt-BR"`, so dates keep the region), else `"en"`.
 */
export function pickLocale(languages: readonly string[] | undefined = browserLanguages()): string {
  for (const language of languages) if (resolveLocale(language)) return language;
  return "en";
}

/** `navigator.languages` (or `navigator.language`), empty outside a browser. */
export function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return [];
  if (Array.isArray(nav.languages) && nav.languages.length > 0) return nav.languages;
  return nav.language ? [nav.language] : [];
}

/**
 * The catalog of `locale` when it is loaded (English always is), else `undefined`. A tag
 * without a shipped catalog gets English.
 */
export function loadedCatalog(locale: string): Messages | undefined {
  const code = resolveLocale(locale);
  return code ? loaded.get(code) : en;
}

/**
 * Loads the catalog of `locale` (see {@link resolveLocale}); resolves with English for a tag
 * without one. Await it before the first render to show a language with no English first
 * frame (on the server, too); the components call it themselves otherwise.
 */
export function loadLocale(locale: string): Promise<Messages> {
  const code = resolveLocale(locale);
  if (!code || code === "en") return Promise.resolve(en);
  const done = loaded.get(code);
  if (done) return Promise.resolve(done);
  let promise = pending.get(code);
  if (!promise) {
    promise = LOADERS[code]().then(
      (module) => {
        loaded.set(code, module.default);
        pending.delete(code);
        return module.default;
      },
      (error: unknown) => {
        // A failed chunk load may be retried by the next render.
        pending.delete(code);
        throw error;
      },
    );
    pending.set(code, promise);
  }
  return promise;
}
