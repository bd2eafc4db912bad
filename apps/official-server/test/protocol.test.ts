/**
 * Every ChatKit protocol operation through @threadkit/core's client against a server built on
 * OpenAI's official Python SDK (server/scripted_server.py): what threadkit parses, and what the
 * server stored afterwards.
 */
import {
  APIError,
  readThreadStream,
  type UserMessageContent,
  type UserMessageContentInput,
  type WidgetItem,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";
import {
  createdThreadId,
  officialClient,
  ofType,
  serverState,
  serverUrl,
  storedItems,
  type Turn,
  textInput,
  textOf,
  turn,
} from "./protocol";

const client = officialClient();

/** The stream's error event (the SDK may still send `thread.updated` after it). */
const errorOf = (result: Turn) => result.events.find((event) => event.type === "error");

/** Starts a thread with `text`; returns its id and the first turn. */
async function startThread(text: string) {
  const first = await turn(client.threads.create(textInput(text)));
  return { threadId: createdThreadId(first.events), first };
}

describe("threads.create and streaming", () => {
  it("creates a thread, stores the message and streams the reply in deltas", async () => {
    const { threadId, first } = await startThread("Hello official server");
    expect(first.types.slice(0, 3)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
    ]);
    const deltas = first.events.filter(
      (event) =>
        event.type === "thread.item.updated" &&
        event.update.type === "assistant_message.content_part.text_delta",
    );
    expect(deltas.length).toBeGreaterThan(3);
    expect(first.items.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    const [user, reply] = first.items;
    expect(user).toMatchObject({
      type: "user_message",
      thread_id: threadId,
      content: [{ type: "input_text", text: "Hello official server" }],
    });
    expect(textOf(reply)).toContain("You said: Hello official server");
    expect(textOf(reply)).toContain("Attempt 1.");
    expect(first.state.streamingItemIds).toEqual([]);
    expect(first.state.allowCancel).toBe(true);
    // respond() set the title: the SDK announces it with thread.updated.
    expect(first.state.thread?.title).toBe("Hello official server");

    const stored = await storedItems(client, threadId);
    expect(stored.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(textOf(stored[1])).toBe(textOf(reply));
  });

  it("adds messages with inference options and quoted text", async () => {
    const { threadId } = await startThread("first");
    const second = await turn(
      client.threads.addUserMessage(
        threadId,
        textInput("second", {
          quoted_text: "first",
          inference_options: { model: "gpt-test", tool_choice: { id: "search" } },
        }),
      ),
    );
    expect(second.types[0]).toBe("thread.item.done");
    const [user, reply] = second.items;
    expect(user).toMatchObject({
      type: "user_message",
      quoted_text: "first",
      inference_options: { model: "gpt-test", tool_choice: { id: "search" } },
    });
    expect(textOf(reply)).toContain('Options: {"tool_choice":{"id":"search"},"model":"gpt-test"}');
    expect((await storedItems(client, threadId)).map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "assistant_message",
    ]);
  });

  it("sends input tags with their data", async () => {
    const { threadId } = await startThread("start");
    const result = await turn(
      client.threads.addUserMessage(threadId, {
        content: [
          { type: "input_text", text: "ask " },
          {
            type: "input_tag",
            id: "u_1",
            text: "@ada",
            data: { role: "admin" },
            interactive: true,
          },
        ],
        attachments: [],
        inference_options: {},
      }),
    );
    expect(textOf(result.items[1])).toContain('Tags: @ada {"role": "admin"}');
    const stored = await storedItems(client, threadId);
    expect(stored[2]).toMatchObject({
      type: "user_message",
      content: [
        { type: "input_text", text: "ask " },
        { type: "input_tag", id: "u_1", text: "@ada", data: { role: "admin" }, interactive: true },
      ],
    });
  });

  it("sends an input tag given without data (as ChatKit.js allows) with data: {}", async () => {
    const { threadId } = await startThread("start");
    // The wire type requires `data`; a JavaScript caller may still leave it out, and the client
    // adds it, since the SDK answers 400 without it.
    const content: UserMessageContentInput[] = [{ type: "input_tag", id: "u_2", text: "@grace" }];
    const result = await turn(
      client.threads.addUserMessage(threadId, {
        content: content as UserMessageContent[],
        attachments: [],
        inference_options: {},
      }),
    );
    expect(textOf(result.items[1])).toContain("Tags: @grace {}");
    const stored = await storedItems(client, threadId);
    expect(stored[2]).toMatchObject({
      type: "user_message",
      content: [{ type: "input_tag", id: "u_2", text: "@grace", data: {} }],
    });
  });
});

describe("annotations and cancelling", () => {
  const story = Array.from({ length: 40 }, (_, i) => `Chapter ${i + 1} goes on.`).join(" ");

  it("streams Responses API citations as annotations", async () => {
    const { threadId, first } = await startThread("sources please");
    const added = first.events.filter(
      (event) =>
        event.type === "thread.item.updated" &&
        event.update.type === "assistant_message.content_part.annotation_added",
    );
    expect(added).toHaveLength(2);
    const [reply] = ofType(first.items, "assistant_message");
    expect(reply?.content[0]).toMatchObject({
      text: "Lisbon is sunny in May.",
      annotations: [
        {
          type: "annotation",
          index: 23,
          source: { type: "url", url: "https://example.com/lisbon", title: "Lisbon weather" },
        },
        { type: "annotation", index: 6, source: { type: "file", filename: "notes.pdf" } },
      ],
    });
    const stored = await storedItems(client, threadId);
    expect(stored[1]).toEqual(reply);
  });

  it("cancels a streaming reply; the SDK keeps the partial text and hides its marker", async () => {
    const controller = new AbortController();
    const body = await client.threads.create(textInput("tell me a long story"), {
      signal: controller.signal,
    });
    let threadId = "";
    let received = "";
    let deltas = 0;
    await (async () => {
      for await (const event of readThreadStream(body)) {
        if (event.type === "thread.created") threadId = event.thread.id;
        if (
          event.type === "thread.item.updated" &&
          event.update.type === "assistant_message.content_part.text_delta"
        ) {
          received += event.update.delta;
          deltas += 1;
          if (deltas === 3) controller.abort();
        }
      }
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) throw error;
    });
    expect(deltas).toBe(3);
    // handle_stream_cancelled() stores the partial reply and a hidden context item, which
    // items.list leaves out.
    await expect
      .poll(async () => (await storedItems(client, threadId)).map((item) => item.type), {
        timeout: 10_000,
      })
      .toEqual(["user_message", "assistant_message"]);
    const kept = textOf((await storedItems(client, threadId))[1]);
    expect(kept.startsWith(received)).toBe(true);
    expect(story.startsWith(kept)).toBe(true);
    expect(kept.length).toBeLessThan(story.length);
  });
});

