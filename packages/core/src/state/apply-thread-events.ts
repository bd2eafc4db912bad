/**
 * What only a run does to a thread state (see `live-thread.ts` for the rules): applying live
 * stream batches and completing client tool calls. Apart from `live-thread.ts` because it pulls
 * in the stream reducer: a page that only shows loaded items (page merges, optimistic messages,
 * single items) never loads this module.
 */

import { keepCompleted, marksOf, touch, withMarks } from "./live-thread";
import type { ThreadStreamReducerEvent } from "./reduce-thread-stream";
import { reduceThreadStreamEvents } from "./reduce-thread-stream";
import { finishThreadItem, type ThreadLiveMarks, type ThreadState } from "./thread-state";

function keepCompletedEvent(
  marks: ThreadLiveMarks,
  event: ThreadStreamReducerEvent,
): ThreadStreamReducerEvent {
  if (event.type !== "thread.item.added" && event.type !== "thread.item.done") return event;
  const item = keepCompleted(marks, event.item);
  return item === event.item ? event : { ...event, item };
}

/** The id of the item an event is about, if any. */
function eventItemId(event: ThreadStreamReducerEvent): string | undefined {
  if (event.type === "thread.item.updated") return event.item_id;
  if ("item" in event && event.item && typeof event.item === "object" && "id" in event.item) {
    return String(event.item.id);
  }
  if ("item_id" in event && typeof event.item_id === "string") return event.item_id;
  return undefined;
}

/**
 * Applies a batch of live stream events (one network chunk or one frame's worth) and counts it
 * as one live change of every item it names. A `pending` copy of a client tool call whose output
 * was posted keeps `completed` and the output. Equals `reduceThreadStreamEvents` otherwise.
 *
 * @example
 * for await (const events of backend.run(operation, signal)) state = applyThreadEvents(state, events);
 */
export function applyThreadEvents(
  state: ThreadState,
  events: readonly ThreadStreamReducerEvent[],
): ThreadState {
  if (events.length === 0) return state;
  const marks = marksOf(state);
  const kept =
    marks.completedToolCalls.size > 0
      ? events.map((event) => keepCompletedEvent(marks, event))
      : events;
  // Consecutive events about one item (a run of deltas) name it once.
  const ids: string[] = [];
  let last: string | undefined;
  for (const event of events) {
    const id = eventItemId(event);
    if (id !== undefined && id !== last) ids.push(id);
    last = id;
  }
  const next = reduceThreadStreamEvents(state, kept);
  return withMarks(next, touch(marksOf(next), ids));
}

/**
 * Marks a `client_tool_call` item `completed` with its `output` once the output was posted.
 * ChatKit servers complete the call on their side without sending the item again; a later
 * `pending` copy of it (stream or page) keeps the completed status and output.
 */
export function completeThreadToolCall(
  state: ThreadState,
  itemId: string,
  output: unknown,
): ThreadState {
  const marks = marksOf(state);
  const completedToolCalls = marks.completedToolCalls.set(itemId, { output });
  const item = state.itemsById.get(itemId);
  const next =
    item?.type === "client_tool_call"
      ? finishThreadItem(state, { ...item, status: "completed", output })
      : state;
  return withMarks(next, { ...marksOf(next), completedToolCalls });
}
