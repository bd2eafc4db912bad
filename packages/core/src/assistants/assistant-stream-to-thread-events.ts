/**
 * Translating an Assistants run stream into ChatKit thread stream events, by identity: each
 * message, run step, content part and tool call is tracked by its id or index, and an event
 * becomes the ChatKit events for the one object it touched.
 */

import type { ThreadStreamReaderEvent } from "../chatkit/read-thread-stream";
import type { StreamMalformedEvent } from "../chatkit/stream-events";
import type { Thread } from "../chatkit/thread";
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  JsonObject,
  ThreadItem,
} from "../chatkit/thread-item";
import {
  assistantMessageItems,
  assistantRequiredCallItem,
  assistantStepItems,
} from "./assistant-run-to-thread-items";
import { normalizeAssistantThread } from "./normalize";
import type { AssistantStreamReaderEvent } from "./read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
} from "./reduce-assistant-run";
import type { Message, MessageDeltaEvent, RunStep, RunStepDeltaEvent } from "./types";

/** Options of {@link createAssistantStreamTranslator}. */
export interface AssistantStreamTranslatorOptions {
  /**
   * Maps an OpenAI file id to a URL the browser may load (see `assistantRunToThreadItems`).
   * Default: `openai-file:<file_id>`.
   */
  fileUrl?: ((fileId: string) => string) | undefined;
}

/**
 * Turns the events of one or more Assistants run streams (a run and its continuations after
 * `submit_tool_outputs`) into ChatKit thread stream events. Stateful: one translator per run.
 */
export interface AssistantStreamTranslator {
  /** Translates one batch of Assistants events; the result may be empty. */
  push(events: readonly AssistantStreamReaderEvent[]): ThreadStreamReaderEvent[];
  /** The run as reduced so far (`run.status`, `run.required_action`, `error`, `done`). */
  readonly state: AssistantRunState;
}

/** The ChatKit parts of one message as the consumer holds them (private, mutable copies). */
interface MessageTrack {
  /** Item ids emitted for this message, in order. */
  ids: string[];
  /** The `assistant_message` content as emitted so far. */
  content: AssistantMessageContent[];
  /** Image item URLs as emitted, by item id. */
  images: Map<string, string>;
  /** Assistants content index → ChatKit content index (text and refusal parts only). */
  chatIndex: number[];
  /** Whether `thread.item.done` was sent. */
  done: boolean;
}

interface StepTrack {
  /** Item ids emitted for this step. */
  ids: Set<string>;
  /** Number of workflow tasks emitted. */
  tasks: number;
  done: boolean;
}

const MARKER_START = "【";
const FINAL_STEP = new Set([
  "thread.run.step.completed",
  "thread.run.step.failed",
  "thread.run.step.cancelled",
  "thread.run.step.expired",
]);

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  if (a.index !== b.index || a.source.type !== b.source.type) return false;
  const sa = a.source as { filename?: string; url?: string; title?: string; file_id?: string };
  const sb = b.source as typeof sa;
  return (
    sa.filename === sb.filename &&
    sa.url === sb.url &&
    sa.title === sb.title &&
    sa.file_id === sb.file_id
  );
}

/** The Assistants message of `id`, searched from the end (the streaming one is nearly always last). */
function findMessage(state: AssistantRunState, id: string): Message | undefined {
  const list = state.messages;
  for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Message).id === id) return list[i];
  return undefined;
}

function findStep(state: AssistantRunState, id: string): RunStep | undefined {
  const list = state.steps;
  for (let i = list.length - 1; i >= 0; i--) if ((list[i] as RunStep).id === id) return list[i];
  return undefined;
}