describe("attachments", () => {
  it("uploads two-phase, sends the attachments and stores them on the message", async () => {
    const text = new File(["threadkit and the official SDK"], "notes.txt", { type: "text/plain" });
    const image = new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], "dot.png", {
      type: "image/png",
    });
    const file = await client.attachments.upload(text);
    const picture = await client.attachments.upload(image);
    expect(file).toMatchObject({ type: "file", name: "notes.txt", mime_type: "text/plain" });
    expect(picture).toMatchObject({ type: "image", name: "dot.png", mime_type: "image/png" });
    expect(file.upload_descriptor).toMatchObject({ method: "POST" });
    const state = await serverState();
    expect(state.uploads[file.id]).toBe(30);
    expect(state.uploads[picture.id]).toBe(7);

    const first = await turn(
      client.threads.create(textInput("Here are files", { attachments: [file.id, picture.id] })),
    );
    const threadId = createdThreadId(first.events);
    expect(textOf(first.items[1])).toContain(
      "Attachments: notes.txt (text/plain, 30 bytes), dot.png (image/png, 7 bytes)",
    );
    const [user] = await storedItems(client, threadId);
    expect(user?.type === "user_message" && user.attachments).toEqual([
      expect.objectContaining({
        id: file.id,
        type: "file",
        name: "notes.txt",
        thread_id: threadId,
      }),
      expect.objectContaining({
        id: picture.id,
        type: "image",
        preview_url: `${serverUrl()}/files/${picture.id}`,
      }),
    ]);
    // The upload is finished: the stored attachment has no descriptor any more.
    expect(user?.type === "user_message" && user.attachments[0]?.upload_descriptor).toBeFalsy();
    const preview = await fetch(`${serverUrl()}/files/${picture.id}`);
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(
      new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
    );

    // A later message of the same thread with its own attachment (threads.add_user_message).
    const later = await client.attachments.upload(
      new File(["second"], "later.csv", { type: "text/csv" }),
    );
    const second = await turn(
      client.threads.addUserMessage(threadId, textInput("One more", { attachments: [later.id] })),
    );
    expect(textOf(second.items[1])).toContain("Attachments: later.csv (text/csv, 6 bytes)");
    const stored = await storedItems(client, threadId);
    expect(stored[2]?.type === "user_message" && stored[2].attachments).toEqual([
      expect.objectContaining({ id: later.id, name: "later.csv", thread_id: threadId }),
    ]);
  });

  it("creates and deletes an attachment", async () => {
    const created = await client.attachments.create({
      name: "draft.txt",
      size: 5,
      mime_type: "text/plain",
    });
    expect(created).toMatchObject({ type: "file", name: "draft.txt" });
    expect(created.upload_descriptor?.url).toBe(`${serverUrl()}/upload/${created.id}`);
    expect(created.upload_descriptor?.headers).toEqual({ "x-upload-token": `token-${created.id}` });
    expect((await serverState()).attachments).toContain(created.id);
    await client.attachments.delete(created.id);
    const state = await serverState();
    expect(state.deleted_attachments).toContain(created.id);
    expect(state.attachments).not.toContain(created.id);
    // The second phase of a deleted attachment has nothing left to upload to.
    const form = new FormData();
    form.append("file", new Blob(["hello"]), "draft.txt");
    const upload = await fetch(created.upload_descriptor!.url, {
      method: "POST",
      headers: created.upload_descriptor!.headers ?? {},
      body: form,
    });
    expect(upload.status).toBe(404);
  });
});

