import type { ActionConfig, StructuredInputSubmission, ThreadBackend } from "@threadkit/core";
import { useCallback, useEffect, useMemo, useRef } from "react";
import {
  loadedRunRuntime,
  loadRunRuntime,
  preloadRunRuntime,
  preloadRunRuntimeWhenIdle,
  type RunRuntime,
} from "../engine/load-run-runtime";
import type { RunEngine } from "../engine/run-engine";
import { createRunEngineDeps } from "../engine/run-engine-deps";
import type { RunResult } from "../engine/run-result";
import { resolveRunBackend } from "../engine/run-route";
import { getThreadBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import type { ThreadRunFailure, ThreadStore } from "../thread/thread-store";
import { sendWidgetServerAction } from "../widgets/send-server-action";

/** What {@link useThreadRunActions} returns: stable functions, none of which rejects. */
export interface ThreadRunActions {
  /** The backend a run of the thread goes to, or `null` when the provider's clients cannot run. */
  backend: ThreadBackend | null;
  /** As `useRetryAfterItem(threadId)`: a new reply to a user message, streamed into the thread. */
  retryAfterItem(itemId: string): Promise<RunResult>;
  /** As `useSubmitStructuredInput(threadId)`: answers or skips a structured input item. */
  submitStructuredInput(itemId: string, submission: StructuredInputSubmission): Promise<RunResult>;
  /**
   * Sends a routed widget server action as it is (`useWidgetAction().sendServerAction`): streamed
   * through a run (`threads.custom_action`), or answered at once when `streaming: false`. Rejects
   * with the failure, which is also reported to the provider's `onError`.
   */
  sendServerAction(action: ActionConfig, itemId: string | null): Promise<void>;
  /**
   * Sends thumbs up/down feedback on items (`items.feedback`); a failure is reported to the
   * provider's `onError`, then rejects.
   */
  sendFeedback(itemIds: readonly string[], kind: "positive" | "negative"): Promise<void>;
  /** Starts loading the code runs need (on pointer or focus intent), without waiting for it. */
  preload(): void;
}

type RunnerKind = "retry" | "structured_input" | "widget";

/**
 * The actions a thread view offers on its items — retry, structured input answers, widget server
 * actions, feedback — without the run engine on the page: each kind of action gets a runner of
 * its own (as `useRetryAfterItem`, `useSubmitStructuredInput` and `useWidgetAction` would), made
 * on its first use: the `RunEngine` and the run runtime load with `import()` once the browser is
 * idle after the first paint (or on `preload()`, or with the first action). Until then the thread
 * shows runs started elsewhere through its store alone. Code that fails to load shows on the
 * thread as the run's error (a `RunEngineLoadError`), with a retry that loads it again; nothing the user gave is lost (a structured input answer's run
 * resolves with `status: "error"`, so its form stays open).
 *
 * The connected `Thread.Root threadId` uses it; apps that render their own thread may too.
 *
 * @param threadId - the thread the actions go to
 * @example
 * ```tsx
 * const actions = useThreadRunActions(threadId);
 * <button onPointerEnter={actions.preload} onClick={() => void actions.retryAfterItem(id)}>Retry</button>
 * ```
 */
export function useThreadRunActions(threadId: string | null): ThreadRunActions {
  const context = useThreadkitContext("useThreadRunActions");
  const latestContext = useRef(context);
  latestContext.current = context;
  const latestThread = useRef(threadId);
  latestThread.current = threadId;
  const runners = useRef(new Map<RunnerKind, { engine: RunEngine; stop: () => void }>());
  const mounted = useRef(false);
  const failures = useRef(new Map<ThreadRunFailure, ThreadStore>());
  const { clients, stores } = context;
  const backend = resolveRunBackend(clients, undefined);

  useEffect(() => {
    for (const { engine } of runners.current.values()) engine.setThread(threadId);
  }, [threadId]);

  useEffect(() => {
    mounted.current = true;
    const own = runners.current;
    const published = failures.current;
    return () => {
      mounted.current = false;
      for (const { engine, stop } of own.values()) {
        engine.dispose();
        stop();
      }
      own.clear();
      // A load failure's retry goes with the thread view.
      for (const [failure, store] of published) {
        if (store.getState().runFailure === failure) store.getState().setRunFailure(null);
      }
      published.clear();
    };
  }, []);

  const canRun = backend !== null;
  useEffect(() => (canRun ? preloadRunRuntimeWhenIdle() : undefined), [canRun]);

  /** The runner of `kind`, made on first use. */
  const runnerOf = useCallback(
    (runtime: RunRuntime, kind: RunnerKind): RunEngine => {
      const existing = runners.current.get(kind);
      if (existing !== undefined) return existing.engine;
      const current = latestContext.current;
      const engine = new runtime.RunEngine(
        latestThread.current,
        createRunEngineDeps(
          current,
          () => ({ options: {}, context: latestContext.current }),
          0,
          10,
        ),
      );
      engine.mount();
      const stop = runtime.trackRunActivity(engine, (id) => stores.get(id));
      runners.current.set(kind, { engine, stop });
      return engine;
    },
    [stores],
  );

  /** Runs `operation` on the runner of `kind` once the runtime is there. */
  const run = useCallback(
    async (kind: RunnerKind, operation: (engine: RunEngine) => Promise<RunResult>) => {
      const ready = loadedRunRuntime();
      if (ready !== null) return operation(runnerOf(ready, kind));
      const threadAtCall = latestThread.current;
      let runtime: RunRuntime;
      try {
        runtime = await loadRunRuntime();
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        latestContext.current.reportError(error);
        // Shown on the thread like a run's failure, with a retry that loads the runtime again.
        if (mounted.current) {
          const failure: ThreadRunFailure = {
            error,
            // What `describeRunFailure` says of a `RunEngineLoadError` (it loads with the run
            // engine, which is what failed to load).
            kind: "connection",
            reason: "network",
            retryAt: null,
            retry: () => run(kind, operation),
            reauthenticate: null,
          };
          const store = stores.get(threadAtCall);
          store.getState().setRunFailure(failure);
          failures.current.set(failure, store);
        }
        const result: RunResult = {
          status: "error",
          threadId: threadAtCall,
          error,
          accepted: false,
          userMessageId: null,
        };
        return result;
      }
      if (!mounted.current) {
        const result: RunResult = {
          status: "cancelled",
          threadId: threadAtCall,
          error: null,
          accepted: false,
          userMessageId: null,
        };
        return result;
      }
      return operation(runnerOf(runtime, kind));
    },
    [runnerOf, stores],
  );

  return useMemo<ThreadRunActions>(
    () => ({
      backend,
      retryAfterItem: (itemId) => run("retry", (engine) => engine.retryAfterItem(itemId)),
      submitStructuredInput: (itemId, submission) =>
        run("structured_input", (engine) => engine.submitStructuredInput(itemId, submission)),
      sendServerAction: async (action, itemId) => {
        const failure = await sendWidgetServerAction(action, itemId, {
          threadId: latestThread.current,
          backend,
          customAction: (payload, id) =>
            run("widget", (engine) => engine.customAction(payload, id)),
          getStore: (id) => stores.get(id),
        });
        if (failure === null) return;
        if (!failure.reported) latestContext.current.reportError(failure.error);
        throw failure.error;
      },
      sendFeedback: async (itemIds, kind) => {
        const target = latestThread.current;
        try {
          const feedbackBackend = getThreadBackend(clients);
          if (!feedbackBackend?.capabilities.feedback)
            throw new Error("Feedback needs a `protocol` client in `ThreadkitProvider`");
          if (target === null) throw new Error("Feedback needs a thread id");
          await feedbackBackend.feedback(target, [...itemIds], kind);
        } catch (caught) {
          const error = caught instanceof Error ? caught : new Error(String(caught));
          latestContext.current.reportError(error);
          throw error;
        }
      },
      preload: preloadRunRuntime,
    }),
    [backend, clients, run, stores],
  );
}