/**
 * Creates a translator from Assistants run stream events to ChatKit thread stream events:
 *
 * - `thread.created` → `thread.created` (the thread normalised, no items);
 * - a message's first event → `thread.item.added` of its items (`assistant_message` or
 *   `user_message`, `generated_image` per image part); text deltas →
 *   `assistant_message.content_part.text_delta` by content index; a new part →
 *   `content_part.added`; citation markers that resolve → `annotation_added`;
 *   `thread.message.completed` / `incomplete` → `thread.item.done` of every item of the message;
 * - a `tool_calls` step → a `workflow` item (`thread.item.added`), its code interpreter and file
 *   search calls as `workflow.task.added` / `workflow.task.updated` by task index, code
 *   interpreter images as `generated_image` items and function calls as `client_tool_call` items;
 *   the step's end → `thread.item.done` of each;
 * - `thread.run.requires_action` → `thread.item.done` of each pending `client_tool_call`;
 * - `thread.run.failed` / `expired` and the `error` event → an `error` event (`allow_retry`);
 * - malformed and unknown events → ChatKit's `stream.malformed` and `unknown` events.
 *
 * Items equal what `assistantRunToThreadItems` makes from the reduced run (the same per-object
 * mapping); only their order follows first appearance in the stream instead of step order.
 */
