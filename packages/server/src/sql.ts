/** What the SQLite and PostgreSQL stores share: options, row decoding, paging. */
import type { Attachment, Page, ThreadMetadata } from "@threadkit/core";
import { BadRequestError, NotFoundError } from "./errors";
import type { PageOptions, StoredThreadItem } from "./types";

/** Options every SQL store takes. */
export interface SqlStoreOptions<C> {
  /**
   * Scopes threads and attachments to an owner taken from the request context (e.g. the user
   * id): other owners' threads are "not found" and `threads.list` shows only the owner's.
   * Default: one shared space.
   */
  owner?: (context: C) => string;
}

/** One schema migration: a version number, a name and its SQL statements. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Parses a stored JSON column (PostgreSQL's `jsonb` arrives already parsed). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The owner of a request, or `""` without scoping. */
export function ownerOf<C>(options: SqlStoreOptions<C>, context: C): string {
  return options.owner?.(context) ?? "";
}

/** The page to answer from `limit + 1` rows (`after` set only when there is more). */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const has_more = rows.length > limit;
  const data = rows.slice(0, limit);
  return { data, has_more, after: has_more ? (data.at(-1)?.id ?? null) : null };
}

/** The 400 of an `after` cursor that names no object of the list. */
export function unknownCursor(after: string): BadRequestError {
  return new BadRequestError(`Unknown cursor '${after}'.`, "params.after", "invalid_cursor");
}

/** Validates paging options (a store may be called directly). */
export function checkPage(options: PageOptions): void {
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new BadRequestError("limit must be a positive integer.", "params.limit");
  }
  if (options.order !== "asc" && options.order !== "desc") {
    throw new BadRequestError('order must be "asc" or "desc".', "params.order");
  }
}

export type { Attachment, StoredThreadItem, ThreadMetadata };
export { NotFoundError };
