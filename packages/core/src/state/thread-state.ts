/**
 * The state of one ChatKit thread as streams and pages build it. Items live in a persistent map
 * keyed by id, so one delta costs the same at 10 or 10,000 items; `itemIds` is a plain array that
 * changes identity only when items are added, removed or reordered.
 */

import type { ThreadMetadata } from "../chatkit/thread";
import type { IconName, JsonObject, ThreadItem } from "../chatkit/thread-item";
import { PersistentMap } from "./persistent-map";

/** The last `progress_update` the server sent; transient, never stored with the thread. */
export interface ThreadProgress {
  readonly text: string;
  readonly icon: IconName | null;
}

/** A `notice` event, numbered in arrival order. */
export interface ThreadNotice {
  /** Increases by one per notice within a state's lifetime. */
  readonly seq: number;
  readonly level: "info" | "warning" | "danger";
  /** Markdown. */
  readonly message: string;
  readonly title: string | null;
}

/** A `client_effect` event waiting to be dispatched to the app, numbered in arrival order. */
export interface ThreadClientEffect {
  /** Increases by one per effect within a state's lifetime; dispatch each `seq` once. */
  readonly seq: number;
  readonly name: string;
  readonly data: JsonObject;
}

/** The stream error the server reported (`error` event). */
export interface ThreadStreamError {
  /** `"stream.error"`, `"custom"`, or a future code. */
  readonly code: string;
  readonly message: string | null;
  /** Whether the UI should offer to retry. */
  readonly allowRetry: boolean;
}

/**
 * Everything the UI needs to render one thread. Treat it as immutable; produce new states only
 * with `reduceThreadStream` and the helpers of this module.
 */
export interface ThreadState {
  /** Item ids in display order. A new array only when items are added, removed or reordered. */
  readonly itemIds: readonly string[];
  /** Items by id (persistent map). Read with {@link selectThreadItem}. */
  readonly itemsById: PersistentMap<ThreadItem>;
  /** Thread metadata from `thread.created` / `thread.updated` (without its items), or null. */
  readonly thread: ThreadMetadata | null;
  /** Whether the running stream may be cancelled (`stream_options.allow_cancel`). */
  readonly allowCancel: boolean;
  /** Latest `progress_update`, cleared when an item arrives or finishes and when the stream ends. */
  readonly progress: ThreadProgress | null;
  /** Ids of items that were `added` and are not `done` yet (typically zero to two). */
  readonly streamingItemIds: readonly string[];
  /** Progress (0..1) of generated images still streaming, by item id. */
  readonly imageProgress: Readonly<Record<string, number>>;
  /** Notices received, oldest first. */
  readonly notices: readonly ThreadNotice[];
  /** Client effects not yet acknowledged with {@link acknowledgeThreadEffects}, oldest first. */
  readonly effects: readonly ThreadClientEffect[];
  /** Sequence number the next effect or notice gets. */
  readonly nextSeq: number;
  /** The last stream error, or null. Cleared by {@link startThreadStream}. */
  readonly error: ThreadStreamError | null;
  /**
   * What the live rules remember (`live-thread.ts`): when each item last changed live, the
   * outputs posted for client tool calls and the optimistic messages waiting for their copy.
   */
  readonly live: ThreadLiveMarks;
}

/**
 * The marks the live rules keep beside the items (see {@link applyThreadEvents},
 * {@link mergeThreadPage}): a page read before a live change never undoes it, a posted client
 * tool output is never replaced by a stale `pending` copy, and an optimistic user message leaves
 * when the server's copy arrives.
 */
export interface ThreadLiveMarks {
  /** A counter of live changes; take it before requesting a page (see {@link mergeThreadPage}). */
  readonly version: number;
  /** The live version at which each item last changed, by item id. */
  readonly changedAt: PersistentMap<number>;
  /** Outputs posted for `client_tool_call` items, by item id. */
  readonly completedToolCalls: PersistentMap<{ readonly output: unknown }>;
  /** Ids of optimistic user messages waiting for the server's copy, oldest first. */
  readonly optimisticIds: readonly string[];
}

