import type { ThreadItem } from "@threadkit/core";
import { createStore, type StoreApi } from "zustand/vanilla";

/** Live state of one thread: ordered item ids and the items by id. */
export interface ThreadStoreState {
  itemIds: readonly string[];
  itemsById: Readonly<Record<string, ThreadItem>>;
}

/** Actions on a thread store. */
export interface ThreadStoreActions {
  /** Inserts new items at the end and replaces existing ones in place. Unchanged items keep their identity. */
  upsertItems(items: readonly ThreadItem[]): void;
}

/** A zustand store holding one thread's live items. */
export type ThreadStore = StoreApi<ThreadStoreState & ThreadStoreActions>;

/** Creates the store for one thread. */
export function createThreadStore(initial: readonly ThreadItem[] = []): ThreadStore {
  return createStore<ThreadStoreState & ThreadStoreActions>()((set) => ({
    itemIds: initial.map((item) => item.id),
    itemsById: Object.fromEntries(initial.map((item) => [item.id, item])),
    upsertItems(items) {
      set((state) => {
        let itemIds = state.itemIds;
        const itemsById = { ...state.itemsById };
        for (const item of items) {
          if (!(item.id in itemsById)) itemIds = [...itemIds, item.id];
          itemsById[item.id] = item;
        }
        return { itemIds, itemsById };
      });
    },
  }));
}
