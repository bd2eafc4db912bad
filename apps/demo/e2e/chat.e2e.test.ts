import { userContext } from "@threadkit/dev-server";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assistantMessages, settled, setUpDemoEnvironment, userMessages } from "./demo-test";

const env = setUpDemoEnvironment();

async function open(hash = ""): Promise<Page> {
  return (await env.open({ hash })).page;
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox", { name: /message/i });
  await input.fill(text);
  await input.press("Enter");
}

/** The thread's title in `<ChatKit>`'s header. */
const headerTitle = (page: Page) => page.locator('[data-tk-part="chatkit-title"]');

/** The history sidebar's entries. */
const historyEntries = (page: Page) =>
  page.locator('[data-tk-part="chatkit-history"] [data-tk-part="thread-list-item"]');

const threadIdOf = (page: Page) => /#\/t\/([^/?#]+)/.exec(page.url())?.[1] ?? null;

describe("the demo's <ChatKit> page against the dev server", () => {
  it("sends a message, shows it at once and streams the reply into it", async () => {
    const page = await open();
    // Record every length the reply's text goes through while it streams.
    await page.evaluate(() => {
      const lengths: number[] = [];
      (window as unknown as { replyLengths: number[] }).replyLengths = lengths;
      new MutationObserver(() => {
        const reply = document.querySelector(
          '[data-tk-part="thread-item"][data-item-type="assistant_message"]',
        );
        const length = reply?.textContent?.length ?? 0;
        if (length > 0 && length !== lengths.at(-1)) lengths.push(length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await send(page, "Show me some markdown");
    // The draft leaves the composer as soon as the server accepts it, while the reply streams.
    await expect.poll(() => page.getByRole("textbox", { name: /message/i }).inputValue()).toBe("");
    await expect
      .poll(() => userMessages(page).first().textContent())
      .toContain("Show me some markdown");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const reply = assistantMessages(page).first();
    await expect.poll(() => reply.locator("h2").textContent()).toBe("Streaming markdown");
    expect(await reply.locator("table").count()).toBe(1);
    const lengths = await page.evaluate(
      () => (window as unknown as { replyLengths: number[] }).replyLengths,
    );
    // Streaming means the text grew in several steps, not in one final render.
    expect(lengths.length).toBeGreaterThan(5);
    expect(lengths[0]).toBeLessThan(Math.max(...lengths) / 2);
    await expect.poll(() => headerTitle(page).textContent()).toBe("Show me some markdown");
  });

  it("expands a workflow to show its tasks", async () => {
    const page = await open();
    await send(page, "Research a weekend in Lisbon");
    const workflow = page.locator('[data-tk-part="workflow"]');
    await workflow.waitFor();
    await settled(page);
    const trigger = workflow.locator('[data-tk-part="workflow-trigger"]');
    await expect.poll(() => workflow.getAttribute("data-status")).toBe("done");
    if ((await trigger.getAttribute("data-state")) === "open") await trigger.click();
    expect(await trigger.getAttribute("data-state")).toBe("closed");
    await trigger.click();
    expect(await trigger.getAttribute("data-state")).toBe("open");
    const tasks = workflow.locator('[data-tk-part="workflow-task"]');
    await expect.poll(() => tasks.count()).toBeGreaterThan(1);
    expect(await tasks.first().isVisible()).toBe(true);
  });

  it("submits a widget form and shows the updated widget", async () => {
    const page = await open();
    await send(page, "Book dinner for two");
    const widget = page.locator('[data-tk-part="thread-item"][data-item-type="widget"]');
    await widget.getByText("Book a table at Chez Dev").waitFor();
    await settled(page);
    await widget.getByRole("textbox").fill("Grace Hopper");
    await widget.getByRole("combobox").click();
    await page.getByRole("option", { name: "4 people" }).click();
    await widget.getByRole("button", { name: "Book" }).click();
    // The server replaced the card with a confirmation built from the submitted fields.
    await widget.getByText("Table booked").waitFor();
    expect(await widget.textContent()).toContain("Grace Hopper, party of 4, at Chez Dev.");
    await expect
      .poll(() => assistantMessages(page).last().textContent())
      .toContain("Booked a table for 4 under the name Grace Hopper.");
  });

  it("runs a client tool in the browser and continues the reply with its output", async () => {
    const page = await open();
    await send(page, "What is the weather in Oslo?");
    const tool = page.locator('[data-tk-part="tool-call"]');
    await tool.waitFor();
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("Oslo");
    await settled(page);
    const reply = (await assistantMessages(page).last().textContent()) ?? "";
    // The JSON the browser's get_weather handler returned, echoed by the server.
    expect(reply).toContain('"source": "browser"');
    expect(reply).toContain('"city": "Oslo"');
    // The server stored the call as completed with the browser's output.
    await page.reload();
    await expect
      .poll(() => page.locator('[data-tk-part="tool-call"]').getAttribute("data-status"))
      .toBe("completed");
  });

  it("uploads an attachment and sends it with the message", async () => {
    const page = await open();
    await page.locator('[data-tk-part="composer"] input[type="file"]').setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("threadkit end-to-end upload"),
    });
    const chip = page.locator('[data-tk-part="composer-attachment"]');
    await expect.poll(() => chip.getAttribute("data-status")).toBe("done");
    expect(await chip.textContent()).toContain("notes.txt");
    await send(page, "Here is a file");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    // The server received the attachment and names it in its reply.
    await expect
      .poll(() => assistantMessages(page).last().textContent())
      .toContain("notes.txt (text/plain)");
    expect(await userMessages(page).first().textContent()).toContain("notes.txt");
    expect(await chip.count()).toBe(0);
  });

  it("finds a thread in the history after a reload and deletes it", async () => {
    const page = await open();
    await send(page, "Remember this thread please");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const threadId = threadIdOf(page);
    expect(threadId).not.toBeNull();

    await page.goto(`${env.demo.url}/?server=${encodeURIComponent(env.server.url)}#/`);
    const entry = historyEntries(page).filter({ hasText: "Remember this thread please" });
    await entry.waitFor();
    await entry.locator('[data-tk-part="thread-list-trigger"]').click();
    await page.waitForURL(new RegExp(`#/t/${threadId}$`));
    await expect
      .poll(() => userMessages(page).first().textContent())
      .toContain("Remember this thread please");
    expect(await assistantMessages(page).count()).toBe(1);

    await entry.getByRole("button", { name: /delete/i }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: /delete/i })
      .click();
    await entry.waitFor({ state: "detached" });
    // Gone on the server too, and the open thread closed.
    const list = await fetch(`${env.server.url}/chatkit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "threads.list", params: { limit: 100 } }),
    }).then((response) => response.json() as Promise<{ data: { id: string }[] }>);
    expect(list.data.map((thread) => thread.id)).not.toContain(threadId);
    await page.waitForURL(/#\/$/);
  });

  it("reads the same threads through hosted REST and runs an assistant", async () => {
    const page = await open();
    await send(page, "A thread to read over REST");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const threadId = threadIdOf(page);

    await page.getByTestId("backend-rest").click();
    await historyEntries(page)
      .filter({ hasText: "A thread to read over REST" })
      .locator('[data-tk-part="thread-list-trigger"]')
      .click();
    await page.waitForURL(new RegExp(`#/t/${threadId}$`));
    await expect
      .poll(() => assistantMessages(page).first().textContent())
      .toContain("You said: A thread to read over REST");
    // Hosted REST threads are read-only here: the reason in place of the composer.
    expect(await page.locator('[data-tk-part="composer"]').count()).toBe(0);
    expect(await page.locator('[data-tk-part="chatkit-read-only"]').textContent()).toBe(
      "Hosted REST threads are read-only here.",
    );

    await page.getByTestId("backend-assistants").click();
    await page
      .locator('[data-tk-part="chatkit-header"]')
      .getByRole("button", { name: "New chat" })
      .click();
    await send(page, "Hello assistant");
    await page.waitForURL(/#\/t\/thread_/);
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("Hello assistant");
    await settled(page);
    // The demo remembers the Assistants thread in its history (the API cannot list threads),
    // titled by its first message; the ChatKit threads are not listed there.
    await historyEntries(page).filter({ hasText: "Hello assistant" }).waitFor();
    expect(await historyEntries(page).count()).toBe(1);
    await expect.poll(() => headerTitle(page).textContent()).toBe("Hello assistant");

    // Back on the ChatKit protocol, its own history again.
    await page.getByTestId("backend-chatkit").click();
    await historyEntries(page).filter({ hasText: "A thread to read over REST" }).waitFor();
    expect(await historyEntries(page).filter({ hasText: "Hello assistant" }).count()).toBe(0);
  });

  it("switches theme options and locale, and remembers them after a reload", async () => {
    const page = await open();
    const app = page.locator(".demo-app");
    const chat = page.locator('[data-tk-part="chatkit"]');
    const background = () => chat.evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await background();
    await page.getByTestId("theme-toggle").click();
    expect(await app.getAttribute("data-tk-theme")).toBe("dark");
    expect(await background()).not.toBe(light);

    await page.getByTestId("appearance-button").click();
    await page.getByRole("radio", { name: "Sharp" }).click();
    expect(await chat.evaluate((element) => element.style.getPropertyValue("--tk-radius"))).toBe(
      "2px",
    );
    await page.keyboard.press("Escape");

    await page.getByTestId("locale-select").selectOption("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("textbox", { name: /.+/ }).first().waitFor();
    expect(await page.locator('[data-tk-part="composer-input"]').getAttribute("placeholder")).toBe(
      "اكتب رسالة إلى المساعد",
    );

    await page.reload();
    await page.waitForSelector('[data-tk-part="composer"]');
    expect(await app.getAttribute("data-tk-theme")).toBe("dark");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
  });

  it("shows the run's notices and progress at the end of the thread, and retries its error", async () => {
    const page = await open();
    const runStatus = page.locator(
      '[data-tk-part="thread-items"] > [data-tk-part="thread-run-status"]',
    );
    await send(page, "notices");
    await expect.poll(() => runStatus.locator('[data-tk-part="notice"]').count()).toBe(3);
    await settled(page);
    // Notice markdown is rendered; a notice can be dismissed.
    expect(await runStatus.locator('[data-level="info"] strong').textContent()).toBe("info");
    await runStatus
      .locator('[data-level="warning"]')
      .getByRole("button", { name: "Dismiss" })
      .click();
    expect(await runStatus.locator('[data-tk-part="notice"]').count()).toBe(2);

    // Progress updates are transient: record each one the page shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const node of document.querySelectorAll(
          '[data-tk-part="thread-run-status"] [data-tk-part="progress-update"]',
        )) {
          const text = node.textContent ?? "";
          if (!seen.includes(text)) seen.push(text);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await send(page, "progress");
    const seen = () =>
      page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
    await settled(page);
    // The server sends three updates 120 ms apart. Updates that arrive within one frame are
    // applied together (only the newest shows), so a loaded machine may skip one; what the page
    // showed is still the server's updates, in the server's order.
    const steps = ["Searching the catalogue…", "Reading 12 documents…", "Checking the answer…"];
    const shown = (await seen()).map((text) => steps.findIndex((step) => text.includes(step)));
    expect(shown).not.toContain(-1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(await runStatus.locator('[data-tk-part="progress-update"]').count()).toBe(0);

    await send(page, "fail");
    const error = runStatus.locator('[data-tk-part="stream-error"][role="alert"]');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain("failed on purpose");
    await error.getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("The retry worked");
    await settled(page);
    expect(await error.count()).toBe(0);
  });

  it("keeps the user's message when the stream drops, and recovers on retry", async () => {
    const page = await open();
    // The server cuts the connection after the user message and the first words of the reply.
    await send(page, "Tell me a story !drop=20");
    const banner = page.locator('[data-tk-part="stream-error"][role="alert"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain("connection");
    expect(await userMessages(page).first().textContent()).toContain("Tell me a story");
    // The cut reply stays in view until the retry replaces it.
    expect(await assistantMessages(page).count()).toBe(1);
    const cut = await assistantMessages(page).first().textContent();
    await banner.getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("This is the threadkit dev server");
    await settled(page);
    expect(await banner.count()).toBe(0);
    expect(await userMessages(page).count()).toBe(1);
    expect(await userMessages(page).first().textContent()).toContain("Tell me a story");
    // One reply, as on the server (retry_after_item deleted the cut one there).
    expect(await assistantMessages(page).count()).toBe(1);
    expect(await assistantMessages(page).first().textContent()).not.toBe(cut);
    await page.reload();
    await expect
      .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("This is the threadkit dev server");
    expect(await assistantMessages(page).count()).toBe(1);
  });

  it("replaces a reply regenerated from its message actions", async () => {
    const page = await open();
    await send(page, "Say hello");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const reply = assistantMessages(page).first();
    expect(await assistantMessages(page).count()).toBe(1);
    const text = await reply.textContent();
    const retried = page.waitForResponse(
      (response) => response.request().postData()?.includes('"threads.retry_after_item"') ?? false,
    );
    await reply.hover();
    await reply.getByRole("button", { name: "Regenerate" }).click();
    // The whole new reply has arrived.
    await (await retried).finished();
    await settled(page);
    expect(await assistantMessages(page).count()).toBe(1);
    expect(await assistantMessages(page).first().textContent()).toBe(text);
    expect(await userMessages(page).count()).toBe(1);
  });

  it("clears the draft once Try again resends a message the server refused", async () => {
    const page = await open();
    const input = page.getByRole("textbox", { name: /message/i });
    env.server.services.faults = { status: 503 };
    try {
      await send(page, "Send me only once");
      const banner = page.locator('[data-tk-part="stream-error"][role="alert"]');
      await banner.waitFor({ timeout: 20_000 });
      // Refused before the server took it: the draft stays for the retry.
      expect(await input.inputValue()).toBe("Send me only once");
      env.server.services.faults = {};
      await banner.getByRole("button", { name: "Try again" }).click();
      await expect
        .poll(() => assistantMessages(page).last().textContent(), { timeout: 20_000 })
        .toContain("This is the threadkit dev server");
      await settled(page);
    } finally {
      env.server.services.faults = {};
    }
    expect(await input.inputValue()).toBe("");
    expect(await userMessages(page).count()).toBe(1);
    // Enter on the emptied composer sends nothing more.
    await input.press("Enter");
    await settled(page);
    expect(await userMessages(page).count()).toBe(1);
  });

  it("offers to get the reply of a thread the server left unanswered", async () => {
    // The server stores the message, then goes away before any reply.
    const response = await fetch(`${env.server.url}/chatkit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "threads.create",
        params: {
          input: {
            content: [{ type: "input_text", text: "What is the capital of Portugal? !drop=2" }],
            attachments: [],
            inference_options: {},
          },
        },
      }),
    });
    await response.text().catch(() => "");
    const threads = env.server.services.threads;
    const owner = userContext();
    const threadId =
      (await threads.loadThreads({ after: null, limit: 1, order: "desc" }, owner)).data[0]?.id ??
      "";
    const stored = await threads.loadThreadItems(
      threadId,
      { after: null, limit: 10, order: "asc" },
      owner,
    );
    expect(stored.data.map((item) => item.type)).toEqual(["user_message"]);
    // The page opens the thread later, as after a reload.
    const page = await open(`#/t/${threadId}`);
    await expect
      .poll(() => userMessages(page).last().textContent(), { timeout: 20_000 })
      .toContain("What is the capital of Portugal?");
    const getReply = page.getByRole("button", { name: "Get a reply" });
    await getReply.waitFor();
    expect(await assistantMessages(page).count()).toBe(0);
    await getReply.click();
    await expect.poll(() => assistantMessages(page).count(), { timeout: 20_000 }).toBe(1);
    await settled(page);
    expect(await getReply.count()).toBe(0);
    expect(await userMessages(page).count()).toBe(1);
  });

  it("shows a rename of the open thread in its header and history, without reloading the history", async () => {
    const page = await open();
    // The history has loaded once; from here on it should never be read again.
    await page.locator('.demo-status-dot[data-status="online"]').waitFor();
    const listRequests: string[] = [];
    page.on("request", (request) => {
      if (request.postData()?.includes('"threads.list"')) listRequests.push(request.url());
    });
    await send(page, "Plan a picnic");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const title = headerTitle(page);
    await expect.poll(() => title.textContent()).toBe("Plan a picnic");
    const entry = historyEntries(page).filter({ hasText: "Plan a picnic" });
    await entry.waitFor();
    await entry.getByRole("button", { name: "Rename: Plan a picnic" }).click();
    const field = page.getByRole("textbox", { name: "Conversation title" });
    await field.fill("Picnic in the park");
    await field.press("Enter");
    await expect.poll(() => title.textContent()).toBe("Picnic in the park");
    await historyEntries(page).filter({ hasText: "Picnic in the park" }).waitFor();
    // The new thread, its title and the rename reached the history without reading it again.
    expect(listRequests).toEqual([]);
    await page.reload();
    await expect.poll(() => title.textContent()).toBe("Picnic in the park");
  });
});
