import { fixtureNames, readFixture, splitSse } from "../../test/fixtures";
import { ValidationError } from "../errors";
import { parseThreadStreamEvent } from "./parse-stream-event";

const FOLDER = "chatkit-protocol";

describe("parseThreadStreamEvent", () => {
  describe("on every recorded ChatKit protocol stream", () => {
    for (const name of fixtureNames(FOLDER, ".sse")) {
      it(`validates every event of ${name}`, () => {
        const frames = splitSse(readFixture(FOLDER, name));
        expect(frames.length).toBeGreaterThan(0);
        for (const [index, frame] of frames.entries()) {
          let json: unknown;
          try {
            json = JSON.parse(frame.data);
          } catch {
            // banking-custom-action-stream.sse: its first three `data:` lines have no blank line
            // between them, so the SSE spec joins them into one event that is not JSON. That is
            // the decoder's concern; every other event must validate.
            expect({ name, index }).toEqual({ name: "banking-custom-action-stream.sse", index: 0 });
            continue;
          }
          const event = parseThreadStreamEvent(json);
          expect(event.type).toBe((json as { type: string }).type);
          // Nothing is lost: every input field is still there.
          expect(event).toMatchObject(json as object);
        }
      });
    }
  });

  it("returns a text delta as is (fast path)", () => {
    const json = {
      type: "thread.item.updated",
      item_id: "msg_1",
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "Hi" },
    };
    expect(parseThreadStreamEvent(json)).toBe(json);
  });

  it("rejects a text delta whose delta is not a string, naming the path", () => {
    const json = {
      type: "thread.item.updated",
      item_id: "msg_1",
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: 5 },
    };
    const error = catchError(() => parseThreadStreamEvent(json));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.path).toBe("update.delta");
    expect(error.input).toBe(json);
  });

  it("names the path inside an item of thread.item.done", () => {
    const json = {
      type: "thread.item.done",
      item: {
        type: "assistant_message",
        id: "m",
        thread_id: "t",
        created_at: "2026-01-01T00:00:00",
        content: [{ type: "output_text", text: 42, annotations: [] }],
      },
    };
    const error = catchError(() => parseThreadStreamEvent(json));
    expect(error.path).toBe("item.content[0].text");
    expect(error.message).toContain("item.content[0].text");
    expect(error.message).toContain("expected string");
  });

  it("keeps unknown event types whole", () => {
    const json = { type: "thread.future_event", payload: { a: 1 } };
    expect(parseThreadStreamEvent(json)).toEqual({
      type: "unknown",
      original_type: "thread.future_event",
      raw: json,
    });
  });

  it("keeps thread.item.updated with an unknown update type whole", () => {
    const json = { type: "thread.item.updated", item_id: "x", update: { type: "future.update" } };
    const event = parseThreadStreamEvent(json);
    expect(event).toEqual({ type: "unknown", original_type: "thread.item.updated", raw: json });
  });

  it("turns an unknown item type inside thread.item.added into an unknown item", () => {
    const item = { type: "hologram", id: "h1", thread_id: "t", created_at: "2026", beam: true };
    const event = parseThreadStreamEvent({ type: "thread.item.added", item });
    expect(event).toEqual({
      type: "thread.item.added",
      item: {
        type: "unknown",
        original_type: "hologram",
        id: "h1",
        thread_id: "t",
        created_at: "2026",
        raw: item,
      },
    });
  });

  it("validates the items of a thread.created thread", () => {
    const json = {
      type: "thread.created",
      thread: {
        id: "t",
        created_at: "2026",
        status: { type: "active" },
        items: { data: [{ type: "end_of_turn", id: 5 }], has_more: false },
      },
    };
    expect(catchError(() => parseThreadStreamEvent(json)).path).toBe("thread.items.data[0].id");
  });

  it("rejects values that are not event objects", () => {
    expect(() => parseThreadStreamEvent(null)).toThrow(ValidationError);
    expect(() => parseThreadStreamEvent([])).toThrow(ValidationError);
    expect(catchError(() => parseThreadStreamEvent({ kind: "x" })).path).toBe("type");
  });

  it("rejects a notice with an unknown level", () => {
    const error = catchError(() =>
      parseThreadStreamEvent({ type: "notice", level: "loud", message: "m" }),
    );
    expect(error.path).toBe("level");
  });
});

function catchError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}