describe("client tools", () => {
  it("streams a client tool call and continues with threads.add_client_tool_output", async () => {
    const { threadId, first } = await startThread("What is the weather in Oslo?");
    const [call] = ofType(first.items, "client_tool_call");
    expect(call).toMatchObject({
      name: "get_weather",
      arguments: { city: "Oslo" },
      status: "pending",
    });
    const after = await turn(
      client.threads.addClientToolOutput(threadId, { temperature: 3, sky: "clear" }),
      first.state,
    );
    expect(textOf(after.items.at(-1))).toBe(
      'Weather from the browser: {"sky": "clear", "temperature": 3}',
    );
    const stored = await storedItems(client, threadId);
    expect(stored.map((item) => item.type)).toEqual([
      "user_message",
      "assistant_message",
      "client_tool_call",
      "assistant_message",
    ]);
    expect(stored[2]).toMatchObject({
      type: "client_tool_call",
      status: "completed",
      output: { temperature: 3, sky: "clear" },
    });
  });
});

describe("retry and errors", () => {
  it("sends a retryable CustomStreamError as an error event threadkit keeps", async () => {
    const { first } = await startThread("a retryable error please");
    expect(first.types.filter((type) => type === "error")).toHaveLength(1);
    expect(errorOf(first)).toEqual({
      type: "error",
      code: "custom",
      message: "Something went wrong; try again.",
      allow_retry: true,
    });
    expect(first.state.error).toMatchObject({
      code: "custom",
      message: "Something went wrong; try again.",
      allowRetry: true,
    });
  });

  it("sends a CustomStreamError without retry", async () => {
    const { first } = await startThread("a fatal error please");
    expect(errorOf(first)).toEqual({
      type: "error",
      code: "custom",
      message: "This request cannot be answered.",
      allow_retry: false,
    });
    expect(first.state.error).toMatchObject({ allowRetry: false });
  });

  it("turns an unexpected exception into stream.error", async () => {
    const { first } = await startThread("crash now");
    expect(errorOf(first)).toEqual({ type: "error", code: "stream.error", allow_retry: true });
    expect(first.state.error).toMatchObject({ code: "stream.error", allowRetry: true });
  });

  it("retries after a failed reply with threads.retry_after_item", async () => {
    const { threadId, first } = await startThread("flaky answer");
    const [user] = ofType(first.items, "user_message");
    expect(errorOf(first)).toMatchObject({ type: "error", allow_retry: true });
    const retried = await turn(client.threads.retryAfterItem(threadId, user!.id));
    expect(retried.types[0]).toBe("stream_options");
    expect(textOf(retried.items.at(-1))).toContain("Attempt 2.");
    const stored = await storedItems(client, threadId);
    expect(stored.map((item) => item.type)).toEqual(["user_message", "assistant_message"]);
    expect(textOf(stored[1])).toContain("Attempt 2.");
  });

  it("retry_after_item replaces the stored reply", async () => {
    const { threadId, first } = await startThread("answer twice");
    const [user, oldReply] = first.items;
    const retried = await turn(client.threads.retryAfterItem(threadId, user!.id), first.state);
    const stored = await storedItems(client, threadId);
    expect(stored.map((item) => item.id)).toEqual([user!.id, retried.items.at(-1)!.id]);
    expect(stored.map((item) => item.id)).not.toContain(oldReply!.id);
    expect(textOf(stored[1])).toContain("Attempt 2.");
  });

  it("answers an unknown thread with an error status", async () => {
    const error = await client.threads.getById("thr_missing").then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 404 });
  });
});

