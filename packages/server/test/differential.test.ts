/**
 * The differential test: one request script covering every operation of the protocol, run
 * against a server on OpenAI's official Python SDK (apps/official-server, `--app diff`) and
 * against @threadkit/server (SQLite and PostgreSQL), each with the same scripted responder
 * (`diff_server.py` and `helpers/diff-app.ts`). The event sequences, JSON answers and stored
 * items must be equal once ids, timestamps and the base URL are normalised; nothing else is.
 *
 * HTTP error bodies are compared by status only: the SDK leaves their format to the app.
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertChatKitPythonInstalled,
  type PythonServer,
  startPythonServer,
} from "../../../apps/official-server/test/python-server";
import { PostgresStore } from "../src/postgres/index";
import { SqliteStore } from "../src/sqlite/index";
import { createPostgresSchema } from "./helpers/databases";
import { type DiffContext, startDiffApp } from "./helpers/diff-app";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One step of the script as it was answered. */
export interface Step {
  step: string;
  status: number;
  /** The events of a streamed answer. */
  events?: Json[];
  /** The JSON of a plain answer (error answers: left out). */
  json?: Json;
  /** The connection broke before the stream ended. */
  broken?: boolean;
}

/** Reads `data:` lines of an SSE body, stopping (and aborting) once `stop(events)` is true. */
async function readEvents(
  response: Response,
  stop?: (events: Json[]) => boolean,
  abort?: () => void,
): Promise<Json[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Json[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""))
        .join("\n");
      if (data) events.push(JSON.parse(data) as Json);
      if (stop?.(events)) {
        abort?.();
        await reader.cancel().catch(() => {});
        return events;
      }
      end = buffer.indexOf("\n\n");
    }
  }
  return events;
}

/** The id of the thread a `threads.create` step created. */
function threadIdOf(step: Step): string {
  const created = step.events?.[0] as { type?: string; thread?: { id: string } } | undefined;
  if (created?.type !== "thread.created" || !created.thread) {
    throw new Error(`${step.step}: no thread.created event (status ${step.status})`);
  }
  return created.thread.id;
}

