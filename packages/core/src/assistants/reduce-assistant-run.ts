/**
 * The pure reducer of an Assistants API run stream into complete API objects: the run, its
 * messages and its steps, exactly as the API would return them once complete.
 */

import { isIndexInBounds } from "../state/index-bounds";
import type { AssistantStreamReaderEvent } from "./read-assistant-stream";
import type {
  AssistantErrorObject,
  AssistantThread,
  Message,
  MessageAnnotation,
  MessageAnnotationDelta,
  MessageContent,
  MessageContentDelta,
  MessageDeltaEvent,
  Run,
  RunStep,
  RunStepDeltaEvent,
  ToolCall,
  ToolCallDelta,
} from "./types";

/** The state of one Assistants run stream. */
export interface AssistantRunState {
  /** The thread, when the stream created one (`thread.created`). */
  readonly thread: AssistantThread | null;
  /** The latest run object (its `status` says queued … completed / requires_action / failed). */
  readonly run: Run | null;
  /** Messages of the run in the order they appeared, deltas applied. */
  readonly messages: readonly Message[];
  /** Run steps in the order they appeared, deltas applied. */
  readonly steps: readonly RunStep[];
  /** The `error` event's error, when the stream carried one. */
  readonly error: AssistantErrorObject | null;
  /** Whether the `done` sentinel arrived. */
  readonly done: boolean;
}

const INITIAL: AssistantRunState = {
  thread: null,
  run: null,
  messages: [],
  steps: [],
  error: null,
  done: false,
};

type Obj = { [key: string]: unknown };

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The run state with some fields replaced (an explicit literal keeps one object shape). */
function withState(state: AssistantRunState, patch: Partial<AssistantRunState>): AssistantRunState {
  return {
    thread: patch.thread === undefined ? state.thread : patch.thread,
    run: patch.run === undefined ? state.run : patch.run,
    messages: patch.messages ?? state.messages,
    steps: patch.steps ?? state.steps,
    error: patch.error === undefined ? state.error : patch.error,
    done: patch.done ?? state.done,
  };
}

/** `list` with `value` at the position of the entry with the same id, or appended. */
function upsertById<T extends { id: string }>(list: readonly T[], value: T): T[] {
  const at = list.findIndex((x) => x.id === value.id);
  const next = list.slice();
  if (at === -1) next.push(value);
  else next[at] = value;
  return next;
}

/** Copies `list` and pads it with `fill()` so that `index` exists. */
function padded<T>(list: readonly T[], index: number, fill: () => T): T[] {
  const next = list.slice();
  while (next.length <= index) next.push(fill());
  return next;
}

/* ---------------------------------- messages ---------------------------------- */

function stubMessage(id: string, state: AssistantRunState): Message {
  return {
    id,
    object: "thread.message",
    created_at: 0,
    thread_id: state.run?.thread_id ?? state.thread?.id ?? "",
    status: "in_progress",
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    role: "assistant",
    content: [],
    assistant_id: state.run?.assistant_id ?? null,
    run_id: state.run?.id ?? null,
    attachments: [],
    metadata: {},
  };
}

function emptyContent(type: MessageContentDelta["type"]): MessageContent {
  switch (type) {
    case "image_file":
      return { type, image_file: { file_id: "" } };
    case "image_url":
      return { type, image_url: { url: "" } };
    case "refusal":
      return { type, refusal: "" };
    default:
      return { type: "text", text: { value: "", annotations: [] } };
  }
}

function mergeAnnotation(
  current: MessageAnnotation | undefined,
  delta: MessageAnnotationDelta,
): MessageAnnotation {
  const { index: _index, ...fields } = delta;
  // Deltas carry `file_citation.quote: ""`, a v1 field the completed v2 object no longer has;
  // an empty quote says nothing, so it is dropped to match the completed message.
  const citation = (fields as Obj).file_citation;
  if (isObj(citation) && citation.quote === "") {
    const { quote: _quote, ...rest } = citation;
    (fields as Obj).file_citation = rest;
  }
  if (current === undefined || current.type !== delta.type) return fields as MessageAnnotation;
  const merged: Obj = { ...current, ...fields };
  // Nested citation objects arrive whole or in parts: merge them key by key.
  for (const key of ["file_citation", "file_path"] as const) {
    const a = (current as unknown as Obj)[key];
    const b = (fields as unknown as Obj)[key];
    if (isObj(a) && isObj(b)) merged[key] = { ...a, ...b };
  }
  return merged as unknown as MessageAnnotation;
}

