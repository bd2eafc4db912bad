import type { ThreadItem } from "@threadkit/core";
import { completeThreadToolCall } from "./thread-state";
import { buildThreadStore } from "./thread-store-core";
import { applyStoreEvents } from "./thread-store-events";
import type { ThreadStore } from "./thread-store-types";

export type {
  ThreadRunFailure,
  ThreadRunIncomplete,
  ThreadStore,
  ThreadStoreActions,
  ThreadStoreState,
} from "./thread-store-types";

/**
 * Creates the store for one thread. Usually the provider creates and shares stores; call this
 * directly for tests and stories. Every action, `apply` included, changes the state at once.
 *
 * @param threadId - the thread's id, or `null` for a thread not created yet
 * @param initial - items already known, oldest first
 */
export function createThreadStore(
  threadId: string | null = null,
  initial: readonly ThreadItem[] = [],
): ThreadStore {
  return buildThreadStore(threadId, initial, EAGER_EVENTS);
}

const REDUCERS = { applyStoreEvents, completeThreadToolCall };
const EAGER_EVENTS = { current: () => REDUCERS, load: () => Promise.resolve() };
