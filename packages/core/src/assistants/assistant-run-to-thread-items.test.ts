import { readFixture } from "../../test/fixtures";
import type {
  AssistantMessageItem,
  ClientToolCallItem,
  GeneratedImageItem,
  WorkflowItem,
} from "../chatkit/thread-item";
import { asRefusalRecording } from "../testing/refusal-recording";
import { assistantRunToThreadItems, convertAssistantText } from "./assistant-run-to-thread-items";
import { type AssistantStreamReaderEvent, readAssistantStream } from "./read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
} from "./reduce-assistant-run";

async function replay(name: string): Promise<AssistantRunState> {
  let state = createAssistantRunState();
  for await (const event of readAssistantStream(readFixture("assistants", name))) {
    state = reduceAssistantRun(state, event);
  }
  return state;
}

describe("convertAssistantText", () => {
  it("turns citation markers into annotations at their offset in the cleaned text", () => {
    const value = "Tacos are favored【4:0†favorite_foods.txt】. Pizza too【4:1†b.txt】";
    const part = convertAssistantText(value, [
      {
        type: "file_citation",
        text: "【4:0†favorite_foods.txt】",
        start_index: 17,
        end_index: 41,
        file_citation: { file_id: "file-A" },
      },
    ]);
    expect(part.text).toBe("Tacos are favored. Pizza too");
    expect(part.annotations).toEqual([
      {
        type: "annotation",
        index: 17,
        source: {
          type: "file",
          filename: "favorite_foods.txt",
          title: "favorite_foods.txt",
          file_id: "file-A",
        },
      },
      {
        type: "annotation",
        index: 28,
        source: { type: "file", filename: "b.txt", title: "b.txt" },
      },
    ]);
  });

  it("hides an unfinished marker only while streaming", () => {
    expect(convertAssistantText("Hi【4:0†fa", [], true).text).toBe("Hi");
    expect(convertAssistantText("Hi【4:0†fa", [], false).text).toBe("Hi【4:0†fa");
  });

  it("keeps file_path link text and annotates its end", () => {
    const text = "[Download](sandbox:/mnt/data/out.csv)";
    const part = convertAssistantText(text, [
      {
        type: "file_path",
        text: "sandbox:/mnt/data/out.csv",
        start_index: 11,
        end_index: 36,
        file_path: { file_id: "file-B" },
      },
    ]);
    expect(part.text).toBe(text);
    expect(part.annotations).toEqual([
      {
        type: "annotation",
        index: 36,
        source: { type: "file", filename: "out.csv", title: "out.csv", file_id: "file-B" },
      },
    ]);
  });
});