describe("widgets and actions", () => {
  it("streams a static widget whose button runs a streamed server action", async () => {
    const { threadId, first } = await startThread("Show me a widget");
    const [widget] = ofType(first.items, "widget");
    expect(widget?.widget).toMatchObject({ type: "Card", key: "greeting" });
    expect(JSON.stringify(widget?.widget)).toContain('"onClickAction":{"type":"greet"');
    expect(widget?.copy_text).toBe("Say hello");

    const action = await turn(
      client.threads.customAction(threadId, widget!.id, {
        type: "greet",
        payload: { name: "Ada" },
      }),
      first.state,
    );
    expect(action.types).toContain("thread.item.replaced");
    const replaced = action.state.itemsById.get(widget!.id) as WidgetItem | undefined;
    expect(JSON.stringify(replaced?.widget)).toContain("Hello, Ada!");
    expect(textOf(action.items.at(-1))).toBe("Greeted Ada from the widget.");

    const stored = await storedItems(client, threadId);
    expect(JSON.stringify(stored.find((item) => item.id === widget!.id))).toContain("Hello, Ada!");
    expect(stored.at(-1)?.type).toBe("assistant_message");
  });

  it("answers a sync action with the updated widget", async () => {
    const { threadId, first } = await startThread("Show me a widget");
    const [widget] = ofType(first.items, "widget");
    const result = await client.threads.syncCustomAction(threadId, widget!.id, {
      type: "like",
      payload: { name: "Ada" },
    });
    expect(result.updated_item).toMatchObject({ id: widget!.id, type: "widget" });
    expect(JSON.stringify(result.updated_item)).toContain('"value":"Liked"');
    const stored = await storedItems(client, threadId);
    expect(JSON.stringify(stored.find((item) => item.id === widget!.id))).toContain(
      '"value":"Liked"',
    );
  });

  it("streams a widget from an async generator with text deltas", async () => {
    const { first } = await startThread("a live widget");
    const updates = first.events.flatMap((event) =>
      event.type === "thread.item.updated" ? [event.update.type] : [],
    );
    expect(updates).toContain("widget.streaming_text.value_delta");
    const [widget] = ofType(first.items, "widget");
    expect(JSON.stringify(widget?.widget)).toContain('"value":"Counting one two three four five"');
    expect(first.types.filter((type) => type === "thread.item.added").length).toBeGreaterThan(0);
  });
});

