import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assistantMessages, settled, setUpDemoEnvironment, userMessages } from "./demo-test";
import type { OpenDemoOptions } from "./harness";

// Hostile servers and broken networks, through the dev server's fault words: every failure says
// what happened and the user's draft survives it.

const env = setUpDemoEnvironment();

async function open(options: OpenDemoOptions = {}): Promise<Page> {
  return (await env.open(options)).page;
}

const input = (page: Page) => page.getByRole("textbox", { name: /message/i });

async function send(page: Page, text: string): Promise<void> {
  await input(page).fill(text);
  await input(page).press("Enter");
}

const failure = (page: Page) => page.locator('[data-tk-part="stream-error"][role="alert"]');

describe("demo app against a misbehaving dev server", () => {
  it("keeps the draft when an auth proxy answers 200 with its sign-in page", async () => {
    const page = await open();
    await send(page, "Where is my parcel? !html");
    await failure(page).waitFor({ timeout: 20_000 });
    expect(await failure(page).getAttribute("data-reason")).toBe("not_event_stream");
    expect(await failure(page).textContent()).toContain("something other than a reply");
    expect(await input(page).inputValue()).toBe("Where is my parcel? !html");
    expect(await userMessages(page).count()).toBe(0);
  });

  it("stores a message once when the server stores it and answers 500", async () => {
    const page = await open();
    await send(page, "Tell me a story");
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("This is the threadkit dev server");
    await settled(page);
    await send(page, "Only once !stored500");
    await failure(page).waitFor({ timeout: 20_000 });
    expect(await failure(page).getAttribute("data-reason")).toBe("server_error");
    expect(await input(page).inputValue()).toBe("Only once !stored500");
    // The stored thread, as a reload reads it: one copy of the message, not one per attempt.
    await page.reload();
    await expect.poll(() => userMessages(page).count(), { timeout: 20_000 }).toBe(2);
    expect(await userMessages(page).filter({ hasText: "Only once" }).count()).toBe(1);
  });

  it("ends a reply that goes silent after the idle timeout, and its retry answers", async () => {
    const page = await open({ query: { idleTimeoutMs: "1500" } });
    // Thread created, message confirmed, stream options; then nothing, with the stream open.
    await send(page, "Tell me a story !silent=3");
    await failure(page).waitFor({ timeout: 20_000 });
    expect(await failure(page).getAttribute("data-reason")).toBe("timeout");
    expect(await failure(page).textContent()).toContain("The server stopped responding.");
    expect(await userMessages(page).first().textContent()).toContain("Tell me a story");
    await failure(page).getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("This is the threadkit dev server");
    await settled(page);
    expect(await failure(page).count()).toBe(0);
    expect(await userMessages(page).count()).toBe(1);
  });

  it("offers Stop before the server answers, and stopping keeps the draft", async () => {
    const page = await open();
    await send(page, "Hello, anyone? !hang");
    const stop = page.getByRole("button", { name: "Stop generating" });
    await stop.waitFor({ timeout: 20_000 });
    await stop.click();
    await settled(page);
    expect(await stop.count()).toBe(0);
    expect(await input(page).inputValue()).toBe("Hello, anyone? !hang");
    expect(await failure(page).count()).toBe(0);
  });

  it("says a 429 is rate limiting, and keeps the draft", async () => {
    const page = await open();
    await send(page, "One more !429");
    await failure(page).waitFor({ timeout: 20_000 });
    expect(await failure(page).getAttribute("data-reason")).toBe("rate_limited");
    expect(await failure(page).textContent()).toContain("too many requests");
    expect(await input(page).inputValue()).toBe("One more !429");
  });
});
