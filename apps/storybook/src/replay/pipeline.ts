/**
 * What the replay player feeds: threadkit's public stream readers, reducers and per-thread store,
 * exactly as an app uses them. A pipeline is a {@link ReplaySink} (the controller pushes text
 * into it) plus the store the rendered thread reads and a log of every event read.
 */
import {
  createAssistantStreamTranslator,
  readAssistantStream,
  readThreadStream,
} from "@threadkit/core";
import { createThreadStore, type ThreadStore } from "@threadkit/hooks";
import { createPushBody } from "./push-body";
import type { RecordingProtocol } from "./recordings";
import type { ReplaySink } from "./replay-controller";

/** How an event is shown in the log. */
export type ReplayLogKind = "event" | "unknown" | "malformed" | "error";

/** One line of the player's event log. */
export interface ReplayLogEntry {
  /** 1-based position in the stream. */
  readonly index: number;
  readonly kind: ReplayLogKind;
  /** The event type (and update type), e.g. `thread.item.updated › …text_delta`. */
  readonly label: string;
  /** A short summary: the delta text, the item, the error message. */
  readonly detail: string;
  /** The event as read, pretty-printed. */
  readonly json: string;
}

/** A sink that applies what it reads to a thread store and logs every event. */
export interface ReplayPipeline extends ReplaySink {
  /** The store the pipeline writes. */
  readonly store: ThreadStore;
  /** Subscribes to store changes, held together with the log's during bulk feeding. */
  readonly subscribeItems: (listener: () => void) => () => void;
  /** Subscribes to log changes. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The log so far (a new array after each change). */
  readonly getLog: () => readonly ReplayLogEntry[];
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(
      value,
      (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v),
      2,
    );
  } catch {
    return String(value);
  }
}

type ChatKitReadEvent =
  ReturnType<typeof readThreadStream> extends AsyncGenerator<infer E> ? E : never;

function describeChatKitEvent(event: ChatKitReadEvent): Omit<ReplayLogEntry, "index" | "json"> {
  switch (event.type) {
    case "stream.malformed":
      return {
        kind: "malformed",
        label: `malformed (${event.reason})`,
        detail: clip(event.message),
      };
    case "unknown":
      return { kind: "unknown", label: `unknown: ${event.original_type}`, detail: "skipped" };
    case "thread.item.updated": {
      const { update } = event;
      const detail =
        update.type === "assistant_message.content_part.text_delta" ||
        update.type === "widget.streaming_text.value_delta"
          ? JSON.stringify(update.delta)
          : event.item_id;
      return { kind: "event", label: `item.updated › ${update.type}`, detail: clip(detail) };
    }
    case "thread.item.added":
    case "thread.item.done":
    case "thread.item.replaced":
      return {
        kind: "event",
        label: event.type,
        detail: `${event.item.type} ${event.item.id}`,
      };
    case "thread.item.removed":
      return { kind: "event", label: event.type, detail: event.item_id };
    case "thread.created":
    case "thread.updated":
      return { kind: "event", label: event.type, detail: event.thread.title ?? event.thread.id };
    case "progress_update":
      return { kind: "event", label: event.type, detail: clip(event.text) };
    case "notice":
      return { kind: "event", label: `notice (${event.level})`, detail: clip(event.message) };
    case "error":
      return {
        kind: "error",
        label: `error (${event.code ?? "custom"})`,
        detail: clip(event.message ?? (event.allow_retry ? "retry allowed" : "no retry")),
      };
    case "client_effect":
      return { kind: "event", label: event.type, detail: event.name };
    case "stream_options":
      return {
        kind: "event",
        label: event.type,
        detail: `allow_cancel: ${event.stream_options.allow_cancel}`,
      };
    default:
      return { kind: "event", label: (event as { type: string }).type, detail: "" };
  }
}

interface Log {
  readonly entries: () => readonly ReplayLogEntry[];
  readonly listeners: Set<() => void>;
  add(entry: Omit<ReplayLogEntry, "index">): void;
  /** Collects entries without notifying until `release`. */
  hold(): void;
  release(): void;
}

function createLog(): Log {
  let entries: readonly ReplayLogEntry[] = [];
  let added: ReplayLogEntry[] = [];
  let held = false;
  const listeners = new Set<() => void>();
  const flush = () => {
    if (added.length === 0) return;
    entries = [...entries, ...added];
    added = [];
    for (const listener of listeners) listener();
  };
  return {
    entries: () => entries,
    listeners,
    add(entry) {
      added.push({ ...entry, index: entries.length + added.length + 1 });
      if (!held) flush();
    },
    hold() {
      held = true;
    },
    release() {
      held = false;
      flush();
    },
  };
}

