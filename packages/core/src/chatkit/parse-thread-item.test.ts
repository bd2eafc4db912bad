import { fixtureNames, readJsonFixture } from "../../test/fixtures";
import { ValidationError } from "../errors";
import { parseThread, parseThreadItem, parseThreadsPage } from "./parse-thread-item";

const base = { id: "msg_1", thread_id: "thr_1", created_at: "2026-05-01T10:00:00" };

describe("parseThreadItem", () => {
  it("keeps unknown fields of known items", () => {
    const json = { ...base, type: "end_of_turn", future_field: { x: 1 } };
    expect(parseThreadItem(json)).toEqual(json);
  });

  it("fills the server's defaults for omitted fields", () => {
    const item = parseThreadItem({
      ...base,
      type: "user_message",
      content: [{ type: "input_text", text: "Hi" }],
    });
    expect(item).toMatchObject({ attachments: [], inference_options: {} });
  });

  it("reads an image attachment's preview_url: omitted or null is null, else a string", () => {
    const message = (preview: object) => ({
      ...base,
      type: "user_message",
      content: [{ type: "input_text", text: "Hi" }],
      attachments: [{ id: "a1", type: "image", name: "x.png", mime_type: "image/png", ...preview }],
    });
    const previewOf = (item: ReturnType<typeof parseThreadItem>) =>
      item.type === "user_message" && item.attachments[0]?.type === "image"
        ? item.attachments[0].preview_url
        : "not an image";
    expect(previewOf(parseThreadItem(message({})))).toBeNull();
    expect(previewOf(parseThreadItem(message({ preview_url: null })))).toBeNull();
    expect(previewOf(parseThreadItem(message({ preview_url: "https://x/p.png" })))).toBe(
      "https://x/p.png",
    );
    try {
      parseThreadItem(message({ preview_url: 5 }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect(e.path).toBe("attachments[0].preview_url");
      expect(e.issues[0]).toMatchObject({ expected: "string", received: "5" });
    }
  });

  it("names the path of a broken content part", () => {
    const input = { ...base, type: "user_message", content: [{ type: "input_text" }] };
    try {
      parseThreadItem(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect(e.path).toBe("content[0].text");
      expect(e.subject).toBe("thread item (user_message)");
      expect(e.input).toBe(input);
    }
  });

  it("preserves unknown item types as unknown items", () => {
    const json = { ...base, type: "hidden_context_item", content: "secret" };
    expect(parseThreadItem(json)).toEqual({
      type: "unknown",
      original_type: "hidden_context_item",
      ...base,
      raw: json,
    });
  });

  it("does not treat inherited property names as known types", () => {
    expect(parseThreadItem({ ...base, type: "toString" }).type).toBe("unknown");
  });

  it("checks only the outer shape of a widget", () => {
    const widget = { type: "FutureRoot", children: [{ type: "Whatever", weird: 1 }] };
    expect(parseThreadItem({ ...base, type: "widget", widget })).toMatchObject({ widget });
    expect(() => parseThreadItem({ ...base, type: "widget", widget: "{}" })).toThrow(
      /at widget: expected Object/,
    );
  });

  it("keeps parts of newer types (tasks, sources, content) and checks known ones in full", () => {
    const future = { type: "video_search", query: "cats" };
    const input = {
      ...base,
      type: "workflow",
      workflow: { type: "custom", tasks: [{ type: "custom", title: "ok" }, future] },
    };
    expect(parseThreadItem(input)).toMatchObject({ workflow: { tasks: [{}, future] } });
    const message = {
      ...base,
      type: "assistant_message",
      content: [
        {
          type: "output_text",
          text: "x",
          annotations: [{ type: "annotation", source: { type: "dataset", ref: 1 } }],
        },
      ],
    };
    expect(parseThreadItem(message)).toEqual({ ...message });
    const broken = {
      ...input,
      workflow: { type: "custom", tasks: [{ type: "thought", content: 3 }] },
    };
    expect(() => parseThreadItem(broken)).toThrow(/workflow\.tasks\[0\]\.content/);
    expect(() =>
      parseThreadItem({ ...input, workflow: { type: "custom", tasks: [{ type: 3 }] } }),
    ).toThrow(/workflow\.tasks\[0\]\.type/);
  });

  it("keeps a refusal: the marked text part as is, an Assistants-shaped part as that part", () => {
    const marked = {
      ...base,
      type: "assistant_message",
      content: [{ type: "output_text", text: "I can't help.", annotations: [], refusal: true }],
    };
    expect(parseThreadItem(marked)).toEqual(marked);
    const shaped = {
      ...base,
      type: "assistant_message",
      content: [
        { type: "output_text", text: "Sure, but", annotations: [] },
        { type: "refusal", refusal: "I can't help with that part." },
      ],
    };
    expect(parseThreadItem(shaped)).toEqual({
      ...shaped,
      content: [
        { type: "output_text", text: "Sure, but", annotations: [] },
        {
          type: "output_text",
          text: "I can't help with that part.",
          annotations: [],
          refusal: true,
        },
      ],
    });
    expect(() =>
      parseThreadItem({ ...marked, content: [{ ...marked.content[0], refusal: "yes" }] }),
    ).toThrow(/content\[0\]\.refusal/);
    expect(() =>
      parseThreadItem({ ...marked, content: [{ type: "refusal", refusal: 1 }] }),
    ).toThrow(/content\[0\]\.type/);
  });
});

describe("protocol JSON bodies", () => {
  it("validates the thread of banking-threads-get-by-id-response.json", () => {
    const json = readJsonFixture("chatkit-protocol", "banking-threads-get-by-id-response.json");
    const thread = parseThread(json);
    expect(thread.items.data.map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
    ]);
    expect(thread).toMatchObject(json as object);
  });

  it("validates the page of banking-threads-list-response.json", () => {
    const json = readJsonFixture("chatkit-protocol", "banking-threads-list-response.json");
    const page = parseThreadsPage(json);
    expect(page.data).toHaveLength(2);
    expect(page).toMatchObject(json as object);
  });

  it("has fixtures to read", () => {
    expect(fixtureNames("chatkit-protocol", ".json").length).toBeGreaterThan(5);
  });
});
