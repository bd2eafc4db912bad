import type { ThreadItem } from "@threadkit/core";
import type { ItemStatus } from "../context";

/**
 * What the thread view reads items from: ordered ids, items by id and their status, with change
 * notification. {@link fromItems} builds one from an array, {@link fromThreadStore} from a
 * per-thread store of `@threadkit/hooks`.
 */
export interface ThreadSource {
  subscribe(listener: () => void): () => void;
  /** Ordered ids; a new array only when ids change. */
  getItemIds(): readonly string[];
  getItem(id: string): ThreadItem | undefined;
  getStatus(id: string): ItemStatus;
  /** Generation progress (0..1) of a streaming generated image. */
  getImageProgress?(id: string): number | undefined;
}

const NONE: readonly string[] = Object.freeze([]);
const noop = () => () => {};

/** A static source over an array of items (optionally some streaming). */
export function fromItems(
  items: readonly ThreadItem[],
  streamingItemIds: readonly string[] = NONE,
): ThreadSource {
  const ids = items.map((item) => item.id);
  const byId = new Map(items.map((item) => [item.id, item]));
  const streaming = new Set(streamingItemIds);
  return {
    subscribe: noop,
    getItemIds: () => ids,
    getItem: (id) => byId.get(id),
    getStatus: (id) => (streaming.has(id) ? "streaming" : "done"),
  };
}

/** The state shape of a per-thread store this view can read (structural; zustand-compatible). */
export interface ThreadStoreLike {
  getState(): {
    itemIds: readonly string[];
    itemsById: { get(id: string): ThreadItem | undefined } | Readonly<Record<string, ThreadItem>>;
    streamingItemIds?: readonly string[];
    imageProgress?: Readonly<Record<string, number>>;
  };
  subscribe(listener: () => void): () => void;
}

/** A live source over a per-thread store (`createThreadStore` of `@threadkit/hooks`). */
export function fromThreadStore(store: ThreadStoreLike): ThreadSource {
  let lastStreaming: readonly string[] | undefined;
  let streamingSet = new Set<string>();
  const streamingOf = () => {
    const ids = store.getState().streamingItemIds ?? NONE;
    if (ids !== lastStreaming) {
      lastStreaming = ids;
      streamingSet = new Set(ids);
    }
    return streamingSet;
  };
  return {
    subscribe: (listener) => store.subscribe(listener),
    getItemIds: () => store.getState().itemIds,
    getItem: (id) => {
      const map = store.getState().itemsById;
      return typeof (map as { get?: unknown }).get === "function"
        ? (map as { get(id: string): ThreadItem | undefined }).get(id)
        : (map as Readonly<Record<string, ThreadItem>>)[id];
    },
    getStatus: (id) => (streamingOf().has(id) ? "streaming" : "done"),
    getImageProgress: (id) => store.getState().imageProgress?.[id],
  };
}
