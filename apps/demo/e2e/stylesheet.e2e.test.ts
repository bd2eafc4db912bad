/**
 * The published stylesheet in real Chromium: every rule sits in a `threadkit.*` cascade layer, so
 * unlayered rules and any layer declared after `threadkit` (Tailwind v4's components and
 * utilities, in the order the components README gives) win, while a reset in Tailwind's base
 * layer (preflight) does not strip threadkit's look; parts outside a themed container follow
 * prefers-color-scheme; a `data-tk-theme` container pins its scheme at any depth.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type RunningServer, serveStatic } from "./harness";

const componentsSrc = path.resolve(import.meta.dirname, "../../../packages/components/src");

/**
 * How the page orders the layers: `declared` puts the order the components README gives first;
 * `threadkit-first` declares none and loads threadkit's stylesheet before Tailwind's (an app that
 * imports `@threadkit/components/styles.css` before its own CSS).
 */
type Order = "declared" | "threadkit-first";

// A page in the shape Tailwind v4 emits: its own layer statement, preflight's resets in `base`, a
// utility in `utilities`, a component class in `components`, and one plain unlayered rule. The
// stylesheet is linked as shipped (its own @imports resolved by the browser).
const page = (body: string, head = "", order: Order = "declared") => `<!doctype html>
<html><head>
<style>${order === "declared" ? "@layer theme, base, threadkit, components, utilities;" : "/* no order declared */"}</style>
<link rel="stylesheet" href="/styles.css">
<style>
@layer theme, base, components, utilities;
@layer base {
  *, ::before, ::after { box-sizing: border-box; border: 0 solid; margin: 0; padding: 0; }
  h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit; }
  ol, ul, menu { list-style: none; }
}
@layer utilities { .border-2 { border-width: 2px; border-style: solid; } .max-w-3xl { max-width: 48rem; } }
@layer components { .btn { background-color: rgb(1, 2, 3); border-radius: 3px; } }
.plain { padding: 7px; }
</style>${head}
</head><body>${body}</body></html>`;

const ORDERS: Order[] = ["declared", "threadkit-first"];

