import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Attachment, JsonObject, ThreadItem, ThreadStatus } from "@threadkit/core";
import Database from "better-sqlite3";
import { badRequest } from "./util";

/** A thread row: one thread, seen by the protocol and the REST API alike. */
export interface StoredThread {
  id: string;
  /** Milliseconds since the epoch. */
  created_at: number;
  title: string | null;
  status: ThreadStatus;
  /** The end user who owns the thread (the session's `user`). */
  user: string;
  metadata: JsonObject;
}

/** A cursor page request. `after`/`before` are ids of the list's own objects. */
export interface PageQuery {
  limit: number;
  order: "asc" | "desc";
  after?: string | undefined;
  before?: string | undefined;
}

/** A page of results in the requested order. */
export interface PageResult<T> {
  data: T[];
  has_more: boolean;
}

/** An uploaded (or announced) attachment with its bytes once they arrive. */
export interface StoredAttachment {
  attachment: Attachment;
  size: number;
  bytes: Buffer | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS threads (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, created_at INTEGER NOT NULL, title TEXT,
  status TEXT NOT NULL, user TEXT NOT NULL, metadata TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS threads_seq ON threads(seq);
CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_thread_seq ON items(thread_id, seq);
CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB);
CREATE TABLE IF NOT EXISTS feedback (
  thread_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (thread_id, item_id));
CREATE TABLE IF NOT EXISTS objects (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, parent TEXT, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS objects_kind_parent_seq ON objects(kind, parent, seq);
`;

interface ThreadRow {
  id: string;
  seq: number;
  created_at: number;
  title: string | null;
  status: string;
  user: string;
  metadata: string;
}

function rowToThread(row: ThreadRow): StoredThread {
  return {
    id: row.id,
    created_at: row.created_at,
    title: row.title,
    status: JSON.parse(row.status) as ThreadStatus,
    user: row.user,
    metadata: JSON.parse(row.metadata) as JsonObject,
  };
}

/**
 * The dev server's persistence: SQLite through better-sqlite3 (synchronous, one connection).
 * Items are stored as canonical protocol JSON, ordered by an insertion sequence so paging is
 * stable even when timestamps tie.
 */
export class DevStore {
  readonly db: Database.Database;
  private seq: number;

  /** Opens (and creates) `<dataDir>/threadkit.sqlite`, or an in-memory database for `null`. */
  constructor(dataDir: string | null) {
    if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir === null ? ":memory:" : path.join(dataDir, "threadkit.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(SCHEMA);
    const max = this.db
      .prepare(
        "SELECT MAX(s) AS s FROM (SELECT MAX(seq) AS s FROM threads UNION ALL SELECT MAX(seq) FROM items UNION ALL SELECT MAX(seq) FROM objects)",
      )
      .get() as { s: number | null };
    this.seq = max.s ?? 0;
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- threads ----

  /** Inserts a new thread. */
  createThread(thread: StoredThread): void {
    this.db
      .prepare(
        "INSERT INTO threads (id, seq, created_at, title, status, user, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        thread.id,
        this.nextSeq(),
        thread.created_at,
        thread.title,
        JSON.stringify(thread.status),
        thread.user,
        JSON.stringify(thread.metadata),
      );
  }

  /** The thread, or null. */
  getThread(id: string): StoredThread | null {
    const row = this.db.prepare("SELECT * FROM threads WHERE id = ?").get(id) as
      | ThreadRow
      | undefined;
    return row ? rowToThread(row) : null;
  }

  /** Changes title, status or metadata. */
  updateThread(
    id: string,
    patch: Partial<Pick<StoredThread, "title" | "status" | "metadata">>,
  ): void {
    const current = this.getThread(id);
    if (!current) return;
    const next = { ...current, ...patch };
    this.db
      .prepare("UPDATE threads SET title = ?, status = ?, metadata = ? WHERE id = ?")
      .run(next.title, JSON.stringify(next.status), JSON.stringify(next.metadata), id);
  }

  /** Deletes a thread with its items and feedback. Returns whether it existed. */
  deleteThread(id: string): boolean {
    const run = this.db.transaction(() => {
      this.db.prepare("DELETE FROM items WHERE thread_id = ?").run(id);
      this.db.prepare("DELETE FROM feedback WHERE thread_id = ?").run(id);
      return this.db.prepare("DELETE FROM threads WHERE id = ?").run(id).changes > 0;
    });
    return run();
  }

  /** A page of threads, optionally only those of one user. */
  listThreads(query: PageQuery, user?: string): PageResult<StoredThread> {
    const page = this.page<ThreadRow>(
      "threads",
      user === undefined ? "1 = 1" : "user = ?",
      user === undefined ? [] : [user],
      query,
    );
    return { data: page.data.map(rowToThread), has_more: page.has_more };
  }

  // ---- items ----

  /** Inserts an item, or replaces it in place (keeping its position) when the id exists. */
  upsertItem(item: ThreadItem): void {
    const existing = this.db.prepare("SELECT seq FROM items WHERE id = ?").get(item.id) as
      | { seq: number }
      | undefined;
    if (existing) {
      this.db
        .prepare("UPDATE items SET json = ?, thread_id = ? WHERE id = ?")
        .run(JSON.stringify(item), item.thread_id, item.id);
    } else {
      this.db
        .prepare("INSERT INTO items (id, thread_id, seq, json) VALUES (?, ?, ?, ?)")
        .run(item.id, item.thread_id, this.nextSeq(), JSON.stringify(item));
    }
  }

  /** The item of this thread, or null. */
  getItem(threadId: string, itemId: string): ThreadItem | null {
    const row = this.db
      .prepare("SELECT json FROM items WHERE id = ? AND thread_id = ?")
      .get(itemId, threadId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as ThreadItem) : null;
  }

  /** Removes one item. */
  deleteItem(itemId: string): void {
    this.db.prepare("DELETE FROM items WHERE id = ?").run(itemId);
  }

  /** Removes every item that comes after `itemId` in its thread (for retry). */
  deleteItemsAfter(threadId: string, itemId: string): number {
    const row = this.db
      .prepare("SELECT seq FROM items WHERE id = ? AND thread_id = ?")
      .get(itemId, threadId) as { seq: number } | undefined;
    if (!row) return 0;
    return this.db
      .prepare("DELETE FROM items WHERE thread_id = ? AND seq > ?")
      .run(threadId, row.seq).changes;
  }

  /** Every item of a thread, oldest first. */
  allItems(threadId: string): ThreadItem[] {
    const rows = this.db
      .prepare("SELECT json FROM items WHERE thread_id = ? ORDER BY seq ASC")
      .all(threadId) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as ThreadItem);
  }

  /** A page of a thread's items. */
  listItems(threadId: string, query: PageQuery): PageResult<ThreadItem> {
    const page = this.page<{ json: string }>("items", "thread_id = ?", [threadId], query);
    return {
      data: page.data.map((row) => JSON.parse(row.json) as ThreadItem),
      has_more: page.has_more,
    };
  }

  // ---- attachments ----

  /** Stores attachment metadata (bytes may follow in a second phase). */
  putAttachment(attachment: Attachment, size: number, bytes: Buffer | null): void {
    this.db
      .prepare(
        "INSERT INTO attachments (id, json, size, bytes) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, size = excluded.size, bytes = COALESCE(excluded.bytes, attachments.bytes)",
      )
      .run(attachment.id, JSON.stringify(attachment), size, bytes);
  }

  /** The attachment with its bytes, or null. */
  getAttachment(id: string): StoredAttachment | null {
    const row = this.db.prepare("SELECT json, size, bytes FROM attachments WHERE id = ?").get(id) as
      | { json: string; size: number; bytes: Buffer | null }
      | undefined;
    if (!row) return null;
    return { attachment: JSON.parse(row.json) as Attachment, size: row.size, bytes: row.bytes };
  }

  /** Deletes an attachment. Returns whether it existed. */
  deleteAttachment(id: string): boolean {
    return this.db.prepare("DELETE FROM attachments WHERE id = ?").run(id).changes > 0;
  }

  // ---- feedback ----

  /** Records (or overwrites) feedback on items. */
  addFeedback(threadId: string, itemIds: string[], kind: string, at: number): void {
    const insert = this.db.prepare(
      "INSERT INTO feedback (thread_id, item_id, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(thread_id, item_id) DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at",
    );
    this.db.transaction(() => {
      for (const id of itemIds) insert.run(threadId, id, kind, at);
    })();
  }

  /** The feedback kind recorded for an item, or null. */
  getFeedback(threadId: string, itemId: string): string | null {
    const row = this.db
      .prepare("SELECT kind FROM feedback WHERE thread_id = ? AND item_id = ?")
      .get(threadId, itemId) as { kind: string } | undefined;
    return row?.kind ?? null;
  }

  // ---- generic objects (sessions, Assistants API objects) ----

  /** Inserts or replaces an object of a kind, keeping its position when it exists. */
  putObject<T extends { id: string }>(kind: string, value: T, parent: string | null = null): void {
    const existing = this.db.prepare("SELECT seq FROM objects WHERE id = ?").get(value.id) as
      | { seq: number }
      | undefined;
    if (existing) {
      this.db
        .prepare("UPDATE objects SET json = ?, kind = ?, parent = ? WHERE id = ?")
        .run(JSON.stringify(value), kind, parent, value.id);
    } else {
      this.db
        .prepare("INSERT INTO objects (id, kind, parent, seq, json) VALUES (?, ?, ?, ?, ?)")
        .run(value.id, kind, parent, this.nextSeq(), JSON.stringify(value));
    }
  }

  /** An object of a kind (and parent, when given), or null. */
  getObject<T>(kind: string, id: string, parent?: string): T | null {
    const row = (
      parent === undefined
        ? this.db.prepare("SELECT json FROM objects WHERE id = ? AND kind = ?").get(id, kind)
        : this.db
            .prepare("SELECT json FROM objects WHERE id = ? AND kind = ? AND parent = ?")
            .get(id, kind, parent)
    ) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as T) : null;
  }

  /** Deletes an object and everything whose parent it is. Returns whether it existed. */
  deleteObject(kind: string, id: string): boolean {
    return this.db.transaction(() => {
      this.db
        .prepare("DELETE FROM objects WHERE parent IN (SELECT id FROM objects WHERE parent = ?)")
        .run(id);
      this.db.prepare("DELETE FROM objects WHERE parent = ?").run(id);
      return (
        this.db.prepare("DELETE FROM objects WHERE id = ? AND kind = ?").run(id, kind).changes > 0
      );
    })();
  }

  /**
   * A page of objects of a kind under a parent (or top-level for `null`), optionally only those
   * whose top-level JSON `field` equals `value`.
   */
  listObjects<T>(
    kind: string,
    parent: string | null,
    query: PageQuery,
    match?: { field: string; value: string },
  ): PageResult<T> {
    let where = parent === null ? "kind = ?" : "kind = ? AND parent = ?";
    const params: unknown[] = parent === null ? [kind] : [kind, parent];
    if (match) {
      where += " AND json_extract(json, ?) = ?";
      params.push(`$.${JSON.stringify(match.field)}`, match.value);
    }
    const page = this.page<{ json: string }>("objects", where, params, query);
    return { data: page.data.map((row) => JSON.parse(row.json) as T), has_more: page.has_more };
  }

  /** How many objects of a kind a parent has. */
  countObjects(kind: string, parent: string): number {
    const row = this.db
      .prepare("SELECT COUNT(*) AS n FROM objects WHERE kind = ? AND parent = ?")
      .get(kind, parent) as { n: number };
    return row.n;
  }

  /** Every object of a kind under a parent, in insertion order. */
  allObjects<T>(kind: string, parent: string): T[] {
    const rows = this.db
      .prepare("SELECT json FROM objects WHERE kind = ? AND parent = ? ORDER BY seq ASC")
      .all(kind, parent) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as T);
  }

  /**
   * Cursor paging over `table` rows matching `where`. `after` continues in the list's order;
   * `before` returns the rows just preceding the cursor, still in the list's order.
   */
  private page<R>(
    table: "threads" | "items" | "objects",
    where: string,
    params: unknown[],
    query: PageQuery,
  ): PageResult<R> {
    const cursorId = query.after ?? query.before;
    const backwards = query.after === undefined && query.before !== undefined;
    const ascending = (query.order === "asc") !== backwards;
    let cursorSql = "";
    const cursorParams: unknown[] = [];
    if (cursorId !== undefined) {
      const row = this.db
        .prepare(`SELECT seq FROM ${table} WHERE id = ? AND ${where}`)
        .get(cursorId, ...params) as { seq: number } | undefined;
      if (!row) throw badRequest(`Unknown cursor '${cursorId}'.`, backwards ? "before" : "after");
      cursorSql = ascending ? " AND seq > ?" : " AND seq < ?";
      cursorParams.push(row.seq);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM ${table} WHERE ${where}${cursorSql} ORDER BY seq ${ascending ? "ASC" : "DESC"} LIMIT ?`,
      )
      .all(...params, ...cursorParams, query.limit + 1) as R[];
    const has_more = rows.length > query.limit;
    const data = rows.slice(0, query.limit);
    if (backwards) data.reverse();
    return { data, has_more };
  }
}
