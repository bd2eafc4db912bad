import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Attachment } from "@threadkit/core";
import Database from "better-sqlite3";
import { badRequest } from "./util";

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
CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB);
CREATE TABLE IF NOT EXISTS feedback (
  thread_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (thread_id, item_id));
CREATE TABLE IF NOT EXISTS objects (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, parent TEXT, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS objects_kind_parent_seq ON objects(kind, parent, seq);
`;

/**
 * The dev server's own local state, in SQLite through better-sqlite3 (synchronous, one
 * connection): attachment bytes, feedback, sessions and the Assistants API emulation's objects.
 * ChatKit threads, items and attachment metadata live in the `@threadkit/server` store (SQLite
 * in the same file by default, PostgreSQL with `DATABASE_URL`). Objects are ordered by an
 * insertion sequence so paging is stable even when timestamps tie.
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
    const max = this.db.prepare("SELECT MAX(seq) AS s FROM objects").get() as { s: number | null };
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
    table: "objects",
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
