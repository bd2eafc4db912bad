import { fixtureNames, readFixture, splitSse } from "../../test/fixtures";
import { parseThreadItem } from "../chatkit/parse-thread-item";
import {
  normalizeAssistantMessage,
  normalizeAssistantObjects,
  normalizeAssistantRunStep,
  normalizeRequiredAction,
} from "./normalize";
import { parseAssistantStreamEvent } from "./parse-stream-event";
import type { AssistantStreamEvent, Message, Run, RunStep } from "./types";

function events(name: string): AssistantStreamEvent[] {
  const out: AssistantStreamEvent[] = [];
  for (const frame of splitSse(readFixture("assistants", name))) {
    if (!frame.event || frame.event === "done") continue;
    let json: unknown;
    try {
      json = JSON.parse(frame.data);
    } catch {
      continue; // documented doc defects (see SOURCES.md)
    }
    const event = parseAssistantStreamEvent(frame.event, json);
    if (event.event !== "unknown") out.push(event);
  }
  return out;
}

describe("Assistants normalizers on recorded streams", () => {
  for (const name of fixtureNames("assistants", ".sse")) {
    it(`normalizes every message and run step of ${name} into valid items`, () => {
      for (const event of events(name)) {
        if (
          event.event === "thread.message.completed" ||
          event.event === "thread.message.incomplete"
        ) {
          const message = event.data as Message;
          const item = normalizeAssistantMessage(message);
          expect(parseThreadItem(item)).toEqual(item);
          expect(item.id).toBe(message.id);
          expect(item.type).toBe(message.role === "user" ? "user_message" : "assistant_message");
          // Citation markers leave the text; everything else is kept.
          const text = message.content.flatMap((b) =>
            b.type === "text" ? [b.text.value.replace(/【[^】]*】/g, "")] : [],
          );
          expect(item.type === "assistant_message" && item.content.map((c) => c.text)).toEqual(
            text,
          );
        }
        if (event.event === "thread.run.step.completed" && (event.data as RunStep).step_details) {
          for (const item of normalizeAssistantRunStep(event.data as RunStep)) {
            expect(parseThreadItem(item)).toEqual(item);
          }
        }
        if (event.event === "thread.run.requires_action") {
          const items = normalizeRequiredAction(event.data as Run);
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) expect(parseThreadItem(item)).toEqual(item);
        }
      }
    });
  }

  it("puts a whole thread in order: the user message, then its run's workflow and reply", () => {
    const stream = events("dotnet-file-search-streaming.sse");
    const steps = stream
      .filter((e) => e.event === "thread.run.step.completed")
      .map((e) => e.data as RunStep);
    const reply = stream.find((e) => e.event === "thread.message.completed")?.data as Message;
    expect(steps.map((s) => s.step_details.type)).toEqual(["tool_calls", "message_creation"]);
    const question: Message = {
      ...reply,
      id: "msg_question",
      role: "user",
      run_id: null,
      assistant_id: null,
      created_at: reply.created_at - 5,
      content: [{ type: "text", text: { value: "What do I like to eat?", annotations: [] } }],
    };
    const later: Message = { ...question, id: "msg_later", created_at: reply.created_at + 60 };
    const items = normalizeAssistantObjects({ messages: [question, reply, later], steps });
    expect(items.map((item) => [item.type, item.id])).toEqual([
      ["user_message", "msg_question"],
      ["workflow", expect.any(String)],
      ["assistant_message", reply.id],
      ["user_message", "msg_later"],
    ]);
    expect(items[2]?.origin).toMatchObject({ api: "assistants", type: "thread.message" });
  });

  it("turns file citations into file annotations and keeps the source content", () => {
    const done = events("dotnet-file-search-streaming.sse").find(
      (e) => e.event === "thread.message.completed",
    );
    if (done === undefined) throw new Error("fixture has no completed message");
    const message = done.data as Message;
    const item = normalizeAssistantMessage(message);
    expect(item.type === "assistant_message" && item.content[0]?.annotations[0]).toMatchObject({
      type: "annotation",
      source: { type: "file", filename: "favorite_foods.txt" },
    });
    // The citation marker left the text, so the original content is kept under origin.
    expect(item.origin).toMatchObject({ api: "assistants", type: "thread.message" });
    expect(item.origin?.extra.content).toEqual(message.content);
    expect(item.origin?.extra.run_id).toBe(message.run_id);
  });

  it("keeps a refusal as a marked text part, one to one", () => {
    const done = events("dotnet-streaming-run-text.sse").find(
      (e) => e.event === "thread.message.completed",
    );
    if (done === undefined) throw new Error("fixture has no completed message");
    const recorded = done.data as Message;
    const message: Message = {
      ...recorded,
      content: [{ type: "refusal", refusal: "I can't help with that." }],
    };
    const item = normalizeAssistantMessage(message);
    expect(item).toMatchObject({
      type: "assistant_message",
      content: [
        { type: "output_text", text: "I can't help with that.", annotations: [], refusal: true },
      ],
    });
    expect(parseThreadItem(item)).toEqual(item);
    expect(item.origin?.extra.content).toBeUndefined();
  });

  it("turns a completed function step into a completed client tool call", () => {
    const step = events("dotnet-streaming-tool-call-after-submit.sse").find(
      (e) =>
        e.event === "thread.run.step.completed" &&
        (e.data as RunStep).step_details.type === "tool_calls",
    );
    const [item] = normalizeAssistantRunStep(step?.data as RunStep);
    expect(item).toMatchObject({ type: "client_tool_call", status: "completed" });
  });

  it("turns code interpreter steps into workflows with code and logs", () => {
    const steps = events("simple-openai-v1-code-interpreter.sse").filter(
      (e) =>
        e.event === "thread.run.step.completed" &&
        (e.data as RunStep).step_details.type === "tool_calls",
    );
    const items = steps.flatMap((e) => normalizeAssistantRunStep(e.data as RunStep));
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({
      type: "workflow",
      workflow: {
        tasks: [{ type: "custom", title: "Code interpreter", status_indicator: "complete" }],
      },
      origin: { api: "assistants", type: "thread.run.step" },
    });
  });
});
