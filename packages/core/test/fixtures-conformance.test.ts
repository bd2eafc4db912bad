/**
 * Every shared JSON fixture validates (protocol bodies) or normalizes (widgets) without loss.
 */

import {
  parseAssistantMessageContent,
  parseChatKitRequest,
  parseThread,
  parseThreadItem,
  parseThreadsPage,
} from "../src/chatkit";
import { parseAttachment } from "../src/chatkit/parse-thread-item";
import { normalizeChatKitRestItem } from "../src/rest/normalize";
import { fixtureNames, readFixture, readJsonFixture } from "./fixtures";

const PROTOCOL = "chatkit-protocol";

/** Which validator reads which protocol JSON body, by file name. */
function validatorFor(name: string): ((json: unknown) => unknown) | undefined {
  if (name.includes("-req-")) return parseChatKitRequest;
  if (name.endsWith("threads-get-by-id-response.json")) return parseThread;
  if (name.endsWith("threads-list-response.json")) return parseThreadsPage;
  if (name.endsWith("attachments-create-response.json")) return parseAttachment;
  if (name.includes("-content-part-")) return parseAssistantMessageContent;
  return undefined;
}

describe("chatkit-protocol JSON bodies", () => {
  for (const name of fixtureNames(PROTOCOL, ".json")) {
    it(`validates ${name} and keeps every field`, () => {
      const validate = validatorFor(name);
      expect(validate, `no validator is assigned to ${name}`).toBeDefined();
      const json = readJsonFixture(PROTOCOL, name);
      expect(validate?.(json)).toMatchObject(json as object);
    });
  }

  it("rejects an input_tag without data, as the Python SDK does", () => {
    const request = (tag: object) => ({
      type: "threads.create",
      params: { input: { content: [tag], attachments: [], inference_options: {} } },
    });
    const tag = { type: "input_tag", id: "ent_1", text: "Ana" };
    expect(() => parseChatKitRequest(request(tag))).toThrow(/at params\.input\.content\[0\]\.data/);
    expect(parseChatKitRequest(request({ ...tag, data: {} }))).toMatchObject(request(tag));
  });

  it("rejects a request for an operation that does not exist", () => {
    expect(() => parseChatKitRequest({ type: "threads.fly", params: {} })).toThrow(/at type/);
    expect(() =>
      parseChatKitRequest({
        type: "items.feedback",
        params: { thread_id: "t", item_ids: [], kind: "meh" },
      }),
    ).toThrow(/at params\.kind/);
  });
});

describe("widget fixtures", () => {
  const base = { id: "w1", thread_id: "t1" };
  for (const name of fixtureNames("widgets", ".json")) {
    it(`keeps ${name} whole in a protocol item and through a REST item`, () => {
      const text = readFixture("widgets", name);
      const widget = JSON.parse(text) as { type: string };
      expect(widget.type).toBeTypeOf("string");
      const item = parseThreadItem({
        ...base,
        created_at: "2026-01-01T00:00:00",
        type: "widget",
        widget,
      });
      expect(item).toMatchObject({ type: "widget", widget });
      expect(item.type === "widget" && item.widget).toEqual(widget);
      const rest = normalizeChatKitRestItem({
        ...base,
        object: "chatkit.thread_item",
        created_at: 1767225600,
        type: "chatkit.widget",
        widget: text,
      });
      expect(rest.type === "widget" && rest.widget).toEqual(widget);
      expect(rest.created_at).toBe("2026-01-01T00:00:00.000Z");
    });
  }
});
