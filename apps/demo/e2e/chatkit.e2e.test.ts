import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DevServer } from "../../dev-server/src/index";
import {
  type DemoPage,
  launchBrowser,
  openDemo,
  type RunningServer,
  serveStatic,
  startDevServer,
} from "./harness";

// `<ChatKit>` driven by its options (the demo's `?ui=chatkit` page) against the dev server.

let demo: RunningServer;
let server: DevServer;
let browser: Browser;
const opened: DemoPage[] = [];

beforeAll(async () => {
  demo = await serveStatic(inject("demoDist"));
  server = await startDevServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

interface Sent {
  type: string;
  params: Record<string, unknown>;
}

/** Opens the page and records every ChatKit request it sends. */
async function open(): Promise<{ page: Page; sent: Sent[] }> {
  const session = await openDemo(browser, demo.url, server.url, { query: { ui: "chatkit" } });
  opened.push(session);
  const sent: Sent[] = [];
  session.page.on("request", (request: Request) => {
    if (!request.url().endsWith("/chatkit")) return;
    try {
      sent.push(JSON.parse(request.postData() ?? "") as Sent);
    } catch {}
  });
  await session.page.waitForSelector('[data-tk-part="chatkit"] [data-tk-part="composer"]');
  return { page: session.page, sent };
}

const ofType = (sent: Sent[], type: string) => sent.filter((body) => body.type === type);
const assistantMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="assistant_message"]');
const userMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="user_message"]');

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-tk-part="thread-item"][data-status="streaming"]') &&
      !document.querySelector('[data-tk-part="composer"][data-running]'),
  );
}

/** The stored items of the open thread, read from the server. */
async function storedItems(page: Page): Promise<{ id: string; type: string }[]> {
  const threadId = /#\/t\/([^/?#]+)/.exec(page.url())?.[1];
  const response = await fetch(`${server.url}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "items.list", params: { thread_id: threadId, order: "asc" } }),
  });
  return ((await response.json()) as { data: { id: string; type: string }[] }).data;
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(text);
  await input.press("Enter");
  await page.waitForURL(/#\/t\/thr_/);
  await settled(page);
}

describe("<ChatKit> options against the dev server", () => {
  afterAll(async () => {
    for (const session of opened) {
      expect(session.errors, "uncaught page errors").toEqual([]);
      await session.context.close();
    }
  });

  it("sends a start screen prompt and streams its reply, titled in the header", async () => {
    const { page, sent } = await open();
    await page.getByRole("heading", { name: "What can I help with today?" }).waitFor();
    await page.getByRole("button", { name: "Research a weekend in Lisbon" }).click();
    await expect
      .poll(() => userMessages(page).first().textContent())
      .toContain("Research a weekend in Lisbon");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    expect(ofType(sent, "threads.create")[0]?.params.input).toMatchObject({
      content: [{ type: "input_text", text: "Research a weekend in Lisbon" }],
    });
    await expect.poll(() => assistantMessages(page).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-tk-part="chatkit-header"] h2').textContent())
      .toBe("Research a weekend in Lisbon");
    // The start screen is gone once the thread has items.
    expect(await page.getByRole("heading", { name: "What can I help with today?" }).count()).toBe(
      0,
    );
  });

  it("sends a widget's server action with no wiring and shows the server's answer", async () => {
    const { page, sent } = await open();
    await send(page, "Book dinner for two");
    const widget = page.locator('[data-tk-part="thread-item"][data-item-type="widget"]');
    await widget.getByText("Book a table at Chez Dev").waitFor();
    await widget.getByRole("textbox").fill("Ada Lovelace");
    await widget.getByRole("combobox").click();
    await page.getByRole("option", { name: "4 people" }).click();
    await widget.getByRole("button", { name: "Book" }).click();
    await widget.getByText("Table booked").waitFor();
    const action = ofType(sent, "threads.custom_action")[0];
    expect(action?.params).toMatchObject({ action: { payload: { name: "Ada Lovelace" } } });
    expect(await widget.textContent()).toContain("Ada Lovelace, party of 4, at Chez Dev.");
  });

  it("sends feedback on a reply, and retries it after its user message", async () => {
    const { page, sent } = await open();
    await send(page, "Say hello");
    const reply = assistantMessages(page).first();
    await reply.hover();
    await reply.getByRole("button", { name: "Good response" }).click();
    await expect.poll(() => ofType(sent, "items.feedback").length).toBe(1);
    const before = await storedItems(page);
    const replyId = before.find((item) => item.type === "assistant_message")?.id;
    const userId = before.find((item) => item.type === "user_message")?.id;
    expect(ofType(sent, "items.feedback")[0]?.params).toMatchObject({
      kind: "positive",
      item_ids: [replyId],
    });

    await reply.hover();
    await reply.getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(() => ofType(sent, "threads.retry_after_item").length).toBe(1);
    expect(ofType(sent, "threads.retry_after_item")[0]?.params.item_id).toBe(userId);
    await settled(page);
    expect(await assistantMessages(page).count()).toBe(1);
    expect(await userMessages(page).count()).toBe(1);
  });

  it("shows a rename from the history in the header and the history", async () => {
    const { page } = await open();
    await send(page, "Plan a picnic");
    await page.getByRole("button", { name: "Show history" }).click();
    const history = page.getByRole("navigation", { name: "History" });
    await history.getByRole("button", { name: "Rename: Plan a picnic" }).click();
    const field = page.getByRole("textbox", { name: "Conversation title" });
    await field.fill("Picnic in the park");
    await field.press("Enter");
    const header = page.locator('[data-tk-part="chatkit-header"] h2');
    await expect.poll(() => header.textContent()).toBe("Picnic in the park");
    await history
      .locator('[data-tk-part="thread-list-item"]')
      .filter({ hasText: "Picnic in the park" })
      .waitFor();
    await page.reload();
    await expect.poll(() => header.textContent()).toBe("Picnic in the park");
  });
});
