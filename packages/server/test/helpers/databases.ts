/** Test databases on the throw-away PostgreSQL cluster: one fresh schema per call (fast). */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The cluster URL from the global setup; throws its start-up error (never skips). */
export function postgresUrl(): string {
  const error = inject("postgresError");
  if (error) throw new Error(`PostgreSQL tests cannot run: ${error}`);
  return inject("postgresUrl");
}

/** An empty schema of its own: pool settings that use it, and a function that drops it. */
export interface TestSchema {
  name: string;
  /** Options for `new pg.Pool(...)`: the cluster URL with `search_path` set to the schema. */
  config: pg.PoolConfig;
  /** A pool on the schema (with an error listener); ended by `drop`. */
  pool(max?: number): pg.Pool;
  drop(): Promise<void>;
}

/** Creates an empty schema on the test cluster. */
export async function createPostgresSchema(): Promise<TestSchema> {
  const url = postgresUrl();
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const config: pg.PoolConfig = { connectionString: url, options: `-c search_path=${name}` };
  const pools: pg.Pool[] = [];
  return {
    name,
    config,
    pool(max = 5) {
      const pool = new pg.Pool({ ...config, max });
      pool.on("error", () => {});
      pools.push(pool);
      return pool;
    },
    async drop() {
      for (const pool of pools.splice(0)) await pool.end();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
