#!/usr/bin/env node
// `pnpm bench`: every benchmark threadkit has, one after another (they share 2 cores badly).
// Results and budgets are recorded in BENCHMARKS.md. Pass names to run a subset:
//   pnpm bench core-streams components
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const suites = {
  "core-streams": ["pnpm", ["exec", "tsx", "packages/core/bench/run-core-streams.ts"]],
  "core-vitest": ["pnpm", ["exec", "vitest", "bench", "--run", "--project", "core"]],
  hooks: ["pnpm", ["exec", "vitest", "bench", "--run", "--project", "hooks"]],
  components: ["node", ["packages/components/bench/run.mjs"]],
  "dev-server": ["pnpm", ["exec", "vitest", "bench", "--run", "--project", "dev-server"]],
  server: [
    "pnpm",
    ["exec", "tsx", "--conditions=@threadkit/source", "packages/server/bench/run-server.ts"],
  ],
};
const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, [cmd, args]] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const status = spawnSync(cmd, args, { cwd: root, stdio: "inherit" }).status;
  if (status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
