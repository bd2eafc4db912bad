/**
 * Streams scripted run steps the way the Assistants API does: a step's `created` and
 * `in_progress` objects, its deltas, then its `completed` object, which always equals what the
 * deltas built. Every state change is stored, so polling sees what streaming sees.
 */
import { type ApiObject, KIND, messageObject, stepObject, usage } from "./assistants-objects";
import type { ScriptContentPart, ScriptRunStep, ScriptSearchResult } from "./assistants-script";
import { wordChunks } from "./script/text";
import { createId, sleep } from "./util";

/** One Assistants stream event: its name and its data object. */
export type RunEvent = [event: string, data: ApiObject];

type Obj = Record<string, unknown>;

/** What a step stream needs from the run engine. */
export interface StepStreamContext {
  run: ApiObject;
  signal: AbortSignal;
  delayMs: number;
  /** Prompt tokens to report per step. */
  promptTokens: number;
  now(): number;
  save(kind: string, value: ApiObject, parent: string, patch?: Obj): ApiObject;
}

/** How a step ended: cancelled, or completed with its token usage. */
export type StepResult = { cancelled: true } | { cancelled: false; usage: Record<string, number> };

/** Streams one scripted step. On cancellation it stores the partial step and message. */
export function streamStep(
  ctx: StepStreamContext,
  step: ScriptRunStep,
): AsyncGenerator<RunEvent, StepResult> {
  switch (step.type) {
    case "message":
      return streamMessageStep(ctx, step.content);
    case "code_interpreter":
      return streamToolStep(ctx, codeFrames(step.input, step.logs));
    case "file_search":
      return streamToolStep(ctx, ...searchFrames(step.results));
  }
}

/* --------------------------------- messages ---------------------------------- */

const MARKER = /(【[^】]*】)/;

/** A marker or word-sized pieces of text that join back to `text` exactly. */
function textPieces(text: string): string[] {
  return text.split(MARKER).flatMap((piece) => (MARKER.test(piece) ? [piece] : wordChunks(piece)));
}

/**
 * The content lists of a message's `thread.message.delta` events: text word by word (the first
 * delta of a part carries `annotations: []`, a citation marker comes alone with its
 * `file_citation` annotation), refusals word by word, an image file whole (its delta also opens
 * the text part that follows, as the API does).
 */
export function messageDeltas(parts: readonly ScriptContentPart[]): Obj[][] {
  const deltas: Obj[][] = [];
  parts.forEach((part, index) => {
    if (part.type === "image_file") {
      deltas.push([{ index, type: "image_file", image_file: { file_id: part.fileId } }]);
      return;
    }
    if (part.type === "refusal") {
      for (const refusal of wordChunks(part.refusal))
        deltas.push([{ index, type: "refusal", refusal }]);
      return;
    }
    let opened = false;
    if (parts[index - 1]?.type === "image_file") {
      deltas.at(-1)?.push({ index, type: "text", text: { value: "", annotations: [] } });
      opened = true;
    }
    let offset = 0;
    let annotation = 0;
    for (const value of textPieces(part.text)) {
      const text: Obj = { value };
      const filename = MARKER.test(value) ? value.slice(1, -1).split("†").pop() : undefined;
      const fileId = filename === undefined ? undefined : part.files?.[filename];
      if (fileId !== undefined) {
        text.annotations = [
          {
            index: annotation++,
            type: "file_citation",
            text: value,
            start_index: offset,
            end_index: offset + value.length,
            file_citation: { file_id: fileId, quote: "" },
          },
        ];
      } else if (!opened) {
        text.annotations = [];
      }
      opened = true;
      offset += value.length;
      deltas.push([{ index, type: "text", text }]);
    }
  });
  return deltas;
}

/** Applies delta content lists to message content the way a client accumulates them. */
function applyMessageDelta(content: Obj[], delta: readonly Obj[]): void {
  for (const part of delta) {
    const index = part.index as number;
    if (part.type === "image_file") {
      content[index] = { type: "image_file", image_file: { ...(part.image_file as Obj) } };
    } else if (part.type === "refusal") {
      const current = content[index] ?? { type: "refusal", refusal: "" };
      content[index] = { ...current, refusal: `${current.refusal}${part.refusal ?? ""}` };
    } else {
      const current = (content[index]?.text as { value: string; annotations: Obj[] }) ?? {
        value: "",
        annotations: [],
      };
      const delta = part.text as { value?: string; annotations?: Obj[] };
      const added = (delta.annotations ?? []).map(({ index: _, ...annotation }) => {
        const { quote: _quote, ...citation } = annotation.file_citation as Obj;
        return { ...annotation, file_citation: citation };
      });
      content[index] = {
        type: "text",
        text: {
          value: current.value + (delta.value ?? ""),
          annotations: [...current.annotations, ...added],
        },
      };
    }
  }
}

function words(content: readonly Obj[]): number {
  return content
    .map((part) => {
      const text = (part.text as { value?: string } | undefined)?.value ?? part.refusal;
      return typeof text === "string" ? text.split(/\s+/).filter(Boolean).length : 1;
    })
    .reduce((a, b) => a + b, 0);
}

