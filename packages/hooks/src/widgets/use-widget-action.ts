import {
  type ActionConfig,
  type ActionPayload,
  parseThreadItem,
  runWidgetAction,
  type ThreadItem,
  widgetActionRoute,
} from "@threadkit/core";
import { useCallback, useContext, useMemo, useRef, useState } from "react";
import { useThreadkitContext } from "../provider/threadkit-context";
import { type UseRunStreamResult, useRunStream } from "../run/use-run-stream";
import { ThreadContextInternal } from "../thread/thread-context";

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
   * Dispatches a widget action: `handler: "client"` calls `onClientAction`; server actions
   * stream through `threads.custom_action`, or answer at once through
   * `threads.sync_custom_action` when `streaming: false` (the updated item replaces the old).
   * Resolves when done; failures land in `error` and `onError`.
   */
  dispatch(
    action: ActionConfig,
    source: WidgetActionSource | null,
    options?: DispatchWidgetActionOptions,
  ): Promise<void>;
  /** Whether the action with this key is in flight. */
  isPending(key: string): boolean;
  /** Keys of the actions in flight. */
  pending: ReadonlySet<string>;
  /** The last failure, or `null`. */
  error: Error | null;
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
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef({ options, run });
  latest.current = { options, run };

  const dispatch = useCallback(
    (
      action: ActionConfig,
      source: WidgetActionSource | null,
      dispatchOptions: DispatchWidgetActionOptions = {},
    ): Promise<void> => {
      const key = dispatchOptions.key ?? widgetActionKey(action, source);
      const toPayload = (sent: ActionConfig): ActionPayload => ({
        type: sent.type,
        payload: sent.payload ?? null,
      });
      setError(null);
      return runWidgetAction(action, {
        values: dispatchOptions.values,
        client: async (sent) => {
          const { onClientAction } = latest.current.options;
          if (!onClientAction) {
            throw new Error(
              `Widget action "${sent.type}" is a client action, but \`useWidgetAction\` has no \`onClientAction\``,
            );
          }
          await onClientAction(toPayload(sent), source);
        },
        server: async (sent) => {
          const currentRun = latest.current.run;
          const threadId = currentRun.threadId;
          if (threadId === null) throw new Error("Widget actions need an existing thread");
          if (widgetActionRoute(sent) === "sync") {
            const protocol = context.clients.protocol;
            if (!protocol) {
              throw new Error("`useWidgetAction` needs a `protocol` client in `ThreadkitProvider`");
            }
            const json = await protocol.request("threads.sync_custom_action", {
              thread_id: threadId,
              item_id: source?.id ?? null,
              action: toPayload(sent),
            });
            const updated = (json as { updated_item?: unknown } | null)?.updated_item;
            if (updated != null)
              context.stores.get(threadId).getState().upsertItem(parseThreadItem(updated));
            return;
          }
          const result = await currentRun.customAction(toPayload(sent), source?.id ?? null);
          // The run has already reported its own failure.
          if (result.status === "error") setError(result.error);
        },
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
          const reason = caught instanceof Error ? caught : new Error(String(caught));
          setError(reason);
          context.reportError(reason);
        },
      });
    },
    [context],
  );

  return useMemo(
    () => ({ dispatch, isPending: (key: string) => pending.has(key), pending, error }),
    [dispatch, pending, error],
  );
}
