import type { ThreadItemBase, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";

/** What a scripted reply can see and use. */
export interface ScriptContext {
  /**
   * The thread being answered. Changing `title` or `status` saves the change and announces it
   * with `thread.updated`.
   */
  thread: ThreadMetadata;
  /** Origin of this server as the client reached it (for file and image URLs). */
  origin: string;
  /** Whether this answer re-runs an earlier turn (`threads.retry_after_item`). */
  retry: boolean;
  /** ISO timestamp of now. */
  now(): string;
  /** Waits `units` × the configured stream delay (0 in tests); ends early when the client leaves. */
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
