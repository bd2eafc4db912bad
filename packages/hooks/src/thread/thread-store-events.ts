/**
 * How a thread store applies a batch of stream events: core's `applyThreadEvents`, following
 * `thread.created` (the store then holds the thread the server created). Only a run applies
 * events to the provider's stores, so they take this from the run runtime.
 */
import { applyThreadEvents, type ThreadState, type ThreadStreamReducerEvent } from "./thread-state";

/** A store's state as the event reducers see it: a thread state with the thread's id. */
type StoreThreadState = ThreadState & { readonly threadId: string | null };

/** Applies `events` to a store's state; the same object when nothing changed. */
export function applyStoreEvents<S extends StoreThreadState>(
  state: S,
  events: readonly ThreadStreamReducerEvent[],
): S {
  const next = applyThreadEvents(state, events) as S;
  let createdId: string | null = null;
  for (const event of events) {
    if (event.type === "thread.created") createdId = event.thread.id;
  }
  return createdId === null ? next : { ...next, threadId: createdId };
}