/** Runs the request script against one server (base URL without `/chatkit`). */
export async function runScript(base: string): Promise<Step[]> {
  const steps: Step[] = [];

  async function call(
    step: string,
    type: string,
    params: Record<string, Json>,
    stop?: (events: Json[]) => boolean,
  ): Promise<Step> {
    const controller = new AbortController();
    const response = await fetch(`${base}/chatkit`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-user": "ada" },
      body: JSON.stringify({ type, params }),
      signal: controller.signal,
    });
    const result: Step = { step, status: response.status };
    if (!response.ok) await response.body?.cancel();
    else if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      try {
        result.events = await readEvents(response, stop, () => controller.abort());
      } catch {
        // The server broke the connection mid-stream (an exception after the answer started).
        result.broken = true;
      }
    } else result.json = (await response.json()) as Json;
    steps.push(result);
    return result;
  }

  const input = (text: string, extra: Record<string, Json> = {}): Json => ({
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
    ...extra,
  });
  const done = (step: Step, type: string): Record<string, Json> => {
    const event = (step.events ?? []).find(
      (e) =>
        (e as { type?: string }).type === "thread.item.done" &&
        (e as { item: { type: string } }).item.type === type,
    ) as { item: Record<string, Json> } | undefined;
    if (!event) throw new Error(`${step.step}: no ${type} item was streamed`);
    return event.item;
  };
  async function listAll(step: string, threadId: string, order: "asc" | "desc", limit: number) {
    let after: Json = null;
    for (let page = 0; page < 50; page++) {
      const result = await call(`${step} page ${page}`, "items.list", {
        thread_id: threadId,
        order,
        limit,
        ...(after ? { after } : {}),
      });
      const json = result.json as { has_more?: boolean; after?: string } | undefined;
      if (!json?.has_more || !json.after) return;
      after = json.after;
    }
  }
  async function upload(
    url: string,
    name: string,
    type: string,
    bytes: number,
    headers: Record<string, string> = {},
  ): Promise<Json> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes).fill(7)], { type }), name);
    const response = await fetch(url, { method: "POST", body: form, headers });
    const json = (await response.json()) as Json;
    steps.push({ step: `upload ${name}`, status: response.status, json });
    return json;
  }

  // A thread, messages with everything a user message carries.
  const created = await call("threads.create", "threads.create", { input: input("Hello there") });
  const thread = threadIdOf(created);
  const tagged = await call("add_user_message with tags", "threads.add_user_message", {
    thread_id: thread,
    input: input("Look at this", {
      content: [
        { type: "input_text", text: "Look at this" },
        { type: "input_tag", id: "tag_1", text: "Ada", data: { role: "admin" }, interactive: true },
        { type: "input_tag", id: "tag_2", text: "Bob", data: {}, group: "people" },
      ],
      quoted_text: "an earlier line",
      inference_options: { model: "gpt-test", tool_choice: { id: "search" } },
    }),
  });
  const taggedMessage = done(tagged, "user_message");

  // A client tool call and its output.
  await call("tool call", "threads.add_user_message", {
    thread_id: thread,
    input: input("Use the tool"),
  });
  await call("add_client_tool_output", "threads.add_client_tool_output", {
    thread_id: thread,
    result: { temperature: 21, sky: ["clear"] },
  });

  // A structured input answered.
  const question = await call("structured input", "threads.add_user_message", {
    thread_id: thread,
    input: input("A question for me"),
  });
  await call("add_structured_input", "threads.add_structured_input", {
    thread_id: thread,
    item_id: done(question, "structured_input").id as string,
    input: { status: "answered", answers: { size: { values: ["large", "small"] } } },
  });

  // Widgets and their actions, streamed and sync, with and without a sender.
  const widget = await call("widget", "threads.add_user_message", {
    thread_id: thread,
    input: input("Show a widget"),
  });
  const widgetId = done(widget, "widget").id as string;
  await call("sync_custom_action like", "threads.sync_custom_action", {
    thread_id: thread,
    item_id: widgetId,
    action: { type: "like", payload: { name: "Ada" } },
  });
  await call("custom_action greet", "threads.custom_action", {
    thread_id: thread,
    item_id: widgetId,
    action: { type: "greet", payload: { name: "Ada" } },
  });
  await call("custom_action without sender", "threads.custom_action", {
    thread_id: thread,
    action: { type: "ping", payload: { n: 1, tags: ["a"] } },
  });
  await call("sync_custom_action without sender", "threads.sync_custom_action", {
    thread_id: thread,
    action: { type: "like", payload: {} },
  });
  await call("live widget", "threads.add_user_message", {
    thread_id: thread,
    input: input("A live widget please"),
  });

  // Workflows, effects, hidden context, annotations, removals.
  for (const text of [
    "Run the workflow",
    "Some effects",
    "Keep this hidden",
    "With sources",
    "Remove one",
    "Set domains",
  ]) {
    await call(text, "threads.add_user_message", { thread_id: thread, input: input(text) });
  }

  // Feedback and dictation.
  const assistantIds = (
    (
      await call("items.list for feedback", "items.list", {
        thread_id: thread,
        order: "desc",
        limit: 3,
      })
    ).json as { data: { id: string; type: string }[] }
  ).data
    .filter((item) => item.type === "assistant_message")
    .map((item) => item.id);
  await call("items.feedback", "items.feedback", {
    thread_id: thread,
    item_ids: assistantIds,
    kind: "positive",
  });
  await call("input.transcribe", "input.transcribe", {
    audio_base64: Buffer.from("not really audio").toString("base64"),
    mime_type: "audio/webm;codecs=opus",
  });

  // Attachments: two-phase (image and file), one deleted, and a direct upload.
  const image = (
    await call("attachments.create image", "attachments.create", {
      name: "photo.png",
      size: 12,
      mime_type: "image/png",
    })
  ).json as { id: string; upload_descriptor: { url: string; headers: Record<string, string> } };
  await upload(
    image.upload_descriptor.url,
    "photo.png",
    "image/png",
    12,
    image.upload_descriptor.headers,
  );
  const file = (
    await call("attachments.create file", "attachments.create", {
      name: "notes.txt",
      size: 5,
      mime_type: "text/plain",
    })
  ).json as { id: string; upload_descriptor: { url: string; headers: Record<string, string> } };
  await upload(
    file.upload_descriptor.url,
    "notes.txt",
    "text/plain",
    5,
    file.upload_descriptor.headers,
  );
  const dropped = (
    await call("attachments.create dropped", "attachments.create", {
      name: "drop.pdf",
      size: 3,
      mime_type: "application/pdf",
    })
  ).json as { id: string };
  await call("attachments.delete", "attachments.delete", { attachment_id: dropped.id });
  const direct = (await upload(`${base}/direct-upload`, "direct.png", "image/png", 9)) as {
    id: string;
  };
  await call("message with attachments", "threads.add_user_message", {
    thread_id: thread,
    input: input("Here are files", { attachments: [image.id, file.id, direct.id] }),
  });

  // Errors inside a stream.
  for (const text of ["custom error now", "stream error now", "crash now"]) {
    await call(text, "threads.add_user_message", { thread_id: thread, input: input(text) });
  }

  // What is stored: paging both ways, and the thread with its first page.
  await listAll("items.list asc", thread, "asc", 7);
  await listAll("items.list desc", thread, "desc", 9);
  await call("threads.get_by_id", "threads.get_by_id", { thread_id: thread });

  // Cancellation mid-stream: the partial message is kept, with a hidden note.
  await call(
    "cancel mid-stream",
    "threads.add_user_message",
    { thread_id: thread, input: input("Cancel me later") },
    (events) =>
      events.filter(
        (e) =>
          (e as { update?: { type?: string } }).update?.type ===
          "assistant_message.content_part.text_delta",
      ).length === 3,
  );
  // The server notices the disconnect on its own schedule: wait until it has stored the partial
  // message and, last, the hidden note (the newest item then is hidden: an empty first page).
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await fetch(`${base}/chatkit`, {
      method: "POST",
      body: JSON.stringify({
        type: "items.list",
        params: { thread_id: thread, order: "desc", limit: 1 },
      }),
    });
    const page = (await response.json()) as { data: unknown[]; has_more: boolean };
    if (page.data.length === 0 && page.has_more) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await call("items.list after cancel", "items.list", {
    thread_id: thread,
    order: "desc",
    limit: 3,
  });
  await call("after cancel", "threads.add_user_message", {
    thread_id: thread,
    input: input("And now?"),
  });

  // Retry after the tagged message: everything after it goes, the answer comes again.
  await call("retry_after_item", "threads.retry_after_item", {
    thread_id: thread,
    item_id: taggedMessage.id as string,
  });
  await listAll("items.list after retry", thread, "asc", 50);

  // Bad input and edge cases (see DELIBERATE for the answers that differ on purpose).
  await call("items.list of an unknown thread", "items.list", { thread_id: "thr_0000000000" });
  await call("unknown request type", "threads.frobnicate", { thread_id: thread });
  await call("custom_action on a non-widget item", "threads.custom_action", {
    thread_id: thread,
    item_id: taggedMessage.id as string,
    action: { type: "greet", payload: {} },
  });
  await call("add_client_tool_output without a pending call", "threads.add_client_tool_output", {
    thread_id: thread,
    result: {},
  });
  const lastAnswer = (
    (await call("items.list last", "items.list", { thread_id: thread, order: "desc", limit: 1 }))
      .json as { data: { id: string }[] }
  ).data[0]?.id as string;
  await call("retry_after_item on an assistant message", "threads.retry_after_item", {
    thread_id: thread,
    item_id: lastAnswer,
  });
  await call("add_user_message with an unknown attachment", "threads.add_user_message", {
    thread_id: thread,
    input: input("With a ghost", { attachments: ["atc_00000000"] }),
  });
  await call("items.list after bad input", "items.list", { thread_id: thread, limit: 5 });

  // Locking the thread.
  await call("lock", "threads.add_user_message", {
    thread_id: thread,
    input: input("Please lock"),
  });
  await call("threads.get_by_id locked", "threads.get_by_id", { thread_id: thread });

  // A second thread: rename, list, delete.
  const second = await call("threads.create second", "threads.create", {
    input: input("Second thread"),
  });
  const secondId = threadIdOf(second);
  await call("threads.update", "threads.update", { thread_id: secondId, title: "Renamed" });
  for (const order of ["asc", "desc"] as const) {
    let after: Json = null;
    for (let page = 0; page < 5; page++) {
      const result = await call(`threads.list ${order} page ${page}`, "threads.list", {
        limit: 1,
        order,
        ...(after ? { after } : {}),
      });
      const json = result.json as { has_more?: boolean; after?: string };
      if (!json.has_more || !json.after) break;
      after = json.after;
    }
  }
  await call("threads.delete", "threads.delete", { thread_id: secondId });
  await call("threads.list after delete", "threads.list", {});
  await call("threads.get_by_id deleted", "threads.get_by_id", { thread_id: secondId });

  // What the app recorded outside the store.
  const state = (await (await fetch(`${base}/debug/state`)).json()) as Record<string, Json>;
  steps.push({
    step: "app state",
    status: 200,
    json: {
      feedback: state.feedback ?? null,
      transcriptions: state.transcriptions ?? null,
      uploads: state.uploads ?? null,
      deleted_attachments: state.deleted_attachments ?? null,
    },
  });
  // Last, as the SDK answers it and changes the thread (see DELIBERATE).
  await call("message to a locked thread", "threads.add_user_message", {
    thread_id: thread,
    input: input("Still there?"),
  });
  return steps;
}

