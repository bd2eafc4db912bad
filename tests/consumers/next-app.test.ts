/**
 * The packed tarballs in a Next.js 16 App Router + Tailwind v4 app (tests/consumers/next-app):
 * installed with npm, type-checked (skipLibCheck: false), built with `next build`, served with
 * `next start`, and a full chat (a Client Component inside an App Router page) driven in headless
 * Chromium against the dev server. Two pages render threadkit parts straight from Server
 * Components: a flat export and a namespace export's part (`Thread.Root`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevServer } from "../../apps/dev-server/src/index";
import {
  consumersRoot,
  exec,
  expectHistory,
  expectTailwindWins,
  installApp,
  launchBrowser,
  PROMPT,
  recordErrors,
  sendAndStream,
  startDevServer,
  toolEnv,
  typecheckApp,
} from "./harness";

const appDir = path.join(consumersRoot, "next-app");
const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");

let next: ChildProcess | undefined;
/** What `next start` printed (server-side render errors show here). */
let nextOutput = "";
let appUrl: string | undefined;
let server: DevServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let threadId: string | undefined;
const errors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `next start` in its own process group; resolves once it answers. */
async function startNext(): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  next = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: toolEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  next.stdout?.on("data", (chunk) => {
    nextOutput += chunk;
  });
  next.stderr?.on("data", (chunk) => {
    nextOutput += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (next.exitCode !== null) throw new Error(`next start exited:\n${nextOutput}`);
    try {
      const response = await fetch(`${url}/_not-found`);
      await response.arrayBuffer();
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer within 60 s:\n${nextOutput}`);
}

async function stopNext(): Promise<void> {
  const child = next;
  const pid = child?.pid;
  if (!child || pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // next start runs next-server as a child: end the whole group this test started.
  process.kill(-pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null) process.kill(-pid, "SIGKILL");
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await stopNext();
});

async function open(page: string): Promise<Page> {
  if (!appUrl || !server) throw new Error("the app or the dev server is not running");
  const tab = await (context as BrowserContext).newPage();
  errors.push(...recordErrors(tab));
  const url = new URL(page, appUrl);
  url.searchParams.set("server", server.url);
  await tab.goto(url.href);
  return tab;
}

describe("a Next.js 16 App Router + Tailwind v4 app using the tarballs", () => {
  it("installs the tarballs with npm", async () => {
    await installApp(appDir);
  });

  it("type-checks with skipLibCheck: false", async () => {
    // `next typegen` writes the route types the tsconfig includes, as `next build` would.
    await exec(process.execPath, [nextBin, "typegen"], {
      cwd: appDir,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    });
    await typecheckApp(appDir);
  });

  it("builds with next build", async () => {
    await exec(process.execPath, [nextBin, "build"], {
      cwd: appDir,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    });
    appUrl = await startNext();
  });

  it("renders the chat page on the server", async () => {
    const response = await fetch(`${appUrl}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-tk-part="composer"');
    expect(html).toContain('data-tk-part="thread"');
  });

  it("renders a full chat: sends a message and streams the reply", async () => {
    const page = await open("/");
    threadId = await sendAndStream(page);
    await page.close();
  });

  it("shows the thread and the history after a reload", async () => {
    const page = await open(`/?thread=${threadId}`);
    await expectHistory(page);
    const entry = page.locator('[data-tk-part="thread-list-item"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.first().getAttribute("data-active")).toBe("");
    expect(await entry.first().textContent()).toContain(PROMPT);
    await page.close();
  });

  it("renders a thread's first page on the server and hydrates it without a mismatch", async () => {
    const url = new URL("/ssr", appUrl);
    url.searchParams.set("server", (server as DevServer).url);
    url.searchParams.set("thread", threadId as string);
    const html = await (await fetch(url)).text();
    // The server's HTML holds the items (the page fetched and primed them) …
    expect(html).toMatch(/data-item-type="user_message"/);
    expect(html).toContain(PROMPT);
    expect(html).toMatch(/<h2[^>]*>Streaming markdown<\/h2>/);
    // … which the chat page without the prefetch does not.
    const plain = new URL(url);
    plain.pathname = "/";
    expect(await (await fetch(plain)).text()).not.toContain(PROMPT);

    const tab = await (context as BrowserContext).newPage();
    errors.push(...recordErrors(tab));
    const logged: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        logged.push(`${message.type()}: ${message.text()}`);
    });
    // Marks the server-rendered user message as the parser creates it: hydration keeps that
    // node, a mismatch would re-create it on the client.
    await tab.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        const item = document.querySelector('[data-item-type="user_message"]');
        if (!item) return;
        (item as unknown as { serverRendered: boolean }).serverRendered = true;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await tab.goto(url.href);
    await expectHistory(tab);
    // Hydrated: the composer reacts to typing (Send enables).
    await tab.getByRole("textbox", { name: "Message" }).fill("draft");
    await expect
      .poll(() => tab.locator('[data-tk-part="composer-submit"]').isDisabled())
      .toBe(false);
    expect(
      await tab
        .locator('[data-item-type="user_message"]')
        .first()
        .evaluate((item) => (item as unknown as { serverRendered?: boolean }).serverRendered),
      "the server-rendered item survived hydration",
    ).toBe(true);
    expect(logged).toEqual([]);
    await tab.close();
  });

  it("lets Tailwind utilities win on threadkit parts", async () => {
    const page = await open(`/?thread=${threadId}`);
    await expectHistory(page);
    await expectTailwindWins(page);
    await page.close();
  });

  it("ran without page or console errors", () => {
    expect(errors).toEqual([]);
  });
});

describe("threadkit parts in React Server Components", () => {
  it("renders a flat export (Markdown) from a Server Component", async () => {
    const response = await fetch(`${appUrl}/rsc-flat`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(
      /<h2 data-tk-part="markdown-heading"[^>]*>Rendered by a Server Component<\/h2>/,
    );
  });

  it("renders the parts of a namespace by their flat names (ThreadRoot, ThreadEmpty) from a Server Component", async () => {
    const logged = nextOutput.length;
    const response = await fetch(`${appUrl}/rsc-parts`);
    const html = await response.text();
    expect(response.status, `next start printed:\n${nextOutput.slice(logged)}`).toBe(200);
    expect(html).toMatch(
      /<div data-tk-part="thread-empty"[^>]*>No messages yet \(Server Component\)<\/div>/,
    );
  });
});