function applyContentDelta(part: MessageContent, delta: MessageContentDelta): MessageContent {
  if (part.type !== delta.type) part = emptyContent(delta.type);
  switch (delta.type) {
    case "text": {
      const current = part as Extract<MessageContent, { type: "text" }>;
      const value = delta.text?.value;
      const annotationDeltas = delta.text?.annotations;
      let annotations = current.text.annotations;
      if (annotationDeltas !== undefined && annotationDeltas.length > 0) {
        annotations = annotations.slice();
        for (const ad of annotationDeltas) {
          const index = ad.index;
          if (!isIndexInBounds(index, annotations.length)) continue;
          while (annotations.length < index) annotations.push(undefined as never);
          annotations[index] = mergeAnnotation(annotations[index], ad);
        }
      }
      if ((value === undefined || value === "") && annotations === current.text.annotations) {
        return current;
      }
      // Spread, then store: V8 (Node 20) takes a slow path for `{ ...obj, key }` when `obj`
      // already has `key`, and this runs for every streamed delta.
      const text = { ...current.text };
      if (value !== undefined) text.value += value;
      text.annotations = annotations;
      const next = { ...current };
      next.text = text;
      return next;
    }
    case "image_file": {
      const current = part as Extract<MessageContent, { type: "image_file" }>;
      return { ...current, image_file: { ...current.image_file, ...delta.image_file } };
    }
    case "image_url": {
      const current = part as Extract<MessageContent, { type: "image_url" }>;
      return { ...current, image_url: { ...current.image_url, ...delta.image_url } };
    }
    case "refusal": {
      const current = part as Extract<MessageContent, { type: "refusal" }>;
      return { ...current, refusal: current.refusal + (delta.refusal ?? "") };
    }
    default:
      return part;
  }
}

function applyMessageDelta(state: AssistantRunState, data: MessageDeltaEvent): AssistantRunState {
  const messages = state.messages;
  // The streaming message is almost always the last one: search from the end.
  let at = messages.length - 1;
  while (at >= 0 && (messages[at] as Message).id !== data.id) at--;
  const existing = at === -1 ? undefined : (messages[at] as Message);
  const message = existing ?? stubMessage(data.id, state);
  const parts = data.delta.content;
  let content = message.content;
  if (parts !== undefined && parts.length > 0) {
    const next = content.slice();
    for (const delta of parts) {
      const index = delta.index;
      if (!isIndexInBounds(index, next.length)) continue;
      while (next.length <= index) next.push(emptyContent("text"));
      next[index] = applyContentDelta(next[index] as MessageContent, delta);
    }
    content = next;
  }
  const role = data.delta.role ?? message.role;
  if (content === message.content && role === message.role && existing !== undefined) return state;
  // Spread, then store (see applyContentDelta).
  const updated = { ...message };
  updated.content = content;
  updated.role = role;
  const list = messages.slice();
  if (at === -1) list.push(updated);
  else list[at] = updated;
  return withState(state, { messages: list });
}

/* ------------------------------------ steps ------------------------------------ */

function stubStep(id: string, state: AssistantRunState): RunStep {
  return {
    id,
    object: "thread.run.step",
    created_at: 0,
    assistant_id: state.run?.assistant_id ?? "",
    thread_id: state.run?.thread_id ?? state.thread?.id ?? "",
    run_id: state.run?.id ?? "",
    type: "tool_calls",
    status: "in_progress",
    step_details: { type: "tool_calls", tool_calls: [] },
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    metadata: null,
    usage: null,
  };
}

function emptyToolCall(type: ToolCallDelta["type"]): ToolCall {
  switch (type) {
    case "code_interpreter":
      return { id: "", type, code_interpreter: { input: "", outputs: [] } };
    case "file_search":
      return { id: "", type, file_search: {} };
    default:
      return { id: "", type: "function", function: { name: "", arguments: "", output: null } };
  }
}

