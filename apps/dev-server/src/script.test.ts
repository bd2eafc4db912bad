import {
  type ClientToolCallItem,
  readThreadStream,
  type StructuredInputItem,
  type ThreadItem,
  type ThreadStreamEvent,
  type WidgetItem,
  type WorkflowItem,
  widgetChildren,
} from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCRIPT_KEYWORDS } from "./script";
import type { DevServer } from "./server";
import {
  chatkit,
  chatkitJson,
  chatkitStream,
  doneItems,
  input,
  startServer,
  startThread,
  storedItems,
} from "./test-utils";

let server: DevServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** The thread's stored items the client can see (hidden context left out). */
async function items(server: DevServer, threadId: string): Promise<ThreadItem[]> {
  return (await storedItems(server, threadId)).filter(
    (item): item is ThreadItem =>
      item.type !== "hidden_context_item" && item.type !== "sdk_hidden_context",
  );
}

function ofType<T extends ThreadItem["type"]>(
  list: ThreadItem[],
  type: T,
): Extract<ThreadItem, { type: T }>[] {
  return list.filter((item): item is Extract<ThreadItem, { type: T }> => item.type === type);
}

function lastText(list: ThreadItem[]): string {
  const messages = ofType(list, "assistant_message");
  return messages[messages.length - 1]?.content[0]?.text ?? "";
}

