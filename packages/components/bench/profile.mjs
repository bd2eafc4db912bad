// CPU profile of one benchmark step in the page that run.mjs last built (build it first, with
// names kept: `BENCH_MINIFY=0 node run.mjs none`). Prints the functions with the most self time.
//   node packages/components/bench/profile.mjs mount 10    (10 mounts of a 10-item thread)
//   node packages/components/bench/profile.mjs stream 10   (one streaming run into 10 items)
//   node packages/components/bench/profile.mjs mdt | mdb   (markdown in the thread | bare)
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";

// The page run.mjs built in this checkout.
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, "../../../node_modules/.cache/threadkit/components-bench");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const file = path.join(outDir, url.pathname === "/" ? "index.html" : url.pathname);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "x" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => document.title === "ready");
const [what, n] = [process.argv[2], Number(process.argv[3])];
const run = () =>
  page.evaluate(
    ([what, n]) =>
      what === "mount"
        ? window.tkBench.mount(n, "thread")
        : what === "mdt"
          ? window.tkBench.markdown()
          : what === "mdb"
            ? window.tkBench.markdownBare()
            : window.tkBench.stream(n, 300, "thread"),
    [what, n],
  );
await run();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
for (let i = 0; i < (what === "mount" ? 10 : 1); i++) await run();
const { profile: p } = await cdp.send("Profiler.stop");
const idx = new Map(p.nodes.map((x) => [x.id, x]));
const self = new Map();
p.samples.forEach((s, i) => {
  const x = idx.get(s).callFrame;
  const k = `${x.functionName || "(anon)"} ${x.url.split("/").pop()}:${x.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
});
const tot = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${((v / tot) * 100).toFixed(1)}% ${(v / 1000).toFixed(1)}ms ${k}`);
}
await browser.close();
server.close();
