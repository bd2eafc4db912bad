/**
 * The demo app, built for production, in headless Chromium against the official-SDK server
 * (`?server=<origin>`, the same switch the dev server's end-to-end tests use): the paths a user
 * sees.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildDemo,
  type DemoPage,
  launchBrowser,
  openDemo,
  type RunningServer,
  serveStatic,
} from "../../demo/e2e/harness";
import { officialClient, storedItems } from "./protocol";

let demo: RunningServer;
let browser: Browser;
let demoDist: string;
const opened: DemoPage[] = [];
const serverUrl = () => inject("officialServerUrl");

// The production build of the demo, made here rather than in global setup so that runs of the
// other files need no build.
beforeAll(async () => {
  demoDist = mkdtempSync(path.join(tmpdir(), "threadkit-official-demo-"));
  [browser] = await Promise.all([launchBrowser(), buildDemo(demoDist)]);
  demo = await serveStatic(demoDist);
});

afterAll(async () => {
  for (const session of opened) await session.context.close();
  await browser?.close();
  await demo?.close();
  if (demoDist) rmSync(demoDist, { recursive: true, force: true });
});

async function open(hash = ""): Promise<DemoPage> {
  const session = await openDemo(browser, demo.url, serverUrl(), { hash });
  opened.push(session);
  await session.page.waitForSelector('[data-tk-part="composer"]');
  return session;
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox", { name: /message/i });
  await input.fill(text);
  await input.press("Enter");
}

const items = (page: Page, type: string) =>
  page.locator(`[data-tk-part="thread-item"][data-item-type="${type}"]`);
/** The thread's title in `<ChatKit>`'s header. */
const headerTitle = (page: Page) => page.locator('[data-tk-part="chatkit-title"]');
const threadIdOf = (page: Page) => /#\/t\/([^/?#]+)/.exec(page.url())?.[1] ?? null;

