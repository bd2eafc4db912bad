import {
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { ThreadkitContext } from "../provider/threadkit-context";
import {
  type ChatKitSessionSnapshot,
  createSessionController,
  type SessionController,
  type SessionControllerOptions,
} from "./session-controller";

/** Options of {@link useChatKitSession}. */
export interface UseChatKitSessionOptions extends Omit<SessionControllerOptions, "onLog"> {
  /**
   * Hooks with the same scope under one `ThreadkitProvider` share one session (one request for
   * many callers). The first mounted hook's options win until it unmounts.
   * @default "default"
   */
  scope?: string;
  /**
   * Set `false` to hold off the first request (e.g. until the user signs in).
   * @default true
   */
  enabled?: boolean;
}

/** What {@link useChatKitSession} returns. */
export interface UseChatKitSessionResult extends ChatKitSessionSnapshot {
  /** Fetches a new secret now (single flight: concurrent calls share one request). */
  refresh(): Promise<string>;
  /** Stops the session; calls `onCancel` with the old secret. `refresh()` starts it again. */
  cancel(): void;
  /**
   * `fetch` with `Authorization: Bearer <client secret>`: on a 401 it refreshes once and replays
   * the request. Give it to the REST client: `createChatKitRestClient({ fetch: session.fetch })`.
   */
  fetch: typeof fetch;
}

interface SharedSession {
  controller: SessionController;
  users: number;
}

const sharedSessions = new WeakMap<object, Map<string, SharedSession>>();

/**
 * A ChatKit session: fetches a client secret through `getClientSecret`, refreshes it ahead of
 * `expires_at`, retries failures with backoff, and stops when the last user unmounts.
 *
 * @example
 * ```tsx
 * const session = useChatKitSession({
 *   getClientSecret: async () => (await fetch("/api/chatkit/session", { method: "POST" })).json(),
 * });
 * if (session.status === "error") return <p>{session.error?.message}</p>;
 * ```
 */
export function useChatKitSession(options: UseChatKitSessionOptions): UseChatKitSessionResult {
  const { scope = "default", enabled = true } = options;
  const context = useContext(ThreadkitContext);
  const latest = useRef(options);
  latest.current = options;
  const log = context?.log;

  const controllerOptions = useCallback(
    (): SessionControllerOptions => ({
      ...latest.current,
      getClientSecret: (current, init) => latest.current.getClientSecret(current, init),
      onCancel: (secret) => latest.current.onCancel?.(secret),
      ...(log ? { onLog: log } : {}),
    }),
    [log],
  );

  const [own] = useState(() => createSessionController(controllerOptions()));
  const shared = useMemo(() => {
    if (context === null) return null;
    let byScope = sharedSessions.get(context);
    if (!byScope) {
      byScope = new Map();
      sharedSessions.set(context, byScope);
    }
    return { byScope, scope };
  }, [context, scope]);

  // Resolved during render (idempotently) so every hook of a scope starts the same controller.
  const controller = useMemo(() => {
    if (shared === null) return own;
    let entry = shared.byScope.get(shared.scope);
    if (!entry) {
      entry = { controller: own, users: 0 };
      shared.byScope.set(shared.scope, entry);
    }
    return entry.controller;
  }, [shared, own]);

  useEffect(() => {
    if (shared === null) return () => controller.dispose();
    let entry = shared.byScope.get(shared.scope);
    if (!entry) {
      entry = { controller, users: 0 };
      shared.byScope.set(shared.scope, entry);
    }
    entry.users += 1;
    const current = entry;
    return () => {
      current.users -= 1;
      if (current.users === 0) {
        current.controller.dispose();
        shared.byScope.delete(shared.scope);
      }
    };
  }, [shared, controller]);

  useEffect(() => {
    if (controller === own) own.setOptions(controllerOptions());
    if (enabled) controller.start();
  }, [controller, own, enabled, controllerOptions]);

  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );

  return useMemo(
    () => ({
      ...snapshot,
      refresh: controller.refresh,
      cancel: controller.cancel,
      fetch: controller.fetch,
    }),
    [snapshot, controller],
  );
}
