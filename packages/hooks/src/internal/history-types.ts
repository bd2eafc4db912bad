/** The shapes every history source (ChatKit protocol, REST, Assistants) reads into. */
import type { ThreadItem, ThreadMetadata } from "@threadkit/core";

/** One page of items, oldest first. */
export interface ItemsPage {
  readonly items: readonly ThreadItem[];
  /** Cursor of the next page in request order, or `null` when there is none. */
  readonly nextCursor: string | null;
}

/** One page of threads. */
export interface ThreadsPage {
  readonly threads: readonly ThreadMetadata[];
  readonly nextCursor: string | null;
}

/** Paging options. */
export interface PageRequest {
  readonly limit: number;
  readonly order: "asc" | "desc";
  readonly after: string | null;
  readonly signal?: AbortSignal;
}

/** What the history hooks need, whatever the backend. */
export interface HistorySource {
  listItems(threadId: string, request: PageRequest): Promise<ItemsPage>;
  listThreads(request: PageRequest): Promise<ThreadsPage>;
  getThread(threadId: string, signal?: AbortSignal): Promise<ThreadMetadata>;
  deleteThread(threadId: string): Promise<void>;
  renameThread(threadId: string, title: string): Promise<ThreadMetadata | null>;
}

/** Options of {@link getHistorySource}. */
export interface HistorySourceOptions {
  /** Maps an OpenAI file id to a URL the browser may load (Assistants images). */
  readonly assistantFileUrl?: ((fileId: string) => string) | undefined;
}
