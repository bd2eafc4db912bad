/**
 * `@threadkit/server/postgres`: the store for several server processes or machines, on a `pg`
 * Pool. Every write is one statement (or one transaction), so any number of servers can share
 * a database.
 */
import type { Attachment, Page, ThreadMetadata } from "@threadkit/core";
import type { Pool, PoolClient } from "pg";
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

/**
 * The PostgreSQL schema, one migration per version. Applied in order, each once. Objects are
 * stored as JSON text, not `jsonb`: `jsonb` rejects `\u0000`, which user text may contain.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "threads, items, attachments",
    statements: [
      `CREATE TABLE threadkit_threads (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        data TEXT NOT NULL)`,
      "CREATE INDEX threadkit_threads_owner_seq ON threadkit_threads (owner, seq)",
      `CREATE TABLE threadkit_items (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

/** A key for `pg_advisory_xact_lock`, so concurrent servers migrate one at a time. */
const MIGRATION_LOCK = 0x7468_6b74; // "thkt"

/** The part of `pg.Pool` the store uses (a `Pool`, or anything that hands out clients). */
export type PostgresPool = Pick<Pool, "query" | "connect">;

/** Options of {@link PostgresStore}. */
export interface PostgresStoreOptions<C> extends SqlStoreOptions<C> {}

/**
 * A {@link Store} in PostgreSQL through a `pg` Pool. The schema is created (and migrated) on
 * first use; the `threadkit_migrations` table records the applied versions.
 *
 * @example
 * import pg from "pg";
 * const store = new PostgresStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 */
export class PostgresStore<C = unknown> implements Store<C> {
  /** The pool queries go through. */
  readonly pool: PostgresPool;
  private readonly options: PostgresStoreOptions<C>;
  private ready: Promise<void> | null = null;

  constructor(pool: PostgresPool, options: PostgresStoreOptions<C> = {}) {
    this.pool = pool;
    this.options = options;
  }

