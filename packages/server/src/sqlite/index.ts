/**
 * `@threadkit/server/sqlite`: the embedded store, on better-sqlite3 (a file or `:memory:`).
 * Several processes may share one file (WAL mode, busy timeout).
 */
import type { Attachment, Page, ThreadMetadata } from "@threadkit/core";
import Database from "better-sqlite3";
import { NotFoundError } from "../errors";
import {
  checkPage,
  fromJson,
  type Migration,
  ownerOf,
  type SqlStoreOptions,
  toPage,
  unknownCursor,
} from "../sql";
import type { PageOptions, Store, StoredThreadItem } from "../types";

/** The SQLite schema, one migration per version. Applied in order, each once. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "threads, items, attachments",
    statements: [
      `CREATE TABLE threadkit_threads (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        owner TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        data TEXT NOT NULL)`,
      "CREATE INDEX threadkit_threads_owner_seq ON threadkit_threads (owner, seq)",
      `CREATE TABLE threadkit_items (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        thread_id TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (thread_id, id))`,
      "CREATE INDEX threadkit_items_thread_seq ON threadkit_items (thread_id, seq)",
      `CREATE TABLE threadkit_attachments (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL)`,
    ],
  },
];

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions<C> extends SqlStoreOptions<C> {
  /** Milliseconds to wait for a lock held by another connection. Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * A {@link Store} in SQLite. The schema is created (and migrated) when the store opens; the
 * `threadkit_migrations` table records the applied versions.
 *
 * @example
 * const store = new SqliteStore("./chat.sqlite");      // or ":memory:"
 * const server = createChatKitServer({ store, respond });
 */
export class SqliteStore<C = unknown> implements Store<C> {
  /** The better-sqlite3 connection. */
  readonly db: Database.Database;
  private readonly options: SqliteStoreOptions<C>;

