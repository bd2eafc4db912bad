/**
 * Screenshots of the demo (light + dark, desktop + narrow), for looking at it while designing:
 *   pnpm --filter @threadkit/demo exec tsx --conditions=@threadkit/source e2e/screenshot.ts [outDir] [prompt]
 * With prompts (separated by "|"), each shot is taken after sending them and waiting for the replies.
 * `SHOT_BACKENDS=chatkit,assistants,rest` takes each shot on each of those backends (default: chatkit);
 * prompts are sent where the backend can reply.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDemo, launchBrowser, openDemo, serveStatic, startDevServer } from "./harness";

const outDir = path.resolve(process.argv[2] ?? path.join(tmpdir(), "threadkit-shots"));
const prompt = process.argv[3];
mkdirSync(outDir, { recursive: true });

const dist = mkdtempSync(path.join(tmpdir(), "threadkit-demo-"));
await buildDemo(dist);
const demo = await serveStatic(dist);
const server = await startDevServer();
const browser = await launchBrowser();
try {
  const variants = [
    { name: "desktop-light", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
    { name: "desktop-dark", viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
    { name: "narrow-light", viewport: { width: 390, height: 844 }, colorScheme: "light" },
    { name: "narrow-dark", viewport: { width: 390, height: 844 }, colorScheme: "dark" },
  ] as const;
  const backends = (process.env.SHOT_BACKENDS ?? "chatkit").split(",");
  for (const [backend, variant] of backends.flatMap((b) => variants.map((v) => [b, v] as const))) {
    const { page, context, errors } = await openDemo(browser, demo.url, server.url, variant);
    await page.waitForSelector(".demo-app");
    await page.evaluate((value) => {
      const key = "threadkit-demo:settings";
      const stored = JSON.parse(localStorage.getItem(key) ?? "{}");
      localStorage.setItem(key, JSON.stringify({ ...stored, backend: value }));
    }, backend);
    await page.reload();
    await page.waitForSelector(
      backend === "rest" ? '[data-tk-part="chatkit-read-only"]' : '[data-tk-part="composer"]',
    );
    for (const text of prompt && backend !== "rest" ? prompt.split("|") : []) {
      await page.getByRole("textbox", { name: /message/i }).fill(text);
      await page.keyboard.press("Enter");
      await page.waitForURL(/#\/t\//);
      await page.waitForFunction(
        () =>
          !document.querySelector(
            '[data-status="streaming"], [data-tk-part="composer"][data-running]',
          ),
        undefined,
        { timeout: 30_000 },
      );
    }
    await page.waitForTimeout(300);
    const file = path.join(outDir, `${backend}-${variant.name}.png`);
    await page.screenshot({ path: file });
    console.log(file, errors.length ? `errors: ${errors.join(" | ")}` : "");
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await demo.close();
  rmSync(dist, { recursive: true, force: true });
}
