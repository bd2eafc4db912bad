/** Test databases: SQLite in memory, or a fresh PostgreSQL database per call. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The cluster URL from the global setup; throws its start-up error (never skips). */
export function postgresUrl(): string {
  const error = inject("postgresError");
  if (error) throw new Error(`PostgreSQL tests cannot run: ${error}`);
  return inject("postgresUrl");
}

/** Creates an empty database on the test cluster; returns its URL and a drop function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = postgresUrl();
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = url.replace(/\/postgres$/, `/${name}`);
  return {
    url: dbUrl,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
