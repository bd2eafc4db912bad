/**
 * Consumer-test harness: installs the packed tarballs into a scratch app with npm, runs the app's
 * own tools, and drives a chat against the dev server in headless Chromium the way a user would.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export {
  launchBrowser,
  type RunningServer,
  serveStatic,
  startDevServer,
} from "../../apps/demo/e2e/harness";

export const consumersRoot = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(consumersRoot, "../..");
/** Where the globalSetup puts the tarballs (each app's package.json points here). */
export const packsDir = path.join(consumersRoot, ".packs");
/** npm's cache for the scratch apps: warm re-runs install from it. */
const npmCache = path.join(repoRoot, "node_modules", ".cache", "threadkit-consumers", "npm");

export const PACKAGES = ["core", "hooks", "components"] as const;
export const tarballOf = (name: (typeof PACKAGES)[number]) =>
  path.join(packsDir, `threadkit-${name}.tgz`);

/**
 * The environment for the apps' own tools: the test runner's, without the NODE_ENV=test that
 * Vitest sets (Vite and Next.js would build React's development code with it).
 */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!("NODE_ENV" in extra)) delete env.NODE_ENV;
  return env;
}

/** Runs a command; resolves with its output, rejects with the output's tail when it fails. */
export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv } = { cwd: repoRoot },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: toolEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else {
        reject(
          new Error(
            `${command} ${args.join(" ")} (in ${path.relative(repoRoot, options.cwd) || "."}) exited with ${code}:\n${output.slice(-6000)}`,
          ),
        );
      }
    });
  });
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/**
 * Installs an app's dependencies with npm, the threadkit packages from the fresh tarballs. Other
 * packages stay installed between runs; threadkit's are always reinstalled. Then checks that what
 * the app resolves is the packed code, inside the app, and not the workspace sources.
 */
export async function installApp(appDir: string): Promise<void> {
  rmSync(path.join(appDir, "node_modules", "@threadkit"), { recursive: true, force: true });
  rmSync(path.join(appDir, "package-lock.json"), { force: true });
  await exec(
    "npm",
    [
      "install",
      "--no-package-lock",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `--cache=${npmCache}`,
    ],
    { cwd: appDir, env: { npm_config_update_notifier: "false" } },
  );
  for (const name of PACKAGES) {
    const installed = path.join(appDir, "node_modules", "@threadkit", name);
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    expect(JSON.stringify(manifest.exports), `@threadkit/${name} exports`).not.toContain(
      "@threadkit/source",
    );
    expect(existsSync(path.join(installed, "src", "index.ts")), "no TypeScript sources").toBe(
      false,
    );
    const packed = await exec("tar", ["-xzOf", tarballOf(name), "package/dist/index.js"], {
      cwd: appDir,
    });
    expect(
      sha256(readFileSync(path.join(installed, "dist", "index.js"), "utf8")),
      `@threadkit/${name} is the fresh tarball`,
    ).toBe(sha256(packed));
  }
}

/** Type-checks an app with its own TypeScript and tsconfig (skipLibCheck: false). */
export function typecheckApp(appDir: string): Promise<string> {
  const tsconfig = JSON.parse(readFileSync(path.join(appDir, "tsconfig.json"), "utf8"));
  expect(tsconfig.compilerOptions.skipLibCheck).toBe(false);
  expect(tsconfig.compilerOptions.strict).toBe(true);
  return exec(
    process.execPath,
    [
      path.join(appDir, "node_modules", "typescript", "bin", "tsc"),
      "--noEmit",
      "-p",
      ".",
      // Warm re-runs check only what changed (the fresh tarballs' declarations among it).
      "--incremental",
      "--tsBuildInfoFile",
      path.join(appDir, "node_modules", ".cache", "tsconfig.tsbuildinfo"),
    ],
    { cwd: appDir },
  );
}

/** Page errors, console errors and failed requests of a page, for asserting a clean run. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const userMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="user_message"]');
const assistantMessages = (page: Page) =>
  page.locator('[data-tk-part="thread-item"][data-item-type="assistant_message"]');

/** Waits until no item streams and the composer is idle. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-tk-part="thread-item"][data-status="streaming"]') &&
      !document.querySelector('[data-tk-part="composer"][data-running]'),
  );
}

export const PROMPT = "Show me some markdown";

/**
 * On an open chat page: sends {@link PROMPT} from the composer and checks that the message shows
 * and the reply streams in several steps. Returns the new thread's id (from `?thread=`).
 */