type CodeOutput = Extract<
  ToolCall,
  { type: "code_interpreter" }
>["code_interpreter"]["outputs"][number];

function applyToolCallDelta(call: ToolCall, delta: ToolCallDelta): ToolCall {
  if (call.type !== delta.type) call = emptyToolCall(delta.type);
  const id = delta.id ?? call.id;
  switch (delta.type) {
    case "function": {
      const current = call as Extract<ToolCall, { type: "function" }>;
      const fn = delta.function ?? {};
      return {
        ...current,
        id,
        function: {
          ...current.function,
          // Names arrive whole in the first delta; arguments arrive in fragments.
          name: fn.name ?? current.function.name,
          arguments: current.function.arguments + (fn.arguments ?? ""),
          output: fn.output ?? current.function.output,
        },
      };
    }
    case "code_interpreter": {
      const current = call as Extract<ToolCall, { type: "code_interpreter" }>;
      const ci = delta.code_interpreter ?? {};
      let outputs = current.code_interpreter.outputs;
      if (ci.outputs !== undefined && ci.outputs.length > 0) {
        outputs = outputs.slice();
        for (const od of ci.outputs) {
          const index = od.index;
          if (!isIndexInBounds(index, outputs.length)) continue;
          while (outputs.length < index) outputs.push({ type: "logs", logs: "" });
          const prev = outputs[index];
          let next: CodeOutput;
          if (od.type === "logs") {
            next = {
              type: "logs",
              logs: (prev?.type === "logs" ? prev.logs : "") + (od.logs ?? ""),
            };
          } else {
            const file = { ...(prev?.type === "image" ? prev.image : {}), ...od.image };
            next = { type: "image", image: { file_id: file.file_id ?? "" } };
          }
          outputs[index] = next;
        }
      }
      return {
        ...current,
        id,
        code_interpreter: {
          ...current.code_interpreter,
          input: current.code_interpreter.input + (ci.input ?? ""),
          outputs,
        },
      };
    }
    case "file_search": {
      const current = call as Extract<ToolCall, { type: "file_search" }>;
      const fs = isObj(delta.file_search) ? delta.file_search : {};
      return { ...current, id, file_search: { ...current.file_search, ...fs } };
    }
    default:
      return call;
  }
}

function applyStepDelta(state: AssistantRunState, data: RunStepDeltaEvent): AssistantRunState {
  const existing = state.steps.find((s) => s.id === data.id);
  const step = existing ?? stubStep(data.id, state);
  const details = data.delta.step_details;
  if (details === undefined) {
    return existing ? state : withState(state, { steps: upsertById(state.steps, step) });
  }
  let next: RunStep;
  if (details.type === "message_creation") {
    const messageId = details.message_creation?.message_id;
    const current = step.step_details?.type === "message_creation" ? step.step_details : null;
    next = {
      ...step,
      type: "message_creation",
      step_details: {
        type: "message_creation",
        message_creation: { message_id: messageId ?? current?.message_creation.message_id ?? "" },
      },
    };
  } else {
    let calls: ToolCall[] =
      step.step_details?.type === "tool_calls" ? step.step_details.tool_calls.slice() : [];
    for (const delta of details.tool_calls ?? []) {
      const index = delta.index;
      if (!isIndexInBounds(index, calls.length)) continue;
      calls = padded(calls, index, () => emptyToolCall(delta.type));
      calls[index] = applyToolCallDelta(calls[index] as ToolCall, delta);
    }
    next = {
      ...step,
      type: "tool_calls",
      step_details: { ...step.step_details, type: "tool_calls", tool_calls: calls },
    };
  }
  return withState(state, { steps: upsertById(state.steps, next) });
}

/* ------------------------------- whole objects -------------------------------- */

/** A created / in-progress object arriving after deltas must not wipe what they built. */
function mergeMessage(existing: Message | undefined, data: Message, final: boolean): Message {
  if (final || existing === undefined) return data;
  if (data.content.length === 0 && existing.content.length > 0) {
    return { ...data, content: existing.content };
  }
  return data;
}

