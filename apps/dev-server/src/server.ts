import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp } from "./app";
import type { AppEnv } from "./app-env";
import { type FaultSpec, parseFaultSpec } from "./faults";
import type { DevServices } from "./services";
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
 * Starts the threadkit dev server: the ChatKit protocol at `POST /chatkit`, uploads, files, the
 * hosted ChatKit REST API and the Assistants API under `/v1`, persisted in SQLite.
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
  const services: DevServices = {
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
      store.close();
      reject(error);
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
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
