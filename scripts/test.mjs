#!/usr/bin/env node
// `pnpm test`: every test threadkit has, in one run, ending with a plain "N passed, N failed" line.
//   1. vitest: unit tests (core in node, hooks and components in happy-dom), the dev server's tests,
//      @threadkit/server's tests (SQLite, and PostgreSQL on a throw-away local cluster),
//      end-to-end tests, every Storybook story in real headless Chromium (a11y checked), and
//      threadkit against a server built on OpenAI's official Python ChatKit SDK;
//   2. the bundle-size budget of each package entry (size-limit, after `pnpm build`);
//   3. the static Storybook build served by a plain file server, in Chromium;
//   4. the consumer test: the packed tarballs installed into a Vite app and a Next.js app, built,
//      served and driven in Chromium; publint and attw; the weight of the Vite build.
// Exits non-zero when anything failed or when no test ran at all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reportDir = path.join(root, "node_modules", ".cache", "threadkit");
mkdirSync(reportDir, { recursive: true });

try {
  chromiumPath();
} catch (error) {
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;
/** Names of what failed, printed again just above the summary line so a long log shows them. */
const failures = [];

// 1. vitest; extra CLI args (e.g. `pnpm test --project core`) pass through. On a full run the
//    end-to-end projects run on their own after the others: they drive Chromium against a real
//    server and a real build, and are kept off the cores the story tests use.
const extra = process.argv.slice(2);
const vitestRuns =
  extra.length > 0
    ? [extra]
    : [
        ["--project", "core", "--project", "hooks", "--project", "components"].concat([
          "--project",
          "dev-server",
          "--project",
          "server",
          "--project",
          "storybook",
        ]),
        ["--project", "demo"],
        ["--project", "official-server"],
      ];
/** Runs vitest with `args` and adds its results to the counts. */
function runVitest(name, args, env = {}) {
  const vitestReport = path.join(reportDir, `vitest-report-${name}.json`);
  rmSync(vitestReport, { force: true });
  const vitestStatus = run(
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
      ...args,
    ],
    { env: { ...process.env, ...env } },
  );
  let counted = 0;
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    counted = report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that failed to load counts as a failure even if it declared no test.
    const broken = report.testResults.filter(
      (f) => f.status === "failed" && !f.assertionResults.length,
    ).length;
    failed += broken;
    counted += broken;
    for (const file of report.testResults) {
      const where = path.relative(root, file.name);
      if (file.status === "failed" && !file.assertionResults.length) {
        failures.push(`${where}: ${(file.message ?? "failed to load").split("\n")[0]}`);
      }
      for (const test of file.assertionResults) {
        if (test.status !== "failed") continue;
        const why = (test.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300);
        failures.push(`${where} > ${test.fullName}: ${why}`);
      }
    }
  }
  if (vitestStatus !== 0 && counted === 0) failures.push(`vitest ${name} exited ${vitestStatus}`);
  if (vitestStatus !== 0 && counted === 0) failed += 1;
}
for (const [i, args] of vitestRuns.entries()) runVitest(String(i), args);

// 2. bundle-size budgets (only on a full run).
let buildStatus = 1;
if (extra.length === 0) {
  buildStatus = run("pnpm", ["build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (buildStatus !== 0) {
    console.error("pnpm build failed");
    failures.push("pnpm build failed");
    failed += 1;
  } else {
    const size = spawnSync("pnpm", ["exec", "size-limit", "--json"], {
      cwd: root,
      encoding: "utf8",
    });
    let results = [];
    try {
      results = JSON.parse(size.stdout);
    } catch {
      console.error(size.stdout, size.stderr);
      failed += 1;
    }
    for (const r of results) {
      const ok = r.passed !== false;
      console.log(`${ok ? "✓" : "✗"} size ${r.name}: ${(r.size / 1024).toFixed(2)} kB brotli`);
      if (ok) passed += 1;
      else {
        failed += 1;
        failures.push(`size ${r.name}: ${(r.size / 1024).toFixed(2)} kB over its budget`);
      }
    }
  }
}

// 3. the static Storybook build works from a plain file server (one story per component; the
//    full set already ran above through the Vitest addon).
if (extra.length === 0) {
  const build = run("pnpm", ["build-storybook"], { stdio: ["ignore", "ignore", "inherit"] });
  if (build !== 0) {
    console.error("pnpm build-storybook failed");
    failures.push("pnpm build-storybook failed");
    failed += 1;
  } else {
    const result = spawnSync(
      "node",
      ["--test", "--test-reporter=tap", "apps/storybook/tests/static-stories.test.mjs"],
      { cwd: root, encoding: "utf8", env: { ...process.env, STATIC_SAMPLE: "1" } },
    );
    const count = (name) =>
      Number(result.stdout.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? 0);
    for (const line of result.stdout.split("\n")) {
      if (/^(not )?ok \d+ - /.test(line)) console.log(`static storybook: ${line}`);
      if (/^not ok \d+ - /.test(line)) failures.push(`static storybook: ${line}`);
    }
    if (result.status !== 0) console.error(result.stdout.slice(-4000), result.stderr);
    passed += count("pass");
    failed += count("fail") || (result.status === 0 ? 0 : 1);
  }
}

// 4. the consumer test (only on a full run): packs what step 2 built, unless that build failed.
if (extra.length === 0) {
  runVitest("consumers", ["--project", "consumers"], {
    THREADKIT_PACKAGES_BUILT: buildStatus === 0 ? "1" : "",
  });
}

if (failures.length > 0) {
  console.log(`\nFailed:`);
  for (const failure of failures) console.log(`  ✗ ${failure}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error("no tests ran");
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
