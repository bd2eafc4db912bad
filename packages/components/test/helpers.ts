import {
  type AssistantMessageItem,
  createThreadState,
  reduceThreadStream,
  type ThreadItem,
  type ThreadState,
  type ThreadStreamEvent,
  type UserMessageItem,
} from "@threadkit/core";
import type { ThreadStoreLike } from "../src/thread/thread-source";

export function user(id: string, text: string): UserMessageItem {
  return {
    id,
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "user_message",
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
  };
}

export function assistant(id: string, text: string): AssistantMessageItem {
  return {
    id,
    thread_id: "thr",
    created_at: "2026-05-01T10:00:00Z",
    type: "assistant_message",
    content: [{ type: "output_text", text, annotations: [] }],
  };
}

export function conversation(count: number): ThreadItem[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? user(`i${i}`, `Question ${i}`) : assistant(`i${i}`, `Answer **${i}**`),
  );
}

/** A minimal live store over core's pure thread reducer (what the hooks' store wraps). */
export function createTestStore(items: readonly ThreadItem[]): ThreadStoreLike & {
  dispatch(event: ThreadStreamEvent): void;
  state(): ThreadState;
} {
  let state = createThreadState(items);
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener as () => void);
      return () => listeners.delete(listener as () => void);
    },
    dispatch(event) {
      state = reduceThreadStream(state, event);
      for (const listener of listeners) listener();
    },
    state: () => state,
  };
}
