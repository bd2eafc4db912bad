#!/usr/bin/env node
// `pnpm bench`: runs every package's benchmarks (files named *.bench.ts under bench/).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const status = spawnSync("pnpm", ["exec", "vitest", "bench", "--run", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
}).status;
process.exit(status ?? 1);
