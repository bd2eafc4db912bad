import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assistantMessages, settled, setUpDemoEnvironment, userMessages } from "./demo-test";
import type { OpenDemoOptions } from "./harness";

// The demo's `<ChatKit>` options, one group at a time, against the dev server.

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

/** The composer's inline tokens, as they read. */
const composerTokens = (page: Page) =>
  page.locator('[data-tk-part="composer-token"]').allTextContents();

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
    await expect.poll(() => composerTokens(page)).toEqual(["@Alan Turing"]);
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
      interactive: true,
    });
  });

  it("opens the mention search from the @ button (entities.showComposerMenu)", async () => {
    const { page } = await open();
    const input = messageInput(page);
    await input.fill("Loop in");
    const button = page.getByRole("button", { name: "Mention" });
    await button.click();
    await expect.poll(() => input.inputValue()).toBe("Loop in @");
    await expect.poll(() => button.getAttribute("aria-expanded")).toBe("true");
    const suggestions = page.getByRole("listbox", { name: "Suggestions" });
    await suggestions.getByRole("option", { name: /Grace Hopper/ }).waitFor();
    // The keyboard goes on in the input.
    await page.keyboard.type("gra");
    await suggestions.getByRole("option", { name: /Grace Hopper/ }).waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(() => input.inputValue()).toBe("Loop in @Grace Hopper ");
    await expect.poll(() => composerTokens(page)).toEqual(["@Grace Hopper"]);
  });

  it("keeps tags as inline tokens: removed whole by Backspace or their remove button, sent in text order", async () => {
    const { page } = await open();
    const input = messageInput(page);
    await input.click();
    for (const [typed, name] of [
      ["Compare @ada", "Ada Lovelace"],
      ["with @gra", "Grace Hopper"],
      ["and @alan", "Alan Turing"],
    ] as const) {
      await input.pressSequentially(typed);
      await page.getByRole("option", { name: new RegExp(name) }).waitFor();
      await input.press("Enter");
    }
    await expect
      .poll(() => composerTokens(page))
      .toEqual(["@Ada Lovelace", "@Grace Hopper", "@Alan Turing"]);
    // Backspace past the space, then at the token's end: the whole token goes.
    await input.press("Backspace");
    await input.press("Backspace");
    await expect
      .poll(() => input.inputValue())
      .toBe("Compare @Ada Lovelace with @Grace Hopper and ");
    // Hovering a token offers its remove button.
    const grace = page.locator('[data-tk-part="composer-token"]', { hasText: "Grace Hopper" });
    const box = await grace.boundingBox();
    if (!box) throw new Error("the token has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole("button", { name: "Remove Grace Hopper" }).click();
    await expect.poll(() => input.inputValue()).toBe("Compare @Ada Lovelace with and ");
    await expect.poll(() => composerTokens(page)).toEqual(["@Ada Lovelace"]);
    // A tag typed before another goes first, as in the text.
    await input.press("End");
    await input.pressSequentially("me, cc @gra");
    await page.getByRole("option", { name: /Grace Hopper/ }).waitFor();
    await input.press("Enter");
    await input.press("Home");
    await input.pressSequentially("@alan");
    await page.getByRole("option", { name: /Alan Turing/ }).waitFor();
    await input.press("Enter");
    await expect
      .poll(() => composerTokens(page))
      .toEqual(["@Alan Turing", "@Ada Lovelace", "@Grace Hopper"]);
    await input.press("Enter");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const [message] = await storedUserMessages(page);
    expect(
      message?.content?.map((part) => (part.type === "input_tag" ? `<${part.id}>` : part.text)),
    ).toEqual([
      "<person_alan>",
      " Compare ",
      "<person_ada>",
      " with and me, cc ",
      "<person_grace>",
    ]);
  });

  it("renders sent tags as tokens in the user message, with their preview and onClick", async () => {
    const { page } = await open();
    const input = messageInput(page);
    await input.click();
    await input.pressSequentially("Ask @ada");
    await page.getByRole("option", { name: /Ada Lovelace/ }).waitFor();
    await input.press("Enter");
    await input.pressSequentially("about **the** @road");
    await page.getByRole("option", { name: /Roadmap 2027/ }).waitFor();
    await input.press("Enter");
    await input.press("Enter");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const bubble = page.locator('[data-tk-part="message"][data-role="user"]').first();
    // Plain text, not markdown; the tags are tokens in it.
    await expect
      .poll(() => bubble.locator('[data-tk-part="message-plain-text"]').textContent())
      .toBe("Ask Ada Lovelace about **the** Roadmap 2027");
    expect(await bubble.locator("strong").count()).toBe(0);
    const ada = bubble.getByRole("button", { name: "Ada Lovelace" });
    await ada.hover();
    const tooltip = page.getByRole("tooltip");
    await expect.poll(() => tooltip.textContent()).toContain("Team member");
    expect(await ada.getAttribute("aria-describedby")).toBe(await tooltip.getAttribute("id"));
    await ada.click();
    await page.getByText("Opened Ada Lovelace").waitFor();
    // A document is not interactive: a token, not a button.
    expect(await bubble.locator('span[data-tk-part="input-tag"]').textContent()).toBe(
      "Roadmap 2027",
    );
  });

  it("runs the / command menu: a submenu, then an entity tag that reaches the server", async () => {
    const { page } = await open();
    const input = messageInput(page);
    await input.click();
    await input.pressSequentially("Please /");
    const commands = page.getByRole("listbox", { name: "Commands" });
    await commands.getByRole("option", { name: /Summarize/ }).waitFor();
    await input.pressSequentially("men");
    await expect.poll(() => commands.getByRole("option").count()).toBe(1);
    await input.press("Enter");
    await commands.getByRole("option", { name: "Grace Hopper" }).waitFor();
    await input.press("ArrowDown");
    await input.press("ArrowDown");
    await expect
      .poll(() => commands.locator('[aria-selected="true"]').textContent())
      .toBe("Grace Hopper");
    await input.press("Enter");
    await expect.poll(() => input.inputValue()).toBe("Please @Grace Hopper ");
    await expect.poll(() => composerTokens(page)).toEqual(["@Grace Hopper"]);
    await input.pressSequentially("review the plan");
    await input.press("Enter");
    await page.waitForURL(/#\/t\/thr_/);
    await settled(page);
    const [message] = await storedUserMessages(page);
    expect(message?.content).toEqual([
      { type: "input_text", text: "Please " },
      {
        type: "input_tag",
        id: "person_grace",
        text: "Grace Hopper",
        data: { kind: "person" },
        group: "People",
        interactive: true,
      },
      { type: "input_text", text: " review the plan" },
    ]);
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
