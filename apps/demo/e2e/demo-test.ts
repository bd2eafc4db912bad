/**
 * What every demo end-to-end file shares: the built demo, the dev server and Chromium started
 * once per file, pages that must run without uncaught errors, and the few page helpers the files
 * all use.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { DevServer } from "../../dev-server/src/index";
import {
  type DemoPage,
  launchBrowser,
  type OpenDemoOptions,
  openDemo,
  type RunningServer,
  serveStatic,
  startDevServer,
} from "./harness";

/** The demo build, the dev server and the browser one test file drives. */
export interface DemoEnvironment {
  /** The static server of the demo build. */
  readonly demo: RunningServer;
  /** The dev server the demo talks to. */
  readonly server: DevServer;
  readonly browser: Browser;
  /**
   * Opens the demo (see `openDemo`) and waits for `ready` (a selector; default: the composer).
   * Every page opened must end the file without uncaught errors.
   */
  open(options?: OpenDemoOptions & { ready?: string }): Promise<DemoPage>;
}

/**
 * Starts the demo build, the dev server and Chromium before the file's tests and stops them after;
 * call it once at the top of a test file.
 */
export function setUpDemoEnvironment(): DemoEnvironment {
  let demo: RunningServer | undefined;
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  const opened: DemoPage[] = [];
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not started: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    demo = await serveStatic(inject("demoDist"));
    server = await startDevServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    try {
      for (const session of opened) {
        expect(session.errors, "uncaught page errors").toEqual([]);
      }
    } finally {
      for (const session of opened) await session.context.close();
      await browser?.close();
      await server?.close();
      await demo?.close();
    }
  });

  return {
    get demo() {
      return started(demo, "the demo build");
    },
    get server() {
      return started(server, "the dev server");
    },
    get browser() {
      return started(browser, "the browser");
    },
    async open({ ready = '[data-tk-part="composer"]', ...options } = {}) {
      const session = await openDemo(
        started(browser, "the browser"),
        started(demo, "the demo build").url,
        started(server, "the dev server").url,
        options,
      );
      opened.push(session);
      await session.page.waitForSelector(ready);
      return session;
    },
  };
}

/** The thread's assistant messages. */
export const assistantMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="assistant_message"]');

/** The thread's user messages. */
export const userMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="user_message"]');

/** Waits until no item streams and the composer is idle. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-tk-part="thread-item"][data-status="streaming"]') &&
      !document.querySelector('[data-tk-part="composer"][data-running]'),
  );
}
