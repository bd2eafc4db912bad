/**
 * `streamResponsesApi` on real recorded OpenAI Responses API streams (repo
 * `fixtures/responses-api/`, sources in `fixtures/SOURCES.md`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  type AssistantMessageItem,
  parseThreadItem,
  parseThreadStreamEvent,
} from "@threadkit/core";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { Stream } from "openai/streaming";
import {
  convertResponsesAnnotation,
  type ResponsesStreamEvent,
  readResponsesSse,
  type StreamResponsesApiResult,
  streamResponsesApi,
} from "../src/responses";
import type { ServerStreamEvent } from "../src/types";
import {
  drain,
  FIXED_NOW,
  fixedContext,
  loadResponsesFixture,
  outline,
  replay,
  responsesFixtures,
  splitResponses,
} from "./helpers/responses";

const names = readdirSync(responsesFixtures).sort();

/** Runs every response of a fixture through one context, round after round. */
async function convert(name: string, events?: ResponsesStreamEvent[]) {
  const { ctx } = fixedContext();
  const out: ServerStreamEvent[] = [];
  for (const round of splitResponses(events ?? (await loadResponsesFixture(name)))) {
    out.push(...(await drain(streamResponsesApi(replay(round), ctx))).events);
  }
  return out;
}

type Recorded = ResponsesStreamEvent & Record<string, unknown>;

/** The final texts the API itself reported (`response.output_text.done`), in order. */
function recordedTexts(events: ResponsesStreamEvent[]): string[] {
  return (events as Recorded[])
    .filter((e) => e.type === "response.output_text.done")
    .map((e) => e.text as string);
}

const itemsDone = (events: ServerStreamEvent[]) =>
  events.flatMap((e) => (e.type === "thread.item.done" ? [e.item] : []));

