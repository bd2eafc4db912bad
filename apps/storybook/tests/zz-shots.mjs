import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";

const root = path.resolve(import.meta.dirname, "..", "storybook-static");
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const only = process.argv[2];
const shots = [
  ["intro", "docs-introduction--docs", "docs", ""],
  ["getting-started", "docs-getting-started--docs", "docs", ""],
  ["backend", "docs-connecting-a-backend--docs", "docs", ""],
  ["theming", "docs-theming--docs", "docs", ""],
  ["widgets", "docs-widgets-gallery--docs", "docs", ""],
  ["a11y", "docs-accessibility--docs", "docs", ""],
  ["l10n", "docs-localization--docs", "docs", ""],
  ["player", "streaming-replay-player--chat-kit-new-thread", "story", ""],
  [
    "player-dark-ar",
    "streaming-replay-player--assistants-text-run",
    "story",
    "theme:dark;locale:ar",
  ],
  [
    "player-shadcn",
    "streaming-replay-player--all-recordings",
    "story",
    "theme:shadcn;density:compact",
  ],
];
for (const [name, id, mode, globals] of shots) {
  if (only && !name.startsWith(only)) continue;
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("pageerror", (e) => console.log(name, "pageerror", e.message));
  await page.goto(
    `${base}/iframe.html?id=${id}&viewMode=${mode}${globals ? `&globals=${globals}` : ""}`,
  );
  await page.waitForTimeout(mode === "docs" ? 6000 : 4000);
  if (mode === "story" && name === "player") {
    // the play function already ran; step back to show a mid-stream state
  }
  await page.screenshot({
    path: `/tmp/shots/${name}.png`,
    fullPage: mode === "docs" ? false : true,
  });
  if (mode === "docs") {
    await page.evaluate(() => window.scrollTo(0, 1400));
    await page.screenshot({ path: `/tmp/shots/${name}-2.png` });
  }
  await page.close();
  console.log("shot", name);
}
if (!only || only === "measure") {
  for (const id of ["streaming-replay-player--assistants-code-interpreter"]) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    await page.getByText(/^Event 0 of \d+/).waitFor({ timeout: 60_000 });
    const label = await page.getByText(/^Event 0 of \d+/).textContent();
    const t0 = Date.now();
    await page.getByRole("button", { name: "End" }).click();
    await page.getByRole("status", { name: "Replay status" }).getByText("Ended").waitFor({ timeout: 120_000 });
    const ms = Date.now() - t0;
    const items = await page.locator('[data-tk-part="thread-item"]').count();
    console.log("measure", id, label, "end-to-end ms", ms, "items", items);
    await page.screenshot({ path: "/tmp/shots/code-interpreter.png", fullPage: true });
    await page.close();
  }
}
await browser.close();
server.close();
