import { fixtureNames, readJsonFixture } from "../../test/fixtures";
import { parseThreadItem } from "../chatkit/parse-thread-item";
import type { ThreadItem } from "../chatkit/thread-item";
import { ValidationError } from "../errors";
import {
  normalizeChatKitRestItem,
  normalizeChatKitRestItemsPage,
  normalizeChatKitRestThread,
} from "./normalize";

const base = {
  id: "cthi_1",
  object: "chatkit.thread_item",
  thread_id: "cthr_1",
  created_at: 1712345600,
};
const ISO = "2024-04-05T19:33:20.000Z";

/** Every string leaf of a JSON value, to check that normalization loses no text. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object")
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe("normalizeChatKitRestItem", () => {
  it("maps a user message: quoted_text part → field, null inference_options → {}", () => {
    const item = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.user_message",
      content: [
        { type: "quoted_text", text: "earlier answer" },
        { type: "input_text", text: "why?" },
      ],
      attachments: [
        {
          id: "a1",
          type: "image",
          name: "x.png",
          mime_type: "image/png",
          preview_url: "https://x",
        },
        { id: "a2", type: "file", name: "x.pdf", mime_type: "application/pdf", preview_url: null },
      ],
      inference_options: null,
    });
    expect(item).toEqual({
      id: "cthi_1",
      thread_id: "cthr_1",
      created_at: ISO,
      type: "user_message",
      content: [{ type: "input_text", text: "why?" }],
      quoted_text: "earlier answer",
      attachments: [
        {
          id: "a1",
          type: "image",
          name: "x.png",
          mime_type: "image/png",
          preview_url: "https://x",
        },
        { id: "a2", type: "file", name: "x.pdf", mime_type: "application/pdf" },
      ],
      inference_options: {},
      origin: {
        api: "chatkit_rest",
        type: "chatkit.user_message",
        extra: { object: "chatkit.thread_item" },
      },
    });
    // The canonical item is valid for the protocol validator too.
    expect(parseThreadItem(item)).toEqual(item);
  });

  it("maps assistant annotations to protocol annotations with a title", () => {
    const item = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.assistant_message",
      content: [
        {
          type: "output_text",
          text: "See sources",
          annotations: [
            { type: "file", source: { type: "file", filename: "a.pdf" } },
            { type: "url", source: { type: "url", url: "https://example.com" } },
          ],
        },
      ],
    });
    expect(item.type === "assistant_message" && item.content[0]?.annotations).toEqual([
      { type: "annotation", source: { type: "file", filename: "a.pdf", title: "a.pdf" } },
      {
        type: "annotation",
        source: { type: "url", url: "https://example.com", title: "https://example.com" },
      },
    ]);
    expect(parseThreadItem(item)).toEqual(item);
  });

  it("parses the widget string", () => {
    const widget = { type: "Card", children: [{ type: "Text", value: "Hi" }] };
    const item = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.widget",
      widget: JSON.stringify(widget),
    });
    expect(item).toMatchObject({ type: "widget", widget });
  });

  it("reports bad widget JSON with its path", () => {
    const input = { ...base, type: "chatkit.widget", widget: "{not json" };
    try {
      normalizeChatKitRestItem(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).path).toBe("widget");
      expect((error as ValidationError).message).toMatch(/bad JSON/);
      expect((error as ValidationError).cause).toBeInstanceOf(SyntaxError);
    }
    expect(() =>
      normalizeChatKitRestItem({ ...base, type: "chatkit.widget", widget: "[1]" }),
    ).toThrow(/at widget/);
  });

  it("maps a client tool call: in_progress → pending, JSON strings → values", () => {
    const item = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.client_tool_call",
      status: "in_progress",
      call_id: "call_1",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
      output: null,
    });
    expect(item).toMatchObject({
      type: "client_tool_call",
      status: "pending",
      arguments: { city: "Paris" },
    });
    expect(item).not.toHaveProperty("output");
    const done = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.client_tool_call",
      status: "completed",
      call_id: "call_1",
      name: "get_weather",
      arguments: "{}",
      output: '{"temp":21}',
    });
    expect(done).toMatchObject({ status: "completed", output: { temp: 21 } });
  });

  it("rejects tool call arguments that are not a JSON object", () => {
    const input = {
      ...base,
      type: "chatkit.client_tool_call",
      status: "completed",
      call_id: "c",
      name: "n",
      arguments: "{}",
      output: "{oops",
    };
    expect(() => normalizeChatKitRestItem(input)).toThrow(/at output: bad JSON/);
    expect(() => normalizeChatKitRestItem({ ...input, arguments: "3", output: null })).toThrow(
      /at arguments: expected JSON object/,
    );
  });

  it("maps tasks and task groups", () => {
    const task = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.task",
      task_type: "thought",
      heading: "Thinking",
      summary: "About it",
    });
    expect(task).toMatchObject({
      type: "task",
      task: { type: "thought", title: "Thinking", content: "About it" },
    });
    const group = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.task_group",
      tasks: [
        { type: "custom", heading: "Search", summary: null },
        { type: "thought", heading: null, summary: null },
      ],
    });
    expect(group).toMatchObject({
      type: "workflow",
      workflow: {
        type: "custom",
        expanded: false,
        tasks: [
          { type: "custom", title: "Search" },
          { type: "thought", content: "" },
        ],
      },
    });
    expect(parseThreadItem(group)).toEqual(group);
  });

  it("keeps unknown REST item types whole", () => {
    const input = { ...base, type: "chatkit.hologram", beam: 1 };
    expect(normalizeChatKitRestItem(input)).toEqual({
      type: "unknown",
      original_type: "chatkit.hologram",
      id: "cthi_1",
      thread_id: "cthr_1",
      created_at: ISO,
      raw: input,
    });
  });

  it("keeps unmapped fields under origin.extra", () => {
    const item = normalizeChatKitRestItem({
      ...base,
      type: "chatkit.task",
      task_type: "custom",
      heading: null,
      summary: null,
      priority: 3,
    });
    expect(item.origin?.extra).toEqual({ object: "chatkit.thread_item", priority: 3 });
  });

  it("names the path of a broken known item", () => {
    expect(() =>
      normalizeChatKitRestItem({
        ...base,
        type: "chatkit.assistant_message",
        content: [{ type: "output_text" }],
      }),
    ).toThrow(/at content\[0\]\.text/);
  });
});

describe("chatkit-items fixtures", () => {
  for (const name of fixtureNames("chatkit-items", ".json")) {
    it(`normalizes ${name} without losing text`, () => {
      const json = readJsonFixture("chatkit-items", name) as { object?: string };
      const isThread = json.object === "chatkit.thread";
      const result = isThread
        ? normalizeChatKitRestThread(json)
        : normalizeChatKitRestItemsPage(json, { threadId: "cthr_requested" });
      const list: ThreadItem[] = "items" in result ? result.items.data : result.data;
      expect(list.length).toBeGreaterThan(0);
      for (const item of list) {
        expect(["user_message", "assistant_message"]).toContain(item.type);
        expect(parseThreadItem(item)).toEqual(item);
      }
      // Every string in the input still appears in the output.
      const out = strings(result);
      for (const s of strings(json)) {
        if (/^chatkit\.|^(user|assistant)_message$/.test(s)) continue; // types are renamed
        expect(out).toContain(s);
      }
    });
  }

  it("fills the requested thread id and an unknown time for the OpenAPI example's bare items", () => {
    const page = normalizeChatKitRestItemsPage(
      readJsonFixture("chatkit-items", "openapi-list-items-example.json"),
      { threadId: "cthr_requested" },
    );
    expect(page.data[0]).toMatchObject({ thread_id: "cthr_requested", created_at: "" });
    expect(page).toMatchObject({ has_more: false, first_id: null, last_id: null, after: null });
  });

  it("keeps paging ids of the list example", () => {
    const page = normalizeChatKitRestItemsPage(
      readJsonFixture("chatkit-items", "apiref-md-list-items-example.json"),
    );
    expect(page).toMatchObject({
      first_id: "cthi_user_001",
      last_id: "cthi_assistant_002",
      after: "cthi_assistant_002",
      object: "list",
    });
    expect(page.data[0]?.created_at).toBe("2024-04-05T19:33:20.000Z");
  });
});