describe("scripted assistant", () => {
  it("streams every keyword's reply as events that @threadkit/core's reader validates", async () => {
    for (const rule of SCRIPT_KEYWORDS) {
      const response = await chatkit(server, "threads.create", {
        input: input(`please ${rule.words[0]}`),
      });
      const seen: string[] = [];
      for await (const event of readThreadStream(response.body!)) {
        expect(event.type, `${rule.words[0]}: ${JSON.stringify(event).slice(0, 200)}`).not.toBe(
          "stream.malformed",
        );
        expect(event.type, rule.words[0]).not.toBe("unknown");
        seen.push(event.type);
      }
      expect(seen[0], rule.words[0]).toBe("thread.created");
    }
  });

  it("lists every keyword and fault word in the help reply", async () => {
    const { threadId } = await startThread(server, "help");
    const text = lastText(await items(server, threadId));
    for (const rule of SCRIPT_KEYWORDS.slice(1)) expect(text).toContain(`\`${rule.words[0]}\``);
    for (const word of ["!drop", "!slow", "!429", "!500", "!expired"]) expect(text).toContain(word);
  });

  it("sends markdown with a code block and a table", async () => {
    const { threadId } = await startThread(server, "show me markdown");
    const text = lastText(await items(server, threadId));
    expect(text).toContain("```ts\n");
    expect(text).toMatch(/\| --- \| :---: \| ---: \|/);
  });

  it("annotates url, file and entity sources at their marker offsets", async () => {
    const { events } = await startThread(server, "cite your sources");
    const added = events.flatMap((e) =>
      e.type === "thread.item.updated" &&
      e.update.type === "assistant_message.content_part.annotation_added"
        ? [e.update]
        : [],
    );
    expect(added.map((u) => u.annotation.source.type)).toEqual(["url", "file", "entity"]);
    expect(added.map((u) => u.annotation_index)).toEqual([0, 1, 2]);
    const message = doneItems(events).find((item) => item.type === "assistant_message");
    const part = message?.type === "assistant_message" ? message.content[0] : undefined;
    expect(part?.annotations).toHaveLength(3);
    const text = part?.text ?? "";
    expect(part?.annotations.map((a) => text[(a.index ?? 0) - 1])).toEqual([".", ".", "."]);
    expect(part?.annotations[2]?.index).toBe(text.length);
  });

  it("streams a workflow's tasks and stores it collapsed with a duration", async () => {
    const { threadId, events } = await startThread(server, "think about it");
    const updates = events.flatMap((e) =>
      e.type === "thread.item.updated" && e.update.type.startsWith("workflow.") ? [e.update] : [],
    );
    expect(
      updates
        .filter((u) => u.type === "workflow.task.added")
        .map((u) => ("task" in u ? u.task.type : "")),
    ).toEqual(["thought", "web_search", "file"]);
    expect(updates.filter((u) => u.type === "workflow.task.updated").length).toBeGreaterThan(10);
    const [workflow] = ofType(await items(server, threadId), "workflow") as WorkflowItem[];
    expect(workflow?.workflow).toMatchObject({
      type: "reasoning",
      expanded: false,
      summary: { duration: 4 },
    });
    expect(workflow?.workflow.tasks.map((task) => task.status_indicator)).toEqual([
      "complete",
      "complete",
      "complete",
    ]);
  });

  it("round-trips the form card: streamed intro, then reservation.submit replaces it and replies", async () => {
    const { threadId, events } = await startThread(server, "show me the form");
    const kinds = events.flatMap((e) => (e.type === "thread.item.updated" ? [e.update.type] : []));
    expect(kinds).toContain("widget.streaming_text.value_delta");
    expect(kinds).toContain("widget.component.updated");
    expect(kinds[kinds.length - 1]).toBe("widget.root.updated");
    const [card] = ofType(await items(server, threadId), "widget") as WidgetItem[];
    expect(card?.widget.type).toBe("Card");
    const action = await chatkitStream(server, "threads.custom_action", {
      thread_id: threadId,
      item_id: card?.id,
      action: {
        type: "reservation.submit",
        payload: { restaurant: "Chez Dev", name: "Ada", party: "4" },
      },
    });
    expect(action[0]?.type).toBe("stream_options");
    expect(action[1]).toMatchObject({
      type: "thread.item.replaced",
      item: { id: card?.id, widget: { status: { text: "Booked" } } },
    });
    const stored = await items(server, threadId);
    expect((ofType(stored, "widget")[0] as WidgetItem).widget.status).toEqual({
      text: "Booked",
      icon: "check-circle",
    });
    expect(lastText(stored)).toBe("Booked a table for **4** under the name **Ada**.");
  });

  it("updates the list view in place on flavor.select and persists the new root", async () => {
    const { threadId } = await startThread(server, "show a list");
    const [list] = ofType(await items(server, threadId), "widget") as WidgetItem[];
    const events = await chatkitStream(server, "threads.custom_action", {
      thread_id: threadId,
      item_id: list?.id,
      action: { type: "flavor.select", payload: { id: "lemon" } },
    });
    expect(events[1]).toMatchObject({
      type: "thread.item.updated",
      item_id: list?.id,
      update: { type: "widget.root.updated" },
    });
    const stored = ofType(await items(server, threadId), "widget")[0] as WidgetItem;
    expect(JSON.stringify(stored.widget)).toContain('"label":"Selected"');
    expect(lastText(await items(server, threadId))).toBe("Lemon sorbet it is. Dairy-free.");
  });

  it("answers an unknown action with an error event", async () => {
    const { threadId } = await startThread(server, "show a list");
    const events = await chatkitStream(server, "threads.custom_action", {
      thread_id: threadId,
      action: { type: "nope" },
    });
    expect(events[1]).toEqual({
      type: "error",
      code: "custom",
      message: "Unknown action 'nope'.",
      allow_retry: false,
    });
  });

  it("increments the counter through threads.sync_custom_action", async () => {
    const { threadId } = await startThread(server, "counter");
    const [counter] = ofType(await items(server, threadId), "widget") as WidgetItem[];
    const params = {
      thread_id: threadId,
      item_id: counter?.id,
      action: { type: "counter.increment" },
    };
    await chatkitJson(server, "threads.sync_custom_action", params);
    const result = await chatkitJson<{ updated_item: WidgetItem }>(
      server,
      "threads.sync_custom_action",
      params,
    );
    expect(widgetChildren(result.updated_item.widget)[0]).toMatchObject({ value: "Count: 2" });
    expect(JSON.stringify(ofType(await items(server, threadId), "widget")[0])).toContain(
      "Count: 2",
    );
  });

  it("round-trips a client tool call", async () => {
    const { threadId, events } = await startThread(server, "what's the weather in Oslo");
    const call = doneItems(events).find(
      (item): item is ClientToolCallItem => item.type === "client_tool_call",
    );
    expect(call).toMatchObject({
      status: "pending",
      name: "get_weather",
      arguments: { city: "Oslo", unit: "celsius" },
    });
    expect(call?.call_id).toMatch(/^call_/);
    const next = await chatkitStream(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: { temperature: 21, sky: "clear" },
    });
    expect(next[0]?.type).toBe("stream_options");
    const stored = await items(server, threadId);
    expect(ofType(stored, "client_tool_call")[0]).toMatchObject({
      status: "completed",
      output: { temperature: 21, sky: "clear" },
    });
    expect(lastText(stored)).toContain('"temperature": 21');
    const again = await chatkit(server, "threads.add_client_tool_output", {
      thread_id: threadId,
      result: {},
    });
    expect(again.status).toBe(400);
  });

  it("round-trips structured input with thread.item.replaced", async () => {
    const { threadId } = await startThread(server, "quiz me");
    const [question] = ofType(
      await items(server, threadId),
      "structured_input",
    ) as StructuredInputItem[];
    expect(question?.inputs.map((i) => i.type)).toEqual([
      "multiple_choice",
      "multiple_choice",
      "freeform",
    ]);
    const events = await chatkitStream(server, "threads.add_structured_input", {
      thread_id: threadId,
      item_id: question?.id,
      input: {
        status: "answered",
        answers: {
          language: { values: ["Rust"], skipped: false },
          topics: { values: ["Speed", "Docs"], skipped: false },
          goal: { values: [], skipped: true },
        },
      },
    });
    // The server stores the answer inside the stream, after stream_options.
    expect(events[0]?.type).toBe("stream_options");
    expect(events[1]).toMatchObject({
      type: "thread.item.replaced",
      item: { id: question?.id, status: "answered" },
    });
    const stored = ofType(
      await items(server, threadId),
      "structured_input",
    )[0] as StructuredInputItem;
    expect(stored.inputs[0]?.answer).toEqual({ values: ["Rust"], skipped: false });
    expect(lastText(await items(server, threadId))).toContain("**Speed, Docs**");
    const twice = await chatkit(server, "threads.add_structured_input", {
      thread_id: threadId,
      item_id: question?.id,
      input: { status: "skipped", answers: {} },
    });
    expect(twice.status).toBe(400);
  });

  it("generates an image with progress and serves it", async () => {
    const { events } = await startThread(server, "draw a cat");
    const progress = events.flatMap((e) =>
      e.type === "thread.item.updated" && e.update.type === "generated_image.updated"
        ? [e.update.progress]
        : [],
    );
    expect(progress).toEqual([1 / 3, 2 / 3]);
    const image = doneItems(events).find((item) => item.type === "generated_image");
    const url = image?.type === "generated_image" ? image.image?.url : undefined;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/generated\/gimg_\w+\.svg$/);
    const response = await fetch(url ?? "");
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    const svg = await response.text();
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    expect(await (await fetch(url ?? "")).text()).toBe(svg);
  });

  it("sends notices, progress updates and client effects without storing them", async () => {
    const notices = (await startThread(server, "notice")).events.filter((e) => e.type === "notice");
    expect(notices.map((e) => (e.type === "notice" ? e.level : ""))).toEqual([
      "info",
      "warning",
      "danger",
    ]);
    const progress = (await startThread(server, "progress")).events.filter(
      (e) => e.type === "progress_update",
    );
    expect(progress).toHaveLength(3);
    const effect = (await startThread(server, "confetti")).events.find(
      (e) => e.type === "client_effect",
    );
    expect(effect).toEqual({ type: "client_effect", name: "confetti", data: { particles: 80 } });
  });

  it("fails with a retryable error, and threads.retry_after_item replaces the failed turn", async () => {
    const { threadId, events } = await startThread(server, "error please");
    const error = events.find(
      (e): e is Extract<ThreadStreamEvent, { type: "error" }> => e.type === "error",
    );
    expect(error).toMatchObject({ code: "custom", allow_retry: true });
    const user = doneItems(events)[0];
    const retried = await chatkitStream(server, "threads.retry_after_item", {
      thread_id: threadId,
      item_id: user?.id,
    });
    expect(retried.some((e) => e.type === "error")).toBe(false);
    const stored = await items(server, threadId);
    expect(stored.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    expect(lastText(stored)).toContain("The retry worked.");
  });

  it("turns a crashing responder into stream.error", async () => {
    const { events } = await startThread(server, "crash");
    expect(events.map((e) => e.type).slice(-2)).toEqual(["progress_update", "error"]);
    expect(events[events.length - 1]).toEqual({
      type: "error",
      code: "stream.error",
      allow_retry: true,
    });
  });

  it("removes a guardrailed message and never stores it", async () => {
    const { threadId, events } = await startThread(server, "guardrail");
    const added = events.find((e) => e.type === "thread.item.added");
    expect(events).toContainEqual({
      type: "thread.item.removed",
      item_id: added?.type === "thread.item.added" ? added.item.id : "",
    });
    expect((await items(server, threadId)).map((item) => item.type)).toEqual(["user_message"]);
  });

  it("stores the partial answer when the client disconnects mid-stream", async () => {
    const slow = await startServer({ delayMs: 20 });
    try {
      const controller = new AbortController();
      const response = await chatkit(slow, "threads.create", { input: input("markdown") }, {});
      const reader = response.body!.getReader();
      let text = "";
      while (!text.includes("text_delta"))
        text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      controller.abort();
      const threadId = /"thread":\{"id":"(thr_\w+)"/.exec(text)?.[1] ?? "";
      await expect
        .poll(async () => ofType(await items(slow, threadId), "assistant_message").length)
        .toBe(1);
      const partial = lastText(await items(slow, threadId));
      expect(partial.length).toBeGreaterThan(0);
      expect(partial.length).toBeLessThan(200);
    } finally {
      await slow.close();
    }
  });

  it("ends the task reply with an end_of_turn item", async () => {
    const { threadId } = await startThread(server, "task");
    expect((await items(server, threadId)).map((item) => item.type)).toEqual([
      "user_message",
      "task",
      "assistant_message",
      "end_of_turn",
    ]);
  });

  it("locks and closes threads; a locked thread refuses new messages", async () => {
    const locked = await startThread(server, "lock it");
    expect(
      locked.events.find((e) => e.type === "thread.updated" && e.thread.status.type === "locked"),
    ).toBeDefined();
    const refused = await chatkit(server, "threads.add_user_message", {
      thread_id: locked.threadId,
      input: input("hello?"),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({
      code: "thread_locked",
      message: `Thread '${locked.threadId}' is locked: Locked by the dev server.`,
    });
    const closed = await startThread(server, "close it");
    const thread = await chatkitJson(server, "threads.get_by_id", { thread_id: closed.threadId });
    expect(thread.status).toEqual({ type: "closed", reason: "Closed by the dev server." });
  });
});
