/**
 * A throw-away PostgreSQL cluster for tests: `initdb` in a temp dir, started on a free local
 * port (as the `postgres` user when running as root, since root cannot run postgres), stopped
 * and deleted afterwards. Missing binaries are an error, never a skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/** A running cluster. */
export interface TestCluster {
  /** `postgres://threadkit@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with " +
  "`apt-get install -y postgresql` (Debian/Ubuntu), or point PG_BIN at the directory holding " +
  "initdb and pg_ctl. The PostgreSQL store tests need a real server and do not skip.";

/** The directory with `initdb` and `pg_ctl`: `$PG_BIN`, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(
  pgBin: string | undefined = process.env.PG_BIN,
  root = "/usr/lib/postgresql",
): string {
  const candidates: string[] = [];
  if (pgBin) candidates.push(pgBin);
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(root, version, "bin"));
  }
  for (const dir of candidates) {
    if (existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  throw new Error(INSTALL_HINT);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; call `stop()` when done. */
export async function startPostgres(): Promise<TestCluster> {
  const bin = findPostgresBin();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "threadkit-pg-"));
  const data = path.join(dir, "data");
  let uid = 0;
  let gid = 0;
  if (asRoot) {
    try {
      uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        "Running as root, but there is no `postgres` user to run the server as. " +
          "`apt-get install -y postgresql` creates it (or run the tests as a non-root user).",
      );
    }
    chownSync(dir, uid, gid);
  }
  const run = (file: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, file);
    const full = asRoot ? ["-u", "postgres", "--", path.join(bin, file), ...args] : args;
    const result = spawnSync(command, full, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      throw new Error(
        `${file} failed (${result.status}): ${result.error?.message ?? ""}${result.stderr}${result.stdout}`,
      );
    }
  };
  const port = await freePort();
  const log = path.join(dir, "server.log");
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      "threadkit",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-locale",
      "-N",
    ]);
    // Only TCP on 127.0.0.1, sockets in the temp dir; durability is not needed in tests.
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      log,
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://threadkit@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
