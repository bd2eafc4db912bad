import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres, POSTGRES_MIGRATIONS, PostgresStore } from "../src/postgres/index";
import { createPostgresSchema, type TestSchema } from "./helpers/databases";
import { describeStoreBehaviour, type TestContext } from "./store-suite";

describeStoreBehaviour("PostgreSQL", async (options) => {
  const schema = await createPostgresSchema();
  const store = new PostgresStore<TestContext>(schema.pool(), options);
  return { store, close: () => schema.drop() };
});

describe("PostgreSQL schema", () => {
  let schema: TestSchema;
  let pool: pg.Pool;
  beforeAll(async () => {
    schema = await createPostgresSchema();
    pool = schema.pool(8);
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it("migrates once even when several servers start together; a failing migration rolls back", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => migratePostgres(pool, POSTGRES_MIGRATIONS)),
    );
    expect(results.flat()).toEqual([1]);
    const rows = await pool.query("SELECT version, name FROM threadkit_migrations");
    expect(rows.rows).toEqual([{ version: 1, name: POSTGRES_MIGRATIONS[0]?.name }]);
    expect(
      await migratePostgres(pool, [
        ...POSTGRES_MIGRATIONS,
        { version: 2, name: "extra", statements: ["CREATE TABLE extra (x INTEGER)"] },
      ]),
    ).toEqual([2]);
    await expect(
      migratePostgres(pool, [
        ...POSTGRES_MIGRATIONS,
        { version: 3, name: "broken", statements: ["CREATE TABLE ok (x INTEGER)", "NOT SQL"] },
      ]),
    ).rejects.toThrow();
    const ok = await pool.query("SELECT to_regclass('ok') AS t");
    expect(ok.rows[0].t).toBeNull();
    const versions = await pool.query("SELECT version FROM threadkit_migrations ORDER BY version");
    expect(versions.rows.map((row) => row.version)).toEqual([1, 2]);
  });

  it("creates the schema lazily on first use", async () => {
    const fresh = await createPostgresSchema();
    try {
      const store = new PostgresStore(fresh.pool());
      const thread = {
        id: "thr_1",
        created_at: "2026-01-01T00:00:00.000Z",
        status: { type: "active" as const },
      };
      await store.saveThread(thread, {});
      expect(await store.loadThread("thr_1", {})).toEqual(thread);
    } finally {
      await fresh.drop();
    }
  });
});