describe("recorded Responses streams", () => {
  it("there are recordings of every shape the converter reads", () => {
    expect(names).toEqual([
      "dotnet-file-search.sse",
      "dotnet-function-call.sse",
      "dotnet-hello-world.sse",
      "dotnet-reasoning-summary.sse",
      "dotnet-web-search.sse",
      "vercel-ai-code-interpreter.jsonl",
      "vercel-ai-error-insufficient-quota.jsonl",
      "vercel-ai-file-search.jsonl",
      "vercel-ai-image-generation.jsonl",
      "vercel-ai-reasoning-function-calls.jsonl",
      "vercel-ai-web-search.jsonl",
    ]);
  });

  it.each(names)("%s: every event is valid protocol and every item parses", async (name) => {
    const recorded = await loadResponsesFixture(name);
    const events = await convert(name, recorded);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const wire = JSON.parse(JSON.stringify(event)) as unknown;
      expect(parseThreadStreamEvent(wire)).toEqual(wire);
    }
    for (const item of itemsDone(events)) {
      const wire = JSON.parse(JSON.stringify(item)) as unknown;
      expect(parseThreadItem(wire)).toEqual(wire);
    }
    // The deltas of each message add up to its final text, which is the API's own final text.
    const messages = itemsDone(events).filter(
      (item): item is AssistantMessageItem => item.type === "assistant_message",
    );
    for (const message of messages) {
      const deltas = events
        .map((e) =>
          e.type === "thread.item.updated" &&
          e.item_id === message.id &&
          e.update.type === "assistant_message.content_part.text_delta"
            ? e.update.delta
            : "",
        )
        .join("");
      expect(deltas).toBe(message.content[0]?.text);
    }
    expect(messages.map((m) => m.content[0]?.text)).toEqual(
      recordedTexts(recorded).filter((text) => text !== ""),
    );
  });

  it("a plain answer streams as one assistant message, exactly", async () => {
    const events = await convert("dotnet-hello-world.sse");
    const deltas = ["Hello", "!", " How", " can", " I", " assist", " you", " today", "?"];
    const text = "Hello! How can I assist you today?";
    const base = { id: "message_1", thread_id: "thr_1", created_at: FIXED_NOW };
    const updated = (update: object) => ({
      type: "thread.item.updated",
      item_id: "message_1",
      update,
    });
    expect(events).toEqual([
      { type: "thread.item.added", item: { ...base, type: "assistant_message", content: [] } },
      updated({
        type: "assistant_message.content_part.added",
        content_index: 0,
        content: { type: "output_text", text: "", annotations: [] },
      }),
      ...deltas.map((delta) =>
        updated({ type: "assistant_message.content_part.text_delta", content_index: 0, delta }),
      ),
      updated({
        type: "assistant_message.content_part.done",
        content_index: 0,
        content: { type: "output_text", text, annotations: [] },
      }),
      {
        type: "thread.item.done",
        item: {
          ...base,
          type: "assistant_message",
          content: [{ type: "output_text", text, annotations: [] }],
        },
      },
    ]);
  });

  it("a function call becomes a pending client tool call, exactly", async () => {
    const { ctx } = fixedContext();
    const { events, result } = await drain(
      streamResponsesApi(replay(await loadResponsesFixture("dotnet-function-call.sse")), ctx),
    );
    const call = {
      id: "tool_call_1",
      thread_id: "thr_1",
      created_at: FIXED_NOW,
      type: "client_tool_call",
      status: "pending",
      call_id: "call_0UFGPwrziw5rbinYp7rthrTb",
      name: "get_weather_at_location",
      arguments: { location: "San Francisco, CA" },
    };
    expect(events).toEqual([{ type: "thread.item.done", item: call }]);
    expect(result).toMatchObject({
      responseId: "resp_0c25e60be926327b0069305eb9ac6c8195833249c070ef4e7e",
      status: "completed",
      toolOutputs: [],
      clientToolCalls: [call],
      workflow: null,
    });
  });

  it("a file search is a file task and its citation a file source, exactly", async () => {
    const events = await convert("dotnet-file-search.sse");
    const workflow = { id: "workflow_1", thread_id: "thr_1", created_at: FIXED_NOW };
    const task = (update: object) => ({
      type: "thread.item.updated",
      item_id: "workflow_1",
      update,
    });
    const message = (update: object) => ({
      type: "thread.item.updated",
      item_id: "message_2",
      update,
    });
    const searched = {
      type: "file",
      title: "What is Travis's favorite food?",
      status_indicator: "complete",
    };
    const annotation = {
      type: "annotation",
      source: {
        type: "file",
        filename: "test_favorite_foods.txt",
        title: "test_favorite_foods.txt",
      },
      index: 31,
    };
    const text = "Travis's favorite food is pizza.";
    expect(events.slice(0, 4)).toEqual([
      {
        type: "thread.item.added",
        item: {
          ...workflow,
          type: "workflow",
          workflow: { type: "custom", tasks: [], expanded: true },
        },
      },
      task({
        type: "workflow.task.added",
        task_index: 0,
        task: { type: "file", title: "Searching files", status_indicator: "loading" },
      }),
      task({ type: "workflow.task.updated", task_index: 0, task: searched }),
      {
        type: "thread.item.done",
        item: {
          ...workflow,
          type: "workflow",
          workflow: {
            type: "custom",
            tasks: [searched],
            expanded: false,
            summary: { duration: 0 },
          },
        },
      },
    ]);
    expect(outline(events.slice(4))).toEqual([
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 31 chars",
      "annotation message_2 0 0 file test_favorite_foods.txt @31",
      "delta message_2 0 1 chars",
      "part.done message_2 0 32 chars, 1 annotations",
      "done assistant_message message_2",
    ]);
    expect(
      events.find(
        (e) =>
          e.type === "thread.item.updated" &&
          e.update.type === "assistant_message.content_part.annotation_added",
      ),
    ).toEqual(
      message({
        type: "assistant_message.content_part.annotation_added",
        content_index: 0,
        annotation_index: 0,
        annotation,
      }),
    );
    expect(events.at(-1)).toEqual({
      type: "thread.item.done",
      item: {
        id: "message_2",
        thread_id: "thr_1",
        created_at: FIXED_NOW,
        type: "assistant_message",
        content: [{ type: "output_text", text, annotations: [annotation] }],
      },
    });
  });

  it("an API error ends the stream with one retryable error event, exactly", async () => {
    const { ctx } = fixedContext();
    const { events, result } = await drain(
      streamResponsesApi(
        replay(await loadResponsesFixture("vercel-ai-error-insufficient-quota.jsonl")),
        ctx,
      ),
    );
    // `error` then `response.failed`: one error, without the API's message (it is for operators).
    expect(events).toEqual([{ type: "error", code: "stream.error", allow_retry: true }]);
    expect(result.status).toBe("failed");
  });

  it("errorEvent chooses what the user sees of a failure", async () => {
    const { ctx } = fixedContext();
    const seen: unknown[] = [];
    const { events } = await drain(
      streamResponsesApi(
        replay(await loadResponsesFixture("vercel-ai-error-insufficient-quota.jsonl")),
        ctx,
        {
          errorEvent: (failure) => {
            seen.push(failure);
            return { type: "error", code: "custom", message: "Out of credit.", allow_retry: false };
          },
        },
      ),
    );
    expect(seen).toEqual([
      {
        kind: "error",
        code: "insufficient_quota",
        message: expect.stringMatching(/^You exceeded your current quota/),
      },
    ]);
    expect(events).toEqual([
      { type: "error", code: "custom", message: "Out of credit.", allow_retry: false },
    ]);
  });

  it("a generated image streams its partial image, then the final one", async () => {
    const recorded = (await loadResponsesFixture("vercel-ai-image-generation.jsonl")) as Recorded[];
    const { ctx } = fixedContext();
    const { events } = await drain(streamResponsesApi(replay(recorded), ctx, { partialImages: 2 }));
    const partial = recorded.find(
      (e) => e.type === "response.image_generation_call.partial_image",
    ) as Recorded;
    const final = (
      recorded.find(
        (e) =>
          e.type === "response.output_item.done" &&
          (e.item as { type: string }).type === "image_generation_call",
      ) as Recorded
    ).item as { id: string; result: string };
    const image = { id: "message_2", thread_id: "thr_1", created_at: FIXED_NOW };
    expect(events.slice(2, 5)).toEqual([
      { type: "thread.item.added", item: { ...image, type: "generated_image" } },
      {
        type: "thread.item.updated",
        item_id: "message_2",
        update: {
          type: "generated_image.updated",
          image: { id: final.id, url: `data:image/webp;base64,${partial.partial_image_b64}` },
          progress: 0,
        },
      },
      {
        type: "thread.item.done",
        item: {
          ...image,
          type: "generated_image",
          image: { id: final.id, url: `data:image/webp;base64,${final.result}` },
        },
      },
    ]);
    // The reasoning before it had no summary; the empty message after it is dropped.
    expect(outline(events)).toEqual([
      "added workflow workflow_1",
      "done workflow workflow_1",
      "added generated_image message_2",
      "image.updated message_2 data:image/webp;base64,UklGRuIWGQBXRUJQV… 0",
      "done generated_image message_2",
      "added assistant_message message_3",
      'part.added message_3 0 {"type":"output_text","text":"","annotations":[]}',
      "part.done message_3 0 0 chars, 0 annotations",
      "removed message_3",
    ]);
  });

  it("imageUrl stores images elsewhere than in data URLs", async () => {
    const { ctx } = fixedContext();
    const calls: unknown[] = [];
    const { events } = await drain(
      streamResponsesApi(
        replay(await loadResponsesFixture("vercel-ai-image-generation.jsonl")),
        ctx,
        {
          imageUrl: ({ id, mimeType, partialIndex, base64 }) => {
            calls.push({ id, mimeType, partialIndex, bytes: base64.length });
            return `https://cdn.example/${id}${partialIndex === undefined ? "" : `-${partialIndex}`}`;
          },
        },
      ),
    );
    const id = "ig_0df93c0bb83a72f20068c979f589c0819e9f0fc2d1a27aa1b8";
    expect(calls).toEqual([
      { id, mimeType: "image/webp", partialIndex: 0, bytes: 327 },
      { id, mimeType: "image/webp", partialIndex: undefined, bytes: 327 },
    ]);
    expect(itemsDone(events).find((i) => i.type === "generated_image")).toMatchObject({
      image: { id, url: `https://cdn.example/${id}` },
    });
  });

  it("reasoning summaries stream as thoughts of one reasoning workflow", async () => {
    const events = await convert("dotnet-reasoning-summary.sse");
    expect(outline(events)).toEqual([
      "added workflow workflow_1",
      'task.added workflow_1 0 {"type":"thought","content":"**Planning","status_indicator":"loading"}',
      'task.updated workflow_1 0 {"type":"thought","content":"**Planning a New York itinerar…(504)","status_indicator":"complete"}',
      'task.added workflow_1 1 {"type":"thought","content":"**Creating","status_indicator":"loading"}',
      'task.updated workflow_1 1 {"type":"thought","content":"**Creating a 3-day NYC itinera…(580)","status_indicator":"complete"}',
      'task.added workflow_1 2 {"type":"thought","content":"**Pro","status_indicator":"loading"}',
      'task.updated workflow_1 2 {"type":"thought","content":"**Proposing a NYC itinerary**\\n…(596)","status_indicator":"complete"}',
      'task.added workflow_1 3 {"type":"thought","content":"**Creating","status_indicator":"loading"}',
      'task.updated workflow_1 3 {"type":"thought","content":"**Creating an NYC trip itinera…(662)","status_indicator":"complete"}',
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 6290 chars",
      "part.done message_2 0 6290 chars, 0 annotations",
      "done assistant_message message_2",
    ]);
    // Each update carries the thought so far; the last one is the API's summary text.
    const recorded = (await loadResponsesFixture("dotnet-reasoning-summary.sse")) as Recorded[];
    const summaries = recorded
      .filter((e) => e.type === "response.reasoning_summary_text.done")
      .map((e) => e.text);
    const workflow = itemsDone(events).find((i) => i.type === "workflow");
    expect(workflow).toEqual({
      id: "workflow_1",
      thread_id: "thr_1",
      created_at: FIXED_NOW,
      type: "workflow",
      workflow: {
        type: "reasoning",
        tasks: summaries.map((content) => ({
          type: "thought",
          content,
          status_indicator: "complete",
        })),
        expanded: false,
        summary: { duration: 0 },
      },
    });
    let previous = "";
    for (const event of events) {
      if (event.type !== "thread.item.updated") continue;
      const u = event.update;
      if (u.type === "workflow.task.added") previous = "";
      if (u.type === "workflow.task.added" || u.type === "workflow.task.updated") {
        const content = (u.task as { content: string }).content;
        expect(content.startsWith(previous)).toBe(true);
        previous = content;
      }
    }
  });

  it("web searches are web-search tasks; URL citations become URL sources", async () => {
    const events = await convert("vercel-ai-web-search.jsonl");
    expect(outline(events)).toEqual([
      "added workflow workflow_1",
      'task.added workflow_1 0 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 0 {"type":"web_search","status_indicator":"complete","title_query":"tech news today December 5 2025","queries":["tech news today December 5 2025"],"sources":10}',
      'task.added workflow_1 1 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 1 {"type":"web_search","status_indicator":"complete","title_query":"site:theverge.com \\"December 5, 2025\\" \\"technology\\"","queries":["site:theverge.com \\"December 5, 2025\\" \\"technology\\""],"sources":11}',
      'task.added workflow_1 2 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 2 {"type":"web_search","status_indicator":"complete","title":"Opened a page","sources":1}',
      'task.added workflow_1 3 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 3 {"type":"web_search","status_indicator":"complete","title":"Looked for “vercel” in a page","sources":1}',
      'task.added workflow_1 4 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 4 {"type":"web_search","status_indicator":"complete","title":"Looked for “Vercel” in a page","sources":1}',
      'task.added workflow_1 5 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 5 {"type":"web_search","status_indicator":"complete","title":"Looked for “vercel” in a page","sources":1}',
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 413 chars",
      "annotation message_2 0 0 url https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai @411",
      "delta message_2 0 249 chars",
      "annotation message_2 0 1 url https://techcrunch.com/2025/12/05/the-new-york-times-is-suing-perplexity-for-copyright-infringement/?utm_source=openai @635",
      "delta message_2 0 265 chars",
      "annotation message_2 0 2 url https://techcrunch.com/2025/12/05/meta-signs-commercial-ai-data-agreements-with-publishers-to-offer-real-time-news-on-meta-ai/?utm_source=openai @910",
      "delta message_2 0 232 chars",
      "annotation message_2 0 3 url https://techcrunch.com/2025/12/05/netflix-to-acquire-warner-bros-in-a-disruptive-deal-valued-at-82-7b/?utm_source=openai @1149",
      "delta message_2 0 166 chars",
      "annotation message_2 0 4 url https://www.wired.com/story/the-big-interview-2025-recap?utm_source=openai @1305",
      "delta message_2 0 298 chars",
      "annotation message_2 0 5 url https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai @1606",
      "delta message_2 0 243 chars",
      "annotation message_2 0 6 url https://techcrunch.com/2025/12/05/the-new-york-times-is-suing-perplexity-for-copyright-infringement/?utm_source=openai @1851",
      "delta message_2 0 273 chars",
      "annotation message_2 0 7 url https://techcrunch.com/2025/12/05/meta-signs-commercial-ai-data-agreements-with-publishers-to-offer-real-time-news-on-meta-ai/?utm_source=openai @2139",
      "delta message_2 0 270 chars",
      "annotation message_2 0 8 url https://techcrunch.com/2025/12/05/netflix-to-acquire-warner-bros-in-a-disruptive-deal-valued-at-82-7b/?utm_source=openai @2397",
      "delta message_2 0 181 chars",
      "annotation message_2 0 9 url https://www.wired.com/story/the-big-interview-2025-recap?utm_source=openai @2590",
      "delta message_2 0 298 chars",
      "annotation message_2 0 10 url https://techstartups.com/2025/12/05/technology-news-today-the-latest-in-tech-ai-startup-news-december-5-2025/?utm_source=openai @2844",
      "delta message_2 0 555 chars",
      "annotation message_2 0 11 url https://finance.yahoo.com/news/ai-coding-startup-vercel-raises-163055044.html?utm_source=openai @3427",
      "delta message_2 0 202 chars",
      "part.done message_2 0 3645 chars, 12 annotations",
      "done assistant_message message_2",
    ]);
    const workflow = itemsDone(events).find((i) => i.type === "workflow");
    expect(workflow?.type === "workflow" && workflow.workflow.tasks[2]).toEqual({
      type: "web_search",
      status_indicator: "complete",
      title: "Opened a page",
      sources: [
        {
          type: "url",
          url: "https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/",
          title:
            "https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/",
        },
      ],
    });
    const message = itemsDone(events).at(-1) as AssistantMessageItem;
    expect(message.content[0]?.annotations[0]).toEqual({
      type: "annotation",
      source: {
        type: "url",
        url: "https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai",
        title: "Petco confirms security lapse exposed customers’ personal data | TechCrunch",
      },
      index: 411,
    });
  });

  it("annotations the app drops leave no hole in the indexes", async () => {
    const { ctx } = fixedContext();
    const { events } = await drain(
      streamResponsesApi(replay(await loadResponsesFixture("vercel-ai-web-search.jsonl")), ctx, {
        // Keep only TechCrunch, with the default conversion.
        annotation: (a) =>
          a.type === "url_citation" && a.url.startsWith("https://techcrunch.com/")
            ? convertResponsesAnnotation(a)
            : null,
      }),
    );
    const added = events.flatMap((e) =>
      e.type === "thread.item.updated" &&
      e.update.type === "assistant_message.content_part.annotation_added"
        ? [[e.update.annotation_index, e.update.annotation.index]]
        : [],
    );
    expect(added).toEqual([
      [0, 411],
      [1, 635],
      [2, 910],
      [3, 1149],
      [4, 1606],
      [5, 1851],
      [6, 2139],
      [7, 2397],
    ]);
    const message = itemsDone(events).at(-1) as AssistantMessageItem;
    expect(message.content[0]?.annotations.map((a) => a.index)).toEqual(added.map(([, i]) => i));
  });

  it("the other recordings: web search without citations, file citations, container files", async () => {
    expect(outline(await convert("dotnet-web-search.sse"))).toEqual([
      "added workflow workflow_1",
      'task.added workflow_1 0 {"type":"web_search","status_indicator":"loading"}',
      'task.updated workflow_1 0 {"type":"web_search","status_indicator":"complete","title_query":"Searching the internet, what is the weather today in Redmond, WA?","queries":["Searching the internet, what is the weather today in Redmond, WA?"]}',
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 797 chars",
      "part.done message_2 0 797 chars, 0 annotations",
      "done assistant_message message_2",
    ]);
    expect(outline(await convert("vercel-ai-file-search.jsonl"))).toEqual([
      "added workflow workflow_1",
      'task.added workflow_1 0 {"type":"file","title":"Searching files","status_indicator":"loading"}',
      'task.updated workflow_1 0 {"type":"file","title":"What is an embedding model according to this document?","status_indicator":"complete"}',
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 154 chars",
      "annotation message_2 0 0 file ai.pdf @154",
      "delta message_2 0 228 chars",
      "annotation message_2 0 1 file ai.pdf @382",
      "delta message_2 0 1 chars",
      "part.done message_2 0 383 chars, 2 annotations",
      "done assistant_message message_2",
    ]);
    // Code interpreter calls have no ChatKit counterpart; the reasoning around them is a
    // (summary-less) workflow, and the container file citation a file source at its end.
    expect(outline(await convert("vercel-ai-code-interpreter.jsonl"))).toEqual([
      "added workflow workflow_1",
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 596 chars",
      "annotation message_2 0 0 file roll2dice_sums_10000.csv @465",
      "part.done message_2 0 596 chars, 1 annotations",
      "done assistant_message message_2",
    ]);
  });
});

