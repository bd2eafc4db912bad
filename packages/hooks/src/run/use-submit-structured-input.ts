import type { StructuredInputSubmission } from "@threadkit/core";
import type { RunResult } from "../engine/run-result";
import { useRunController } from "./use-run-stream";

/** Answers (or skips) one structured input item; see {@link useSubmitStructuredInput}. */
export type SubmitStructuredInput = (
  itemId: string,
  submission: StructuredInputSubmission,
) => Promise<RunResult>;

/**
 * Answers or skips the structured input items of a thread (`threads.add_structured_input`) and
 * streams the server's response into the thread's store, on a run of its own: the hook itself
 * re-renders nothing. A failure shows on the thread like any run's (`useThreadRunStatus`,
 * `Thread.RunStatus`), with its retry. The connected `Thread.Root threadId` uses it for its
 * structured input items.
 *
 * The returned function is stable and resolves with the run's result; it never rejects (a
 * failure has `status: "error"`), like `useRunStream().submitStructuredInput`. To stream the
 * response on a run the app already holds, call that run's `submitStructuredInput` instead.
 *
 * @param threadId - the thread holding the structured input items
 * @example
 * ```tsx
 * const submit = useSubmitStructuredInput(threadId);
 * void submit(item.id, { status: "skipped", answers: {} });
 * ```
 */
export function useSubmitStructuredInput(threadId: string | null): SubmitStructuredInput {
  return useRunController(threadId, {}, "useSubmitStructuredInput").submitStructuredInput;
}