function mergeStep(existing: RunStep | undefined, data: RunStep, final: boolean): RunStep {
  if (final || existing === undefined) return data;
  const a = existing.step_details;
  const b = data.step_details;
  if (
    a?.type === "tool_calls" &&
    b?.type === "tool_calls" &&
    b.tool_calls.length < a.tool_calls.length
  ) {
    return { ...data, step_details: { ...b, tool_calls: a.tool_calls } };
  }
  return data;
}

/** The keys of a stub message, in order. */
const STUB_KEYS = [
  "id",
  "object",
  "created_at",
  "thread_id",
  "status",
  "incomplete_details",
  "completed_at",
  "incomplete_at",
  "role",
  "content",
  "assistant_id",
  "run_id",
  "attachments",
  "metadata",
] as const;

/** The keys of a complete message as `messageSchema` outputs them, in order. */
const PARSED_KEYS = [
  "id",
  "object",
  "role",
  "content",
  "status",
  "created_at",
  "thread_id",
  "incomplete_details",
  "completed_at",
  "incomplete_at",
  "assistant_id",
  "run_id",
  "attachments",
  "metadata",
] as const;

/** Whether `message`'s own enumerable keys are `keys`, in order (a spread would copy no more). */
function hasKeys(message: object, keys: readonly string[]): boolean {
  const own = Object.keys(message);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (own[i] !== keys[i]) return false;
  return Object.getOwnPropertySymbols(message).length === 0;
}

/** `message` with `content`, as a literal with `STUB_KEYS` in order. */
function stubOrderCopy(m: Message, content: MessageContent[]): Message {
  return {
    id: m.id,
    object: m.object,
    created_at: m.created_at,
    thread_id: m.thread_id,
    status: m.status,
    incomplete_details: m.incomplete_details,
    completed_at: m.completed_at,
    incomplete_at: m.incomplete_at,
    role: m.role,
    content,
    assistant_id: m.assistant_id,
    run_id: m.run_id,
    attachments: m.attachments,
    metadata: m.metadata,
  };
}

/** `message` with `content`, as a literal with `PARSED_KEYS` in order. */
function parsedOrderCopy(m: Message, content: MessageContent[]): Message {
  return {
    id: m.id,
    object: m.object,
    role: m.role,
    content,
    status: m.status,
    created_at: m.created_at,
    thread_id: m.thread_id,
    incomplete_details: m.incomplete_details,
    completed_at: m.completed_at,
    incomplete_at: m.incomplete_at,
    assistant_id: m.assistant_id,
    run_id: m.run_id,
    attachments: m.attachments,
    metadata: m.metadata,
  };
}

type MessageCopy = (message: Message, content: MessageContent[]) => Message;

/**
 * The message the text fast path built last, and how it was built. On Node 20, `{ ...message }`
 * of a message that was itself built by a spread takes V8's slow clone path (about 190 ns for a
 * 14-field message, against 20 ns for a literal): the clone keeps only 4 fields in the object,
 * the rest out of line. So a delta copies a message whose keys are the known ones, in a known
 * order, with a literal of those keys (the same keys in the same order, so the copy equals what a
 * spread would give), and any other message by spreading `base`, the message its run of deltas
 * started from (every field but `content` is the same). Remembering the last message built saves
 * checking the keys again on the next delta; it holds one message alive until the next delta of
 * any stream.
 */
let lastBuilt: Message | null = null;
let lastCopy: MessageCopy | null = null;
let lastBase: Message | null = null;

function copyMessage(message: Message, content: MessageContent[]): Message {
  let copy: MessageCopy | null;
  let base: Message | null = null;
  if (message === lastBuilt) {
    copy = lastCopy;
    base = lastBase;
  } else if (hasKeys(message, PARSED_KEYS)) copy = parsedOrderCopy;
  else if (hasKeys(message, STUB_KEYS)) copy = stubOrderCopy;
  else {
    copy = null;
    base = message;
  }
  let next: Message;
  if (copy !== null) next = copy(message, content);
  else {
    next = { ...(base as Message) };
    next.content = content;
  }
  lastBuilt = next;
  lastCopy = copy;
  lastBase = base;
  return next;
}

/** The text part the fast path built last, as a literal `{ type, text: { value, annotations } }`. */
let lastPart: MessageContent | null = null;