/**
 * Builds the sink around a consumer loop. `consume` iterates a reader over `body`, calling
 * `count()` once per event it read.
 */
function createPipeline(
  store: ThreadStore,
  log: Log,
  consume: (body: AsyncIterable<string>, count: () => void) => Promise<void>,
): ReplayPipeline {
  let events = 0;
  let finished: Promise<void> | undefined;
  const body = createPushBody(() => finished ?? Promise.resolve());
  finished = consume(body, () => {
    events += 1;
  }).catch((error: unknown) => {
    // A reader that throws ends the replay; the error is shown, not swallowed.
    log.add({
      kind: "error",
      label: "reader threw",
      detail: clip(error instanceof Error ? error.message : String(error)),
      json: stringify(error),
    });
  });
  let held = false;
  let missed = false;
  const itemListeners = new Set<() => void>();
  store.subscribe(() => {
    if (held) missed = true;
    else for (const listener of itemListeners) listener();
  });
  return {
    store,
    subscribeItems(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    hold() {
      held = true;
      log.hold();
    },
    release() {
      held = false;
      log.release();
      if (missed) {
        missed = false;
        for (const listener of itemListeners) listener();
      }
    },
    subscribe(listener) {
      log.listeners.add(listener);
      return () => log.listeners.delete(listener);
    },
    getLog: log.entries,
    async write(chunk) {
      const before = events;
      await body.push(chunk);
      return events - before;
    },
    async close() {
      const before = events;
      await body.end();
      return events - before;
    },
  };
}

function createChatKitPipeline(): ReplayPipeline {
  const store = createThreadStore();
  const log = createLog();
  return createPipeline(store, log, async (body, count) => {
    store.getState().startStream();
    try {
      for await (const event of readThreadStream(body)) {
        count();
        log.add({ ...describeChatKitEvent(event), json: stringify(event) });
        if (event.type !== "stream.malformed" && event.type !== "unknown") {
          store.getState().apply([event]);
        }
      }
    } finally {
      store.getState().finishStream();
    }
  });
}

type AssistantsReadEvent =
  ReturnType<typeof readAssistantStream> extends AsyncGenerator<infer E> ? E : never;

function describeAssistantsEvent(
  event: AssistantsReadEvent,
): Omit<ReplayLogEntry, "index" | "json"> {
  if (event.event === "stream.malformed") {
    return { kind: "malformed", label: `malformed (${event.reason})`, detail: clip(event.message) };
  }
  if (event.event === "unknown") {
    return { kind: "unknown", label: `unknown: ${event.original_event}`, detail: "skipped" };
  }
  if (event.event === "error") {
    return { kind: "error", label: "error", detail: clip(JSON.stringify(event.data)) };
  }
  const data = event.data as unknown;
  let detail = "";
  if (typeof data === "object" && data !== null) {
    const record = data as { id?: unknown; status?: unknown; delta?: unknown };
    const delta = record.delta as
      | { content?: Array<{ text?: { value?: unknown } }>; step_details?: unknown }
      | undefined;
    const text = delta?.content?.[0]?.text?.value;
    if (typeof text === "string") detail = JSON.stringify(text);
    else if (typeof record.status === "string") detail = record.status;
    else if (typeof record.id === "string") detail = record.id;
  } else if (typeof data === "string") {
    detail = data;
  }
  return { kind: "event", label: event.event, detail: clip(detail) };
}

/**
 * Assistants runs take the Assistants backend's road: `readAssistantStream` →
 * `createAssistantStreamTranslator`, which turns each event into the ChatKit thread events for the
 * one message, step or part it touched → the thread store, as a ChatKit stream would.
 */
function createAssistantsPipeline(): ReplayPipeline {
  const store = createThreadStore();
  const log = createLog();
  return createPipeline(store, log, async (body, count) => {
    const translator = createAssistantStreamTranslator();
    store.getState().startStream();
    try {
      for await (const event of readAssistantStream(body)) {
        count();
        log.add({ ...describeAssistantsEvent(event), json: stringify(event) });
        const events = translator.push([event]);
        if (events.length > 0) store.getState().apply(events);
      }
    } finally {
      store.getState().finishStream();
    }
  });
}

/** A fresh pipeline (new store, empty log) for a recording of `protocol`. */
export function createReplayPipeline(protocol: RecordingProtocol): ReplayPipeline {
  return protocol === "chatkit" ? createChatKitPipeline() : createAssistantsPipeline();
}
