import { fixtureNames, readFixture, splitSse } from "../../test/fixtures";
import { ValidationError } from "../errors";
import { parseAssistantStreamEvent } from "./parse-stream-event";

const FOLDER = "assistants";

/** Events whose JSON the published OpenAPI examples break (see SOURCES.md "DOC DEFECTS"). */
const DOC_DEFECT_FILES = new Set([
  "openapi-create-thread-and-run-streaming-functions.sse",
  "openapi-submit-tool-outputs-streaming.sse",
]);

describe("parseAssistantStreamEvent", () => {
  for (const name of fixtureNames(FOLDER, ".sse")) {
    it(`validates every event of ${name}`, () => {
      const frames = splitSse(readFixture(FOLDER, name));
      let parsed = 0;
      for (const frame of frames) {
        expect(frame.event).toBeTypeOf("string");
        const eventName = frame.event as string;
        let json: unknown = frame.data;
        if (eventName !== "done") {
          try {
            json = JSON.parse(frame.data);
          } catch {
            // Only the documented doc defects may fail to parse.
            expect(DOC_DEFECT_FILES.has(name)).toBe(true);
            continue;
          }
        }
        const event = parseAssistantStreamEvent(eventName, json);
        parsed++;
        if (event.event === "unknown") {
          expect(event.original_event).toMatch(/future_event$/);
          expect(event.data).toBe(json);
        } else if (event.event === "error") {
          expect(event.data.message).toMatch(/server had an error/);
          expect(event.data.type).toBe("server_error");
        } else if (event.event !== "done") {
          expect(event.event).toBe(eventName);
          expect(event.data).toMatchObject(json as object);
        }
      }
      expect(parsed).toBeGreaterThan(0);
    });
  }

  it("returns a plain text delta without copying it", () => {
    const data = {
      id: "msg_1",
      object: "thread.message.delta",
      delta: { content: [{ index: 0, type: "text", text: { value: "Hi" } }] },
    };
    const event = parseAssistantStreamEvent("thread.message.delta", data);
    expect(event).toEqual({ event: "thread.message.delta", data });
    expect((event as { data: unknown }).data).toBe(data);
  });

  it("names the path of a broken text delta", () => {
    const data = {
      id: "msg_1",
      object: "thread.message.delta",
      delta: { content: [{ index: 0, type: "text", text: { value: 7 } }] },
    };
    let error: unknown;
    try {
      parseAssistantStreamEvent("thread.message.delta", data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).path).toBe("data.delta.content[0].text.value");
  });

  it("validates annotations inside message deltas", () => {
    const data = {
      id: "msg_1",
      object: "thread.message.delta",
      delta: {
        content: [
          {
            index: 0,
            type: "text",
            text: {
              value: "x",
              annotations: [{ index: 0, type: "file_citation", start_index: "a" }],
            },
          },
        ],
      },
    };
    expect(() => parseAssistantStreamEvent("thread.message.delta", data)).toThrow(
      /data\.delta\.content\[0\]\.text\.annotations\[0\]\.start_index/,
    );
  });

  it("rejects a run with an unknown status", () => {
    try {
      parseAssistantStreamEvent("thread.run.created", {
        id: "r",
        object: "thread.run",
        status: "x",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).path).toBe("data.status");
    }
  });

  it("reads the error envelope and a bare error object alike", () => {
    const inner = { message: "boom", type: "server_error", param: null, code: null };
    expect(parseAssistantStreamEvent("error", { error: inner })).toEqual({
      event: "error",
      data: inner,
    });
    expect(parseAssistantStreamEvent("error", inner)).toEqual({ event: "error", data: inner });
    expect(() => parseAssistantStreamEvent("error", { error: { type: "x" } })).toThrow(
      /data\.error\.message/,
    );
  });

  it("keeps unknown events whole", () => {
    expect(parseAssistantStreamEvent("thread.run.step.future", { a: 1 })).toEqual({
      event: "unknown",
      original_event: "thread.run.step.future",
      data: { a: 1 },
    });
    expect(parseAssistantStreamEvent("toString", 1)).toMatchObject({ event: "unknown" });
  });

  it("turns the done sentinel into a done event", () => {
    expect(parseAssistantStreamEvent("done", "[DONE]")).toEqual({ event: "done", data: "[DONE]" });
  });
});