const TEXT_PART_KEYS = ["type", "text"] as const;
const TEXT_KEYS = ["value", "annotations"] as const;

/** Whether `part` is a text part with exactly the keys `type`, `text: { value, annotations }`, in order. */
function isTextPartLiteral(part: Extract<MessageContent, { type: "text" }>): boolean {
  return hasKeys(part, TEXT_PART_KEYS) && hasKeys(part.text, TEXT_KEYS);
}

/**
 * The hot path: text appended to an existing text part of the newest message (nearly every
 * event of a run). Copies only what the delta changes (the text, its part, the content array,
 * the message, the message list and the state), each record without going through the general
 * path's lookups and patch object. Returns `undefined` when the general path must handle the
 * event.
 */
function reduceTextDelta(
  state: AssistantRunState,
  id: string,
  index: number,
  value: string,
): AssistantRunState | undefined {
  const messages = state.messages;
  const at = messages.length - 1;
  const message = messages[at];
  if (message === undefined || message.id !== id) return undefined;
  const content = message.content;
  const part = content[index];
  if (part === undefined || part.type !== "text" || typeof part.text?.value !== "string") {
    return undefined;
  }
  let nextPart: MessageContent;
  if (part === lastPart || isTextPartLiteral(part)) {
    // A literal of the same keys in the same order: equal to the spreads below, without the
    // slow clone of a clone (see `copyMessage`).
    const text = part.text;
    nextPart = { type: "text", text: { value: text.value + value, annotations: text.annotations } };
    lastPart = nextPart;
  } else {
    // Spread, then store: V8 (Node 20) takes a slow path for `{ ...obj, key }` when `obj`
    // already has `key`.
    const text = { ...part.text };
    text.value += value;
    const spread = { ...part };
    spread.text = text;
    nextPart = spread;
  }
  const nextContent = content.slice();
  nextContent[index] = nextPart;
  const list = messages.slice();
  list[at] = copyMessage(message, nextContent);
  return {
    thread: state.thread,
    run: state.run,
    messages: list,
    steps: state.steps,
    error: state.error,
    done: state.done,
  };
}

function reduce(state: AssistantRunState, event: AssistantStreamReaderEvent): AssistantRunState {
  const value = plainTextValue(event);
  if (value !== undefined && event.event === "thread.message.delta") {
    const fast = reduceTextDelta(state, event.data.id, partIndex(event), value);
    if (fast !== undefined) return fast;
  }
  switch (event.event) {
    case "thread.message.delta":
      return applyMessageDelta(state, event.data);
    case "thread.run.step.delta":
      return applyStepDelta(state, event.data);
    case "thread.message.created":
    case "thread.message.in_progress":
    case "thread.message.completed":
    case "thread.message.incomplete": {
      const existing = state.messages.find((m) => m.id === event.data.id);
      const final =
        event.event === "thread.message.completed" || event.event === "thread.message.incomplete";
      return withState(state, {
        messages: upsertById(state.messages, mergeMessage(existing, event.data, final)),
      });
    }
    case "thread.run.step.created":
    case "thread.run.step.in_progress":
    case "thread.run.step.completed":
    case "thread.run.step.failed":
    case "thread.run.step.cancelled":
    case "thread.run.step.expired": {
      const existing = state.steps.find((s) => s.id === event.data.id);
      const final =
        event.event !== "thread.run.step.created" && event.event !== "thread.run.step.in_progress";
      return withState(state, {
        steps: upsertById(state.steps, mergeStep(existing, event.data, final)),
      });
    }
    case "thread.run.created":
    case "thread.run.queued":
    case "thread.run.in_progress":
    case "thread.run.requires_action":
    case "thread.run.completed":
    case "thread.run.incomplete":
    case "thread.run.failed":
    case "thread.run.cancelling":
    case "thread.run.cancelled":
    case "thread.run.expired":
      return withState(state, { run: event.data });
    case "thread.created":
      return withState(state, { thread: event.data });
    case "error":
      return withState(state, { error: event.data });
    case "done":
      return state.done ? state : withState(state, { done: true });
    default:
      // `unknown` and `stream.malformed` events.
      return state;
  }
}

