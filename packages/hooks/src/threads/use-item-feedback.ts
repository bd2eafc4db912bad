import { useCallback, useContext, useEffect, useRef, useState } from "react";
import { getThreadBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import { ThreadContextInternal } from "../thread/thread-context";

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

interface FeedbackState {
  status: UseItemFeedbackResult["status"];
  error: Error | null;
  variables: ItemFeedbackInput | undefined;
}

const IDLE: FeedbackState = { status: "idle", error: null, variables: undefined };

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
  const [state, setState] = useState<FeedbackState>(IDLE);
  // Only the last send sets the state, and none after unmount.
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { clients, reportError } = context;
  const mutateAsync = useCallback(
    async (input: ItemFeedbackInput) => {
      const call = ++latest.current;
      const settle = (next: FeedbackState) => {
        if (mounted.current && call === latest.current) setState(next);
      };
      settle({ status: "pending", error: null, variables: input });
      try {
        const backend = getThreadBackend(clients);
        if (!backend?.capabilities.feedback)
          throw new Error("`useItemFeedback` needs a `protocol` client in `ThreadkitProvider`");
        if (target === null) throw new Error("`useItemFeedback` needs a thread id");
        await backend.feedback(target, [...input.itemIds], input.kind);
        settle({ status: "success", error: null, variables: input });
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        reportError(error);
        settle({ status: "error", error, variables: input });
        throw error;
      }
    },
    [clients, reportError, target],
  );
  const mutate = useCallback(
    (input: ItemFeedbackInput) => {
      mutateAsync(input).catch(() => {});
    },
    [mutateAsync],
  );
  const reset = useCallback(() => {
    latest.current += 1;
    setState(IDLE);
  }, []);
  return {
    mutate,
    mutateAsync,
    status: state.status,
    isIdle: state.status === "idle",
    isPending: state.status === "pending",
    isSuccess: state.status === "success",
    isError: state.status === "error",
    error: state.error,
    variables: state.variables,
    reset,
  };
}
