/**
 * The same Vite app as vite-react.test.ts (its sources are copied), installed with React 18.3
 * and its types: the packed tarballs type-check (skipLibCheck: false), build, and render a full
 * chat and the thread view in headless Chromium. The tarballs and npm's cache are shared with the
 * other apps.
 */
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevServer } from "../../apps/dev-server/src/index";
import {
  consumersRoot,
  exec,
  expectHistory,
  installApp,
  launchBrowser,
  type RunningServer,
  recordErrors,
  sendAndStream,
  serveStatic,
  startDevServer,
  typecheckApp,
} from "./harness";

const source = path.join(consumersRoot, "vite-react");
const appDir = path.join(consumersRoot, "vite-react-18");
const COPIED = [
  "src",
  "index.html",
  "thread.html",
  "baseline.html",
  "vite.config.ts",
  "tsconfig.json",
];

let site: RunningServer | undefined;
let server: DevServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let threadId: string | undefined;
const errors: string[] = [];

beforeAll(async () => {
  for (const entry of COPIED) {
    rmSync(path.join(appDir, entry), { recursive: true, force: true });
    cpSync(path.join(source, entry), path.join(appDir, entry), { recursive: true });
  }
  server = await startDevServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await site?.close();
});

async function open(page: string): Promise<Page> {
  if (!site || !server) throw new Error("the app or the dev server is not running");
  const tab = await (context as BrowserContext).newPage();
  errors.push(...recordErrors(tab));
  const url = new URL(page, site.url);
  url.searchParams.set("server", server.url);
  await tab.goto(url.href);
  return tab;
}

describe("the Vite app on React 18.3 using the tarballs", () => {
  it("installs React 18.3 and the tarballs with npm", async () => {
    await installApp(appDir);
    const react = JSON.parse(
      readFileSync(path.join(appDir, "node_modules", "react", "package.json"), "utf8"),
    );
    expect(react.version).toMatch(/^18\.3\./);
  });

  it("type-checks with React 18's types and skipLibCheck: false", async () => {
    await typecheckApp(appDir);
  });

  it("builds with vite build", async () => {
    await exec(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
      cwd: appDir,
    });
    site = await serveStatic(path.join(appDir, "dist"));
  });

  it("renders a full chat on React 18: sends a message and streams the reply", async () => {
    const page = await open("/");
    threadId = await sendAndStream(page);
    await page.close();
  });

  it("renders the thread view and the history after a reload", async () => {
    const page = await open(`/thread.html?thread=${threadId}`);
    await expectHistory(page);
    await page.close();
    const chat = await open(`/?thread=${threadId}`);
    await expectHistory(chat);
    await expect.poll(() => chat.locator('[data-tk-part="thread-list-item"]').count()).toBe(1);
    await chat.close();
  });

  it("ran without page or console errors", () => {
    expect(errors).toEqual([]);
  });
});
