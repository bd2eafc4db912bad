import type { ThreadStore } from "../thread/thread-store";

/**
 * Drops every item after the user message `itemId` from the thread's store, in one commit: what
 * a ChatKit server does in its own store when it accepts `threads.retry_after_item`. The server
 * sends no `thread.item.removed` events for them, so without this the old reply (or the cut
 * partial of a dropped stream) would stay above the new one until the thread is reloaded.
 * Removals count as live changes: a page requested before the retry never brings them back.
 * Nothing happens when the message is not in the store.
 */
export function removeItemsAfter(store: ThreadStore, itemId: string): void {
  const state = store.getState();
  const index = state.itemIds.indexOf(itemId);
  if (index === -1) return;
  const removed = state.itemIds.slice(index + 1);
  if (removed.length === 0) return;
  state.apply(removed.map((id) => ({ type: "thread.item.removed", item_id: id })));
}
