#!/usr/bin/env node
// Components benchmark in real Chromium: builds bench/page with Vite (production React), serves it
// on 127.0.0.1 and measures mount, streaming and markdown costs. `node packages/components/bench/run.mjs`
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";
import { build } from "vite";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// In this checkout (not the shared temp folder), so two checkouts benchmarking at once do not
// overwrite each other's page; profile.mjs reads the page from there.
const outDir = path.join(here, "../../../node_modules/.cache/threadkit/components-bench");

await build({
  root: path.join(here, "page"),
  logLevel: "warn",
  mode: "production",
  plugins: [react()],
  resolve: {
    conditions: ["@threadkit/source", "module", "browser", "production", "import", "default"],
  },
  // BENCH_MINIFY=0 keeps names readable in a CPU profile.
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    minify: process.env.BENCH_MINIFY !== "0",
  },
});

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const file = path.join(outDir, url.pathname === "/" ? "index.html" : url.pathname);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
page.on("pageerror", (error) => console.error(error));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => document.title === "ready");

// A subset for quick A/B runs: `node run.mjs mount` or `node run.mjs stream markdown`.
const wanted = new Set(process.argv.slice(2));
const part = (name) => wanted.size === 0 || wanted.has(name);

/** Mount (median of three after a warm-up) and streaming, for one view of the same rows. */
async function measureList(view) {
  const out = { mount: [], stream: [] };
  for (const n of part("mount") ? [10, 100, 1000, 10000] : []) {
    await page.evaluate(([n, view]) => window.tkBench.mount(n, view), [n, view]);
    const runs = [];
    for (let i = 0; i < 3; i++)
      runs.push(await page.evaluate(([n, view]) => window.tkBench.mount(n, view), [n, view]));
    runs.sort((a, b) => a.firstFrameMs - b.firstFrameMs);
    out.mount.push(runs[1]);
  }
  for (const n of part("stream") ? [10, 1000, 10000] : []) {
    await page.evaluate(([n, view]) => window.tkBench.stream(n, 50, view), [n, view]);
    out.stream.push(
      await page.evaluate(([n, view]) => window.tkBench.stream(n, 300, view), [n, view]),
    );
  }
  return out;
}

// Lists interleaved (thread, floor, reference) so that load changes hit all of them alike.
const results = {};
results.plain = await measureList("plain");
results.thread = await measureList("thread");
results.virtuoso = await measureList("virtuoso");
if (part("markdown")) {
  await page.evaluate(() => window.tkBench.markdownBare());
  results.markdownBare = await page.evaluate(() => window.tkBench.markdownBare());
  await page.evaluate(() => window.tkBench.markdown());
  results.markdown = await page.evaluate(() => window.tkBench.markdown());
  await page.evaluate(() => window.tkBench.markdownReference());
  results.markdownReference = await page.evaluate(() => window.tkBench.markdownReference());
}

await browser.close();
server.close();

const ms = (v) => `${v.toFixed(2)} ms`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;
const pad = (v, n = 10) => String(v).padStart(n);
console.log(
  `\nload average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  "\nMount: first commit with layout (sync, before any frame), commits until the first painted frame",
);
results.thread.mount.forEach((t, i) => {
  const p = results.plain.mount[i];
  const v = results.virtuoso.mount[i];
  console.log(
    `${pad(t.n, 6)}  plain ${ms(p.firstCommitMs)} (${p.commits})  threadkit ${ms(t.firstCommitMs)} (${t.commits})  virtuoso ${ms(v.firstCommitMs)} (${v.commits})  tk/plain ${x(t.firstCommitMs, p.firstCommitMs)}`,
  );
});
console.log("\nMount: first painted frame with rows (median of 3), DOM elements");
console.log(
  `${pad("items", 6)} ${pad("plain")} ${pad("threadkit")} ${pad("virtuoso")} ${pad("tk/plain")} ${pad("tk/virt")} ${pad("tk elems")}`,
);
results.thread.mount.forEach((t, i) => {
  const p = results.plain.mount[i];
  const v = results.virtuoso.mount[i];
  console.log(
    `${pad(t.n, 6)} ${pad(ms(p.firstFrameMs))} ${pad(ms(t.firstFrameMs))} ${pad(ms(v.firstFrameMs))} ${pad(x(t.firstFrameMs, p.firstFrameMs))} ${pad(x(t.firstFrameMs, v.firstFrameMs))} ${pad(t.elements)}`,
  );
});
console.log(
  "\nOne text delta into the last item, through forced layout (mean / p95), commits per delta",
);
results.thread.stream.forEach((t, i) => {
  const p = results.plain.stream[i];
  const v = results.virtuoso.stream[i];
  console.log(
    `${pad(t.n, 6)}  plain ${ms(p.meanMs)} / ${ms(p.p95Ms)} (${p.commitsPerDelta.toFixed(2)})  threadkit ${ms(t.meanMs)} / ${ms(t.p95Ms)} (${t.commitsPerDelta.toFixed(2)}, ${(t.multiCommitShare * 100).toFixed(0)}% >1)  virtuoso ${ms(v.meanMs)} / ${ms(v.p95Ms)} (${v.commitsPerDelta.toFixed(2)})  tk/plain ${x(t.meanMs, p.meanMs)}  tk/virt ${x(t.meanMs, v.meanMs)}`,
  );
});
const md = (label, m) =>
  console.log(
    `  ${label.padEnd(34)} last 100 mean ${ms(m.meanMs)}, p95 ${ms(m.p95Ms)}; whole reply ${ms(m.overallMeanMs)}${m.commitsPerDelta !== undefined ? `; ${m.commitsPerDelta.toFixed(2)} commits/delta (${(m.multiCommitShare * 100).toFixed(0)}% >1)` : ""}`,
  );
const { markdownBare: mb, markdown: mt, markdownReference: mr } = results;
if (mt) {
  console.log(
    `\nMarkdown reply of ${mt.chars} chars in ${mt.deltas} deltas, through forced layout`,
  );
  md("bare Markdown", mb);
  md("Markdown in the thread", mt);
  md("react-markdown + remark-gfm", mr);
  console.log(
    `  thread / bare ${x(mt.meanMs, mb.meanMs)}; react-markdown / thread ${x(mr.meanMs, mt.meanMs)}`,
  );
}
console.log(JSON.stringify(results));