  /** Creates or migrates the schema (runs once; every method awaits it first). */
  migrate(): Promise<void> {
    this.ready ??= migratePostgres(this.pool).then(
      () => {},
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  private async query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; rowCount: number }> {
    await this.migrate();
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async loadThread(threadId: string, context: C): Promise<ThreadMetadata> {
    const { rows } = await this.query<{ data: unknown }>(
      "SELECT data FROM threadkit_threads WHERE id = $1 AND owner = $2",
      [threadId, ownerOf(this.options, context)],
    );
    if (!rows[0]) throw new NotFoundError("thread", threadId);
    return fromJson(rows[0].data);
  }

  async saveThread(thread: ThreadMetadata, context: C): Promise<void> {
    const { rowCount } = await this.query(
      `INSERT INTO threadkit_threads (id, owner, created_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threadkit_threads.owner = excluded.owner`,
      [thread.id, ownerOf(this.options, context), thread.created_at, JSON.stringify(thread)],
    );
    if (rowCount === 0) throw new NotFoundError("thread", thread.id);
  }

  async loadThreads(options: PageOptions, context: C): Promise<Page<ThreadMetadata>> {
    checkPage(options);
    const owner = ownerOf(this.options, context);
    const order = options.order === "asc" ? "ASC" : "DESC";
    let rows: { data: unknown }[];
    if (options.after) {
      const cursor = await this.query<{ seq: string }>(
        "SELECT seq FROM threadkit_threads WHERE id = $1 AND owner = $2",
        [options.after, owner],
      );
      if (!cursor.rows[0]) throw unknownCursor(options.after);
      ({ rows } = await this.query<{ data: unknown }>(
        `SELECT data FROM threadkit_threads WHERE owner = $1 AND seq ${order === "ASC" ? ">" : "<"} $2 ORDER BY seq ${order} LIMIT $3`,
        [owner, cursor.rows[0].seq, options.limit + 1],
      ));
    } else {
      ({ rows } = await this.query<{ data: unknown }>(
        `SELECT data FROM threadkit_threads WHERE owner = $1 ORDER BY seq ${order} LIMIT $2`,
        [owner, options.limit + 1],
      ));
    }
    return toPage(
      rows.map((row) => fromJson<ThreadMetadata>(row.data)),
      options.limit,
    );
  }

  async deleteThread(threadId: string, context: C): Promise<void> {
    await this.transaction(async (client) => {
      const gone = await client.query(
        "DELETE FROM threadkit_threads WHERE id = $1 AND owner = $2",
        [threadId, ownerOf(this.options, context)],
      );
      if ((gone.rowCount ?? 0) > 0) {
        await client.query("DELETE FROM threadkit_items WHERE thread_id = $1", [threadId]);
      }
    });
  }

  async loadThreadItems(
    threadId: string,
    options: PageOptions,
    _context: C,
  ): Promise<Page<StoredThreadItem>> {
    checkPage(options);
    const order = options.order === "asc" ? "ASC" : "DESC";
    let rows: { data: unknown }[];
    if (options.after) {
      const cursor = await this.query<{ seq: string }>(
        "SELECT seq FROM threadkit_items WHERE thread_id = $1 AND id = $2",
        [threadId, options.after],
      );
      if (!cursor.rows[0]) throw unknownCursor(options.after);
      ({ rows } = await this.query<{ data: unknown }>(
        `SELECT data FROM threadkit_items WHERE thread_id = $1 AND seq ${order === "ASC" ? ">" : "<"} $2 ORDER BY seq ${order} LIMIT $3`,
        [threadId, cursor.rows[0].seq, options.limit + 1],
      ));
    } else {
      ({ rows } = await this.query<{ data: unknown }>(
        `SELECT data FROM threadkit_items WHERE thread_id = $1 ORDER BY seq ${order} LIMIT $2`,
        [threadId, options.limit + 1],
      ));
    }
    return toPage(
      rows.map((row) => fromJson<StoredThreadItem>(row.data)),
      options.limit,
    );
  }

  async addThreadItem(threadId: string, item: StoredThreadItem, context: C): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: StoredThreadItem, _context: C): Promise<void> {
    await this.query(
      `INSERT INTO threadkit_items (thread_id, id, created_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (thread_id, id) DO UPDATE SET data = excluded.data`,
      [threadId, item.id, item.created_at, JSON.stringify(item)],
    );
  }

  async loadItem(threadId: string, itemId: string, _context: C): Promise<StoredThreadItem> {
    const { rows } = await this.query<{ data: unknown }>(
      "SELECT data FROM threadkit_items WHERE thread_id = $1 AND id = $2",
      [threadId, itemId],
    );
    if (!rows[0]) throw new NotFoundError("item", itemId);
    return fromJson(rows[0].data);
  }

  async deleteThreadItem(threadId: string, itemId: string, _context: C): Promise<void> {
    await this.query("DELETE FROM threadkit_items WHERE thread_id = $1 AND id = $2", [
      threadId,
      itemId,
    ]);
  }

  async saveAttachment(attachment: Attachment, context: C): Promise<void> {
    const { rowCount } = await this.query(
      `INSERT INTO threadkit_attachments (id, owner, data) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threadkit_attachments.owner = excluded.owner`,
      [attachment.id, ownerOf(this.options, context), JSON.stringify(attachment)],
    );
    if (rowCount === 0) throw new NotFoundError("attachment", attachment.id);
  }

  async loadAttachment(attachmentId: string, context: C): Promise<Attachment> {
    const { rows } = await this.query<{ data: unknown }>(
      "SELECT data FROM threadkit_attachments WHERE id = $1 AND owner = $2",
      [attachmentId, ownerOf(this.options, context)],
    );
    if (!rows[0]) throw new NotFoundError("attachment", attachmentId);
    return fromJson(rows[0].data);
  }

  async deleteAttachment(attachmentId: string, context: C): Promise<void> {
    await this.query("DELETE FROM threadkit_attachments WHERE id = $1 AND owner = $2", [
      attachmentId,
      ownerOf(this.options, context),
    ]);
  }

  private async transaction<T>(run: (client: PoolClient) => Promise<T>): Promise<T> {
    await this.migrate();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await run(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * Applies the migrations a database lacks, in one transaction under an advisory lock, so
 * servers starting together migrate once. Returns the versions applied.
 */
export async function migratePostgres(
  pool: PostgresPool,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS threadkit_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>(
      "SELECT version FROM threadkit_migrations",
    );
    const have = new Set(done.rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (have.has(migration.version)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query("INSERT INTO threadkit_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
