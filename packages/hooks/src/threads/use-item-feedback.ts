import { useMutation } from "@tanstack/react-query";
import { useContext } from "react";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadContextInternal } from "../thread/thread-context";

/** What {@link useItemFeedback} sends. */
export interface ItemFeedbackInput {
  /** The rated items (usually one assistant message). */
  itemIds: readonly string[];
  kind: "positive" | "negative";
}

/**
 * Sends thumbs up/down feedback on items (`items.feedback`) of `threadId` (default: the current
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
      const protocol = context.clients.protocol;
      if (!protocol)
        throw new Error("`useItemFeedback` needs a `protocol` client in `ThreadkitProvider`");
      if (target === null) throw new Error("`useItemFeedback` needs a thread id");
      await protocol.request("items.feedback", { thread_id: target, item_ids: [...itemIds], kind });
    },
    onError: (error) => context.reportError(error),
  });
}
