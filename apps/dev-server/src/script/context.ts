import type { ThreadItemBase, ThreadStreamEvent } from "@threadkit/core";
import type { DevStore, StoredThread } from "../store";

/** What a scripted reply can see and use. */
export interface ScriptContext {
  thread: StoredThread;
  store: DevStore;
  /** Origin of this server as the client reached it (for file and image URLs). */
  origin: string;
  /** Whether this answer re-runs an earlier turn (`threads.retry_after_item`). */
  retry: boolean;
  /** ISO timestamp of now. */
  now(): string;
  /** Waits `units` × the configured stream delay (0 in tests). */
  pause(units?: number): Promise<void>;
  /** A new id with the given prefix. */
  newId(prefix: string): string;
}

/** A scripted reply: the stream events it produces. */
export type ScriptStream = AsyncGenerator<ThreadStreamEvent, void, undefined>;

/** The fields every new item starts with. */
export function itemBase(ctx: ScriptContext, prefix: string): ThreadItemBase {
  return { id: ctx.newId(prefix), thread_id: ctx.thread.id, created_at: ctx.now() };
}