describe("function calls", () => {
  it("server tools run, their outputs go back to the model, one workflow spans the rounds", async () => {
    const rounds = splitResponses(
      await loadResponsesFixture("vercel-ai-reasoning-function-calls.jsonl"),
    );
    expect(rounds).toHaveLength(4);
    const { ctx } = fixedContext();
    const calls: unknown[] = [];
    const serverTools = {
      calculator: (args: Record<string, unknown>) => {
        calls.push(args);
        const { a, b, op } = args as { a: number; b: number; op: string };
        return op === "add" ? a + b : a * b;
      },
    };
    const outputs: unknown[] = [];
    const all: ServerStreamEvent[] = [];
    const open: boolean[] = [];
    for (const round of rounds) {
      const { events, result }: { events: ServerStreamEvent[]; result: StreamResponsesApiResult } =
        await drain(streamResponsesApi(replay(round), ctx, { serverTools }));
      all.push(...events);
      outputs.push(result.toolOutputs);
      open.push(result.workflow?.item.id === "workflow_1");
    }
    expect(calls).toEqual([
      { a: 12, b: 7, op: "add" },
      { a: 19, b: 3, op: "multiply" },
      { a: 57, b: 10, op: "multiply" },
    ]);
    expect(outputs).toEqual([
      [{ type: "function_call_output", call_id: "call_AB6AaRZ1FYZB2RwS6A5vbdqn", output: "19" }],
      [{ type: "function_call_output", call_id: "call_Q6pW65MUgW9vF59BmItYGos3", output: "57" }],
      [{ type: "function_call_output", call_id: "call_Zl5vIMnD7dVAjgU6FkhmiCZh", output: "570" }],
      [],
    ]);
    // Left open after each tool round, continued by the next call with the same ctx, then closed.
    expect(open).toEqual([true, true, true, false]);
    expect(outline(all)).toEqual([
      "added workflow workflow_1",
      'task.added workflow_1 0 {"type":"thought","content":"**Calcul","status_indicator":"loading"}',
      'task.updated workflow_1 0 {"type":"thought","content":"**Calculating step-by-step usi…(163)","status_indicator":"complete"}',
      // The workflow stays open through the tool rounds and closes when the answer starts.
      "done workflow workflow_1",
      "added assistant_message message_2",
      'part.added message_2 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_2 0 28 chars",
      "part.done message_2 0 28 chars, 0 annotations",
      "done assistant_message message_2",
    ]);
  });

  it("without server tools, each round ends with a pending client tool call", async () => {
    const events = await convert("vercel-ai-reasoning-function-calls.jsonl");
    expect(
      itemsDone(events).flatMap((i) =>
        i.type === "client_tool_call" ? [[i.name, i.call_id, i.arguments]] : [],
      ),
    ).toEqual([
      ["calculator", "call_AB6AaRZ1FYZB2RwS6A5vbdqn", { a: 12, b: 7, op: "add" }],
      ["calculator", "call_Q6pW65MUgW9vF59BmItYGos3", { a: 19, b: 3, op: "multiply" }],
      ["calculator", "call_Zl5vIMnD7dVAjgU6FkhmiCZh", { a: 57, b: 10, op: "multiply" }],
    ]);
    // The workflow is closed before the client tool call.
    expect(outline(events).slice(3, 5)).toEqual([
      "done workflow workflow_1",
      "done client_tool_call tool_call_2",
    ]);
  });

  it("arguments that are not a JSON object are a clear error", async () => {
    const recorded = (await loadResponsesFixture("dotnet-function-call.sse")) as Recorded[];
    const broken = recorded.map((e) =>
      e.type === "response.output_item.done"
        ? { ...e, item: { ...(e.item as object), arguments: '{"location":' } }
        : e,
    );
    const { ctx } = fixedContext();
    await expect(drain(streamResponsesApi(replay(broken), ctx))).rejects.toThrow(
      `The model called 'get_weather_at_location' with arguments that are not a JSON object: {"location":`,
    );
  });
});