describe("assistantRunToThreadItems", () => {
  it("maps a file search run to a workflow with sources and a cited message", async () => {
    const items = assistantRunToThreadItems(await replay("dotnet-file-search-streaming.sse"));
    expect(items.map((i) => i.type)).toEqual(["workflow", "assistant_message"]);
    const workflow = items[0] as WorkflowItem;
    expect(workflow.workflow.tasks).toEqual([
      expect.objectContaining({
        type: "file",
        status_indicator: "complete",
        sources: [
          expect.objectContaining({
            type: "file",
            filename: "favorite_foods.txt",
            file_id: "file-CyHtsk7XAWdRabQUBYRjCu",
            description: expect.stringContaining("Summanus Ferdinand: tacos"),
          }),
        ],
      }),
    ]);
    const message = items[1] as AssistantMessageItem;
    expect(message.content[0]?.text).not.toContain("【");
    expect(message.content[0]?.annotations).toEqual([
      expect.objectContaining({
        index: 29,
        source: expect.objectContaining({ filename: "favorite_foods.txt" }),
      }),
    ]);
  });

  it("maps code interpreter steps to tasks with code and logs, and images to image items", async () => {
    const items = assistantRunToThreadItems(await replay("simple-openai-v1-code-interpreter.sse"), {
      fileUrl: (id) => `/files/${id}`,
    });
    const workflows = items.filter((i): i is WorkflowItem => i.type === "workflow");
    expect(workflows.length).toBeGreaterThan(0);
    const contents = workflows.flatMap((w) =>
      w.workflow.tasks.map((t) => ("content" in t ? t.content : "")),
    );
    expect(contents.join("\n")).toContain("import numpy as np");
    expect(contents.join("\n")).toContain("'y := sin(x)'");
    const images = items.filter((i): i is GeneratedImageItem => i.type === "generated_image");
    expect(images.map((i) => i.image)).toContainEqual({
      id: "file-65i28iJRCx4hvJnk6NcavwRX",
      url: "/files/file-65i28iJRCx4hvJnk6NcavwRX",
    });
    // The message that starts with its image keeps the image before its text.
    const messageIndex = items.findIndex((i) => i.id === "msg_UOyVcEBrOteUibAQdezvBHFG");
    expect(items[messageIndex - 1]).toMatchObject({
      type: "generated_image",
      id: "msg_UOyVcEBrOteUibAQdezvBHFG:content:0",
    });
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("maps requires_action function calls to pending client tool calls", async () => {
    const items = assistantRunToThreadItems(
      await replay("dotnet-streaming-tool-call-requires-action.sse"),
    );
    const calls = items.filter((i): i is ClientToolCallItem => i.type === "client_tool_call");
    expect(calls).toEqual([
      expect.objectContaining({
        id: "call_xyFYaEeyocjyE6jN64QTcxip",
        call_id: "call_xyFYaEeyocjyE6jN64QTcxip",
        name: "get_current_weather",
        arguments: {},
        status: "pending",
      }),
    ]);
  });

  it("marks function calls completed once the continuation stream carries the output", async () => {
    const items = assistantRunToThreadItems(
      await replay("simple-openai-submit-tool-outputs-stream.sse"),
    );
    const call = items.find((i): i is ClientToolCallItem => i.type === "client_tool_call");
    expect(call?.status).toBe("completed");
    expect(call?.output).toEqual(expect.any(String));
    expect(items.at(-1)?.type).toBe("assistant_message");
  });

  it("keeps streamed text of a run that failed mid-stream", async () => {
    const state = await replay("simple-openai-error-event-midstream.sse");
    expect(state.error?.type).toBe("server_error");
    const items = assistantRunToThreadItems(state);
    const message = items.find((i): i is AssistantMessageItem => i.type === "assistant_message");
    expect(message?.content[0]?.text.length).toBeGreaterThan(0);
  });

  it("keeps the incomplete run and its partial message", async () => {
    const state = await replay("ruby-openai-max-tokens-incomplete-v2.sse");
    expect(state.run?.status).toBe("incomplete");
    expect(state.messages[0]?.status).toBe("incomplete");
    expect(assistantRunToThreadItems(state).map((i) => i.type)).toContain("assistant_message");
  });
});

describe("assistantRunToThreadItems refusals", () => {
  it("keeps a streamed refusal as a text part marked `refusal: true`", async () => {
    const sse = asRefusalRecording(readFixture("assistants", "dotnet-streaming-run-text.sse"));
    const completed = JSON.parse(
      /event: thread\.message\.completed\ndata: (.*)/.exec(sse)?.[1] ?? "null",
    );
    const refusal: string = completed.content[0].refusal;
    expect(refusal).toMatch(/^Hello! .+\?$/);

    let state = createAssistantRunState();
    let midway: AssistantMessageItem | undefined;
    for await (const event of readAssistantStream(sse)) {
      state = reduceAssistantRun(state, event);
      const item = assistantRunToThreadItems(state).find((i) => i.type === "assistant_message");
      if (midway === undefined && item?.type === "assistant_message" && item.content[0]?.text) {
        midway = item;
      }
    }
    // While streaming, the partial refusal is already marked.
    expect(midway?.content[0]).toMatchObject({ type: "output_text", refusal: true });
    expect(refusal.startsWith(midway?.content[0]?.text ?? "-")).toBe(true);

    const items = assistantRunToThreadItems(state);
    expect(items).toEqual([
      expect.objectContaining({
        type: "assistant_message",
        id: "msg_Tn5DNmiQEPZ80biW5AukKrvH",
        content: [{ type: "output_text", text: refusal, annotations: [], refusal: true }],
      }),
    ]);
  });

  it("marks only the refusal part of a message that also has text", () => {
    const state = reduceAssistantRun(createAssistantRunState(), {
      event: "thread.message.completed",
      data: {
        id: "msg_1",
        object: "thread.message",
        created_at: 1761861745,
        thread_id: "thread_1",
        status: "completed",
        role: "assistant",
        content: [
          { type: "text", text: { value: "Here is the summary.", annotations: [] } },
          { type: "refusal", refusal: "I can't include the private details." },
        ],
      } as never,
    });
    const [item] = assistantRunToThreadItems(state) as AssistantMessageItem[];
    expect(item?.content).toEqual([
      { type: "output_text", text: "Here is the summary.", annotations: [] },
      {
        type: "output_text",
        text: "I can't include the private details.",
        annotations: [],
        refusal: true,
      },
    ]);
  });
});

describe("assistantRunToThreadItems identity", () => {
  it("returns the same item objects for messages and steps a delta did not touch", async () => {
    const state = await replay("simple-openai-v1-code-interpreter.sse");
    const before = assistantRunToThreadItems(state);
    const last = state.messages.at(-1);
    const next = reduceAssistantRun(state, {
      event: "thread.message.delta",
      data: {
        id: last?.id ?? "",
        object: "thread.message.delta",
        delta: { content: [{ index: 1, type: "text", text: { value: " More." } }] },
      },
    });
    const after = assistantRunToThreadItems(next);
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    const changed = after.filter((item, k) => item !== before[k]).map((i) => i.id);
    expect(changed).toEqual([last?.id]);
  });
});

// A bad part of a run degraded the whole reply: one throw here and the UI said the connection
// failed.
describe("assistantRunToThreadItems with one bad part", () => {
  const message = {
    id: "msg_1",
    object: "thread.message",
    created_at: 1_700_000_000,
    thread_id: "thread_1",
    status: "in_progress",
    role: "assistant",
    content: [{ type: "text", text: { value: "Tacos【4:0†a.txt】", annotations: [] } }],
  };
  const messageStep = {
    id: "step_m",
    object: "thread.run.step",
    created_at: 1_700_000_000,
    thread_id: "thread_1",
    run_id: "run_1",
    type: "message_creation",
    status: "completed",
    step_details: { type: "message_creation", message_creation: { message_id: "msg_1" } },
  };
  const run = (events: AssistantStreamReaderEvent[]) =>
    events.reduce<AssistantRunState>(reduceAssistantRun, createAssistantRunState());

  it("keeps the text when an annotation delta names an index past the end", () => {
    const state = run([
      { event: "thread.message.created", data: message as never },
      {
        event: "thread.message.delta",
        data: {
          id: "msg_1",
          object: "thread.message.delta",
          delta: {
            content: [
              {
                index: 0,
                type: "text",
                text: {
                  annotations: [
                    {
                      index: 2,
                      type: "file_citation",
                      text: "【4:0†a.txt】",
                      file_citation: { file_id: "file_a" },
                    },
                  ],
                },
              },
            ],
          },
        },
      },
    ]);
    const [item] = assistantRunToThreadItems(state) as AssistantMessageItem[];
    expect(item?.content[0]?.text).toBe("Tacos");
    expect(item?.content[0]?.annotations).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ file_id: "file_a" }) }),
    ]);
  });

  it("skips a run step without step_details and shows the rest", () => {
    const state = run([
      { event: "thread.run.step.created", data: { ...messageStep, id: "step_x" } as never },
      {
        event: "thread.run.step.completed",
        data: { ...messageStep, id: "step_y", step_details: undefined } as never,
      },
      { event: "thread.run.step.created", data: messageStep as never },
      { event: "thread.message.completed", data: { ...message, status: "completed" } as never },
    ]);
    const items = assistantRunToThreadItems(state);
    expect(items.map((i) => i.id)).toEqual(["msg_1"]);
  });

  it("gives an empty time for a created_at past the range of dates", () => {
    const state = run([
      {
        event: "thread.message.created",
        data: { ...message, created_at: 9007199254740991 } as never,
      },
      {
        event: "thread.run.step.created",
        data: {
          ...messageStep,
          id: "step_t",
          type: "tool_calls",
          created_at: -9007199254740991,
          step_details: {
            type: "tool_calls",
            tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
          },
        } as never,
      },
    ]);
    const items = assistantRunToThreadItems(state);
    expect(items.map((i) => [i.id, i.created_at])).toEqual([
      ["c1", ""],
      ["msg_1", ""],
    ]);
  });

  it("shows a message or step that still cannot be converted as an unknown item", () => {
    const state = run([
      { event: "thread.message.created", data: message as never },
      {
        event: "thread.message.created",
        data: { ...message, id: "msg_2", content: [{ type: "text", text: null }] } as never,
      },
    ]);
    const items = assistantRunToThreadItems(state);
    expect(items.map((i) => [i.id, i.type])).toEqual([
      ["msg_1", "assistant_message"],
      ["msg_2", "unknown"],
    ]);
  });
});
