/** How a run ended. */
export interface RunResult {
  readonly status: "done" | "error" | "cancelled";
  /** The thread the run belongs to (the new id when the run created it). */
  readonly threadId: string | null;
  readonly error: Error | null;
  /** Whether the server accepted the request (its stream started). */
  readonly accepted: boolean;
  /**
   * The id of the sent user message once the server confirmed it (`thread.item.done`), or
   * `null` when it never arrived (or the operation sent no message).
   */
  readonly userMessageId: string | null;
}
