#!/usr/bin/env node
// `pnpm dev`: the main job. Starts the local ChatKit-compatible dev server and the demo app when
// they exist; until then, Storybook.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const children = [];
const start = (name, args) => {
  const child = spawn("pnpm", args, { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => {
    console.log(`${name} exited (${code})`);
    for (const c of children) c.kill("SIGTERM");
    process.exit(code ?? 0);
  });
  children.push(child);
};
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
}

const hasApp = (name) =>
  existsSync(path.join(root, "apps", name, "src", "main.ts")) ||
  existsSync(path.join(root, "apps", name, "src", "main.tsx"));
// Prints where to go once the given URL answers (any HTTP status), or says it never did.
const announce = async (url, lines) => {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      console.log(`\n${lines.join("\n")}\n`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  console.error(`\n${url} did not answer within a minute; see the logs above.\n`);
};

if (hasApp("dev-server") && hasApp("demo")) {
  start("dev-server", ["--filter", "@threadkit/dev-server", "run", "dev"]);
  start("demo", ["--filter", "@threadkit/demo", "run", "dev"]);
  announce("http://127.0.0.1:8787/", [
    "  threadkit is running:",
    "  ➜ demo app       http://127.0.0.1:5173/  (Vite picks the next free port if taken)",
    "  ➜ ChatKit server http://127.0.0.1:8787/chatkit",
  ]);
} else {
  start("storybook", ["run", "storybook"]);
}