describe("failures and cancellation", () => {
  it("a stream that breaks off mid-answer keeps the text that arrived, then one error", async () => {
    const recorded = await loadResponsesFixture("dotnet-hello-world.sse");
    const error = (await loadResponsesFixture("vercel-ai-error-insufficient-quota.jsonl")).filter(
      (e) => e.type === "error",
    );
    const cut = recorded.findIndex((e) => e.type === "response.output_text.delta") + 3;
    const { ctx } = fixedContext();
    const { events, result } = await drain(
      streamResponsesApi(replay([...recorded.slice(0, cut), ...error]), ctx),
    );
    expect(events.slice(-2)).toEqual([
      {
        type: "thread.item.done",
        item: {
          id: "message_1",
          thread_id: "thr_1",
          created_at: FIXED_NOW,
          type: "assistant_message",
          content: [{ type: "output_text", text: "Hello! How", annotations: [] }],
        },
      },
      { type: "error", code: "stream.error", allow_retry: true },
    ]);
    expect(result.status).toBe("failed");
  });

  it("an incomplete response says why (no public recording: the recorded answer, marked incomplete)", async () => {
    const recorded = (await loadResponsesFixture("dotnet-hello-world.sse")) as Recorded[];
    const incomplete = recorded.map((e) =>
      e.type === "response.completed"
        ? {
            ...e,
            type: "response.incomplete",
            response: {
              ...(e.response as object),
              status: "incomplete",
              incomplete_details: { reason: "max_output_tokens" },
            },
          }
        : e,
    );
    const { ctx } = fixedContext();
    const { events, result } = await drain(streamResponsesApi(replay(incomplete), ctx));
    expect(outline(events).slice(-2)).toEqual([
      "done assistant_message message_1",
      JSON.stringify({
        type: "error",
        code: "custom",
        message: "The answer is incomplete: it reached the maximum output length.",
        allow_retry: true,
      }),
    ]);
    expect(result.status).toBe("incomplete");
  });

  it("aborting stops reading, aborts the SDK request and sends nothing more", async () => {
    const recorded = await loadResponsesFixture("dotnet-hello-world.sse");
    const abort = new AbortController();
    const { ctx } = fixedContext(abort.signal);
    let read = 0;
    let returned = false;
    const controller = new AbortController();
    const stream = {
      controller,
      [Symbol.asyncIterator]() {
        return {
          async next(): Promise<IteratorResult<ResponsesStreamEvent>> {
            const value = recorded[read];
            read += 1;
            return value ? { value, done: false } : { value: undefined, done: true };
          },
          async return() {
            returned = true;
            return { value: undefined, done: true as const };
          },
        };
      },
    };
    const generator = streamResponsesApi(stream, ctx);
    const seen: ServerStreamEvent[] = [];
    for (;;) {
      const next = await generator.next();
      if (next.done) {
        expect(next.value.status).toBe("cancelled");
        break;
      }
      seen.push(next.value);
      if (next.value.type === "thread.item.updated" && seen.length === 3) abort.abort();
    }
    expect(outline(seen)).toEqual([
      "added assistant_message message_1",
      'part.added message_1 0 {"type":"output_text","text":"","annotations":[]}',
      "delta message_1 0 5 chars",
    ]);
    expect(controller.signal.aborted).toBe(true);
    expect(returned).toBe(true);
    expect(read).toBeLessThan(recorded.length);
  });
});