  /** Opens `filename` (`:memory:` for a private in-memory database) or uses an open database. */
  constructor(filename: string | Database.Database, options: SqliteStoreOptions<C> = {}) {
    this.options = options;
    this.db = typeof filename === "string" ? new Database(filename) : filename;
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (this.db.name !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    migrateSqlite(this.db);
  }

  /** Closes the connection. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  async loadThread(threadId: string, context: C): Promise<ThreadMetadata> {
    const row = this.db
      .prepare("SELECT data FROM threadkit_threads WHERE id = ? AND owner = ?")
      .get(threadId, ownerOf(this.options, context)) as { data: string } | undefined;
    if (!row) throw new NotFoundError("thread", threadId);
    return fromJson(row.data);
  }

  async saveThread(thread: ThreadMetadata, context: C): Promise<void> {
    const owner = ownerOf(this.options, context);
    const result = this.db
      .prepare(
        `INSERT INTO threadkit_threads (id, owner, created_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threadkit_threads.owner = excluded.owner`,
      )
      .run(thread.id, owner, thread.created_at, JSON.stringify(thread));
    if (result.changes === 0) throw new NotFoundError("thread", thread.id);
  }

  async loadThreads(options: PageOptions, context: C): Promise<Page<ThreadMetadata>> {
    checkPage(options);
    const owner = ownerOf(this.options, context);
    let cursor = "";
    const params: unknown[] = [owner];
    if (options.after) {
      const row = this.db
        .prepare("SELECT seq FROM threadkit_threads WHERE id = ? AND owner = ?")
        .get(options.after, owner) as { seq: number } | undefined;
      if (!row) throw unknownCursor(options.after);
      cursor = options.order === "asc" ? " AND seq > ?" : " AND seq < ?";
      params.push(row.seq);
    }
    const rows = this.db
      .prepare(
        `SELECT data FROM threadkit_threads WHERE owner = ?${cursor} ORDER BY seq ${options.order === "asc" ? "ASC" : "DESC"} LIMIT ?`,
      )
      .all(...params, options.limit + 1) as { data: string }[];
    return toPage(
      rows.map((row) => fromJson<ThreadMetadata>(row.data)),
      options.limit,
    );
  }

  async deleteThread(threadId: string, context: C): Promise<void> {
    const owner = ownerOf(this.options, context);
    this.db.transaction(() => {
      const gone = this.db
        .prepare("DELETE FROM threadkit_threads WHERE id = ? AND owner = ?")
        .run(threadId, owner);
      if (gone.changes > 0) {
        this.db.prepare("DELETE FROM threadkit_items WHERE thread_id = ?").run(threadId);
      }
    })();
  }

  async loadThreadItems(
    threadId: string,
    options: PageOptions,
    _context: C,
  ): Promise<Page<StoredThreadItem>> {
    checkPage(options);
    let cursor = "";
    const params: unknown[] = [threadId];
    if (options.after) {
      const row = this.db
        .prepare("SELECT seq FROM threadkit_items WHERE thread_id = ? AND id = ?")
        .get(threadId, options.after) as { seq: number } | undefined;
      if (!row) throw unknownCursor(options.after);
      cursor = options.order === "asc" ? " AND seq > ?" : " AND seq < ?";
      params.push(row.seq);
    }
    const rows = this.db
      .prepare(
        `SELECT data FROM threadkit_items WHERE thread_id = ?${cursor} ORDER BY seq ${options.order === "asc" ? "ASC" : "DESC"} LIMIT ?`,
      )
      .all(...params, options.limit + 1) as { data: string }[];
    return toPage(
      rows.map((row) => fromJson<StoredThreadItem>(row.data)),
      options.limit,
    );
  }

  async addThreadItem(threadId: string, item: StoredThreadItem, context: C): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: StoredThreadItem, _context: C): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO threadkit_items (thread_id, id, created_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (thread_id, id) DO UPDATE SET data = excluded.data`,
      )
      .run(threadId, item.id, item.created_at, JSON.stringify(item));
  }

  async loadItem(threadId: string, itemId: string, _context: C): Promise<StoredThreadItem> {
    const row = this.db
      .prepare("SELECT data FROM threadkit_items WHERE thread_id = ? AND id = ?")
      .get(threadId, itemId) as { data: string } | undefined;
    if (!row) throw new NotFoundError("item", itemId);
    return fromJson(row.data);
  }

  async deleteThreadItem(threadId: string, itemId: string, _context: C): Promise<void> {
    this.db
      .prepare("DELETE FROM threadkit_items WHERE thread_id = ? AND id = ?")
      .run(threadId, itemId);
  }

  async saveAttachment(attachment: Attachment, context: C): Promise<void> {
    const owner = ownerOf(this.options, context);
    const result = this.db
      .prepare(
        `INSERT INTO threadkit_attachments (id, owner, data) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threadkit_attachments.owner = excluded.owner`,
      )
      .run(attachment.id, owner, JSON.stringify(attachment));
    if (result.changes === 0) throw new NotFoundError("attachment", attachment.id);
  }

  async loadAttachment(attachmentId: string, context: C): Promise<Attachment> {
    const row = this.db
      .prepare("SELECT data FROM threadkit_attachments WHERE id = ? AND owner = ?")
      .get(attachmentId, ownerOf(this.options, context)) as { data: string } | undefined;
    if (!row) throw new NotFoundError("attachment", attachmentId);
    return fromJson(row.data);
  }

  async deleteAttachment(attachmentId: string, context: C): Promise<void> {
    this.db
      .prepare("DELETE FROM threadkit_attachments WHERE id = ? AND owner = ?")
      .run(attachmentId, ownerOf(this.options, context));
  }
}

/**
 * Applies the migrations a database lacks, each in its own transaction (an `IMMEDIATE` one, so
 * two processes opening the same file do not both migrate). Returns the versions applied.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
): number[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS threadkit_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    db.transaction(() => {
      const done = db
        .prepare("SELECT 1 FROM threadkit_migrations WHERE version = ?")
        .get(migration.version);
      if (done) return;
      for (const statement of migration.statements) db.exec(statement);
      db.prepare(
        "INSERT INTO threadkit_migrations (version, name, applied_at) VALUES (?, ?, ?)",
      ).run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