const ID = /\b(?:thr|msg|tc|tsk|wf|atc|shcx)_[0-9a-f]{6,}\b/g;

/**
 * Ids become `<id N>` in order of first appearance, `created_at` becomes `<time>` (after
 * checking it is a date), the base URL becomes `<base>`.
 */
export function normalise(steps: Step[], base: string): Step[] {
  const ids = new Map<string, string>();
  const text = (value: string) =>
    value
      .split(base)
      .join("<base>")
      .replace(ID, (id) => {
        if (!ids.has(id)) ids.set(id, `<id ${ids.size + 1}>`);
        return ids.get(id) as string;
      });
  const walk = (value: Json, key?: string): Json => {
    if (typeof value === "string") {
      if (key === "created_at") {
        if (Number.isNaN(Date.parse(value))) throw new Error(`created_at is not a date: ${value}`);
        return "<time>";
      }
      return text(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === "object") {
      const entries = Object.keys(value)
        .sort()
        .map((k): [string, Json] => [text(k), walk(value[k] as Json, k)]);
      return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  };
  return steps.map((step) => walk(step as unknown as Json) as unknown as Step);
}

let python: PythonServer;
let expected: Step[];

beforeAll(async () => {
  assertChatKitPythonInstalled();
  python = await startPythonServer(0, 60_000, "diff");
  expected = normalise(await runScript(python.url), python.url);
}, 120_000);

afterAll(async () => {
  await python?.close();
});

describe("the Python SDK's answers to the script", () => {
  it("cover every operation, with no unexpected failure", () => {
    const failed = expected.filter((step) => step.status !== 200).map((step) => step.step);
    expect(failed).toEqual([
      "items.list of an unknown thread",
      "unknown request type",
      "threads.get_by_id deleted",
    ]);
    const streamed = expected.flatMap((step) =>
      (step.events ?? []).map((e) => (e as { type: string }).type),
    );
    for (const type of [
      "thread.created",
      "thread.updated",
      "thread.item.added",
      "thread.item.updated",
      "thread.item.done",
      "thread.item.removed",
      "thread.item.replaced",
      "stream_options",
      "progress_update",
      "notice",
      "client_effect",
      "error",
    ]) {
      expect(streamed, type).toContain(type);
    }
    // The cancelled message was kept with the text that streamed.
    const afterCancel = expected.find((s) => s.step === "items.list after cancel");
    expect(JSON.stringify(afterCancel?.json)).toContain("Once upon a time");
  });
});

/**
 * Answers that differ on purpose (the package README lists them): bad input gets a 4xx before
 * anything streams, where the SDK streams an error event or breaks the connection mid-stream;
 * a locked or closed thread takes no new message.
 */
const DELIBERATE: Record<string, { python: Partial<Step>; threadkit: Partial<Step> }> = {
  "custom_action on a non-widget item": {
    python: {
      status: 200,
      events: [{ code: "stream.error", allow_retry: false, type: "error" }],
    },
    threadkit: { status: 400 },
  },
  "add_client_tool_output without a pending call": {
    python: { status: 200, broken: true },
    threadkit: { status: 400 },
  },
  "retry_after_item on an assistant message": {
    python: { status: 200, broken: true },
    threadkit: { status: 400 },
  },
  "add_user_message with an unknown attachment": {
    python: { status: 200, broken: true },
    threadkit: { status: 404 },
  },
  "message to a locked thread": {
    python: { status: 200 },
    threadkit: { status: 409 },
  },
};

function compare(actual: Step[]) {
  if (process.env.DIFF_DUMP) {
    writeFileSync(`${process.env.DIFF_DUMP}.py.json`, JSON.stringify(expected, null, 1));
    writeFileSync(`${process.env.DIFF_DUMP}.ts.json`, JSON.stringify(actual, null, 1));
  }
  for (const [name, { python, threadkit }] of Object.entries(DELIBERATE)) {
    const want = expected.find((step) => step.step === name);
    const got = actual.find((step) => step.step === name);
    expect(want, name).toMatchObject(python);
    expect(got, name).toEqual({ step: name, ...threadkit });
  }
  actual = actual.filter((step) => !(step.step in DELIBERATE));
  const expectedSteps = expected.filter((step) => !(step.step in DELIBERATE));
  const differing = actual
    .map((step, i) => ({ step, want: expectedSteps[i] }))
    .filter(({ step, want }) => JSON.stringify(step) !== JSON.stringify(want))
    .map(({ step }) => step.step);
  expect(actual.map((s) => s.step)).toEqual(expectedSteps.map((s) => s.step));
  expect(differing).toEqual([]);
  expect(actual).toEqual(expectedSteps);
}

describe("@threadkit/server answers the script as the Python SDK does", () => {
  it("on SQLite", async () => {
    const store = new SqliteStore<DiffContext>(":memory:");
    const app = await startDiffApp(store);
    try {
      compare(normalise(await runScript(app.url), app.url));
    } finally {
      await app.close();
      store.close();
    }
  });

  it("on PostgreSQL", async () => {
    const schema = await createPostgresSchema();
    const app = await startDiffApp(new PostgresStore<DiffContext>(schema.pool(4)));
    try {
      compare(normalise(await runScript(app.url), app.url));
    } finally {
      await app.close();
      await schema.drop();
    }
  });
});
