// biome-ignore-all lint/suspicious/noArrayIndexKey: lines and tokens of a finished code block never move
import { type CSSProperties, Fragment, type ReactNode } from "react";
import type {
  BundledLanguage,
  BundledTheme,
  HighlighterCore,
  LanguageInput,
  LanguageRegistration,
  ThemedToken,
  ThemeRegistration,
  ThemeRegistrationRaw,
} from "shiki";
import type { CodeHighlighter } from "../../context";

/** A theme shiki bundles (`"github-dark"`) or a theme object of your own. */
export type ShikiThemeInput = BundledTheme | ThemeRegistration | ThemeRegistrationRaw;

/** Options of {@link createShikiHighlighter}. */
export interface ShikiHighlighterOptions {
  /**
   * One theme per colour scheme. Both are applied at once as CSS variables on every token
   * (`--tk-code-token-light`, `--tk-code-token-dark`, plus `-font-style`, `-font-weight`,
   * `-text-decoration` where a theme sets them); the stylesheet picks the one matching
   * `[data-tk-theme]`, so switching themes needs no second highlighting pass. The defaults keep
   * every token at 4.5:1 contrast or more on the default code-block backgrounds (WCAG AA).
   * @default { light: "github-light-high-contrast", dark: "github-dark-default" }
   */
  themes?: { light: ShikiThemeInput; dark: ShikiThemeInput };
  /**
   * The languages to highlight: names or aliases of languages shiki bundles, or grammars of your
   * own. Blocks in any other language stay plain text. Without this option every bundled
   * language is available, and each one is downloaded the first time a block uses it.
   */
  langs?: readonly (BundledLanguage | LanguageRegistration)[];
  /** Blocks longer than this many characters stay plain (tokenizing runs on the main thread). @default 100000 */
  maxLength?: number;
}

interface Shiki {
  highlighter: HighlighterCore;
  /** Loads a bundled language by name or alias; `undefined` for an unknown name. */
  bundled: Readonly<Record<string, LanguageInput | undefined>>;
  /** Names and aliases allowed by `langs`, or `null` for every bundled language. */
  allowed: ReadonlySet<string> | null;
  themes: { light: string; dark: string };
}

const PLAIN = new Set(["", "text", "txt", "plain", "plaintext"]);
const DEFAULT_THEMES = {
  light: "github-light-high-contrast",
  dark: "github-dark-default",
} as const;

/**
 * Creates a {@link CodeHighlighter} backed by [shiki](https://shiki.style), for the
 * `highlightCode` option of `ThreadUIProvider` / `Thread.Root`. Nothing is loaded until the first
 * finished code block asks for highlighting: then shiki's core and the JavaScript regular
 * expression engine (no WebAssembly) are imported, and each language is imported the first time
 * a block uses it. Unknown languages, `text`, blocks over `maxLength` and any failure leave the
 * block as plain text. The result is React elements (never HTML strings).
 *
 * `shiki` (4.x) is an optional peer dependency: install it next to `@threadkit/components`.
 *
 * @example
 * import { createShikiHighlighter } from "@threadkit/components/highlight";
 * const highlightCode = createShikiHighlighter({ langs: ["ts", "tsx", "python", "bash"] });
 * <Thread.Root highlightCode={highlightCode}>…</Thread.Root>
 */