export async function sendAndStream(page: Page): Promise<string> {
  await page.locator('[data-tk-part="composer"]').waitFor();
  await page.evaluate(() => {
    const lengths: number[] = [];
    (window as unknown as { replyLengths: number[] }).replyLengths = lengths;
    new MutationObserver(() => {
      const reply = document.querySelector(
        '[data-tk-part="thread-item"][data-item-type="assistant_message"]',
      );
      const length = reply?.textContent?.length ?? 0;
      if (length > 0 && length !== lengths.at(-1)) lengths.push(length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(PROMPT);
  await input.press("Enter");
  await expect.poll(() => userMessages(page).first().textContent()).toContain(PROMPT);
  await page.waitForURL(/[?&]thread=thr_/);
  await settled(page);
  const reply = assistantMessages(page).first();
  await expect.poll(() => reply.locator("h2").textContent()).toBe("Streaming markdown");
  expect(await reply.locator("table").count()).toBe(1);
  const lengths = await page.evaluate(
    () => (window as unknown as { replyLengths: number[] }).replyLengths,
  );
  expect(lengths.length, "the reply grew in several steps").toBeGreaterThan(5);
  expect(lengths[0]).toBeLessThan(Math.max(...lengths) / 2);
  const threadId = new URL(page.url()).searchParams.get("thread");
  expect(threadId).toMatch(/^thr_/);
  return threadId as string;
}

/** On a page opened at an existing thread: its stored items load (user message and reply). */
export async function expectHistory(page: Page): Promise<void> {
  await expect.poll(() => userMessages(page).first().textContent()).toContain(PROMPT);
  await expect
    .poll(() => assistantMessages(page).first().locator("h2").textContent())
    .toBe("Streaming markdown");
  expect(await userMessages(page).count()).toBe(1);
}

const computed = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

/**
 * Tailwind v4 utilities on threadkit parts win over the default stylesheet, which is loaded
 * (its tokens are there), and Tailwind's preflight does not strip threadkit's look. The composer
 * must hold text so Submit is enabled.
 */
export async function expectTailwindWins(page: Page): Promise<void> {
  // The tokens survive the production build's CSS lowering: colours resolve on the parts.
  expect(await computed(page, '[data-tk-part="thread"]', "background-color")).toBe(
    "rgb(255, 255, 255)",
  );
  expect(await computed(page, '[data-tk-part="thread"]', "color")).toBe("rgb(28, 28, 31)");
  expect(await computed(page, '[data-tk-part="thread-items"]', "--tk-thread-max-width")).toBe(
    "760px",
  );
  expect(await computed(page, '[data-tk-part="composer"]', "border-top-width")).toBe("2px");
  expect(await computed(page, '[data-tk-part="composer"]', "border-top-style")).toBe("solid");
  expect(await computed(page, '[data-tk-part="thread-items"]', "max-width")).toBe("768px");
  await page.getByRole("textbox", { name: "Message" }).fill("draft");
  const submit = '[data-tk-part="composer-submit"]';
  expect(await page.locator(submit).evaluate((element) => element.tagName)).toBe("BUTTON");
  expect(await page.locator(submit).isDisabled()).toBe(false);
  expect(await computed(page, submit, "background-color")).toBe("rgb(37, 99, 235)");
  expect(await computed(page, submit, "border-top-left-radius")).toBe("6px");
  expect(await computed(page, submit, "color")).toBe("rgb(255, 255, 255)");
  // The app's button keeps its padding and grows to fit its label.
  expect(await computed(page, submit, "padding-left")).toBe("16px");
  const fits = await page
    .locator(submit)
    .evaluate((element) => element.scrollWidth <= element.clientWidth && element.clientWidth > 36);
  expect(fits, "the submit button fits its label").toBe(true);
  await page.getByRole("textbox", { name: "Message" }).fill("");
  // threadkit's layers sit after Tailwind's base: preflight (margins, padding and borders reset,
  // list markers and heading sizes removed) does not strip threadkit's own look.
  expect(await computed(page, '[data-tk-part="markdown-heading"]', "font-weight")).toBe("650");
  expect(await computed(page, 'ol[data-tk-part="markdown-list"]', "list-style-type")).toBe(
    "decimal",
  );
  expect(await computed(page, '[data-tk-part="markdown-list"]', "padding-inline-start")).not.toBe(
    "0px",
  );
  expect(await computed(page, '[data-tk-part="code-block"]', "border-top-width")).toBe("1px");
  expect(await computed(page, '[data-tk-part="code-block-header"]', "padding-left")).toBe("14px");
}
