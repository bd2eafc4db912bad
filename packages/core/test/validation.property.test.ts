/**
 * Any JSON value gives either a result or a `ValidationError`: never another exception.
 */
import fc from "fast-check";
import { parseAssistantStreamEvent } from "../src/assistants/parse-stream-event";
import { parseThreadItem, parseThreadStreamEvent } from "../src/chatkit";
import { ValidationError } from "../src/errors";
import { normalizeChatKitRestItem } from "../src/rest/normalize";

const itemTypes = [
  "user_message",
  "assistant_message",
  "client_tool_call",
  "widget",
  "generated_image",
  "structured_input",
  "workflow",
  "task",
  "end_of_turn",
  "future_type",
];
const eventTypes = [
  "thread.created",
  "thread.item.added",
  "thread.item.updated",
  "thread.item.done",
  "thread.item.removed",
  "stream_options",
  "progress_update",
  "client_effect",
  "error",
  "notice",
  "future.event",
];
const restTypes = [
  "chatkit.user_message",
  "chatkit.assistant_message",
  "chatkit.widget",
  "chatkit.client_tool_call",
  "chatkit.task",
  "chatkit.task_group",
];

/** Objects with a known discriminant and random other fields: the interesting inputs. */
function shaped(types: string[]) {
  return fc
    .tuple(fc.constantFrom(...types), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue()))
    .map(([type, rest]) => ({ ...rest, type }));
}

function resultOrValidationError(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof ValidationError;
  }
}

describe("validators on arbitrary input", () => {
  it("parseThreadItem returns or throws ValidationError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped(itemTypes)), (json) =>
        resultOrValidationError(() => parseThreadItem(json)),
      ),
      { numRuns: 400 },
    );
  });

  it("parseThreadStreamEvent returns or throws ValidationError", () => {
    const withItem = fc
      .tuple(shaped(eventTypes), shaped(itemTypes))
      .map(([event, item]) => ({ ...event, item, update: item, thread: item }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped(eventTypes), withItem), (json) =>
        resultOrValidationError(() => parseThreadStreamEvent(json)),
      ),
      { numRuns: 400 },
    );
  });

  it("parseAssistantStreamEvent returns or throws ValidationError", () => {
    const names = fc.constantFrom(
      "thread.created",
      "thread.run.created",
      "thread.run.step.delta",
      "thread.message.delta",
      "thread.message.completed",
      "error",
      "done",
      "future",
    );
    fc.assert(
      fc.property(names, fc.jsonValue(), (name, json) =>
        resultOrValidationError(() => parseAssistantStreamEvent(name, json)),
      ),
      { numRuns: 400 },
    );
  });

  it("normalizeChatKitRestItem returns or throws ValidationError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped(restTypes)), (json) =>
        resultOrValidationError(() => normalizeChatKitRestItem(json)),
      ),
      { numRuns: 400 },
    );
  });

  it("a valid item survives a second validation unchanged", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, extra) => {
        const item = parseThreadItem({
          type: "user_message",
          id: "m",
          thread_id: "t",
          created_at: "2026-01-01T00:00:00",
          content: [{ type: "input_text", text }],
          [`x_${extra}`]: extra,
        });
        expect(parseThreadItem(item)).toEqual(item);
      }),
      { numRuns: 200 },
    );
  });
});
