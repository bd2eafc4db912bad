import type { ActionPayload, StructuredInputSubmission, ThreadBackend } from "@threadkit/core";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import type { AssistantRunOptions } from "../engine/backends";
import { preloadRunRuntimeWhenIdle } from "../engine/load-run-runtime";
import { trackRunActivity } from "../engine/run-activity";
import { RunEngine, type RunStatus } from "../engine/run-engine";
import { createRunEngineDeps } from "../engine/run-engine-deps";
import type { ClientToolHandler } from "../engine/run-errors";
import type { RunInput, SendOptions } from "../engine/run-request";
import type { RunResult } from "../engine/run-result";
import { resolveRunBackend, resolveRunRoute } from "../engine/run-route";
import { useThreadkitContext } from "../provider/threadkit-context";
import { useResolvedThreadStore } from "../thread/thread-context";
import type { ThreadNotice, ThreadProgress } from "../thread/thread-state";

/** Options of {@link useRunStream}. */
export interface UseRunStreamOptions {
  /**
   * Client tools by name. When a response ends with a pending `client_tool_call` whose name is
   * here, the handler runs and its return value is posted back
   * (`threads.add_client_tool_output`); the response then continues. A handler that throws posts
   * `{ error: message }`.
   */
  clientTools?: Readonly<Record<string, ClientToolHandler>>;
  /**
   * Called when the first message created a thread (`thread.created`). Store the id (URL,
   * state) and pass it back as `threadId`; the live items follow it without a reload.
   */
  onThreadCreated?: (threadId: string) => void;
  /**
   * Commit stream updates at most once per this many milliseconds instead of once per
   * animation frame. Read once, when the hook mounts.
   * @default 0 (animation frames)
   */
  throttleMs?: number;
  /**
   * Run an assistant of the Assistants API (with the provider's `assistants` client) instead of
   * talking to a ChatKit server. Messages go through create-and-run (new thread) or a run
   * stream; function calls of `requires_action` go to `clientTools` and the run continues on
   * the submit-tool-outputs stream; `cancel()` also cancels the run on the server.
   */
  assistant?: AssistantRunOptions;
  /**
   * Stop after this many client tool round-trips in one response (loop guard).
   * @default 10
   */
  maxToolRoundTrips?: number;
  /**
   * How long a started stream may go without an event before the run fails with a
   * `StreamIdleTimeoutError` (and offers its retry), in milliseconds; `0` or `Infinity` never
   * times out. Overrides the provider's `streamIdleTimeoutMs`.
   * @default the provider's `streamIdleTimeoutMs`, else 60000
   */
  idleTimeoutMs?: number;
}

/** What {@link useRunStream} returns. */
export interface UseRunStreamResult {
  /**
   * Sends a user message (`threads.create` when `threadId` is `null`, else
   * `threads.add_user_message`) with an optimistic message shown at once. Resolves when the
   * response (and its client tool round-trips) ends; never rejects: errors land in `error`.
   * `options.onAccepted` runs as soon as the server accepted the send; `options.onLost` when it
   * failed without the message reaching the thread.
   */
  send(input: RunInput, options?: SendOptions): Promise<RunResult>;
  /**
   * Aborts the request or response; the server sees the disconnect and stops. Items so far stay.
   * Cancelling before the server answered (or during a retry backoff) keeps the composer's draft.
   */
  cancel(): void;
  /**
   * Retries the failed operation. After a send whose user message the server confirmed
   * (`thread.item.done`), the response is re-run after it (`threads.retry_after_item`), whatever
   * broke (stream `error` event or a dropped connection); a message that never arrived is sent
   * again, with the `SendOptions` of the failed send (so `onAccepted` clears a composer's
   * draft once the resend is accepted).
   */
  retry(): Promise<RunResult>;
  /**
   * Re-runs the response after a user message (`threads.retry_after_item`). Once the server
   * accepts it (its stream starts), every item after that message leaves the thread's store, as
   * the server deleted them from its own without `thread.item.removed` events; a retry that
   * fails before that leaves the items alone. `retry()` after a confirmed message does the same.
   */
  retryAfterItem(itemId: string): Promise<RunResult>;
  /** Answers (or skips) a structured input item (`threads.add_structured_input`). */
  submitStructuredInput(itemId: string, submission: StructuredInputSubmission): Promise<RunResult>;
  /** Streams a widget action to the server (`threads.custom_action`). */
  customAction(action: ActionPayload, itemId?: string | null): Promise<RunResult>;
  /** Posts a client tool's output by hand (for tools not in `clientTools`). */
  submitClientToolOutput(result: unknown): Promise<RunResult>;
  /** Dismisses notices up to and including `seq`. */
  dismissNotices(seq: number): void;
  /** `idle`, `submitting` (request sent), `streaming`, `running_tool` or `error`. */
  status: RunStatus;
  /** Whether a request is in flight (`submitting`, `streaming` or `running_tool`). */
  isRunning: boolean;
  /** The last error (request failure or the server's stream `error`). */
  error: Error | null;
  /** The input of a send that failed before the server accepted it; resend with `retry()`. */
  failedInput: RunInput | null;
  /** The latest `progress_update` of the running response. */
  progress: ThreadProgress | null;
  /** Notices of the thread, oldest first. */
  notices: readonly ThreadNotice[];
  /** Whether the server allows cancelling the running response. */
  allowCancel: boolean;
  /**
   * Whether to offer Stop: from the moment of send until the server answers (also during a
   * retry backoff), then while the server allows cancelling (`allowCancel`).
   */
  canCancel: boolean;
  /** The thread the run writes to: `threadId`, or the id of the thread the first send created. */
  threadId: string | null;
  /**
   * The backend the run talks to (`null` when the provider's clients cannot run). The composer's
   * uploads, widget actions and dictation go to it too; read its `capabilities` to leave out
   * what it cannot do.
   */
  backend?: ThreadBackend | null;
}

