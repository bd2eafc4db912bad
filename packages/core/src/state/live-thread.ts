/**
 * The live rules of a thread: how stream batches, loaded pages and optimistic messages meet in
 * one {@link ThreadState}. `reduceThreadStream` applies the protocol; these functions (and
 * `applyThreadEvents` and `completeThreadToolCall` in `apply-thread-events.ts`, what only a run
 * does, kept apart so that a page that never streams does not load the stream reducer) add what a live UI needs on top of it, remembered in
 * `state.live`:
 *
 * - a page read before a live change never undoes it (`live.version`, `live.changedAt`), and a
 *   page never overwrites an item that is still streaming;
 * - a `client_tool_call` whose output was posted stays `completed` with that output, whatever
 *   stale `pending` copy a stream or a page brings later (`live.completedToolCalls`);
 * - an optimistic user message leaves when the server's copy of it arrives in a page
 *   (`live.optimisticIds`; the stream's echo removes it with `thread.item.removed`).
 *
 * Every function is pure and returns the same state when nothing changed, except that a batch of
 * live events always counts as a live change.
 */
import type { ThreadItem, UserMessageItem } from "../chatkit/thread-item";
import {
  EMPTY_LIVE_MARKS,
  finishThreadItem,
  mergeThreadItems,
  removeThreadItem,
  type ThreadLiveMarks,
  type ThreadState,
} from "./thread-state";

/** @internal The state's live marks (a state built by hand may lack them). */
export function marksOf(state: ThreadState): ThreadLiveMarks {
  return state.live ?? EMPTY_LIVE_MARKS;
}

/**
 * @internal `item` with its posted output when it is a completed client tool call shown as
 * `pending`.
 */
export function keepCompleted(marks: ThreadLiveMarks, item: ThreadItem): ThreadItem {
  if (item.type !== "client_tool_call" || item.status !== "pending") return item;
  const completed = marks.completedToolCalls.get(item.id);
  if (completed === undefined) return item;
  return { ...item, status: "completed", output: completed.output };
}

/** @internal Marks `ids` changed at a new live version. */
export function touch(marks: ThreadLiveMarks, ids: Iterable<string>): ThreadLiveMarks {
  const version = marks.version + 1;
  let changedAt = marks.changedAt;
  for (const id of ids) changedAt = changedAt.set(id, version);
  return { ...marks, version, changedAt };
}

/** @internal `state` with the marks `live`. */
export function withMarks(state: ThreadState, live: ThreadLiveMarks): ThreadState {
  return live === state.live ? state : { ...state, live };
}

/**
 * Inserts or replaces items a live run produced (new ones at the end) and counts them as a live
 * change: unlike {@link mergeThreadPage}, a page requested earlier never undoes them.
 */
export function upsertLiveThreadItems(
  state: ThreadState,
  items: readonly ThreadItem[],
): ThreadState {
  if (items.length === 0) return state;
  const marks = touch(
    marksOf(state),
    items.map((item) => item.id),
  );
  const kept =
    marks.completedToolCalls.size > 0 ? items.map((i) => keepCompleted(marks, i)) : items;
  return withMarks(mergeThreadItems(state, kept, { position: "append" }), marks);
}

/** Options of {@link mergeThreadPage}. */
export interface MergeThreadPageOptions {
  /** Where new ids go: `"prepend"` for older pages, `"append"` for newer ones. */
  position: "prepend" | "append";
  /**
   * `state.live.version` taken before the page was requested: items a live change touched after
   * that keep their live version (the page was read before the change). Default: every live
   * change counts as older than the page.
   */
  since?: number;
}

/**
 * Merges a loaded page, oldest first, deduplicated by id: a present item is replaced in place,
 * except while it is streaming or when a live change touched it after `since`. A posted client
 * tool output survives a stale `pending` copy, and an optimistic user message whose server copy
 * (same text and tags) is in the page leaves the thread.
 */
export function mergeThreadPage(
  state: ThreadState,
  items: readonly ThreadItem[],
  options: MergeThreadPageOptions,
): ThreadState {
  const marks = marksOf(state);
  const since = options.since ?? Number.POSITIVE_INFINITY;
  const streaming = state.streamingItemIds;
  const page =
    streaming.length === 0 && marks.changedAt.size === 0
      ? items
      : items.filter(
          (item) => !streaming.includes(item.id) && (marks.changedAt.get(item.id) ?? 0) <= since,
        );
  const kept = marks.completedToolCalls.size > 0 ? page.map((i) => keepCompleted(marks, i)) : page;
  const base = marks.optimisticIds.length > 0 ? withoutConfirmed(state, kept) : state;
  return mergeThreadItems(base, kept, { position: options.position });
}

/** Drops the optimistic messages whose server copy is in `items` (matched by content). */
function withoutConfirmed(state: ThreadState, items: readonly ThreadItem[]): ThreadState {
  let next = state;
  let optimisticIds = marksOf(state).optimisticIds;
  for (const item of items) {
    if (optimisticIds.length === 0) break;
    if (item.type !== "user_message" || state.itemsById.has(item.id)) continue;
    const key = contentKey(item);
    const index = optimisticIds.findIndex((id) => {
      const optimistic = next.itemsById.get(id);
      return optimistic?.type === "user_message" && contentKey(optimistic) === key;
    });
    if (index === -1) continue;
    next = removeThreadItem(next, optimisticIds[index]!);
    optimisticIds = optimisticIds.filter((_, at) => at !== index);
  }
  return withMarks(next, { ...marksOf(next), optimisticIds });
}

/** What a user message says (text and tags), to recognize the server's copy of a sent one. */
function contentKey(item: UserMessageItem): string {
  return JSON.stringify(
    item.content.map((part) =>
      part.type === "input_tag" ? ["tag", part.id] : ["text", part.text],
    ),
  );
}

/**
 * Inserts or replaces one item as a live change (a finished item: `thread.item.done`), keeping a
 * posted client tool output.
 */
export function upsertLiveThreadItem(state: ThreadState, item: ThreadItem): ThreadState {
  // What `applyThreadEvents(state, [{ type: "thread.item.done", item }])` does, without the
  // stream reducer (which a page that never streams does not load).
  const marks = marksOf(state);
  let next: ThreadState;
  try {
    next = finishThreadItem(state, keepCompleted(marks, item));
  } catch {
    // Like the stream reducer: a hand-built item with a broken shape changes no item.
    next = state;
  }
  const id = item && typeof item === "object" && "id" in item ? [String(item.id)] : [];
  return withMarks(next, touch(marks, id));
}

/**
 * Appends the optimistic copy of a user message being sent. It shows until the server's copy
 * arrives: the stream's echo removes it (`thread.item.removed`), and a page that brings a user
 * message with the same content replaces it ({@link mergeThreadPage}).
 */
export function addOptimisticThreadMessage(state: ThreadState, item: ThreadItem): ThreadState {
  const marks = touch(marksOf(state), [item.id]);
  const optimisticIds = [...marks.optimisticIds.filter((id) => state.itemsById.has(id)), item.id];
  const next = finishThreadItem(state, item);
  return withMarks(next, { ...marks, optimisticIds });
}

/** Whether the output of the `client_tool_call` item `itemId` was posted already. */
export function isThreadToolCallCompleted(state: ThreadState, itemId: string): boolean {
  return marksOf(state).completedToolCalls.has(itemId);
}
