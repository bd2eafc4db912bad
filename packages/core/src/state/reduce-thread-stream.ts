/**
 * The pure reducer of ChatKit `ThreadStreamEvent`s (chatkit.md §1.4) into {@link ThreadState}.
 */
import type { ThreadStreamEvent } from "../chatkit/stream-event";
import type { ThreadStreamReadEvent } from "../chatkit/stream-events";
import type { ThreadMetadata } from "../chatkit/thread";
import type {
  AssistantMessageContent,
  AssistantMessageItem,
  ThreadItem,
} from "../chatkit/thread-item";
import { applyThreadItemUpdate } from "./apply-item-update";
import type { LazyValue } from "./persistent-map";
import {
  createThreadState,
  finishThreadItem,
  mergeThreadItems,
  removeThreadItem,
  setThreadItem,
  type ThreadState,
} from "./thread-state";

/** What {@link reduceThreadStream} accepts: protocol events and what `readThreadStream` yields. */
export type ThreadStreamReducerEvent = ThreadStreamEvent | ThreadStreamReadEvent;

function metadataOf(thread: ThreadMetadata & { items?: unknown }): ThreadMetadata {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

const TEXT_DELTA = "assistant_message.content_part.text_delta";

/**
 * The text deltas appended to part `index` of `base`, in order, shared by the states one stream
 * produces (each state reads its own prefix of `chunks`, so appending never changes an older
 * state). Strings are immutable, so `doneCount`/`doneText` only remember the longest prefix
 * joined so far.
 */
class DeltaRun {
  readonly chunks: string[];
  private doneCount = 0;
  private doneText: string;

  constructor(
    readonly base: AssistantMessageItem,
    readonly index: number,
    first: string,
  ) {
    this.chunks = [first];
    this.doneText = (base.content[index] as AssistantMessageContent).text;
  }

  /** The part's text after the first `count` deltas. */
  textAt(count: number): string {
    const chunks = this.chunks;
    let from = this.doneCount;
    let text = this.doneText;
    if (from > count) {
      from = 0;
      text = (this.base.content[this.index] as AssistantMessageContent).text;
    }
    // One join per read, so the text is a few flat pieces rather than a rope node per delta.
    if (count - from === 1) text += chunks[from] as string;
    else if (count > from) text += chunks.slice(from, count).join("");
    if (count > this.doneCount) {
      this.doneCount = count;
      this.doneText = text;
    }
    return text;
  }
}

/**
 * The streaming item after the first `count` deltas of a {@link DeltaRun}, built when first read
 * (a UI reads once per frame, a stream brings many deltas per frame) and then kept.
 */
class StreamedItem implements LazyValue<ThreadItem> {
  private item: AssistantMessageItem | undefined = undefined;

  constructor(
    readonly run: DeltaRun,
    readonly count: number,
  ) {}

  /** The item when built already (a built item is always a new object). */
  peek(): ThreadItem | undefined {
    return this.item;
  }

  value(): ThreadItem {
    if (this.item !== undefined) return this.item;
    const { base, index } = this.run;
    const content = base.content.slice();
    // Spread, then store: V8 (Node 20) takes a slow path for `{ ...obj, key }` when `obj` already
    // has `key`.
    const part = { ...(content[index] as AssistantMessageContent) };
    part.text = this.run.textAt(this.count);
    content[index] = part;
    const item: AssistantMessageItem = { ...base };
    item.content = content;
    this.item = item;
    return item;
  }
}

/**
 * The hot path: a text delta to an existing part of an assistant message (nearly every event of
 * a stream). Returns `undefined` when the general path must handle the event. Consecutive deltas
 * to one part only append to a shared {@link DeltaRun}: the item is built when read.
 */
function reduceTextDelta(
  state: ThreadState,
  itemId: string,
  index: number,
  delta: string,
): ThreadState | undefined {
  if (typeof delta !== "string") return undefined;
  const lazy = state.itemsById.lazyOf(itemId);
  let next: StreamedItem;
  if (
    lazy instanceof StreamedItem &&
    lazy.run.index === index &&
    lazy.count === lazy.run.chunks.length
  ) {
    // This state holds the newest version of the run: extend it.
    lazy.run.chunks.push(delta);
    next = new StreamedItem(lazy.run, lazy.count + 1);
  } else {
    const item = state.itemsById.get(itemId);
    if (item === undefined || item.type !== "assistant_message") return undefined;
    if (item.content[index] === undefined) return undefined;
    next = new StreamedItem(new DeltaRun(item, index, delta), 1);
  }
  // Listing the fields (rather than spreading `state`) keeps one hidden class for every state.
  return {
    itemIds: state.itemIds,
    itemsById: state.itemsById.setLazy(itemId, next),
    thread: state.thread,
    allowCancel: state.allowCancel,
    progress: state.progress,
    streamingItemIds: state.streamingItemIds,
    imageProgress: state.imageProgress,
    notices: state.notices,
    effects: state.effects,
    nextSeq: state.nextSeq,
    error: state.error,
    live: state.live,
  };
}

function reduce(state: ThreadState, event: ThreadStreamReducerEvent): ThreadState {
  if (event.type === "thread.item.updated" && event.update.type === TEXT_DELTA) {
    const fast = reduceTextDelta(
      state,
      event.item_id,
      event.update.content_index,
      event.update.delta,
    );
    if (fast !== undefined) return fast;
  }
  switch (event.type) {
    case "thread.item.updated": {
      const item = state.itemsById.get(event.item_id);
      // An update for an item this state never saw (a trimmed capture, or an item id the server
      // does not reuse) has nothing to apply to; the item's `done` event carries the full item.
      if (item === undefined) return state;
      const next = applyThreadItemUpdate(item, event.update);
      let imageProgress = state.imageProgress;
      if (
        event.update.type === "generated_image.updated" &&
        typeof event.update.progress === "number"
      ) {
        imageProgress = { ...imageProgress, [item.id]: event.update.progress };
      }
      if (next === item && imageProgress === state.imageProgress) return state;
      return {
        ...state,
        itemsById: next === item ? state.itemsById : state.itemsById.set(item.id, next),
        imageProgress,
      };
    }
    case "thread.item.added":
      return { ...setThreadItem(state, event.item, true), progress: null };
    case "thread.item.done":
      // Authoritative: the final item replaces whatever the deltas built.
      return finishThreadItem(state, event.item);
    case "thread.item.replaced":
      return setThreadItem(state, event.item, null);
    case "thread.item.removed":
      return removeThreadItem(state, event.item_id);
    case "thread.created":
    case "thread.updated": {
      const next = { ...state, thread: metadataOf(event.thread) };
      const items = event.thread.items?.data;
      return Array.isArray(items) && items.length > 0
        ? mergeThreadItems(next, items, { position: "append" })
        : next;
    }
    case "stream_options":
      return event.stream_options.allow_cancel === state.allowCancel
        ? state
        : { ...state, allowCancel: event.stream_options.allow_cancel };
    case "progress_update":
      return { ...state, progress: { text: event.text, icon: event.icon ?? null } };
    case "client_effect":
      return {
        ...state,
        effects: [
          ...state.effects,
          { seq: state.nextSeq, name: event.name, data: event.data ?? {} },
        ],
        nextSeq: state.nextSeq + 1,
      };
    case "notice":
      return {
        ...state,
        notices: [
          ...state.notices,
          {
            seq: state.nextSeq,
            level: event.level,
            message: event.message,
            title: event.title ?? null,
          },
        ],
        nextSeq: state.nextSeq + 1,
      };
    case "error":
      return {
        ...state,
        progress: null,
        error: {
          code: event.code ?? "custom",
          message: event.message ?? null,
          allowRetry: event.allow_retry ?? false,
        },
      };
    default:
      // `unknown` and `stream.malformed` events, and types a newer server may add.
      return state;
  }
}

/**
 * Applies one stream event to a thread state and returns the next state (the same object when
 * nothing changed). Pure and never throws. An update costs O(log n) (O(1) for repeated deltas to
 * one item): a delta copies only the touched item; every other item keeps its identity, and
 * `itemIds` keeps its identity unless items are added or removed (which copies it, O(n)).
 *
 * Semantics (ChatKit server protocol): `thread.item.added` appends a streaming item (or replaces
 * one with the same id in place); `thread.item.done` is authoritative and replaces the item;
 * `thread.item.replaced` swaps in place; `thread.item.removed` drops the item; updates for unknown
 * item ids are ignored; `progress_update` is kept until the next item is added or done, an error,
 * or {@link finishThreadStream}; `client_effect` and `notice` are queued with a sequence number;
 * `error` records `{code, message, allowRetry}`. Unknown and malformed events leave the state as
 * it is.
 *
 * @example
 * let state = createThreadState();
 * for await (const event of readThreadStream(response.body)) state = reduceThreadStream(state, event);
 */
export function reduceThreadStream(
  state: ThreadState | undefined,
  event: ThreadStreamReducerEvent,
): ThreadState {
  const current = state ?? createThreadState();
  try {
    return reduce(current, event);
  } catch {
    // Events come validated from `readThreadStream`; a hand-built event with a broken shape is
    // ignored rather than allowed to break the UI.
    return current;
  }
}

function isTextDelta(
  event: ThreadStreamReducerEvent,
): event is ThreadStreamEvent & { type: "thread.item.updated" } {
  // Optional chaining: a hand-built event may lack `update`, and this runs outside the try.
  return (
    event.type === "thread.item.updated" &&
    (event.update as ThreadItemUpdateLike | undefined)?.type === TEXT_DELTA
  );
}

type ThreadItemUpdateLike = { type?: unknown };

/**
 * Applies a batch of events in order; the result equals reducing them one by one. Consecutive
 * text deltas to the same item and content part are joined and applied once, so a network
 * chunk of many deltas costs about one item copy. Use it with `readThreadStreamBatches` when
 * the UI commits once per chunk.
 */
export function reduceThreadStreamEvents(
  state: ThreadState | undefined,
  events: readonly ThreadStreamReducerEvent[],
): ThreadState {
  let current = state ?? createThreadState();
  let i = 0;
  while (i < events.length) {
    const event = events[i] as ThreadStreamReducerEvent;
    i++;
    if (!isTextDelta(event)) {
      current = reduceThreadStream(current, event);
      continue;
    }
    const update = event.update as { content_index: number; delta: string };
    let joined: string[] | null = null;
    while (i < events.length) {
      const next = events[i] as ThreadStreamReducerEvent;
      if (
        !isTextDelta(next) ||
        next.item_id !== event.item_id ||
        (next.update as { content_index: number }).content_index !== update.content_index
      ) {
        break;
      }
      if (joined === null) joined = [update.delta];
      joined.push((next.update as { delta: string }).delta);
      i++;
    }
    // `join` gives one flat string per batch, where `+=` would keep a rope node per delta alive
    // for the whole reply (more garbage-collector work on long replies).
    const delta = joined === null ? update.delta : joined.join("");
    current = reduceThreadStream(
      current,
      joined === null
        ? event
        : {
            type: "thread.item.updated",
            item_id: event.item_id,
            update: { type: TEXT_DELTA, content_index: update.content_index, delta },
          },
    );
  }
  return current;
}