/**
 * Sends messages to a ChatKit server and streams the responses into the thread's store.
 *
 * @param threadId - the thread, or `null` to create one with the first message
 * @example
 * ```tsx
 * const run = useRunStream(threadId, { onThreadCreated: setThreadId });
 * <button onClick={() => run.send("Hello")} disabled={run.isRunning}>Send</button>
 * {run.allowCancel && run.isRunning && <button onClick={run.cancel}>Stop</button>}
 * ```
 */
export function useRunStream(
  threadId: string | null,
  options: UseRunStreamOptions = {},
): UseRunStreamResult {
  const controller = useRunController(threadId, options, "useRunStream");
  const { clients } = useThreadkitContext("useRunStream");
  // One adapter per client and assistant (cached), so this is the very backend the runs use.
  const backend = resolveRunBackend(clients, options.assistant);
  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );
  const store = useResolvedThreadStore(snapshot.threadId, undefined, "useRunStream");
  const progress = useStore(store, (state) => state.progress);
  const notices = useStore(store, (state) => state.notices);
  const allowCancel = useStore(store, (state) => state.allowCancel);

  return useMemo(
    () => ({
      send: controller.send,
      cancel: controller.cancel,
      retry: controller.retry,
      retryAfterItem: controller.retryAfterItem,
      submitStructuredInput: controller.submitStructuredInput,
      customAction: controller.customAction,
      submitClientToolOutput: controller.submitClientToolOutput,
      dismissNotices: (seq: number) => store.getState().dismissNotices(seq),
      status: snapshot.status,
      isRunning:
        snapshot.status === "submitting" ||
        snapshot.status === "streaming" ||
        snapshot.status === "running_tool",
      error: snapshot.error,
      failedInput: snapshot.failedInput,
      progress,
      notices,
      allowCancel,
      canCancel:
        snapshot.status === "submitting" ||
        ((snapshot.status === "streaming" || snapshot.status === "running_tool") && allowCancel),
      threadId: snapshot.threadId,
      backend,
    }),
    [controller, snapshot, store, progress, notices, allowCancel, backend],
  );
}

/**
 * @internal The runner of one hook instance: created once, follows `threadId`, aborts its
 * request on unmount. Subscribes to nothing; callers pick what they render.
 */
export function useRunController(
  threadId: string | null,
  options: UseRunStreamOptions,
  hookName: string,
): RunEngine {
  const context = useThreadkitContext(hookName);
  const latest = useRef(options);
  latest.current = options;
  const latestContext = useRef(context);
  latestContext.current = context;

  const [controller] = useState(
    () =>
      new RunEngine(
        threadId,
        createRunEngineDeps(
          context,
          () => ({ options: latest.current, context: latestContext.current }),
          options.throttleMs ?? 0,
          options.maxToolRoundTrips ?? 10,
        ),
      ),
  );

  const stores = context.stores;
  // The app switching threads aborts the old thread's run; adopting our own new thread does not.
  useEffect(() => {
    controller.setThread(threadId);
  }, [controller, threadId]);

  useEffect(() => {
    controller.mount();
    const stopTracking = trackRunActivity(controller, (id) => stores.get(id));
    return () => {
      controller.dispose();
      stopTracking();
    };
  }, [controller, stores]);

  // The code that runs responses loads on the first run; a runner that can run loads it once
  // the browser is idle after the first paint, so the first send does not wait for it.
  const canRun = typeof resolveRunRoute(context.clients, options.assistant) !== "string";
  useEffect(() => (canRun ? preloadRunRuntimeWhenIdle() : undefined), [canRun]);

  return controller;
}
