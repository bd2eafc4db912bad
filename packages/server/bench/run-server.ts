/**
 * `pnpm bench server`: one server process at a time — @threadkit/server on SQLite, on PostgreSQL
 * (a throw-away local cluster), and the official Python SDK server — measured the same way over
 * real HTTP on 127.0.0.1:
 *
 * - held streams: HOLD concurrent `threads.create` streams, each held open after its first text
 *   delta; the time until all are open, the server's resident memory per open stream
 *   ((RSS with them open − RSS before) / HOLD, from /proc/<pid>/status) and, for the Node
 *   servers, its JavaScript heap per open stream ((V8 heapUsed with them open − before) / HOLD,
 *   each read after a full GC through the process's `GET /heap`; also heap + external
 *   (external includes the ArrayBuffers that hold the streams' buffers));
 * - events per second: CLIENTS concurrent streams of BURST text deltas each (no delays), ROUNDS
 *   times; events read by the clients / wall time.
 *
 * Prints a Markdown table (BENCHMARKS.md, "Server").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPythonServer } from "../../../apps/official-server/test/python-server";
import { startPostgres } from "../test/helpers/postgres";

const HOLD = Number(process.env.BENCH_HOLD ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const BURST = Number(process.env.BENCH_BURST ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");

interface Target {
  name: string;
  url: string;
  pid: number;
  /** Whether the process answers `GET /heap` (the Node servers). */
  heap?: boolean;
  close(): Promise<void>;
}

interface Heap {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  collected: boolean;
}

async function heap(target: Target): Promise<Heap | null> {
  if (!target.heap) return null;
  const answer = (await (await fetch(`${target.url}/heap`)).json()) as Heap;
  if (!answer.collected) throw new Error(`${target.name} was started without --expose-gc`);
  return answer;
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function startNode(name: string, env: Record<string, string>): Promise<Target> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      "--conditions=@threadkit/source",
      path.join(here, "..", "test", "helpers", "process-server.ts"),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        resolve({
          name,
          url: match[1],
          pid: child.pid ?? 0,
          heap: true,
          async close() {
            child.kill("SIGTERM");
            await exited;
          },
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}): ${output}`)));
  });
}

const body = (text: string) =>
  JSON.stringify({
    type: "threads.create",
    params: {
      input: { content: [{ type: "input_text", text }], attachments: [], inference_options: {} },
    },
  });

/** Opens a stream and reads until `until(text)` is true; returns the count of events read. */
async function stream(
  url: string,
  text: string,
  signal?: AbortSignal,
  until?: (received: string) => boolean,
): Promise<number> {
  const response = await fetch(`${url}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body(text),
    signal: signal ?? null,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let received = "";
  let events = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    events += chunk.split("\n\n").length - 1;
    received += chunk;
    if (until?.(received)) return events;
    if (received.length > 4096) received = received.slice(-4096);
  }
  return events;
}

async function measure(target: Target) {
  // Warm up (schema, JIT, imports).
  await stream(target.url, "burst 50");
  const heapBefore = await heap(target);
  const before = rssKiB(target.pid);
  const controllers = Array.from({ length: HOLD }, () => new AbortController());
  const start = performance.now();
  await Promise.all(
    controllers.map((controller) =>
      stream(target.url, "hold", controller.signal, (r) => r.includes('"delta":"Held"')),
    ),
  );
  const openMs = performance.now() - start;
  const during = rssKiB(target.pid);
  const heapDuring = await heap(target);
  for (const controller of controllers) controller.abort();
  await new Promise((resolve) => setTimeout(resolve, 1000));

  let events = 0;
  const burstStart = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const counts = await Promise.all(
      Array.from({ length: CLIENTS }, () => stream(target.url, `burst ${BURST}`)),
    );
    events += counts.reduce((a, b) => a + b, 0);
  }
  const seconds = (performance.now() - burstStart) / 1000;
  return {
    name: target.name,
    openMs,
    perStreamKiB: (during - before) / HOLD,
    heapPerStreamKiB:
      heapBefore && heapDuring ? (heapDuring.heapUsed - heapBefore.heapUsed) / 1024 / HOLD : null,
    allocatedPerStreamKiB:
      heapBefore && heapDuring
        ? (heapDuring.heapUsed + heapDuring.external - heapBefore.heapUsed - heapBefore.external) /
          1024 /
          HOLD
        : null,
    eventsPerSecond: events / seconds,
  };
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "threadkit-bench-"));
const cluster = await startPostgres();
try {
  const sqlite = await startNode("@threadkit/server, SQLite", {
    THREADKIT_SQLITE_FILE: path.join(dir, "chat.sqlite"),
  });
  results.push(await measure(sqlite));
  await sqlite.close();

  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE SCHEMA bench");
  await admin.end();
  const postgres = await startNode("@threadkit/server, PostgreSQL", {
    THREADKIT_PG_URL: cluster.url,
    THREADKIT_PG_SCHEMA: "bench",
  });
  results.push(await measure(postgres));
  await postgres.close();

  const python = await startPythonServer(0, 60_000, "diff");
  results.push(
    await measure({ name: "Python SDK (openai-chatkit 1.6.5), memory store", ...python }),
  );
  await python.close();
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\n${HOLD} held streams; ${CLIENTS} concurrent streams × ${BURST} deltas × ${ROUNDS} rounds\n`,
);
console.log(
  "| server | open all held streams (ms) | RSS per open stream (KiB) | JS heap per open stream (KiB) | heap + external per open stream (KiB) | events / s |",
);
console.log("| :-- | --: | --: | --: | --: | --: |");
const kib = (value: number | null) => (value === null ? "—" : value.toFixed(1));
for (const r of results) {
  console.log(
    `| ${r.name} | ${Math.round(r.openMs)} | ${kib(r.perStreamKiB)} | ${kib(r.heapPerStreamKiB)} | ${kib(r.allocatedPerStreamKiB)} | ${Math.round(r.eventsPerSecond).toLocaleString("en")} |`,
  );
}
process.exit(0);
