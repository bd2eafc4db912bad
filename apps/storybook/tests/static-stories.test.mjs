// Smoke test of the built artefact: serve apps/storybook/storybook-static on 127.0.0.1 with a
// plain static file server (no Storybook, no Vite) and open every story and every docs page in
// headless Chromium. A story fails on a page error, a render error or a play-function failure;
// a docs page fails on a page error or when it renders no content.
// Run: pnpm build-storybook && pnpm test:static
import assert from "node:assert/strict";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";

const root = path.resolve(import.meta.dirname, "..", "storybook-static");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

const index = existsSync(path.join(root, "index.json"))
  ? JSON.parse(readFileSync(path.join(root, "index.json"), "utf8"))
  : { entries: {} };
const entries = Object.values(index.entries);
const allStories = entries.filter((entry) => entry.type === "story");
// STATIC_SAMPLE=1 (CI) opens the first story of each component: the full set already runs in
// Chromium through the Vitest addon; this run proves the static build itself works.
const stories = process.env.STATIC_SAMPLE
  ? allStories.filter((entry, i) => allStories.findIndex((e) => e.title === entry.title) === i)
  : allStories;
const docs = entries.filter((entry) => entry.type === "docs");

let server;
let browser;
let base;

before(async () => {
  assert.ok(existsSync(path.join(root, "index.json")), "run `pnpm build-storybook` first");
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// Wraps Storybook's channel before the page's scripts run, so no event is missed.
function recordChannel() {
  globalThis.__sbEvents = [];
  let channel;
  Object.defineProperty(globalThis, "__STORYBOOK_ADDONS_CHANNEL__", {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const emit = value.emit.bind(value);
      value.emit = (name, ...args) => {
        globalThis.__sbEvents.push({ name, status: args[0]?.status });
        return emit(name, ...args);
      };
    },
  });
}

const FAILURES = [
  "playFunctionThrewException",
  "storyThrewException",
  "storyErrored",
  "storyMissing",
];

test("the build has stories and docs pages", () => {
  assert.ok(stories.length > 0, "no stories in index.json");
  assert.ok(docs.length >= 7, `expected the 7 docs pages, found ${docs.length}`);
  for (const title of ["Docs/Introduction", "Docs/Getting started", "Docs/Theming"]) {
    assert.ok(
      docs.some((entry) => entry.title === title),
      `missing docs page ${title}`,
    );
  }
});

test("the manager UI loads from the static server", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base}/index.html`);
  await page
    .locator("#storybook-explorer-tree")
    .getByText("Introduction", { exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.close();
  assert.deepEqual(errors, []);
});

for (const story of stories) {
  test(`story: ${story.title} / ${story.name}`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(recordChannel);
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    // `storyFinished` comes after the render and the play function.
    await page.waitForFunction(
      () => globalThis.__sbEvents?.some((event) => event.name === "storyFinished"),
      undefined,
      { timeout: 60_000 },
    );
    const events = await page.evaluate(() => globalThis.__sbEvents);
    await page.close();
    assert.deepEqual(errors, []);
    assert.deepEqual(
      events.filter((event) => FAILURES.includes(event.name)).map((event) => event.name),
      [],
    );
    assert.equal(events.find((event) => event.name === "storyFinished")?.status, "success");
  });
}

for (const entry of docs) {
  test(`docs: ${entry.title}`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(recordChannel);
    await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs`);
    await page.waitForFunction(
      () => globalThis.__sbEvents?.some((event) => event.name === "docsRendered"),
      undefined,
      { timeout: 60_000 },
    );
    const text = (await page.locator(".sbdocs-content").textContent()) ?? "";
    await page.close();
    assert.deepEqual(errors, []);
    assert.ok(text.trim().length > 200, `docs page ${entry.title} rendered almost nothing`);
  });
}
