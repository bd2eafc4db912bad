/**
 * The published stylesheet in real Chromium: every rule sits in a `threadkit.*` cascade layer, so
 * unlayered rules and any layer declared after `threadkit` (Tailwind v4's theme, base, components,
 * utilities) win; parts outside a themed container follow prefers-color-scheme; a
 * `data-tk-theme` container pins its scheme at any depth.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type RunningServer, serveStatic } from "./harness";

const componentsSrc = path.resolve(import.meta.dirname, "../../../packages/components/src");

// A page in the shape Tailwind v4 emits: its layer order first, a utility in `utilities`, a
// component class in `components`, and one plain unlayered rule. The stylesheet is linked as
// shipped (its own @imports resolved by the browser).
const page = (body: string, head = "") => `<!doctype html>
<html><head>
<style>@layer threadkit, theme, base, components, utilities;</style>
<link rel="stylesheet" href="/styles.css">
<style>
@layer utilities { .border-2 { border-width: 2px; border-style: solid; } .max-w-3xl { max-width: 48rem; } }
@layer components { .btn { background-color: rgb(1, 2, 3); border-radius: 3px; } }
.plain { padding: 7px; }
</style>${head}
</head><body>${body}</body></html>`;

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

  it("lets Tailwind's utility and component layers and unlayered rules win over threadkit", async () => {
    const tab = await open(
      page(`<div data-tk-part="thread">
        <div data-tk-part="thread-items" class="max-w-3xl plain" id="items"></div>
        <div data-tk-part="composer" class="border-2" id="composer"></div>
        <button data-tk-part="composer-submit" class="btn" id="submit">Send</button>
      </div>`),
    );
    expect(await style(tab, "#composer", "border-top-width")).toBe("2px");
    expect(await style(tab, "#items", "max-width")).toBe("768px");
    expect(await style(tab, "#items", "padding-top")).toBe("7px");
    expect(await style(tab, "#submit", "background-color")).toBe("rgb(1, 2, 3)");
    expect(await style(tab, "#submit", "border-top-left-radius")).toBe("3px");
  });

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