/**
 * Applies one Assistants stream event to the run state and returns the next state (the same
 * object when nothing changed). Pure and never throws.
 *
 * - `thread.message.delta`: text appended by content index, annotations merged by their index
 *   (nested `file_citation` / `file_path` merged key by key), `image_file` / `image_url` fields
 *   merged, `refusal` text appended.
 * - `thread.run.step.delta`: tool calls merged by index: function `name` set, `arguments`
 *   appended, `output` set; code interpreter `input` appended and `outputs` merged by index
 *   (`logs` appended, `image.file_id` set); `file_search` fields merged.
 * - `*.created` / `*.in_progress` objects replace the stored object but keep content or tool
 *   calls that deltas built when they carry none; `*.completed`, `*.incomplete`, `*.failed`,
 *   `*.cancelled`, `*.expired` objects are authoritative and replace it.
 * - `thread.run.*` events replace `run` (so `run.status` and `run.required_action` are current);
 *   `error` sets `error`; `done` sets `done`.
 * - Deltas for a message or step the stream never created start from a stub object.
 */
export function reduceAssistantRun(
  state: AssistantRunState | undefined,
  event: AssistantStreamReaderEvent,
): AssistantRunState {
  const current = state ?? INITIAL;
  try {
    return reduce(current, event);
  } catch {
    // Events come validated from `readAssistantStream`; a hand-built broken event is ignored.
    return current;
  }
}

/** An empty run state (what `reduceAssistantRun(undefined, …)` starts from). */
export function createAssistantRunState(): AssistantRunState {
  return INITIAL;
}

/** The text a delta only appends to one text part (no role, no annotations), else `undefined`. */
function plainTextValue(event: AssistantStreamReaderEvent): string | undefined {
  if (event.event !== "thread.message.delta") return undefined;
  // Optional chaining: a hand-built event may lack `data` or `delta`, and this runs outside the try.
  const delta = (event.data as Partial<MessageDeltaEvent> | undefined)?.delta;
  if (delta === undefined || delta === null) return undefined;
  const parts = delta.content;
  if (delta.role !== undefined || parts === undefined || parts.length !== 1) return undefined;
  const part = parts[0] as MessageContentDelta;
  if (part.type !== "text" || part.text === undefined || part.text.annotations !== undefined) {
    return undefined;
  }
  return part.text.value;
}

/** The content index of a delta accepted by {@link plainTextValue}. */
function partIndex(event: AssistantStreamReaderEvent & { event: "thread.message.delta" }): number {
  const part = event.data.delta.content?.[0];
  return part === undefined ? -1 : part.index;
}

/**
 * Applies a batch of events in order; the result equals reducing them one by one. Consecutive
 * plain text deltas to the same message part are joined and applied once. Use it with
 * `readAssistantStreamBatches` when the UI commits once per chunk.
 */
export function reduceAssistantRunEvents(
  state: AssistantRunState | undefined,
  events: readonly AssistantStreamReaderEvent[],
): AssistantRunState {
  let current = state ?? INITIAL;
  let i = 0;
  while (i < events.length) {
    const event = events[i] as AssistantStreamReaderEvent;
    i++;
    let value = plainTextValue(event);
    if (value === undefined || event.event !== "thread.message.delta") {
      current = reduceAssistantRun(current, event);
      continue;
    }
    const id = event.data.id;
    const index = partIndex(event);
    let joined: string[] | null = null;
    while (i < events.length) {
      const next = events[i] as AssistantStreamReaderEvent;
      const more = plainTextValue(next);
      if (
        more === undefined ||
        next.event !== "thread.message.delta" ||
        next.data.id !== id ||
        partIndex(next) !== index
      ) {
        break;
      }
      if (joined === null) joined = [value];
      joined.push(more);
      i++;
    }
    // `join` gives one flat string per batch, where `+=` would keep a rope node per delta alive
    // for the whole run (more garbage-collector work on long replies).
    if (joined !== null) value = joined.join("");
    current = reduceAssistantRun(
      current,
      joined !== null
        ? {
            event: "thread.message.delta",
            data: {
              id,
              object: "thread.message.delta",
              delta: { content: [{ index, type: "text", text: { value } }] },
            },
          }
        : event,
    );
  }
  return current;
}
