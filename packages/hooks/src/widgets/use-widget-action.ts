import {
  type ActionConfig,
  type ActionPayload,
  runWidgetAction,
  type ThreadItem,
} from "@threadkit/core";
import { useCallback, useContext, useMemo, useRef, useState } from "react";
import { getRunBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import { type UseRunStreamResult, useRunStream } from "../run/use-run-stream";
import { ThreadContextInternal } from "../thread/thread-context";
import { sendWidgetServerAction, toActionPayload } from "./send-server-action";

/** The widget item an action comes from. */
export interface WidgetActionSource {
  /** The widget item's id (sent as `item_id`). */
  id: string;
  /** The widget item, when at hand (given to client handlers). */
  item?: ThreadItem;
}

/** Handles `handler: "client"` actions in the app. */
export type ClientWidgetActionHandler = (
  action: ActionPayload,
  source: WidgetActionSource | null,
) => void | Promise<void>;

/** Options of {@link useWidgetAction}. */
export interface UseWidgetActionOptions {
  /** The run that streams server actions. Defaults to a run of the current `ThreadProvider`'s thread. */
  run?: UseRunStreamResult;
  /** The app's handler for client actions. */
  onClientAction?: ClientWidgetActionHandler;
}

/** Options of one dispatch. */
export interface DispatchWidgetActionOptions {
  /**
   * Values merged into the payload (form fields), as `Widget.Root` merges them: dotted names nest,
   * and a name the payload already has is left out (the payload wins).
   */
  values?: Readonly<Record<string, unknown>>;
  /** The loading key; defaults to `"<item id>:<action type>"`. */
  key?: string;
}

/** What {@link useWidgetAction} returns. */
export interface UseWidgetActionResult {
  /**
   * Dispatches a widget action from code: merges `values`, routes it with core's
   * `runWidgetAction` (`handler: "client"` calls `onClientAction`; server actions go to
   * {@link UseWidgetActionResult.sendServerAction}) and tracks it in `pending`. Resolves when
   * done; failures land in `error` and `onError`.
   */
  dispatch(
    action: ActionConfig,
    source: WidgetActionSource | null,
    options?: DispatchWidgetActionOptions,
  ): Promise<void>;
  /**
   * Sends a server action as it is, for a renderer that already merged its form values and
   * routed it (`Widget.Root`'s `onAction`): it streams through the run's `custom_action`, or is
   * answered at once by the backend's `syncCustomAction` when `streaming: false` (the updated
   * item replaces the old). Rejects with the failure, which also lands in `error` and the
   * provider's `onError` (a streamed action's through its run). Not tracked in `pending`.
   */
  sendServerAction(action: ActionConfig, source: WidgetActionSource | null): Promise<void>;
  /**
   * Hands a client action, as it is, to `onClientAction` (`Widget.Root`'s `onClientAction`).
   * Rejects when there is no `onClientAction` or it fails; the failure also lands in `error` and
   * the provider's `onError`.
   */
  runClientAction(action: ActionConfig, source: WidgetActionSource | null): Promise<void>;
  /** Whether the action with this key is in flight. */
  isPending(key: string): boolean;
  /** Keys of the actions in flight. */
  pending: ReadonlySet<string>;
  /** The last failure, or `null`. */
  error: Error | null;
  /**
   * Whether the run's backend answers server actions (its `customActions` capability; the
   * hosted REST and Assistants APIs do not). Leave server actions inert when `false`.
   */
  canSendServerActions: boolean;
}

/** The loading key of an action: `"<item id>:<action type>"`. */
export function widgetActionKey(action: ActionConfig, source: WidgetActionSource | null): string {
  return `${source?.id ?? ""}:${action.type}`;
}

/**
 * Dispatches widget actions with a loading state per action.
 *
 * @example
 * ```tsx
 * const actions = useWidgetAction({ run, onClientAction: (a) => navigate(a.payload) });
 * <button
 *   disabled={actions.isPending(widgetActionKey(button.onClickAction, { id: item.id }))}
 *   onClick={() => actions.dispatch(button.onClickAction, { id: item.id, item })}
 * />
 * ```
 */
export function useWidgetAction(options: UseWidgetActionOptions = {}): UseWidgetActionResult {
  const context = useThreadkitContext("useWidgetAction");
  const thread = useContext(ThreadContextInternal);
  const ownRun = useRunStream(options.run ? null : (thread?.threadId ?? null));
  const run = options.run ?? ownRun;
  const backend = getRunBackend(run, context.clients);
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef({ options, run, backend });
  latest.current = { options, run, backend };
  // Failures already reported (by the run, or when a sync action failed), not to report twice.
  const reported = useRef(new WeakSet<Error>());

  /** Records a failure in `error`, reports it unless the run already did, and throws it. */
  const fail = useCallback(
    (caught: unknown, alreadyReported: boolean): never => {
      const reason = caught instanceof Error ? caught : new Error(String(caught));
      if (!alreadyReported && !reported.current.has(reason)) context.reportError(reason);
      reported.current.add(reason);
      setError(reason);
      throw reason;
    },
    [context],
  );

  const runClientAction = useCallback(
    async (action: ActionConfig, source: WidgetActionSource | null): Promise<void> => {
      const { onClientAction } = latest.current.options;
      if (!onClientAction) {
        fail(
          new Error(
            `Widget action "${action.type}" is a client action, but \`useWidgetAction\` has no \`onClientAction\``,
          ),
          false,
        );
        return;
      }
      try {
        await onClientAction(toActionPayload(action), source);
      } catch (caught) {
        fail(caught, false);
      }
    },
    [fail],
  );

  const sendServerAction = useCallback(
    async (action: ActionConfig, source: WidgetActionSource | null): Promise<void> => {
      const { run: currentRun, backend: currentBackend } = latest.current;
      setError(null);
      const failure = await sendWidgetServerAction(action, source?.id ?? null, {
        threadId: currentRun.threadId,
        backend: currentBackend,
        customAction: currentRun.customAction,
        getStore: (id) => context.stores.get(id),
      });
      if (failure !== null) fail(failure.error, failure.reported);
    },
    [context, fail],
  );

  const dispatch = useCallback(
    (
      action: ActionConfig,
      source: WidgetActionSource | null,
      dispatchOptions: DispatchWidgetActionOptions = {},
    ): Promise<void> => {
      const key = dispatchOptions.key ?? widgetActionKey(action, source);
      setError(null);
      return runWidgetAction(action, {
        values: dispatchOptions.values,
        client: (sent) => runClientAction(sent, source),
        server: (sent) => sendServerAction(sent, source),
        onCollision: (name) =>
          console.warn(
            `[threadkit] Value "${name}" collides with a payload key of action "${action.type}"; it was left out.`,
          ),
        onLoading: (loading) =>
          setPending((set) => {
            const next = new Set(set);
            if (loading) next.add(key);
            else next.delete(key);
            return next;
          }),
        onError: (caught) => {
          // The runners report their own failures; this catches anything else.
          const reason = caught instanceof Error ? caught : new Error(String(caught));
          setError(reason);
          if (!reported.current.has(reason)) context.reportError(reason);
        },
      });
    },
    [context, runClientAction, sendServerAction],
  );

  const canSendServerActions = backend?.capabilities.customActions === true;
  return useMemo(
    () => ({
      dispatch,
      sendServerAction,
      runClientAction,
      isPending: (key: string) => pending.has(key),
      pending,
      error,
      canSendServerActions,
    }),
    [dispatch, sendServerAction, runClientAction, pending, error, canSendServerActions],
  );
}
