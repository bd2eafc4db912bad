import { useStore } from "zustand";
import { useThreadStore } from "../thread/thread-context";

/**
 * The id of the `client_tool_call` item whose tool the client is running right now in a thread
 * (a handler of `useRunStream`'s `clientTools`, from any component), or `null`. It is set when
 * the handler starts and cleared once its output was posted, or when the run ends, fails or is
 * cancelled. Re-renders only when it changes.
 *
 * @param threadId - the thread; omitted, the current `ThreadProvider`'s thread
 * @example
 * ```tsx
 * const runningId = useRunningToolCallId(threadId);
 * <ToolCall item={item} running={item.id === runningId} />
 * ```
 */
export function useRunningToolCallId(threadId?: string | null): string | null {
  return useStore(useThreadStore(threadId), (state) => state.runningToolCallId);
}
