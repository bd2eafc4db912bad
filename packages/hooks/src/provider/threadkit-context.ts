import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { ThreadDataCache } from "../thread/thread-data";
import type { ThreadStore } from "../thread/thread-store";
import type { ThreadListCache } from "../threads/thread-lists";
import type { ThreadkitClients } from "./clients";

/** A `client_effect` the server sent, with the thread it came from. */
export interface ThreadkitEffect {
  /** Effect name, e.g. `highlight_text`. */
  readonly name: string;
  /** Effect data (`{}` when the server sent none). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The thread whose stream carried the effect. */
  readonly threadId: string | null;
}

/** A diagnostic log entry. Never contains message text. */
export interface ThreadkitLog {
  /** Event name, e.g. `stream.start`, `session.refresh`. */
  readonly name: string;
  /** Structured details (ids, counts, durations). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** App callbacks every threadkit hook reports to. */
export interface ThreadkitCallbacks {
  /** Called for every error a hook surfaces (also returned by the hook). For logging. */
  onError?: ((error: Error) => void) | undefined;
  /** Called for every `client_effect` a stream carries, once each. */
  onEffect?: ((effect: ThreadkitEffect) => void) | undefined;
  /** Diagnostics: stream start/end, session refresh, tool round-trips. */
  onLog?: ((log: ThreadkitLog) => void) | undefined;
  /**
   * Re-authenticates after a run failed with an expired session (HTTP 401), e.g. refreshes the
   * client secret: `onSessionExpired={() => session.refresh()}` with `useChatKitSession`. With
   * it, the failure offers `reauthenticate` (a "Sign in again" button in `Thread.RunStatus`),
   * which awaits this and then retries the run.
   */
  onSessionExpired?: (() => unknown) | undefined;
}

/** Holds one store per thread so every hook and component of a thread shares it. */
export interface ThreadStoreRegistry {
  /**
   * The store for `threadId`, created when missing. `null` is the single new-thread draft,
   * which is re-keyed under its id once the server creates the thread.
   */
  get(threadId: string | null): ThreadStore;
  /** The store of `threadId` when the registry holds one (never creates it). */
  peek(threadId: string): ThreadStore | undefined;
  /** Moves the draft store under `threadId` and starts a fresh draft. */
  adoptDraft(store: ThreadStore, threadId: string): void;
  /**
   * Keeps the store of `threadId` in memory while something shows it; returns the release
   * function. Hooks that read a thread retain its store while they are mounted.
   */
  retain(threadId: string): () => void;
  /** Subscribes to re-keying (draft adopted); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** What {@link ThreadkitProvider} shares with the hooks. */
export interface ThreadkitContextValue {
  readonly clients: ThreadkitClients;
  readonly locale: string | undefined;
  readonly stores: ThreadStoreRegistry;
  /** @internal Each thread's loaded history pages and metadata (`useThreadItems`, `useThread`). */
  readonly threadData: ThreadDataCache;
  /**
   * @internal The loaded history lists (`useThreads`), which the mutations and streams change:
   * made by `create` on first use (once per cache), else `undefined` until then.
   */
  readonly threadLists: (create?: () => ThreadListCache) => ThreadListCache | undefined;
  /**
   * Reloads what is loaded of a thread — its history pages (`useThreadItems`) and metadata
   * (`useThread`) — where something shows it, and marks it to reload when next shown otherwise.
   * ChatKit's `fetchUpdates` calls it. Resolves once the reloads ended.
   */
  readonly invalidateThread: (threadId: string) => Promise<void>;
  /**
   * Reloads every history list (`useThreads`) something shows now, and marks the others to
   * reload when next shown. ChatKit's `fetchUpdates` calls it. Resolves once the reloads ended.
   */
  readonly invalidateThreads: () => Promise<void>;
  /**
   * @internal The app's QueryClient (the provider's `queryClient`), else one made by `create` on
   * first use (once per provider; `useThreadkitQueryClient`), else `undefined`.
   */
  readonly queryClient: (create?: () => QueryClient) => QueryClient | undefined;
  /** Maps an OpenAI file id to a loadable URL (Assistants images in loaded history). */
  readonly assistantFileUrl: ((fileId: string) => string) | undefined;
  /** Reports an error to `onError` (never throws). */
  readonly reportError: (error: Error) => void;
  /** Reports a client effect to `onEffect`. */
  readonly reportEffect: (effect: ThreadkitEffect) => void;
  /** Reports a diagnostic to `onLog`. */
  readonly log: (name: string, data?: Readonly<Record<string, unknown>>) => void;
  /** The provider's `streamIdleTimeoutMs`, when given. */
  readonly streamIdleTimeoutMs?: number | undefined;
  /** Calls the provider's `onSessionExpired`; `undefined` when it has none. */
  readonly sessionExpired?: (() => Promise<void>) | undefined;
}

/** @internal */
export const ThreadkitContext = createContext<ThreadkitContextValue | null>(null);

/**
 * The provider's value. Throws a clear error outside {@link ThreadkitProvider}.
 *
 * @param hookName - the calling hook, named in the error
 */
export function useThreadkitContext(hookName = "useThreadkitContext"): ThreadkitContextValue {
  const value = useContext(ThreadkitContext);
  if (value === null) {
    throw new Error(`\`${hookName}\` must be used within \`ThreadkitProvider\``);
  }
  return value;
}
