/**
 * Small building blocks for the MDX docs pages: plain tables (the docs have no GFM tables), the
 * live token table read from the loaded stylesheet, and `createTheme` output for given options.
 */
import {
  createTheme,
  en,
  LOCALES,
  loadLocale,
  type Messages,
  type ThemeOptions,
} from "@threadkit/components";
import { type ReactNode, useEffect, useState } from "react";
import "./docs.css";

/** A table with a header row. Cells may hold inline JSX (`<code>`, links). */
export function Table({
  head,
  rows,
  caption,
}: {
  head: readonly ReactNode[];
  rows: readonly (readonly ReactNode[])[];
  caption?: string;
}) {
  return (
    <div className="tkd-table-wrap">
      <table className="tkd-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static header
              <th key={index} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static rows
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static cells
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TokenScheme = "light" | "dark";

function collectTokens(): Map<string, Partial<Record<TokenScheme, string>>> {
  const tokens = new Map<string, Partial<Record<TokenScheme, string>>>();
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        const selector = rule.selectorText;
        const scheme: TokenScheme | null = selector.includes('data-tk-theme="dark"')
          ? "dark"
          : selector.includes(":root") || selector.includes('data-tk-theme="light"')
            ? "light"
            : null;
        if (scheme === null) continue;
        for (const property of Array.from(rule.style)) {
          if (!property.startsWith("--tk-")) continue;
          const entry = tokens.get(property) ?? {};
          entry[scheme] = rule.style.getPropertyValue(property).trim();
          tokens.set(property, entry);
        }
      } else if ("cssRules" in rule && rule instanceof CSSGroupingRule) {
        // @media (prefers-reduced-motion) and @layer blocks hold rules too; motion is not a
        // scheme value, so only plain rules count.
        if (!(rule instanceof CSSMediaRule)) visit(rule.cssRules);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A cross-origin stylesheet cannot be read; threadkit's own is same-origin.
    }
  }
  return tokens;
}

function isColor(value: string | undefined): boolean {
  return value !== undefined && /^(#|rgb|hsl|oklch|color-mix)/.test(value);
}

function Swatch({ value }: { value: string | undefined }) {
  if (!isColor(value)) return null;
  return <span className="tkd-swatch" style={{ background: value }} aria-hidden="true" />;
}

/**
 * Every `--tk-*` token with its light and dark value, read from the stylesheet this page loaded
 * (`@threadkit/components/styles.css`), so the table cannot drift from the code.
 */
export function TokenTable() {
  const [tokens, setTokens] = useState<ReadonlyArray<
    [string, Partial<Record<TokenScheme, string>>]
  > | null>(null);
  useEffect(() => setTokens(Array.from(collectTokens())), []);
  if (tokens === null) return <p>Reading tokens…</p>;
  if (tokens.length === 0) return <p>No tokens found: is the stylesheet loaded?</p>;
  return (
    <Table
      caption={`${tokens.length} tokens in @threadkit/components/styles.css`}
      head={["Token", "Light", "Dark"]}
      rows={tokens.map(([name, values]) => [
        <code key="name">{name}</code>,
        <span key="light" className="tkd-token-value">
          <Swatch value={values.light} />
          <code>{values.light ?? "—"}</code>
        </span>,
        <span key="dark" className="tkd-token-value">
          <Swatch value={values.dark ?? values.light} />
          <code>{values.dark ?? "(as light)"}</code>
        </span>,
      ])}
    />
  );
}

/** What `createTheme(options)` returns, shown as the code that produced it and its variables. */
export function CreateThemeOutput({ options }: { options: ThemeOptions }) {
  const theme = createTheme(options);
  return (
    <div className="tkd-theme-output">
      <pre className="tkd-pre">
        <code>{`createTheme(${JSON.stringify(options, null, 2)})`}</code>
      </pre>
      <pre className="tkd-pre">
        <code>
          {`data-tk-theme="${theme.attributes["data-tk-theme"]}"\n`}
          {Object.entries(theme.vars)
            .map(([name, value]) => `${name}: ${value};`)
            .join("\n")}
        </code>
      </pre>
    </div>
  );
}

/**
 * Every key of the shipped catalogs, English first, the others as they load (each catalog is
 * its own chunk).
 */
export function CatalogTable() {
  const [catalogs, setCatalogs] = useState<readonly (readonly [string, Messages])[]>([]);
  useEffect(() => {
    let live = true;
    const others = LOCALES.filter((locale) => locale !== "en");
    Promise.all(others.map(async (locale) => [locale, await loadLocale(locale)] as const)).then(
      (loaded) => {
        if (live) setCatalogs(loaded);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Table
      head={["Key", "en", ...catalogs.map(([locale]) => locale)]}
      rows={Object.keys(en).map((key) => [
        <code key="key">{key}</code>,
        en[key as keyof typeof en],
        ...catalogs.map(([locale, catalog]) => (
          <span key={locale} lang={locale}>
            {(catalog as Record<string, string>)[key] ?? ""}
          </span>
        )),
      ])}
    />
  );
}