async function* streamMessageStep(
  ctx: StepStreamContext,
  parts: readonly ScriptContentPart[],
): AsyncGenerator<RunEvent, StepResult> {
  const { run } = ctx;
  const threadId = String(run.thread_id);
  const messageId = createId("msg", 12);
  let step = ctx.save(
    KIND.step,
    stepObject({
      id: createId("step", 12),
      run,
      createdAt: ctx.now(),
      details: { type: "message_creation", message_creation: { message_id: messageId } },
    }),
    run.id,
  );
  yield ["thread.run.step.created", step];
  yield ["thread.run.step.in_progress", step];
  let message = ctx.save(
    KIND.message,
    messageObject({
      id: messageId,
      threadId,
      createdAt: ctx.now(),
      role: "assistant",
      content: [],
      status: "in_progress",
      assistantId: String(run.assistant_id),
      runId: run.id,
    }),
    threadId,
  );
  yield ["thread.message.created", message];
  yield ["thread.message.in_progress", message];
  const content: Obj[] = [];
  for (const delta of messageDeltas(parts)) {
    await sleep(ctx.delayMs, ctx.signal);
    if (ctx.signal.aborted) {
      // The message ends where it stopped; the stream says so, so clients stop showing it live.
      const incomplete = ctx.save(KIND.message, message, threadId, {
        status: "incomplete",
        content,
        incomplete_at: ctx.now(),
        incomplete_details: { reason: "run_cancelled" },
      });
      yield ["thread.message.incomplete", incomplete];
      step = ctx.save(KIND.step, step, run.id, { status: "cancelled", cancelled_at: ctx.now() });
      yield ["thread.run.step.cancelled", step];
      return { cancelled: true };
    }
    applyMessageDelta(content, delta);
    yield [
      "thread.message.delta",
      { id: messageId, object: "thread.message.delta", delta: { content: delta } },
    ];
  }
  message = ctx.save(KIND.message, message, threadId, {
    status: "completed",
    content,
    completed_at: ctx.now(),
  });
  yield ["thread.message.completed", message];
  const tokens = usage(ctx.promptTokens, words(content));
  step = ctx.save(KIND.step, step, run.id, {
    status: "completed",
    completed_at: ctx.now(),
    usage: tokens,
  });
  yield ["thread.run.step.completed", step];
  return { cancelled: false, usage: tokens };
}

/* --------------------------------- tool calls --------------------------------- */

/** One `thread.run.step.delta` of a tool call and the call as built after it. */
interface ToolFrame {
  delta: Obj;
  call: Obj;
  /** Pause before the frame, in multiples of the delay. @default 1 */
  wait?: number;
}

/** A code interpreter call: its input word by word, then its logs output. */
function codeFrames(input: string, logs: string): ToolFrame[] {
  const id = createId("call", 12);
  const call = (code: string, outputs: Obj[]): Obj => ({
    id,
    type: "code_interpreter",
    code_interpreter: { input: code, outputs },
  });
  const frames: ToolFrame[] = [
    {
      delta: {
        index: 0,
        id,
        type: "code_interpreter",
        code_interpreter: { input: "", outputs: [] },
      },
      call: call("", []),
    },
  ];
  let written = "";
  for (const piece of wordChunks(input)) {
    written += piece;
    frames.push({
      delta: { index: 0, type: "code_interpreter", code_interpreter: { input: piece } },
      call: call(written, []),
    });
  }
  frames.push({
    delta: {
      index: 0,
      type: "code_interpreter",
      code_interpreter: { outputs: [{ index: 0, type: "logs", logs }] },
    },
    call: call(input, [{ type: "logs", logs }]),
    wait: 6,
  });
  return frames;
}

const RANKING = { ranker: "default_2024_08_21", score_threshold: 0 };

/** A file search call: one delta with `results: []`; the results come on the completed step. */
function searchFrames(results: readonly ScriptSearchResult[]): [ToolFrame[], Obj] {
  const id = createId("call", 12);
  const call = (found: Obj[]): Obj => ({
    id,
    type: "file_search",
    file_search: { ranking_options: RANKING, results: found },
  });
  const frame: ToolFrame = {
    delta: { index: 0, ...call([]) },
    call: call([]),
  };
  const completed = call(
    results.map((result) => ({
      file_id: result.fileId,
      file_name: result.filename,
      score: result.score,
      attributes: {},
      content: [{ type: "text", text: result.text }],
    })),
  );
  return [[frame], completed];
}

async function* streamToolStep(
  ctx: StepStreamContext,
  frames: readonly ToolFrame[],
  completed?: Obj,
): AsyncGenerator<RunEvent, StepResult> {
  const { run } = ctx;
  let step = ctx.save(
    KIND.step,
    stepObject({
      id: createId("step", 12),
      run,
      createdAt: ctx.now(),
      details: { type: "tool_calls", tool_calls: [] },
    }),
    run.id,
  );
  yield ["thread.run.step.created", step];
  yield ["thread.run.step.in_progress", step];
  let call: Obj | undefined;
  const cancelled = (): RunEvent => {
    step = ctx.save(KIND.step, step, run.id, {
      status: "cancelled",
      cancelled_at: ctx.now(),
      step_details: { type: "tool_calls", tool_calls: call ? [call] : [] },
    });
    return ["thread.run.step.cancelled", step];
  };
  for (const frame of frames) {
    await sleep(ctx.delayMs * (frame.wait ?? 1), ctx.signal);
    if (ctx.signal.aborted) {
      yield cancelled();
      return { cancelled: true };
    }
    call = frame.call;
    yield [
      "thread.run.step.delta",
      {
        id: step.id,
        object: "thread.run.step.delta",
        delta: { step_details: { type: "tool_calls", tool_calls: [frame.delta] } },
      },
    ];
  }
  // The tool runs (or the search looks through the files).
  await sleep(ctx.delayMs * 4, ctx.signal);
  if (ctx.signal.aborted) {
    yield cancelled();
    return { cancelled: true };
  }
  const tokens = usage(ctx.promptTokens, 20);
  step = ctx.save(KIND.step, step, run.id, {
    status: "completed",
    completed_at: ctx.now(),
    step_details: { type: "tool_calls", tool_calls: [completed ?? call] },
    usage: tokens,
  });
  yield ["thread.run.step.completed", step];
  return { cancelled: false, usage: tokens };
}
