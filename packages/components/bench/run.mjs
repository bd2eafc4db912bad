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
const outDir = path.join(os.tmpdir(), "threadkit-components-bench");

await build({
  root: path.join(here, "page"),
  logLevel: "warn",
  mode: "production",
  plugins: [react()],
  resolve: {
    conditions: ["@threadkit/source", "module", "browser", "production", "import", "default"],
  },
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
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

/** Mount (median of three after a warm-up) and streaming, for `Thread` or the reference list. */
async function measureList(view) {
  const out = { mount: [], stream: [] };
  for (const n of [100, 1000, 10000]) {
    await page.evaluate(([n, view]) => window.tkBench.mount(n, view), [n, view]);
    const runs = [];
    for (let i = 0; i < 3; i++)
      runs.push(await page.evaluate(([n, view]) => window.tkBench.mount(n, view), [n, view]));
    runs.sort((a, b) => a.firstFrameMs - b.firstFrameMs);
    out.mount.push(runs[1]);
  }
  for (const n of [10, 1000, 10000]) {
    await page.evaluate(([n, view]) => window.tkBench.stream(n, 50, view), [n, view]);
    out.stream.push(
      await page.evaluate(([n, view]) => window.tkBench.stream(n, 300, view), [n, view]),
    );
  }
  return out;
}

const results = { thread: await measureList("thread") };
await page.evaluate(() => window.tkBench.markdown());
results.markdown = await page.evaluate(() => window.tkBench.markdown());
results.virtuoso = await measureList("virtuoso");
await page.evaluate(() => window.tkBench.markdownReference());
results.markdownReference = await page.evaluate(() => window.tkBench.markdownReference());

await browser.close();
server.close();

const ms = (v) => `${v.toFixed(2)} ms`;
function printList(title, { mount, stream }) {
  console.log(`\n${title}: mount (first painted rows, DOM elements)`);
  for (const r of mount)
    console.log(
      `  ${String(r.n).padStart(6)} items  ${ms(r.firstFrameMs).padStart(10)}  ${r.elements} elements`,
    );
  console.log(`${title}: streaming into the last item (per delta: mean / p50 / p95)`);
  for (const r of stream)
    console.log(
      `  ${String(r.n).padStart(6)} items  ${ms(r.meanMs)} / ${ms(r.p50Ms)} / ${ms(r.p95Ms)}`,
    );
}
printList("Thread (TanStack Virtual)", results.thread);
const m = results.markdown;
console.log(
  `\nMarkdown reply of ${m.chars} chars in ${m.deltas} deltas: last 100 deltas mean ${ms(m.meanMs)}, p95 ${ms(m.p95Ms)}; whole reply mean ${ms(m.overallMeanMs)}`,
);
printList("react-virtuoso with the same rows", results.virtuoso);
const r = results.markdownReference;
console.log(
  `react-markdown + remark-gfm, full re-parse per delta: last 100 deltas mean ${ms(r.meanMs)}, p95 ${ms(r.p95Ms)}; whole reply mean ${ms(r.overallMeanMs)}`,
);
console.log(
  `  ratio at the end (react-markdown / threadkit): ${(r.meanMs / m.meanMs).toFixed(1)}×`,
);
console.log(JSON.stringify(results));