/** Waits until no item streams and the composer is idle. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-tk-part="thread-item"][data-status="streaming"]') &&
      !document.querySelector('[data-tk-part="composer"][data-running]'),
  );
}

/** Sends the first message of a new thread and waits for the reply. */
async function startThread(text: string): Promise<DemoPage> {
  const session = await open();
  await send(session.page, text);
  await session.page.waitForURL(/#\/t\/thr_/);
  await settled(session.page);
  return session;
}

describe("demo app against the official Python SDK server", () => {
  it("streams a reply and restores the thread after a reload", async () => {
    const { page, errors } = await startThread("Remember this official thread");
    const reply = items(page, "assistant_message").first();
    await expect.poll(() => reply.textContent()).toContain("Attempt 1.");
    await expect.poll(() => headerTitle(page).textContent()).toBe("Remember this official thread");
    const threadId = threadIdOf(page);
    const before = await reply.textContent();

    await page.reload();
    await page.waitForURL(new RegExp(`#/t/${threadId}$`));
    await expect
      .poll(() => items(page, "user_message").first().textContent())
      .toContain("Remember this official thread");
    expect(await items(page, "assistant_message").first().textContent()).toBe(before);
    await expect.poll(() => headerTitle(page).textContent()).toBe("Remember this official thread");
    expect(errors).toEqual([]);
  });

  it("runs a widget button's server action and a sync action", async () => {
    const { page, errors } = await startThread("Show me a widget");
    const widget = items(page, "widget").first();
    await widget.getByText("Say hello").waitFor();
    await widget.getByRole("button", { name: "Greet" }).click();
    await widget.getByText("Hello, Ada!").waitFor();
    await expect
      .poll(() => items(page, "assistant_message").last().textContent())
      .toBe("Greeted Ada from the widget.");
    await settled(page);
    await widget.getByRole("button", { name: "Like" }).click();
    await widget.getByText("Liked", { exact: true }).waitFor();
    // Both actions reached the server's store.
    const stored = await storedItems(officialClient(), threadIdOf(page)!);
    const storedWidget = JSON.stringify(stored.find((item) => item.type === "widget"));
    expect(storedWidget).toContain("Hello, Ada!");
    expect(storedWidget).toContain('"value":"Liked"');
    expect(errors).toEqual([]);
  });

  it("shows a retryable error and retries it with Try again", async () => {
    const { page, errors } = await open();
    await send(page, "flaky reply");
    const banner = page.locator('[data-tk-part="stream-error"][role="alert"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain("The scripted model failed; try again.");
    await banner.getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(() => items(page, "assistant_message").last().textContent(), { timeout: 20_000 })
      .toContain("Attempt 2.");
    await settled(page);
    expect(await banner.count()).toBe(0);
    expect(await items(page, "user_message").count()).toBe(1);
    // The server keeps only the retried reply; so must the page.
    const stored = await storedItems(officialClient(), threadIdOf(page)!);
    expect(stored.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    expect(await items(page, "assistant_message").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("uploads an attachment and sends it with the message", async () => {
    const { page, errors } = await open();
    await page.locator('[data-tk-part="composer"] input[type="file"]').setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("threadkit official upload"),
    });
    const chip = page.locator('[data-tk-part="composer-attachment"]');
    await expect.poll(() => chip.getAttribute("data-status")).toBe("done");
    await send(page, "Here is a file");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    await expect
      .poll(() => items(page, "assistant_message").last().textContent())
      .toContain("notes.txt (text/plain, 25 bytes)");
    expect(await items(page, "user_message").first().textContent()).toContain("notes.txt");
    const [user] = await storedItems(officialClient(), threadIdOf(page)!);
    expect(user?.type === "user_message" && user.attachments.map((a) => a.name)).toEqual([
      "notes.txt",
    ]);
    expect(errors).toEqual([]);
  });

  it("shows the generated image the SDK sends as a data: URL", async () => {
    const { page } = await startThread("draw an image");
    const figure = items(page, "generated_image").locator('[data-tk-part="generated-image"]');
    await figure.waitFor();
    // An image the page refuses to show renders as data-status="error".
    expect(await figure.getAttribute("data-status")).toBe("done");
    const image = figure.locator("img").first();
    expect(await image.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(8);
  });

  it("renders workflow task content as markdown", async () => {
    const { page } = await startThread("Run a workflow");
    const workflow = page.locator('[data-tk-part="workflow"]').first();
    const trigger = workflow.locator('[data-tk-part="workflow-trigger"]');
    if ((await trigger.getAttribute("data-state")) !== "open") await trigger.click();
    const tasks = workflow.locator('[data-tk-part="workflow-task"]');
    await expect.poll(() => tasks.count()).toBe(2);
    // Task content is markdown (custom and thought tasks alike), never raw asterisks.
    expect(await tasks.nth(0).textContent()).not.toContain("**");
    expect(await tasks.nth(0).innerHTML()).toMatch(/<strong[^>]*>trains<\/strong>/);
    expect(await tasks.nth(0).innerHTML()).toMatch(/<em[^>]*>hotels<\/em>/);
    expect(await tasks.nth(1).innerHTML()).toMatch(/<strong[^>]*>sunny<\/strong>/);
  });

  it("renames the open thread and updates its header", async () => {
    const { page } = await startThread("A title to rename");
    await expect.poll(() => headerTitle(page).textContent()).toBe("A title to rename");
    const entry = page
      .locator('[data-tk-part="thread-list-item"]')
      .filter({ hasText: "A title to rename" });
    await entry.getByRole("button", { name: /^Rename/ }).click();
    const input = page.locator('[data-tk-part="thread-list-rename-input"]');
    await input.fill("Renamed in the demo");
    await input.press("Enter");
    await expect
      .poll(async () => (await officialClient().threads.getById(threadIdOf(page)!)).title)
      .toBe("Renamed in the demo");
    await expect
      .poll(() => headerTitle(page).textContent(), { timeout: 3_000 })
      .toBe("Renamed in the demo");
  });
});
