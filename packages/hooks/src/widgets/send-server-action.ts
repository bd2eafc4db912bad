/**
 * Sending one routed widget server action: shared by `useWidgetAction` and the thread's lazily
 * created runners (`useThreadRunActions`).
 */
import {
  type ActionConfig,
  type ActionPayload,
  type ThreadBackend,
  type ThreadItem,
  widgetActionRoute,
} from "@threadkit/core";
import type { RunResult } from "../engine/run-result";
import type { ThreadStore } from "../thread/thread-store";

/** Where a server action goes. */
export interface ServerActionTarget {
  threadId: string | null;
  /** The backend answering `streaming: false` actions (`null`: the clients cannot run). */
  backend: ThreadBackend | null;
  /** Streams the action through a run (`threads.custom_action`). */
  customAction(action: ActionPayload, itemId: string | null): Promise<RunResult>;
  getStore(threadId: string): ThreadStore;
}

/** Why a server action failed, and whether its run already reported it to `onError`. */
export interface ServerActionFailure {
  error: Error;
  reported: boolean;
}

/** The payload sent for an action: its type and payload, without the client-side settings. */
export function toActionPayload(action: ActionConfig): ActionPayload {
  return { type: action.type, payload: action.payload ?? null };
}

/**
 * Sends a server action as it is: streamed through `customAction`, or answered at once by the
 * backend's `syncCustomAction` when `streaming: false` (the updated item replaces the old).
 * Resolves with the failure, or `null`; never rejects.
 */
export async function sendWidgetServerAction(
  action: ActionConfig,
  itemId: string | null,
  target: ServerActionTarget,
): Promise<ServerActionFailure | null> {
  const { threadId, backend } = target;
  if (threadId === null)
    return { error: new Error("Widget actions need an existing thread"), reported: false };
  if (widgetActionRoute(action) === "sync") {
    if (!backend) {
      const error = new Error(
        "A widget server action needs a `protocol` client in `ThreadkitProvider`",
      );
      return { error, reported: false };
    }
    let updated: ThreadItem | null;
    try {
      updated = await backend.syncCustomAction(threadId, itemId, toActionPayload(action));
    } catch (caught) {
      return {
        error: caught instanceof Error ? caught : new Error(String(caught)),
        reported: false,
      };
    }
    if (updated != null) target.getStore(threadId).getState().upsertItem(updated);
    return null;
  }
  const result = await target.customAction(toActionPayload(action), itemId);
  // The run has already reported its own failure.
  if (result.status !== "error") return null;
  return {
    error: result.error ?? new Error(`Widget action "${action.type}" failed`),
    reported: true,
  };
}
