import type { Page, Thread, ThreadItem, ThreadMetadata } from "@threadkit/core";
import type { PageResult, StoredThread } from "./store";
import { toIso } from "./util";

/** A stored thread as the protocol sends it (no items; `null` title omitted). */
export function toThreadMetadata(thread: StoredThread): ThreadMetadata {
  return {
    id: thread.id,
    ...(thread.title === null ? {} : { title: thread.title }),
    created_at: toIso(thread.created_at),
    status: thread.status,
  };
}

/** A protocol page: `after` is the last id of the page, omitted when the page is empty. */
export function toProtocolPage<T extends { id: string }>(page: PageResult<T>): Page<T> {
  const last = page.data[page.data.length - 1];
  return { data: page.data, has_more: page.has_more, ...(last ? { after: last.id } : {}) };
}

/** A stored thread with a page of its items. */
export function toThread(thread: StoredThread, items: PageResult<ThreadItem>): Thread {
  return { ...toThreadMetadata(thread), items: toProtocolPage(items) };
}
