/**
 * `pnpm dev` with `DATABASE_URL`: the dev server's threads and items live in a real (throw-away)
 * PostgreSQL cluster, shared by two dev server processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestCluster } from "../../../packages/server/test/helpers/postgres";
import { input, parseDataFrames } from "./test-utils";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const children: ChildProcess[] = [];
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once("exit", () => resolve());
        }),
    ),
  );
  await cluster?.stop();
}, 60_000);

/** Starts `src/main.ts` as `pnpm dev` does, with `DATABASE_URL`, and resolves with its URL. */
function startMain(databaseUrl: string): Promise<{ url: string; banner: string }> {
  const child = spawn(
    process.execPath,
    [
      tsxCli,
      "--conditions=@threadkit/source",
      path.join(here, "main.ts"),
      "--port",
      "0",
      "--memory",
      "--delay",
      "0",
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /threadkit dev server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url && output.includes("Fault words")) resolve({ url, banner: output });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

async function post(url: string, type: string, params: unknown): Promise<Response> {
  return fetch(`${url}/chatkit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type, params }),
  });
}

describe("dev server with DATABASE_URL", () => {
  it("keeps threads and items in PostgreSQL, shared by two processes", {
    timeout: 90_000,
  }, async () => {
    const first = await startMain(cluster.url);
    expect(first.banner).toMatch(/Threads\s+PostgreSQL \(postgres:\/\/threadkit@127\.0\.0\.1:/);

    const created = await post(first.url, "threads.create", { input: input("show me the form") });
    expect(created.status).toBe(200);
    const events = parseDataFrames(await created.text());
    const threadId = events[0]?.type === "thread.created" ? events[0].thread.id : "";
    expect(threadId).toMatch(/^thr_/);
    const items = (await (
      await post(first.url, "items.list", { thread_id: threadId, order: "asc" })
    ).json()) as Page<ThreadItem>;
    expect(items.data.map((item) => item.type)).toEqual(["user_message", "widget"]);

    // The rows are in PostgreSQL, not in the (in-memory) local database.
    const pool = new pg.Pool({ connectionString: cluster.url });
    try {
      const rows = await pool.query<{ id: string }>(
        "SELECT id FROM threadkit_items WHERE thread_id = $1 ORDER BY seq",
        [threadId],
      );
      expect(rows.rows.map((row) => row.id)).toEqual(items.data.map((item) => item.id));
    } finally {
      await pool.end();
    }

    // A second dev server on the same database answers for the same thread.
    const second = await startMain(cluster.url);
    const threads = (await (
      await post(second.url, "threads.list", {})
    ).json()) as Page<ThreadMetadata>;
    expect(threads.data.map((thread) => thread.id)).toEqual([threadId]);
    const more = await post(second.url, "threads.add_user_message", {
      thread_id: threadId,
      input: input("hello from the second server"),
    });
    expect(parseDataFrames(await more.text()).some((e) => e.type === "thread.item.done")).toBe(
      true,
    );
    const after = (await (
      await post(first.url, "items.list", { thread_id: threadId, order: "asc" })
    ).json()) as Page<ThreadItem>;
    expect(after.data.map((item) => item.type)).toEqual([
      "user_message",
      "widget",
      "user_message",
      "assistant_message",
    ]);
  });

  it("refuses to start when the database cannot be reached", { timeout: 60_000 }, async () => {
    await expect(startMain("postgres://threadkit@127.0.0.1:1/none")).rejects.toThrow(
      /Cannot use the PostgreSQL database/,
    );
  });
});
