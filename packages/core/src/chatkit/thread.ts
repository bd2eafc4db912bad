import type { ItemOrigin, JsonObject, ThreadItem } from "./thread-item";

/** Whether the thread accepts new messages. */
export type ThreadStatus =
  | { type: "active" }
  | { type: "locked"; reason?: string | null }
  | { type: "closed"; reason?: string | null };

/** A thread without its items (as `threads.list` returns it). */
export interface ThreadMetadata {
  id: string;
  title?: string | null;
  /** ISO-8601 datetime. */
  created_at: string;
  status: ThreadStatus;
  allowed_image_domains?: string[] | null;
  metadata?: JsonObject;
  /** Set by the normalizers only: the source of a hosted REST or Assistants thread. */
  origin?: ItemOrigin;
}

/** A cursor page of the ChatKit protocol. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  after?: string | null;
}

/** A thread with its first page of items (as `threads.get_by_id` returns it). */
export interface Thread extends ThreadMetadata {
  items: Page<ThreadItem>;
}
