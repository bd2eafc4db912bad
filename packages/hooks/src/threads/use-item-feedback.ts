import { useContext } from "react";
import { getThreadBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadContextInternal } from "../thread/thread-context";
import { useMutationState } from "./use-mutation-state";

/** What {@link useItemFeedback} sends. */
export interface ItemFeedbackInput {
  /** The rated items (usually one assistant message). */
  itemIds: readonly string[];
  kind: "positive" | "negative";
}

/** What {@link useItemFeedback} returns: the state of the last feedback sent. */
export interface UseItemFeedbackResult {
  /** Sends feedback; a failure is reported to `onError` and kept in `error` (never thrown). */
  mutate(input: ItemFeedbackInput): void;
  /** Sends feedback; resolves once the server took it, rejects with the failure. */
  mutateAsync(input: ItemFeedbackInput): Promise<void>;
  /** `idle` until the first send, then `pending`, `success` or `error` for the last one. */
  status: "idle" | "pending" | "success" | "error";
  isIdle: boolean;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  /** Why the last send failed, or `null`. */
  error: Error | null;
  /** The input of the last send, or `undefined`. */
  variables: ItemFeedbackInput | undefined;
  /** Back to `idle`. */
  reset(): void;
}

/**
 * Sends thumbs up/down feedback on items (the backend's `feedback`: `items.feedback`) of
 * `threadId` (default: the current `ThreadProvider`'s thread). Read `isPending`, `isSuccess`,
 * `error` for the last send (the same fields as a TanStack Query mutation).
 *
 * @example
 * ```tsx
 * const feedback = useItemFeedback();
 * <button onClick={() => feedback.mutate({ itemIds: [id], kind: "positive" })}>👍</button>
 * ```
 */
export function useItemFeedback(threadId?: string): UseItemFeedbackResult {
  const context = useThreadkitContext("useItemFeedback");
  const thread = useContext(ThreadContextInternal);
  const target = threadId ?? thread?.threadId ?? null;
  const { clients, reportError } = context;
  const { data: _data, ...mutation } = useMutationState<ItemFeedbackInput, void>(async (input) => {
    const backend = getThreadBackend(clients);
    if (!backend?.capabilities.feedback)
      throw new Error("`useItemFeedback` needs a `protocol` client in `ThreadkitProvider`");
    if (target === null) throw new Error("`useItemFeedback` needs a thread id");
    await backend.feedback(target, [...input.itemIds], input.kind);
  }, reportError);
  return mutation;
}
