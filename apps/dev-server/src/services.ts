import type { Store } from "@threadkit/server";
import type { FaultSpec } from "./faults";
import type { RequestInfo } from "./request-info";
import type { SessionManager } from "./sessions";
import type { DevStore } from "./store";
import type { Clock } from "./util";

/**
 * The request context of the dev server's ChatKit store and server: whose threads a request
 * sees (`user`: the session's user, or `anonymous` without a session) and, for protocol
 * requests, what the request carries besides its body.
 */
export interface DevContext {
  /** Owner of the threads the request reads and creates. */
  user: string;
  /** Origin, session and faults of a `POST /chatkit` request; null for REST reads. */
  info: RequestInfo | null;
  /** The protocol request type and its params (for the scripted replies). */
  request: { type: string; params: Record<string, unknown> } | null;
}

/** The context of a read on behalf of `user` (REST endpoints, tests). */
export function userContext(user = "anonymous"): DevContext {
  return { user, info: null, request: null };
}

/** The owner of a protocol request: the session's user, or `anonymous`. */
export function requestUser(info: RequestInfo): string {
  return info.session?.user ?? "anonymous";
}

/** Store kind of the thread → owner index the REST endpoints read threads by. */
const THREAD_OWNER_KIND = "chatkit.thread_owner";

/**
 * The owner of a thread as this server saw it created (the REST API reads any thread by id,
 * as the hosted API does with a secret key), or `anonymous`.
 */
export function threadOwner(store: DevStore, threadId: string): string {
  return (
    store.getObject<{ id: string; user: string }>(
      THREAD_OWNER_KIND,
      `${THREAD_OWNER_KIND}:${threadId}`,
    )?.user ?? "anonymous"
  );
}

/** Records who owns a new thread. */
export function recordThreadOwner(store: DevStore, threadId: string, user: string): void {
  store.putObject(THREAD_OWNER_KIND, { id: `${THREAD_OWNER_KIND}:${threadId}`, user });
}

/** The shared parts every route uses. */
export interface DevServices {
  /** ChatKit threads, items and attachment metadata: the `@threadkit/server` store. */
  threads: Store<DevContext>;
  /** Local state: attachment bytes, feedback, sessions, Assistants API objects. */
  store: DevStore;
  sessions: SessionManager;
  clock: Clock;
  /** Base delay between streamed chunks, in ms (0 in tests). */
  delayMs: number;
  /** Faults applied to every request. */
  faults: FaultSpec;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
}