describe("workflows, tasks, images and structured input", () => {
  it("streams a workflow built with the AgentContext helpers", async () => {
    const { threadId, first } = await startThread("Run a workflow");
    const [workflow] = ofType(first.items, "workflow");
    expect(workflow?.workflow).toMatchObject({
      type: "custom",
      summary: { title: "Planned the trip" },
      tasks: [
        { type: "custom", title: "Plan the trip", status_indicator: "complete" },
        { type: "thought", title: "Thinking", content: "Lisbon is **sunny**" },
      ],
    });
    const updates = first.events.flatMap((event) =>
      event.type === "thread.item.updated" && event.item_id === workflow!.id
        ? [event.update.type]
        : [],
    );
    expect(updates).toEqual(["workflow.task.added", "workflow.task.updated"]);
    const stored = await storedItems(client, threadId);
    expect(stored.map((item) => item.type)).toEqual([
      "user_message",
      "workflow",
      "assistant_message",
    ]);
  });

  it("streams a task item, a progress update, a notice and a client effect", async () => {
    const { first } = await startThread("one task please");
    expect(first.events).toContainEqual({
      type: "progress_update",
      text: "Looking things up",
      icon: "search",
    });
    expect(first.events).toContainEqual({
      type: "notice",
      level: "info",
      title: "Heads up",
      message: "A *notice*",
    });
    expect(first.events).toContainEqual({
      type: "client_effect",
      name: "confetti",
      data: { count: 3 },
    });
    expect(ofType(first.items, "task")[0]?.task).toMatchObject({
      type: "custom",
      title: "Looked it up",
      content: "Found **3** results",
    });
    expect(first.state.notices.map((notice) => notice.message)).toEqual(["A *notice*"]);
    expect(first.state.effects.map((effect) => effect.name)).toEqual(["confetti"]);
  });

  it("streams a generated image as a data:image/png URL", async () => {
    const { threadId, first } = await startThread("draw an image");
    const progress = first.events.filter(
      (event) =>
        event.type === "thread.item.updated" && event.update.type === "generated_image.updated",
    );
    expect(progress).toHaveLength(1);
    const [image] = ofType(first.items, "generated_image");
    expect(image?.image?.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const stored = await storedItems(client, threadId);
    expect(ofType(stored, "generated_image")[0]?.image?.url).toBe(image?.image?.url);
  });

  it("answers a structured input item with threads.add_structured_input", async () => {
    const { threadId, first } = await startThread("ask me a question");
    const [input] = ofType(first.items, "structured_input");
    expect(input).toMatchObject({ status: "pending" });
    expect(input?.inputs.map((question) => question.id)).toEqual(["size", "note"]);
    const answered = await turn(
      client.threads.addStructuredInput(threadId, input!.id, {
        status: "answered",
        answers: {
          size: { values: ["large"], skipped: false },
          note: { values: ["none"], skipped: false },
        },
      }),
      first.state,
    );
    expect(answered.types).toContain("thread.item.replaced");
    expect(answered.state.itemsById.get(input!.id)).toMatchObject({ status: "answered" });
    expect(textOf(answered.items.at(-1))).toBe(
      'Answers (answered): {"note": ["none"], "size": ["large"]}',
    );
  });
});

describe("threads and items", () => {
  it("gets a thread by id with its items", async () => {
    const { threadId, first } = await startThread("get me by id");
    const thread = await client.threads.getById(threadId);
    expect(thread).toMatchObject({
      id: threadId,
      title: "get me by id",
      status: { type: "active" },
    });
    expect(thread.items.data.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
  });

  it("pages threads.list in both orders", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await startThread(`list me ${n}`)).threadId);
    const desc: string[] = [];
    for await (const thread of client.threads.list({ limit: 2, order: "desc" })) {
      desc.push(thread.id);
    }
    expect(new Set(desc).size).toBe(desc.length);
    expect(desc.slice(0, 3)).toEqual([...ids].reverse());
    const firstPage = await client.threads.list({ limit: 2, order: "desc" });
    expect(firstPage.has_more).toBe(true);
    expect(firstPage.after).toBe(firstPage.data[1]?.id);
    const asc: string[] = [];
    for await (const thread of client.threads.list({ limit: 2, order: "asc" })) asc.push(thread.id);
    expect(asc).toEqual([...desc].reverse());
  });

  it("pages items.list in both orders", async () => {
    const { threadId } = await startThread("page one");
    await turn(client.threads.addUserMessage(threadId, textInput("page two")));
    await turn(client.threads.addUserMessage(threadId, textInput("page three")));
    const page = await client.items.list(threadId, { limit: 2, order: "asc" });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const asc: string[] = [];
    for await (const item of client.items.list(threadId, { limit: 2, order: "asc" }))
      asc.push(item.id);
    const desc: string[] = [];
    for await (const item of client.items.list(threadId, { limit: 4, order: "desc" }))
      desc.push(item.id);
    expect(asc).toHaveLength(6);
    expect(desc).toEqual([...asc].reverse());
    const last = await client.items.list(threadId, { limit: 4, order: "asc", after: asc[1]! });
    expect(last.data.map((item) => item.id)).toEqual(asc.slice(2));
    expect(last.has_more).toBe(false);
  });

  it("renames and deletes a thread", async () => {
    const { threadId } = await startThread("rename me");
    const renamed = await client.threads.update(threadId, "Renamed by threadkit");
    expect(renamed).toMatchObject({ id: threadId, title: "Renamed by threadkit" });
    expect((await client.threads.getById(threadId)).title).toBe("Renamed by threadkit");
    await client.threads.delete(threadId);
    await expect(client.threads.getById(threadId)).rejects.toMatchObject({ status: 404 });
    const remaining: string[] = [];
    for await (const thread of client.threads.list({ limit: 50 })) remaining.push(thread.id);
    expect(remaining).not.toContain(threadId);
  });

  it("sends item feedback to add_feedback", async () => {
    const { threadId, first } = await startThread("rate me");
    const reply = first.items.at(-1)!;
    await client.items.feedback(threadId, [reply.id], "positive");
    await client.items.feedback(threadId, [reply.id], "negative");
    const { feedback } = await serverState();
    expect(feedback.filter((entry) => entry.thread_id === threadId)).toEqual([
      { thread_id: threadId, item_ids: [reply.id], kind: "positive" },
      { thread_id: threadId, item_ids: [reply.id], kind: "negative" },
    ]);
  });

  it("transcribes dictation with input.transcribe", async () => {
    const audio = Buffer.from("not really opus").toString("base64");
    const result = await client.input.transcribe(audio, "audio/webm;codecs=opus");
    expect(result).toEqual({ text: "Transcribed 15 bytes of audio/webm" });
    expect((await serverState()).transcriptions.at(-1)).toEqual({
      mime_type: "audio/webm;codecs=opus",
      size: 15,
    });
  });
});
