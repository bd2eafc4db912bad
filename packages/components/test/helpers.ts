import type {
  AssistantMessageItem,
  ThreadItem,
  ThreadStreamEvent,
  UserMessageItem,
} from "@threadkit/core";
import { createThreadStore, type ThreadStore, type ThreadStoreState } from "@threadkit/hooks";

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

/** A live store of `@threadkit/hooks` holding `items`, with a shorthand to apply one stream event. */
export function createTestStore(items: readonly ThreadItem[]): ThreadStore & {
  dispatch(event: ThreadStreamEvent): void;
  state(): ThreadStoreState;
} {
  const store = createThreadStore("thr", items);
  return Object.assign(store, {
    dispatch: (event: ThreadStreamEvent) => store.getState().apply([event]),
    state: () => store.getState(),
  });
}
