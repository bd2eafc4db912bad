import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Store } from "@threadkit/server";
import { PostgresStore } from "@threadkit/server/postgres";
import { SqliteStore } from "@threadkit/server/sqlite";
import type { Hono } from "hono";
import type pg from "pg";
import { createApp } from "./app";
import type { AppEnv } from "./app-env";
import { type FaultSpec, parseFaultSpec } from "./faults";
import type { DevContext, DevServices } from "./services";
import { SessionManager } from "./sessions";
import { DevStore } from "./store";
import { type Clock, systemClock } from "./util";

/** The default data folder: `.threadkit-data/` at the repository root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.threadkit-data", import.meta.url));

/** Options of {@link createDevServer}. */
export interface DevServerOptions {
  /** Port to listen on; `0` picks a free one. @default 8787 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Keep everything in memory (nothing survives `close()`). @default false */
  inMemory?: boolean;
  /** Folder of the SQLite database. @default DEFAULT_DATA_DIR */
  dataDir?: string;
  /**
   * A PostgreSQL connection string (`postgres://…`, what `DATABASE_URL` sets): ChatKit threads,
   * items and attachment metadata then live in PostgreSQL (schema created on first use), so
   * several dev servers can share them. Attachment bytes, sessions and Assistants API objects
   * stay in the local SQLite database. @default SQLite only
   */
  databaseUrl?: string;
  /** Base delay between streamed chunks, in ms. @default 0 */
  delayMs?: number;
  /** Faults for every request: a spec object or text such as `"drop-after=5, latency=200"`. */
  faults?: FaultSpec | string;
  /** Time source for sessions, rate limits and timestamps. @default the system clock */
  clock?: Clock;
  /** Reject `POST /chatkit` without a client secret. @default false */
  requireClientSecret?: boolean;
  /** Extra CORS origins besides any localhost origin. */
  corsOrigins?: string[];
  /** Largest accepted upload in bytes. @default 20 MiB */
  maxUploadBytes?: number;
}

/** A running dev server. */
export interface DevServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Stops listening, ends open streams and closes the database. */
  close(): Promise<void>;
  /** The Hono app (for `app.request()` in tests without a socket). */
  app: Hono<AppEnv>;
  /** Shared services (store, sessions, clock). */
  services: DevServices;
}

/**
 * Starts the threadkit dev server: the ChatKit protocol at `POST /chatkit` (answered by
 * `@threadkit/server`), uploads, files, the hosted ChatKit REST API and the Assistants API under
 * `/v1`, persisted in SQLite, or with `databaseUrl` its threads in PostgreSQL.
 *
 * @example
 * const server = await createDevServer({ port: 0, inMemory: true });
 * await fetch(`${server.url}/chatkit`, { method: "POST", body: JSON.stringify({ type: "threads.list", params: {} }) });
 * await server.close();
 */
export async function createDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const clock = options.clock ?? systemClock;
  const store = new DevStore(
    options.inMemory ? null : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR),
  );
  const owner = (context: DevContext) => context.user;
  let pool: pg.Pool | null = null;
  let threads: Store<DevContext>;
  if (options.databaseUrl) {
    // pg loads only when PostgreSQL is asked for.
    const { default: postgresClient } = await import("pg");
    pool = new postgresClient.Pool({ connectionString: options.databaseUrl });
    const postgres = new PostgresStore<DevContext>(pool, { owner });
    try {
      await postgres.migrate();
    } catch (error) {
      await pool.end();
      store.close();
      throw new Error(`Cannot use the PostgreSQL database: ${(error as Error).message}`, {
        cause: error,
      });
    }
    threads = postgres;
  } else {
    // The same SQLite file (and connection) as the local state.
    threads = new SqliteStore<DevContext>(store.db, { owner });
  }
  const closeStores = async () => {
    store.close();
    await pool?.end();
  };
  const services: DevServices = {
    threads,
    store,
    sessions: new SessionManager(store, clock),
    clock,
    delayMs: options.delayMs ?? 0,
    faults:
      typeof options.faults === "string" ? parseFaultSpec(options.faults) : (options.faults ?? {}),
    maxUploadBytes: options.maxUploadBytes ?? 20 * 1024 * 1024,
  };
  const app = createApp(services, {
    ...(options.requireClientSecret === undefined
      ? {}
      : { requireClientSecret: options.requireClientSecret }),
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
  });
  const host = options.host ?? "127.0.0.1";
  let server: Server;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 8787,
        hostname: host,
        // Leave the process's Request/Response alone: the server may share a process with tests.
        overrideGlobalObjects: false,
      },
      (info) => resolve(info.port),
    ) as Server;
    server.once("error", (error) => {
      void closeStores().finally(() => reject(error));
    });
  });
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void closeStores().then(resolve);
        });
        server.closeAllConnections();
      }),
  };
}