const EMPTY_IDS: readonly string[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, number>> = Object.freeze({});
/** @internal The marks of a state no live change touched yet. */
export const EMPTY_LIVE_MARKS: ThreadLiveMarks = Object.freeze({
  version: 0,
  changedAt: PersistentMap.empty<number>(),
  completedToolCalls: PersistentMap.empty<{ readonly output: unknown }>(),
  optimisticIds: EMPTY_IDS,
});

/**
 * Creates a thread state holding `items` in the given order (a later duplicate id replaces the
 * earlier one in place).
 *
 * @example
 * const state = createThreadState(page.data);
 */
export function createThreadState(items: readonly ThreadItem[] = []): ThreadState {
  const base: ThreadState = {
    itemIds: EMPTY_IDS,
    itemsById: PersistentMap.empty(),
    thread: null,
    allowCancel: false,
    progress: null,
    streamingItemIds: EMPTY_IDS,
    imageProgress: EMPTY_RECORD,
    notices: EMPTY_IDS as readonly never[],
    effects: EMPTY_IDS as readonly never[],
    nextSeq: 1,
    error: null,
    live: EMPTY_LIVE_MARKS,
  };
  return items.length === 0 ? base : mergeThreadItems(base, items, { position: "append" });
}

/** The item with `id`, or `undefined`. O(log32 n). */
export function selectThreadItem(state: ThreadState, id: string): ThreadItem | undefined {
  return state.itemsById.get(id);
}

/** Every item in display order (allocates; prefer `itemIds` + {@link selectThreadItem} in UIs). */
export function selectThreadItems(state: ThreadState): ThreadItem[] {
  const out: ThreadItem[] = [];
  for (const id of state.itemIds) {
    const item = state.itemsById.get(id);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Whether the item with `id` was added by a stream and is not done yet. */
export function isThreadItemStreaming(state: ThreadState, id: string): boolean {
  return state.streamingItemIds.includes(id);
}

/** Options of {@link mergeThreadItems}. */
export interface MergeThreadItemsOptions {
  /** Where new ids go: `"prepend"` for older pages, `"append"` for newer ones. */
  position: "prepend" | "append";
}

/**
 * Merges a page of items into the state. Items whose id is already present are replaced in place
 * (keeping their position); the others are inserted, in the page's order, before or after the
 * existing ones. Pages are given oldest first (reverse a `desc` page before merging).
 */
export function mergeThreadItems(
  state: ThreadState,
  items: readonly ThreadItem[],
  options: MergeThreadItemsOptions,
): ThreadState {
  let itemsById = state.itemsById;
  const fresh: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!itemsById.has(item.id) && !seen.has(item.id)) fresh.push(item.id);
    seen.add(item.id);
    itemsById = itemsById.set(item.id, item);
  }
  if (itemsById === state.itemsById) return state;
  let itemIds = state.itemIds;
  if (fresh.length > 0) {
    itemIds =
      options.position === "prepend" ? [...fresh, ...state.itemIds] : [...state.itemIds, ...fresh];
  }
  return { ...state, itemIds, itemsById };
}

/** Inserts or replaces one item (append when new). Internal to the reducers. */
export function upsertThreadItem(state: ThreadState, item: ThreadItem): ThreadState {
  const existing = state.itemsById.get(item.id);
  if (existing === item) return state;
  const itemsById = state.itemsById.set(item.id, item);
  const itemIds = existing === undefined ? [...state.itemIds, item.id] : state.itemIds;
  return { ...state, itemsById, itemIds };
}

/**
 * @internal Sets `item` (replacing its copy in place, else appending it) and marks it streaming
 * (`true`), finished (`false`, which also drops its image progress) or leaves the mark (`null`).
 */
export function setThreadItem(
  state: ThreadState,
  item: ThreadItem,
  streaming: boolean | null,
): ThreadState {
  // `has` and `set` (which keeps the map when `item` is already there) do not build a streamed
  // item that `item` replaces: a `thread.item.done` after many deltas joins nothing.
  const itemsById = state.itemsById.set(item.id, item);
  const itemIds = state.itemsById.has(item.id) ? state.itemIds : [...state.itemIds, item.id];
  let streamingItemIds = state.streamingItemIds;
  let imageProgress = state.imageProgress;
  if (streaming === true && !streamingItemIds.includes(item.id)) {
    streamingItemIds = [...streamingItemIds, item.id];
  } else if (streaming === false) {
    streamingItemIds = without(streamingItemIds, item.id);
    imageProgress = withoutKey(imageProgress, item.id);
  }
  return { ...state, itemsById, itemIds, streamingItemIds, imageProgress };
}

/**
 * @internal What `thread.item.done` does (see `reduceThreadStream`): the finished `item` replaces
 * its copy (or is appended), is no longer streaming, and the progress line clears.
 */
export function finishThreadItem(state: ThreadState, item: ThreadItem): ThreadState {
  return { ...setThreadItem(state, item, false), progress: null };
}

/** Removes one item. */
export function removeThreadItem(state: ThreadState, id: string): ThreadState {
  if (!state.itemsById.has(id)) return state;
  return {
    ...state,
    itemsById: state.itemsById.delete(id),
    itemIds: state.itemIds.filter((x) => x !== id),
    streamingItemIds: without(state.streamingItemIds, id),
    imageProgress: withoutKey(state.imageProgress, id),
  };
}

/**
 * Marks the start of a response stream: clears the previous error, progress and notices (they
 * spoke about the previous response) and allows cancelling until the server's `stream_options`
 * says otherwise (the protocol's default).
 */
export function startThreadStream(state: ThreadState): ThreadState {
  return {
    ...state,
    error: null,
    progress: null,
    notices: EMPTY_IDS as readonly never[],
    allowCancel: true,
  };
}

/**
 * Marks the end of a response stream (finished, failed or aborted): clears progress, the cancel
 * flag and the streaming marks. Items stay as they are.
 */
export function finishThreadStream(state: ThreadState): ThreadState {
  if (
    !state.allowCancel &&
    state.progress === null &&
    state.streamingItemIds.length === 0 &&
    state.imageProgress === EMPTY_RECORD
  ) {
    return state;
  }
  return {
    ...state,
    allowCancel: false,
    progress: null,
    streamingItemIds: EMPTY_IDS,
    imageProgress: EMPTY_RECORD,
  };
}

/** Drops client effects up to and including `seq` once the app has dispatched them. */
export function acknowledgeThreadEffects(state: ThreadState, seq: number): ThreadState {
  const effects = state.effects.filter((effect) => effect.seq > seq);
  return effects.length === state.effects.length ? state : { ...state, effects };
}

/** Drops notices up to and including `seq` (e.g. after the user dismisses them). */
export function dismissThreadNotices(state: ThreadState, seq: number): ThreadState {
  const notices = state.notices.filter((notice) => notice.seq > seq);
  return notices.length === state.notices.length ? state : { ...state, notices };
}

/** @internal `ids` without `id` (same array when absent). */
export function without(ids: readonly string[], id: string): readonly string[] {
  if (!ids.includes(id)) return ids;
  const next = ids.filter((x) => x !== id);
  return next.length === 0 ? EMPTY_IDS : next;
}

/** @internal `record` without `key` (same object when absent). */
export function withoutKey(
  record: Readonly<Record<string, number>>,
  key: string,
): Readonly<Record<string, number>> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return Object.keys(rest).length === 0 ? EMPTY_RECORD : rest;
}