let site: RunningServer;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(componentsSrc);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(html: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  const tab = await context.newPage();
  await tab.route(`${site.url}/test.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: html }),
  );
  await tab.goto(`${site.url}/test.html`);
  await tab.waitForFunction(() => document.styleSheets.length >= 3);
  return tab;
}

const style = (tab: Page, selector: string, property: string) =>
  tab.$eval(
    selector,
    (element, name) => getComputedStyle(element).getPropertyValue(name),
    property,
  );

describe("the stylesheet's cascade layers", () => {
  it("puts every rule in a threadkit layer", async () => {
    const tab = await open(page(""));
    const outside = await tab.evaluate(() => {
      const found: string[] = [];
      const visit = (rules: CSSRuleList, layered: boolean) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSImportRule && rule.styleSheet) {
            visit(rule.styleSheet.cssRules, layered);
          } else if (rule instanceof CSSLayerBlockRule) {
            visit(rule.cssRules, layered || rule.name.startsWith("threadkit"));
          } else if (rule instanceof CSSStyleRule && !layered) {
            found.push(rule.selectorText);
          } else if ("cssRules" in rule) {
            visit((rule as CSSGroupingRule).cssRules, layered);
          }
        }
      };
      const sheet = Array.from(document.styleSheets).find((s) => s.href?.endsWith("styles.css"));
      if (!sheet) return ["styles.css not loaded"];
      visit(sheet.cssRules, false);
      return found;
    });
    expect(outside).toEqual([]);
    const rules = await tab.evaluate(() => {
      let count = 0;
      const visit = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSImportRule && rule.styleSheet) visit(rule.styleSheet.cssRules);
          else if (rule instanceof CSSStyleRule) count++;
          else if ("cssRules" in rule) visit((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
      return count;
    });
    // The check above walked the real rules, not an empty sheet.
    expect(rules).toBeGreaterThan(300);
  });

  it.each(ORDERS)(
    "lets Tailwind's utility and component layers and unlayered rules win over threadkit (%s)",
    async (order) => {
      const tab = await open(
        page(
          `<div data-tk-part="thread">
        <div data-tk-part="thread-items" class="max-w-3xl plain" id="items"></div>
        <div data-tk-part="composer" class="border-2" id="composer"></div>
        <button data-tk-part="composer-submit" class="btn" id="submit">Send</button>
      </div>`,
          "",
          order,
        ),
      );
      expect(await style(tab, "#composer", "border-top-width")).toBe("2px");
      expect(await style(tab, "#items", "max-width")).toBe("768px");
      expect(await style(tab, "#items", "padding-top")).toBe("7px");
      expect(await style(tab, "#submit", "background-color")).toBe("rgb(1, 2, 3)");
      expect(await style(tab, "#submit", "border-top-left-radius")).toBe("3px");
    },
  );

  it.each(ORDERS)(
    "keeps threadkit's look under a reset in Tailwind's base layer (preflight) (%s)",
    async (order) => {
      const tab = await open(
        page(
          `<div data-tk-part="markdown">
        <h2 data-tk-part="markdown-heading" data-level="2" id="heading">Title</h2>
        <ol data-tk-part="markdown-list" id="ordered"><li data-tk-part="markdown-list-item">One
          <ul data-tk-part="markdown-list" id="nested"><li data-tk-part="markdown-list-item">Two</li></ul>
        </li></ol>
        <ul data-tk-part="markdown-list" id="bullets"><li data-tk-part="markdown-list-item">Three</li></ul>
        <div data-tk-part="code-block" id="code"><div data-tk-part="code-block-header" id="header">ts</div></div>
      </div>`,
          "",
          order,
        ),
      );
      expect(await style(tab, "#heading", "font-weight")).toBe("650");
      expect(await style(tab, "#heading", "margin-top")).not.toBe("0px");
      expect(await style(tab, "#ordered", "list-style-type")).toBe("decimal");
      expect(await style(tab, "#bullets", "list-style-type")).toBe("disc");
      expect(await style(tab, "#nested", "list-style-type")).toBe("circle");
      expect(await style(tab, "#ordered", "padding-inline-start")).not.toBe("0px");
      expect(await style(tab, "#code", "border-top-width")).toBe("1px");
      expect(await style(tab, "#header", "padding-left")).toBe("14px");
    },
  );

  it("styles the parts when nothing overrides them", async () => {
    const tab = await open(
      page(`<div data-tk-part="thread"><div data-tk-part="thread-items" id="items"></div>
        <div data-tk-part="composer" id="composer"></div></div>`),
    );
    // threadkit's own values apply: the thread's max width token and the composer's 1px border.
    expect(await style(tab, "#items", "max-width")).toBe("760px");
    expect(await style(tab, "#composer", "border-top-width")).toBe("1px");
  });
});

describe("the stylesheet's color scheme", () => {
  const markup = `<div data-tk-part="thread" id="auto"></div>
    <div data-tk-theme="light"><div data-tk-part="thread" id="light"></div></div>
    <div data-tk-theme="dark"><div data-tk-part="thread" id="dark">
      <div data-tk-theme="light"><div data-tk-part="thread" id="nested-light"></div></div>
    </div></div>`;

  it("follows prefers-color-scheme outside a themed container", async () => {
    const light = await open(page(markup), "light");
    const dark = await open(page(markup), "dark");
    expect(await style(light, "#auto", "background-color")).toBe("rgb(255, 255, 255)");
    expect(await style(dark, "#auto", "background-color")).toBe("rgb(22, 22, 26)");
    expect(await style(dark, "#auto", "color")).toBe("rgb(236, 236, 241)");
  });

  it("keeps the scheme a data-tk-theme container pins, at any depth", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const tab = await open(page(markup), scheme);
      expect(await style(tab, "#light", "background-color")).toBe("rgb(255, 255, 255)");
      expect(await style(tab, "#dark", "background-color")).toBe("rgb(22, 22, 26)");
      expect(await style(tab, "#nested-light", "background-color")).toBe("rgb(255, 255, 255)");
    }
  });

  it("leaves the host page's own color-scheme alone", async () => {
    const tab = await open(page(markup), "dark");
    expect(await style(tab, "html", "color-scheme")).toBe("normal");
  });
});
