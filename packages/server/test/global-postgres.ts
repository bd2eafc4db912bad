/**
 * Vitest global setup: one throw-away PostgreSQL cluster for the run. When it cannot start, the
 * reason is handed to the PostgreSQL test files, which fail with it (the SQLite ones still run).
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "./helpers/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresError: string;
  }
}

export default async function setup(project: TestProject) {
  try {
    const cluster = await startPostgres();
    project.provide("postgresUrl", cluster.url);
    project.provide("postgresError", "");
    return () => cluster.stop();
  } catch (error) {
    project.provide("postgresUrl", "");
    project.provide("postgresError", (error as Error).message);
    return undefined;
  }
}
