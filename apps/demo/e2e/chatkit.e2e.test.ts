import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assistantMessages, settled, setUpDemoEnvironment, userMessages } from "./demo-test";
import type { OpenDemoOptions } from "./harness";

// `<ChatKit>` driven by its options (the demo's `?ui=chatkit` page) against the dev server.

const env = setUpDemoEnvironment();

interface Sent {
  type: string;
  params: Record<string, unknown>;
}

/** Opens the page and records every ChatKit request it sends. */
async function open(
  options: Pick<OpenDemoOptions, "initScript"> = {},
): Promise<{ page: Page; sent: Sent[] }> {
  const session = await env.open({
    ...options,
    query: { ui: "chatkit" },
    ready: '[data-tk-part="chatkit"] [data-tk-part="composer"]',
  });
  const sent: Sent[] = [];
  session.page.on("request", (request: Request) => {
    if (!request.url().endsWith("/chatkit")) return;
    try {
      sent.push(JSON.parse(request.postData() ?? "") as Sent);
    } catch {}
  });
  return { page: session.page, sent };
}

const ofType = (sent: Sent[], type: string) => sent.filter((body) => body.type === type);

interface StoredItem {
  id: string;
  type: string;
  content?: Record<string, unknown>[];
  inference_options?: Record<string, unknown>;
}

/** The stored items of the open thread, read from the server. */
async function storedItems(page: Page): Promise<StoredItem[]> {
  const threadId = /#\/t\/([^/?#]+)/.exec(page.url())?.[1];
  const response = await fetch(`${env.server.url}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "items.list", params: { thread_id: threadId, order: "asc" } }),
  });
  return ((await response.json()) as { data: StoredItem[] }).data;
}

const messageInput = (page: Page) => page.getByRole("textbox", { name: "Message" });

async function send(page: Page, text: string): Promise<void> {
  const input = messageInput(page);
  await input.fill(text);
  await input.press("Enter");
  await page.waitForURL(/#\/t\/thr_/);
  await settled(page);
}

const storedUserMessages = async (page: Page) =>
  (await storedItems(page)).filter((item) => item.type === "user_message");

/**
 * Stands in for the microphone: `getUserMedia` answers a stream, and `MediaRecorder` hands over
 * 1,234 bytes of `audio/webm` when stopped.
 */
function fakeMicrophone(): void {
  const track = { kind: "audio", stop() {} };
  const stream = { getTracks: () => [track], getAudioTracks: () => [track] };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia: async () => stream },
  });
  class FakeRecorder extends EventTarget {
    static isTypeSupported(type: string): boolean {
      return type === "audio/webm";
    }
    state: "inactive" | "recording" = "inactive";
    readonly mimeType = "audio/webm";
    start(): void {
      this.state = "recording";
    }
    stop(): void {
      this.state = "inactive";
      const data = new Blob([new Uint8Array(1234)], { type: "audio/webm" });
      this.dispatchEvent(Object.assign(new Event("dataavailable"), { data }));
      this.dispatchEvent(new Event("stop"));
    }
  }
  Object.defineProperty(window, "MediaRecorder", { configurable: true, value: FakeRecorder });
}

describe("<ChatKit> options against the dev server", () => {
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

  it("sends the picked tool and model as inference_options, keeping only a persistent pick", async () => {
    const { page, sent } = await open();
    await page.getByRole("button", { name: "Tools" }).click();
    await page.getByRole("menuitemradio", { name: "Search the web" }).click();
    await page.getByPlaceholder("Search the web for…").waitFor();
    await page.getByRole("button", { name: "Model: Fast" }).click();
    await page.getByRole("menuitemradio", { name: /Thorough/ }).click();
    await page.getByRole("button", { name: "Model: Thorough" }).waitFor();
    await send(page, "Find a ferry timetable");
    expect(ofType(sent, "threads.create")[0]?.params.input).toMatchObject({
      inference_options: { tool_choice: { id: "search" }, model: "dev-deep" },
    });

    // The tool is not persistent: the next message keeps the model only.
    await messageInput(page).fill("And a return trip");
    await messageInput(page).press("Enter");
    await expect.poll(() => ofType(sent, "threads.add_user_message").length).toBe(1);
    await settled(page);
    const stored = await storedUserMessages(page);
    expect(stored.map((item) => item.inference_options)).toEqual([
      { tool_choice: { id: "search" }, model: "dev-deep" },
      { model: "dev-deep" },
    ]);
  });

  it("sends an @-mention picked with the keyboard as an input_tag", async () => {
    const { page } = await open();
    const input = messageInput(page);
    await input.click();
    await input.pressSequentially("Ask @a");
    const suggestions = page.getByRole("listbox", { name: "Suggestions" });
    await suggestions.getByRole("option", { name: /Alan Turing/ }).waitFor();
    await input.press("ArrowDown");
    await expect
      .poll(() => suggestions.locator('[role="option"][aria-selected="true"]').textContent())
      .toContain("Alan Turing");
    await input.press("Enter");
    await page.getByRole("list", { name: "Mentions" }).getByText("Alan Turing").waitFor();
    await input.pressSequentially("about the plan");
    await input.press("Enter");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const [message] = await storedUserMessages(page);
    expect(message?.content).toContainEqual({
      type: "input_tag",
      id: "person_alan",
      text: "Alan Turing",
      data: { kind: "person" },
      group: "People",
      interactive: false,
    });
  });

  it("puts the server's transcription of dictated audio in the composer", async () => {
    const { page, sent } = await open({ initScript: fakeMicrophone });
    await messageInput(page).fill("Note:");
    await page.getByRole("button", { name: "Dictate" }).click();
    await page.getByRole("button", { name: "Stop dictation" }).click();
    await expect
      .poll(() => messageInput(page).inputValue())
      .toBe("Note: Transcribed 1234 bytes of audio/webm audio.");
    expect(ofType(sent, "input.transcribe")[0]?.params).toMatchObject({ mime_type: "audio/webm" });
  });
});
