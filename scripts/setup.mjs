#!/usr/bin/env node
// One-time set-up on a machine with Node 20+ and npm: installs the pinned pnpm, the workspace's
// dependencies, then the official Python ChatKit SDK in .venv-chatkit/ for apps/official-server's
// tests (scripts/chatkit-python.mjs). Safe to run again.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setupChatKitPython } from "./chatkit-python.mjs";

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
if (status !== 0) process.exit(status ?? 1);

// Without Python the rest of the workspace still works; the official-server tests then fail
// and say why.
try {
  setupChatKitPython();
} catch (error) {
  console.error(`\nofficial ChatKit SDK not installed: ${error.message}\n`);
}
