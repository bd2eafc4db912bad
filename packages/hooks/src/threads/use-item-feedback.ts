import { useMutation } from "@tanstack/react-query";
import { useContext } from "react";
import { getThreadBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadContextInternal } from "../thread/thread-context";

/** What {@link useItemFeedback} sends. */
export interface ItemFeedbackInput {
  /** The rated items (usually one assistant message). */
  itemIds: readonly string[];
  kind: "positive" | "negative";
}

/**
 * Sends thumbs up/down feedback on items (the backend's `feedback`: `items.feedback`) of `threadId` (default: the current
 * `ThreadProvider`'s thread). A TanStack Query mutation: read `isPending`, `isSuccess`, `error`.
 *
 * @example
 * ```tsx
 * const feedback = useItemFeedback();
 * <button onClick={() => feedback.mutate({ itemIds: [id], kind: "positive" })}>👍</button>
 * ```
 */
export function useItemFeedback(threadId?: string) {
  const context = useThreadkitContext("useItemFeedback");
  const thread = useContext(ThreadContextInternal);
  const target = threadId ?? thread?.threadId ?? null;
  return useMutation({
    mutationFn: async ({ itemIds, kind }: ItemFeedbackInput) => {
      const backend = getThreadBackend(context.clients);
      if (!backend?.capabilities.feedback)
        throw new Error("`useItemFeedback` needs a `protocol` client in `ThreadkitProvider`");
      if (target === null) throw new Error("`useItemFeedback` needs a thread id");
      await backend.feedback(target, [...itemIds], kind);
    },
    onError: (error) => context.reportError(error),
  });
}
