import type { RunResult } from "../engine/run-result";
import { useRunController } from "./use-run-stream";

/** Re-runs the response after one user message; see {@link useRetryAfterItem}. */
export type RetryAfterItem = (itemId: string) => Promise<RunResult>;

/**
 * Gets a new reply to a user message of a thread (`threads.retry_after_item`) and streams it into
 * the thread's store, on a run of its own: the hook itself re-renders nothing. Once the server
 * accepts the retry, the items after the message leave the store (the server deleted them). A
 * failure shows on the thread like any run's (`useThreadRunStatus`, `Thread.RunStatus`), with its
 * retry. The connected `Thread.Root threadId` uses it to answer a thread's unanswered message
 * (`useThreadRunStatus().unansweredMessage`).
 *
 * The returned function is stable and never rejects (a failure has `status: "error"`). To stream
 * the reply on a run the app already holds (so its composer shows it running), call that run's
 * `retryAfterItem` instead.
 *
 * @param threadId - the thread holding the user message
 * @example
 * ```tsx
 * const { unansweredMessage } = useThreadRunStatus(threadId);
 * const retryAfterItem = useRetryAfterItem(threadId);
 * {unansweredMessage && <button onClick={() => void retryAfterItem(unansweredMessage.id)}>Get a reply</button>}
 * ```
 */
export function useRetryAfterItem(threadId: string | null): RetryAfterItem {
  return useRunController(threadId, {}, "useRetryAfterItem").retryAfterItem;
}
