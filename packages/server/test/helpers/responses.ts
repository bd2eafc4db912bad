/** Recorded OpenAI Responses API streams (repo `fixtures/responses-api/`) and a fixed respond context. */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Task, ThreadMetadata } from "@threadkit/core";
import { createRespondContext, type RespondContext } from "../../src/context";
import { type ResponsesStreamEvent, readResponsesSse } from "../../src/responses";
import { SqliteStore } from "../../src/sqlite/index";
import type { ServerStreamEvent, StoreItemType } from "../../src/types";

export const responsesFixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../fixtures/responses-api",
);

/** A recorded stream's events: `.jsonl` holds one JSON event a line, `.sse` the wire body. */
export async function loadResponsesFixture(name: string): Promise<ResponsesStreamEvent[]> {
  const file = path.join(responsesFixtures, name);
  if (name.endsWith(".jsonl")) {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as ResponsesStreamEvent);
  }
  const out: ResponsesStreamEvent[] = [];
  for await (const event of readResponsesSse(createReadStream(file))) out.push(event);
  return out;
}

/** Splits a file holding several responses one after another into one stream each. */
export function splitResponses(events: ResponsesStreamEvent[]): ResponsesStreamEvent[][] {
  const rounds: ResponsesStreamEvent[][] = [];
  for (const event of events) {
    if (event.type === "response.created") rounds.push([]);
    rounds.at(-1)?.push(event);
  }
  return rounds;
}

/** Replays events as an async stream (as the SDK's `Stream` yields them). */
export async function* replay(events: readonly ResponsesStreamEvent[]) {
  for (const event of events) yield structuredClone(event);
}

export const FIXED_NOW = "2026-01-01T00:00:00.000Z";

/** A respond context with counted ids (`message_1`, `workflow_2`…) and a fixed clock. */
export function fixedContext(signal: AbortSignal = new AbortController().signal): {
  ctx: RespondContext<null>;
  store: SqliteStore<null>;
} {
  const store = new SqliteStore<null>(":memory:");
  let n = 0;
  Object.assign(store, {
    generateItemId: (type: StoreItemType) => {
      n += 1;
      return `${type}_${n}`;
    },
  });
  const thread: ThreadMetadata = {
    id: "thr_1",
    created_at: FIXED_NOW,
    status: { type: "active" },
    metadata: {},
  };
  const ctx = createRespondContext<null>(store, thread, null, signal, () => new Date(FIXED_NOW));
  return { ctx, store };
}

/** Runs a generator to its end: the events it yielded and what it returned. */
export async function drain<R>(
  generator: AsyncGenerator<ServerStreamEvent, R, undefined>,
): Promise<{ events: ServerStreamEvent[]; result: R }> {
  const events: ServerStreamEvent[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { events, result: next.value };
    events.push(next.value);
  }
}

/**
 * A short text form of events, to read and compare sequences: consecutive text deltas of one
 * part are joined, and consecutive updates of one task keep only the last.
 */
export function outline(events: readonly ServerStreamEvent[]): string[] {
  const out: string[] = [];
  let last = null as { key: string; index: number; text: string } | null;
  for (const event of events) {
    if (event.type === "thread.item.updated") {
      const u = event.update;
      if (u.type === "assistant_message.content_part.text_delta") {
        const key = `delta ${event.item_id} ${u.content_index}`;
        if (last?.key === key) {
          last.text += u.delta;
          out[last.index] = `${key} ${last.text.length} chars`;
        } else {
          last = { key, index: out.length, text: u.delta };
          out.push(`${key} ${u.delta.length} chars`);
        }
        continue;
      }
      last = null;
      if (u.type === "workflow.task.updated") {
        const line = `task.updated ${event.item_id} ${u.task_index} ${brief(u.task)}`;
        const prefix = `task.updated ${event.item_id} ${u.task_index} `;
        if (out.at(-1)?.startsWith(prefix)) out[out.length - 1] = line;
        else out.push(line);
        continue;
      }
      if (u.type === "workflow.task.added") {
        out.push(`task.added ${event.item_id} ${u.task_index} ${brief(u.task)}`);
      } else if (u.type === "assistant_message.content_part.annotation_added") {
        const source = u.annotation.source;
        const where =
          source.type === "url" ? source.url : source.type === "file" ? source.filename : source.id;
        out.push(
          `annotation ${event.item_id} ${u.content_index} ${u.annotation_index} ${source.type} ${where} @${u.annotation.index}`,
        );
      } else if (u.type === "assistant_message.content_part.added") {
        out.push(`part.added ${event.item_id} ${u.content_index} ${JSON.stringify(u.content)}`);
      } else if (u.type === "assistant_message.content_part.done") {
        out.push(
          `part.done ${event.item_id} ${u.content_index} ${u.content.text.length} chars, ${u.content.annotations.length} annotations`,
        );
      } else if (u.type === "generated_image.updated") {
        out.push(`image.updated ${event.item_id} ${u.image.url.slice(0, 40)}… ${u.progress}`);
      } else out.push(`updated ${event.item_id} ${u.type}`);
      continue;
    }
    last = null;
    if (event.type === "thread.item.added" || event.type === "thread.item.done") {
      out.push(`${event.type.slice(12)} ${event.item.type} ${event.item.id}`);
    } else if (event.type === "thread.item.removed") out.push(`removed ${event.item_id}`);
    else out.push(JSON.stringify(event));
  }
  return out;
}

/** A task in short: long contents shortened, sources counted. */
function brief(task: Task): string {
  const short: Record<string, unknown> = { ...task };
  if (typeof short.content === "string" && short.content.length > 40) {
    short.content = `${short.content.slice(0, 30)}…(${short.content.length})`;
  }
  if (Array.isArray(short.sources)) short.sources = short.sources.length;
  return JSON.stringify(short);
}