export function createAssistantStreamTranslator(
  options: AssistantStreamTranslatorOptions = {},
): AssistantStreamTranslator {
  const fileUrl = options.fileUrl;
  let state = createAssistantRunState();
  const messages = new Map<string, MessageTrack>();
  const steps = new Map<string, StepTrack>();
  /** Item id → the step that emitted it (function calls and images). */
  const itemStep = new Map<string, string>();
  let requiredIds: ReadonlySet<string> = new Set();
  let out: ThreadStreamReaderEvent[] = [];

  function emitMessage(message: Message, final: boolean): void {
    let track = messages.get(message.id);
    if (track?.done && !final) return;
    const items = assistantMessageItems(message, fileUrl);
    if (track === undefined) {
      track = { ids: [], content: [], images: new Map(), chatIndex: [], done: false };
      messages.set(message.id, track);
    }
    track.chatIndex = chatIndexes(message);
    if (final) {
      for (const item of items) out.push({ type: "thread.item.done", item });
      const ids = new Set(items.map((item) => item.id));
      for (const id of track.ids)
        if (!ids.has(id)) out.push({ type: "thread.item.removed", item_id: id });
      track.ids = [...ids];
      track.done = true;
      for (const item of items) remember(track, item);
      return;
    }
    const firstNew = items.findIndex((item) => !track.ids.includes(item.id));
    if (firstNew !== -1) {
      // A part that shows before items already sent (an image before the text): the stream only
      // appends, so those items are sent again after it.
      for (let i = firstNew + 1; i < items.length; i++) {
        const id = (items[i] as ThreadItem).id;
        if (!track.ids.includes(id)) continue;
        out.push({ type: "thread.item.removed", item_id: id });
        track.ids = track.ids.filter((x) => x !== id);
      }
    }
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      if (!track.ids.includes(item.id)) {
        track.ids.push(item.id);
        out.push({ type: "thread.item.added", item });
        remember(track, item);
        continue;
      }
      if (item.type === "assistant_message") diffContent(track, item);
      else if (item.type === "generated_image" && item.image !== undefined) {
        const url = item.image?.url ?? "";
        if (track.images.get(item.id) !== url) {
          track.images.set(item.id, url);
          out.push({
            type: "thread.item.updated",
            item_id: item.id,
            update: {
              type: "generated_image.updated",
              image: item.image as { id: string; url: string },
            },
          });
        }
      } else out.push({ type: "thread.item.added", item });
    }
    for (const id of track.ids)
      if (!seen.has(id)) out.push({ type: "thread.item.removed", item_id: id });
    if (seen.size !== track.ids.length) track.ids = track.ids.filter((id) => seen.has(id));
  }

  function remember(track: MessageTrack, item: ThreadItem): void {
    if (item.type === "assistant_message") {
      track.content = item.content.map((part) => ({
        ...part,
        annotations: part.annotations.slice(),
      }));
    } else if (item.type === "generated_image") {
      track.images.set(item.id, item.image?.url ?? "");
    }
  }

  /** Updates for the parts of `item` that differ from what was emitted, by content index. */
  function diffContent(track: MessageTrack, item: AssistantMessageItem): void {
    const id = item.id;
    const before = track.content;
    if (item.content.length < before.length) {
      // A part went away (never seen from the API): the whole item replaces the emitted one.
      out.push({ type: "thread.item.added", item });
      remember(track, item);
      return;
    }
    for (let index = 0; index < item.content.length; index++) {
      const part = item.content[index] as AssistantMessageContent;
      const prev = before[index];
      const replace = () => {
        out.push({
          type: "thread.item.updated",
          item_id: id,
          update: {
            type: "assistant_message.content_part.added",
            content_index: index,
            content: part,
          },
        });
        before[index] = { ...part, annotations: part.annotations.slice() };
      };
      if (prev === undefined || prev.refusal !== part.refusal || !part.text.startsWith(prev.text)) {
        replace();
        continue;
      }
      const added = part.annotations;
      const kept = prev.annotations;
      if (
        added.length < kept.length ||
        !kept.every((a, i) => sameAnnotation(a, added[i] as Annotation))
      ) {
        replace();
        continue;
      }
      if (part.text.length > prev.text.length) {
        const delta = part.text.slice(prev.text.length);
        out.push({
          type: "thread.item.updated",
          item_id: id,
          update: {
            type: "assistant_message.content_part.text_delta",
            content_index: index,
            delta,
          },
        });
        prev.text = part.text;
      }
      for (let i = kept.length; i < added.length; i++) {
        const annotation = added[i] as Annotation;
        out.push({
          type: "thread.item.updated",
          item_id: id,
          update: {
            type: "assistant_message.content_part.annotation_added",
            content_index: index,
            annotation_index: i,
            annotation,
          },
        });
        kept.push(annotation);
      }
    }
  }

  /**
   * The hot path: a delta that only appends plain text (no citation marker in the part) to a part
   * already emitted becomes one `text_delta`. Returns false when the general path must run.
   */
  function fastTextDelta(data: MessageDeltaEvent, message: Message): boolean {
    const track = messages.get(data.id);
    if (track === undefined || track.done) return false;
    const parts = data.delta.content;
    if (data.delta.role !== undefined || parts === undefined || parts.length !== 1) return false;
    const delta = parts[0];
    if (delta === undefined || delta.type !== "text" || delta.text === undefined) return false;
    if (delta.text.annotations !== undefined && delta.text.annotations.length > 0) return false;
    const value = delta.text.value ?? "";
    const chatIndex = track.chatIndex[delta.index];
    const part = message.content[delta.index];
    if (chatIndex === undefined || part === undefined || part.type !== "text") return false;
    const emitted = track.content[chatIndex];
    // Markers are cut from the text and may be hidden while unfinished: the general path.
    if (emitted === undefined || part.text.annotations.length > 0) return false;
    if (
      value.includes(MARKER_START) ||
      part.text.value.length !== emitted.text.length + value.length
    ) {
      return false;
    }
    if (value === "") return true;
    emitted.text += value;
    out.push({
      type: "thread.item.updated",
      item_id: data.id,
      update: {
        type: "assistant_message.content_part.text_delta",
        content_index: chatIndex,
        delta: value,
      },
    });
    return true;
  }

  function emitStep(step: RunStep, touched: readonly number[] | null, final: boolean): void {
    if (typeof step.step_details !== "object" || step.step_details === null) return;
    if (step.step_details.type !== "tool_calls") return;
    let track = steps.get(step.id);
    if (track === undefined) {
      track = { ids: new Set(), tasks: 0, done: false };
      steps.set(step.id, track);
    }
    if (track.done && !final) return;
    const items = assistantStepItems(step, requiredIds, fileUrl);
    const calls = step.step_details.tool_calls;
    for (const item of items) {
      if (final) {
        track.ids.add(item.id);
        itemStep.set(item.id, step.id);
        out.push({ type: "thread.item.done", item });
        continue;
      }
      if (!track.ids.has(item.id)) {
        track.ids.add(item.id);
        itemStep.set(item.id, step.id);
        if (item.type === "workflow") track.tasks = item.workflow.tasks.length;
        out.push({ type: "thread.item.added", item });
        continue;
      }
      if (item.type === "workflow") {
        const tasks = item.workflow.tasks;
        // Task i is the i-th code interpreter or file search call of the step.
        const changed = new Set<number>();
        if (touched === null) for (let i = 0; i < tasks.length; i++) changed.add(i);
        else {
          for (const callIndex of touched) {
            let task = 0;
            for (let i = 0; i < callIndex && i < calls.length; i++) {
              if (calls[i]?.type !== "function") task++;
            }
            if (calls[callIndex]?.type !== "function") changed.add(task);
          }
        }
        for (let i = track.tasks; i < tasks.length; i++) changed.add(i);
        for (const index of [...changed].sort((a, b) => a - b)) {
          const task = tasks[index];
          if (task === undefined) continue;
          const added = index >= track.tasks;
          out.push({
            type: "thread.item.updated",
            item_id: item.id,
            update: {
              type: added ? "workflow.task.added" : "workflow.task.updated",
              task_index: index,
              task,
            },
          });
        }
        track.tasks = Math.max(track.tasks, tasks.length);
      } else if (item.type === "client_tool_call") {
        const at = calls.findIndex((call) => call.id === item.id);
        if (touched === null || touched.includes(at)) out.push({ type: "thread.item.added", item });
      }
      // Images are set once (their file id arrives whole): nothing to update.
    }
    if (final) track.done = true;
  }

  function emitRequiredCalls(): void {
    const run = state.run;
    const calls =
      run?.status === "requires_action"
        ? (run.required_action?.submit_tool_outputs.tool_calls ?? [])
        : [];
    requiredIds = new Set(calls.map((call) => call.id));
    if (run === null) return;
    for (const call of calls) {
      const stepId = itemStep.get(call.id);
      const step = stepId === undefined ? undefined : findStep(state, stepId);
      const item =
        step === undefined
          ? assistantRequiredCallItem(call, run)
          : assistantStepItems(step, requiredIds, fileUrl).find((x) => x.id === call.id);
      if (item !== undefined) out.push({ type: "thread.item.done", item });
    }
  }

  function translate(event: AssistantStreamReaderEvent): void {
    const before = state;
    state = reduceAssistantRun(state, event);
    switch (event.event) {
      case "thread.message.delta": {
        const message = findMessage(state, event.data.id);
        if (message === undefined) return;
        if (before !== state && fastTextDelta(event.data, message)) return;
        emitMessage(message, false);
        return;
      }
      case "thread.message.created":
      case "thread.message.in_progress":
      case "thread.message.completed":
      case "thread.message.incomplete": {
        const message = findMessage(state, event.data.id);
        if (message === undefined) return;
        const final =
          event.event === "thread.message.completed" || event.event === "thread.message.incomplete";
        emitMessage(message, final);
        return;
      }
      case "thread.run.step.delta": {
        const step = findStep(state, event.data.id);
        if (step === undefined) return;
        const details = (event.data as RunStepDeltaEvent).delta.step_details;
        const touched =
          details?.type === "tool_calls"
            ? (details.tool_calls ?? []).map((call) => call.index)
            : [];
        emitStep(step, touched, false);
        return;
      }
      case "thread.run.step.created":
      case "thread.run.step.in_progress":
      case "thread.run.step.completed":
      case "thread.run.step.failed":
      case "thread.run.step.cancelled":
      case "thread.run.step.expired": {
        const step = findStep(state, event.data.id);
        if (step !== undefined) emitStep(step, null, FINAL_STEP.has(event.event));
        return;
      }
      case "thread.run.requires_action":
        emitRequiredCalls();
        return;
      case "thread.run.failed":
      case "thread.run.expired": {
        requiredIds = new Set();
        const run = event.data;
        out.push({
          type: "error",
          code: run.last_error?.code ?? run.status,
          message: run.last_error?.message ?? `The run ${run.status}`,
          allow_retry: true,
        });
        return;
      }
      case "thread.run.created":
      case "thread.run.queued":
      case "thread.run.in_progress":
      case "thread.run.completed":
      case "thread.run.incomplete":
      case "thread.run.cancelling":
      case "thread.run.cancelled":
        requiredIds = new Set();
        return;
      case "thread.created": {
        const thread: Thread = {
          ...normalizeAssistantThread(event.data),
          items: { data: [], has_more: false, after: null },
        };
        out.push({ type: "thread.created", thread });
        return;
      }
      case "error":
        out.push({
          type: "error",
          code: event.data.code ?? event.data.type ?? "server_error",
          message: event.data.message ?? null,
          allow_retry: true,
        });
        return;
      case "stream.malformed": {
        const malformed: StreamMalformedEvent = {
          type: "stream.malformed",
          reason: event.reason,
          message: event.message,
          data: event.data,
        };
        if (event.original_event !== undefined) malformed.event = event.original_event;
        if (event.error !== undefined) malformed.error = event.error;
        out.push(malformed);
        return;
      }
      case "unknown":
        out.push({
          type: "unknown",
          original_type: event.original_event,
          raw: { event: event.original_event, data: event.data } as JsonObject,
        });
        return;
      default:
        // `done`: the run's own terminal event said everything.
        return;
    }
  }

  return {
    push(events) {
      out = [];
      let i = 0;
      while (i < events.length) {
        let event = events[i] as AssistantStreamReaderEvent;
        i++;
        // Consecutive plain text deltas to one part are joined into one (as the run reducer does).
        const value = plainText(event);
        if (value !== undefined && event.event === "thread.message.delta") {
          const { id } = event.data;
          const index = event.data.delta.content?.[0]?.index ?? 0;
          let joined: string[] | null = null;
          while (i < events.length) {
            const next = events[i] as AssistantStreamReaderEvent;
            const more = plainText(next);
            if (
              more === undefined ||
              next.event !== "thread.message.delta" ||
              next.data.id !== id ||
              next.data.delta.content?.[0]?.index !== index
            ) {
              break;
            }
            if (joined === null) joined = [value];
            joined.push(more);
            i++;
          }
          if (joined !== null) {
            event = {
              event: "thread.message.delta",
              data: {
                id,
                object: "thread.message.delta",
                delta: { content: [{ index, type: "text", text: { value: joined.join("") } }] },
              },
            };
          }
        }
        try {
          translate(event);
        } catch (error) {
          // Events come validated from the reader; a hand-built broken one is reported, not lost.
          out.push({
            type: "stream.malformed",
            reason: "invalid_event",
            message: error instanceof Error ? error.message : String(error),
            data: safeJson(event),
            error,
          });
        }
      }
      return out;
    },
    get state() {
      return state;
    },
  };
}

/** The text a delta only appends to one text part (no role, no annotations), else `undefined`. */
function plainText(event: AssistantStreamReaderEvent): string | undefined {
  if (event.event !== "thread.message.delta") return undefined;
  const delta = (event.data as Partial<MessageDeltaEvent> | undefined)?.delta;
  if (delta === undefined || delta === null || delta.role !== undefined) return undefined;
  const parts = delta.content;
  if (parts === undefined || parts.length !== 1) return undefined;
  const part = parts[0];
  if (part?.type !== "text" || part.text === undefined || part.text.annotations !== undefined) {
    return undefined;
  }
  return part.text.value;
}

/** Assistants content index → ChatKit content index of each text and refusal part. */
function chatIndexes(message: Message): number[] {
  const map: number[] = [];
  let chat = 0;
  message.content.forEach((part, index) => {
    if (part.type === "text" || part.type === "refusal") map[index] = chat++;
  });
  return map;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}
