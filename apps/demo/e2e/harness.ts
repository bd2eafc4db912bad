/**
 * End-to-end harness: builds the demo with Vite, serves the build on 127.0.0.1, starts the dev
 * server in memory on an ephemeral port, and drives both in headless Chromium.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { createDevServer, type DevServer, type DevServerOptions } from "../../dev-server/src/index";

export { buildDemo, demoRoot } from "./build-demo";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** A running HTTP server with its base URL. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Serves a built single-page app from `root`; unknown paths get `index.html`. */
export async function serveStatic(root: string): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, "index.html");
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    createReadStream(file).pipe(res);
  });
  const url = await listen(server);
  return { url, close: () => closeServer(server) };
}

/** Starts the dev server in memory on a free port (nothing is written to disk). */
export function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  return createDevServer({ port: 0, inMemory: true, delayMs: 20, ...options });
}

/** Launches Debian's Chromium headless, off the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/** Options for {@link openDemo}. */
export interface OpenDemoOptions {
  /** Viewport size. @default desktop 1280×800 */
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  /** Hash route, e.g. `#/t/thr_1`. */
  hash?: string;
  /** Extra page URL parameters, e.g. `{ idleTimeoutMs: "1000" }`. */
  query?: Record<string, string>;
  /** A script run in the page before its own, e.g. to stand in for a browser API. */
  initScript?: () => void;
}

/** An open demo page and the errors it threw. */
export interface DemoPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for asserting a clean run. */
  errors: string[];
}

/** Opens the demo, pointed at `serverUrl` through `?server=`. */
export async function openDemo(
  browser: Browser,
  demoUrl: string,
  serverUrl: string,
  options: OpenDemoOptions = {},
): Promise<DemoPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
    locale: "en-US",
    timezoneId: "UTC",
  });
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const query = new URLSearchParams({ server: serverUrl, ...options.query });
  await page.goto(`${demoUrl}/?${query}${options.hash ?? ""}`);
  return { context, page, errors };
}
