import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

/** Starts `src/main.ts` as `pnpm dev` does and resolves with its printed banner. */
function startMain(args: string[], env: Record<string, string> = {}): Promise<string> {
  child = spawn(
    process.execPath,
    [tsxCli, "--conditions=@threadkit/source", path.join(here, "main.ts"), ...args],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Fault words")) resolve(output);
    });
    child?.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child?.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe("main", () => {
  it("prints its URLs and keywords, and reads faults from THREADKIT_FAULTS", {
    timeout: 60_000,
  }, async () => {
    const banner = await startMain(["--port", "0", "--memory", "--delay", "0"], {
      THREADKIT_FAULTS: "status=503",
    });
    const url = /threadkit dev server on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(url).toBeDefined();
    expect(banner).toContain(`POST ${url}/chatkit`);
    expect(banner).toMatch(/Try typing\s+help, markdown, cite/);
    expect(banner).toContain("in memory");
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(503);
  });

  it("rejects a bad port with a usage message", { timeout: 60_000 }, async () => {
    await expect(startMain(["--port", "eighty"])).rejects.toThrow(
      /--port must be a non-negative integer/,
    );
  });
});