describe("input forms", () => {
  const sseOf = (events: ResponsesStreamEvent[]) =>
    events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");

  it("the openai SDK's own Stream of a recorded body converts the same as the parsed events", async () => {
    const name = "dotnet-web-search.sse";
    const body = readFileSync(path.join(responsesFixtures, name));
    const sdk = Stream.fromSSEResponse<ResponseStreamEvent>(
      new Response(body),
      new AbortController(),
    );
    const { ctx } = fixedContext();
    const viaSdk = await drain(streamResponsesApi(sdk, ctx));
    expect(viaSdk.events).toEqual(await convert(name));
  });

  it("the SDK throwing on an `error` event becomes the same error event", async () => {
    const recorded = await loadResponsesFixture("vercel-ai-error-insufficient-quota.jsonl");
    const sdk = Stream.fromSSEResponse<ResponseStreamEvent>(
      new Response(sseOf(recorded)),
      new AbortController(),
    );
    const { ctx } = fixedContext();
    const { events, result } = await drain(streamResponsesApi(sdk, ctx));
    expect(events).toEqual([{ type: "error", code: "stream.error", allow_retry: true }]);
    expect(result).toMatchObject({
      status: "failed",
      responseId: "resp_05500b38c2cd9bfc00691c7c9d222481a3b595421266dab424",
    });
  });

  it("readResponsesSse reads a fetch body and names data that is not an event", async () => {
    const events: ResponsesStreamEvent[] = [];
    for await (const e of readResponsesSse([
      'data: {"type":"response.created"}\n\n',
      "data: [DONE]\n\n",
    ])) {
      events.push(e);
    }
    expect(events).toEqual([{ type: "response.created" }]);
    const read = async (text: string) => {
      for await (const _ of readResponsesSse([text])) {
        // drain
      }
    };
    await expect(read("data: {nope\n\n")).rejects.toThrow(
      "Responses stream: an event is not JSON: {nope",
    );
    await expect(read("data: [1]\n\n")).rejects.toThrow(
      "Responses stream: an event has no type: [1]",
    );
  });

  it("the SDK's event and stream types are accepted as they are", () => {
    expectTypeOf<Stream<ResponseStreamEvent>>().toMatchTypeOf<
      Parameters<typeof streamResponsesApi>[0]
    >();
    expectTypeOf<AsyncIterable<ResponseStreamEvent>>().toMatchTypeOf<
      AsyncIterable<ResponsesStreamEvent>
    >();
  });
});