export function createShikiHighlighter(options: ShikiHighlighterOptions = {}): CodeHighlighter {
  const maxLength = options.maxLength ?? 100_000;
  let shiki: Promise<Shiki | null> | undefined;
  const languages = new Map<string, Promise<string | null>>();

  const load = () => {
    shiki ??= loadShiki(options).catch((error: unknown) => {
      console.error(
        "@threadkit/components/highlight: shiki could not be loaded, code blocks stay plain. Is `shiki` (4.x) installed?",
        error,
      );
      return null;
    });
    return shiki;
  };

  const language = (loaded: Shiki, requested: string): Promise<string | null> => {
    let promise = languages.get(requested);
    if (!promise) {
      promise = (async () => {
        if (loaded.allowed && !loaded.allowed.has(requested)) return null;
        if (loaded.highlighter.getLoadedLanguages().includes(requested)) return requested;
        const grammar = Object.hasOwn(loaded.bundled, requested)
          ? loaded.bundled[requested]
          : undefined;
        if (!grammar) return null;
        await loaded.highlighter.loadLanguage(grammar);
        return requested;
      })().catch(() => null);
      languages.set(requested, promise);
    }
    return promise;
  };

  return async function highlightCode(code: string, lang: string): Promise<ReactNode> {
    const requested = lang.trim().toLowerCase();
    if (PLAIN.has(requested) || code.length > maxLength) return null;
    const loaded = await load();
    if (!loaded) return null;
    const id = await language(loaded, requested);
    if (!id) return null;
    const { tokens } = loaded.highlighter.codeToTokens(code, {
      lang: id,
      themes: loaded.themes,
      defaultColor: false,
      cssVariablePrefix: "--tk-code-token-",
    });
    return renderTokens(tokens);
  };
}

async function loadShiki(options: ShikiHighlighterOptions): Promise<Shiki> {
  const [core, engine, langs, themes] = await Promise.all([
    import("shiki/core"),
    import("shiki/engine/javascript"),
    import("shiki/langs"),
    import("shiki/themes"),
  ]);
  const input = options.themes ?? DEFAULT_THEMES;
  const theme = (value: ShikiThemeInput) => {
    if (typeof value !== "string") return value;
    const bundled = themes.bundledThemes[value];
    if (!bundled) throw new Error(`unknown shiki theme "${value}"`);
    return bundled;
  };
  const custom = (options.langs ?? []).filter(
    (l): l is LanguageRegistration => typeof l !== "string",
  );
  const highlighter = await core.createHighlighterCore({
    // `forgiving`: a grammar rule the JavaScript engine cannot translate is skipped, not fatal.
    engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
    themes: [theme(input.light), theme(input.dark)],
    langs: custom,
  });
  let allowed: Set<string> | null = null;
  if (options.langs) {
    allowed = new Set();
    for (const entry of options.langs) {
      const names =
        typeof entry === "string"
          ? [entry, ...bundledNames(langs.bundledLanguagesInfo, entry)]
          : [entry.name, ...(entry.aliases ?? [])];
      for (const name of names) allowed.add(name.toLowerCase());
    }
  }
  const name = (value: ShikiThemeInput) =>
    typeof value === "string" ? value : (value.name ?? "custom");
  return {
    highlighter,
    bundled: langs.bundledLanguages,
    allowed,
    themes: { light: name(input.light), dark: name(input.dark) },
  };
}

/** The id and aliases of the bundled language that `name` names. */
function bundledNames(
  info: readonly { id: string; aliases?: string[] }[],
  name: string,
): readonly string[] {
  const lower = name.toLowerCase();
  const match = info.find((l) => l.id === lower || l.aliases?.includes(lower));
  return match ? [match.id, ...(match.aliases ?? [])] : [];
}

/** Lines of coloured spans, separated by newlines, as the children of `<code>`. */
function renderTokens(lines: readonly (readonly ThemedToken[])[]): ReactNode {
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? "\n" : null}
      <span data-tk-part="code-line">
        {line.map((token, j) => (
          <span key={j} data-tk-part="code-token" style={tokenStyle(token)}>
            {token.content}
          </span>
        ))}
      </span>
    </Fragment>
  ));
}

function tokenStyle(token: ThemedToken): CSSProperties | undefined {
  // With `defaultColor: false`, shiki puts every colour and font style into CSS variables.
  const style = token.htmlStyle;
  if (!style) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(style)) {
    if (key.startsWith("--tk-code-token-")) out[key] = value;
  }
  return out as CSSProperties;
}
