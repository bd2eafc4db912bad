#!/usr/bin/env node
// One-time set-up on a machine with Node 20+ and npm: installs the pinned pnpm, then the
// workspace's dependencies. Safe to run again.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).packageManager.split("@")[1];

let current = "";
try {
  current = execSync("pnpm --version", {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
} catch {}
if (current !== pinned) {
  console.log(`installing pnpm ${pinned} (found ${current || "none"})`);
  execSync(`npm install -g pnpm@${pinned}`, { stdio: "inherit" });
}

// better-sqlite3 (the dev server's store) compiles when no prebuilt binary can be fetched;
// build against the headers of the Node that runs us when they are installed, instead of
// downloading them.
const env = { ...process.env };
const headers = path.join(
  path.dirname(path.dirname(process.execPath)),
  "include",
  "node",
  "node.h",
);
if (!env.npm_config_nodedir && existsSync(headers)) {
  env.npm_config_nodedir = path.dirname(path.dirname(process.execPath));
}
const args = ["install"];
if (process.env.CI) args.push("--frozen-lockfile");
const status = spawnSync("pnpm", args, { cwd: root, stdio: "inherit", env }).status;
process.exit(status ?? 1);
