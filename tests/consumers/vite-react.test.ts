/**
 * The packed tarballs in a Vite + React 19 + Tailwind v4 app (tests/consumers/vite-react):
 * installed with npm, type-checked (skipLibCheck: false), built with `vite build`, served, and a
 * full chat driven in headless Chromium against the dev server. The build's weight is measured
 * per page and checked against budgets.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevServer } from "../../apps/dev-server/src/index";
import {
  consumersRoot,
  exec,
  expectHistory,
  expectTailwindWins,
  installApp,
  launchBrowser,
  PROMPT,
  type RunningServer,
  recordErrors,
  repoRoot,
  sendAndStream,
  serveStatic,
  startDevServer,
  typecheckApp,
} from "./harness";

const appDir = path.join(consumersRoot, "vite-react");
const dist = path.join(appDir, "dist");

let site: RunningServer | undefined;
let server: DevServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let threadId: string | undefined;
const errors: string[] = [];

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await site?.close();
});

async function open(page: string): Promise<Page> {
  if (!site || !server) throw new Error("the app or the dev server is not running");
  const tab = await (context as BrowserContext).newPage();
  errors.push(...recordErrors(tab));
  const url = new URL(page, site.url);
  url.searchParams.set("server", server.url);
  await tab.goto(url.href);
  return tab;
}

describe("a Vite + React 19 + Tailwind v4 app using the tarballs", () => {
  it("installs the tarballs with npm", async () => {
    await installApp(appDir);
  });

  it("type-checks with skipLibCheck: false", async () => {
    await typecheckApp(appDir);
  });

  it("builds with vite build", async () => {
    await exec(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
      cwd: appDir,
    });
    site = await serveStatic(dist);
  });

  it("renders a full chat: sends a message and streams the reply", async () => {
    const page = await open("/");
    threadId = await sendAndStream(page);
    await page.close();
  });

  it("shows the thread and the history after a reload", async () => {
    const page = await open(`/?thread=${threadId}`);
    await expectHistory(page);
    const entry = page.locator('[data-tk-part="thread-list-item"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.first().getAttribute("data-active")).toBe("");
    expect(await entry.first().textContent()).toContain(PROMPT);
    await page.close();
  });

  it("renders the thread view page alone", async () => {
    const page = await open(`/thread.html?thread=${threadId}`);
    await expectHistory(page);
    expect(await page.locator('[data-tk-part="composer"]').count()).toBe(0);
    // A thread of messages alone never fetches the rarer item renderers' chunk.
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname),
    );
    expect(fetched.some((file) => file.endsWith(".js"))).toBe(true);
    expect(fetched.filter((file) => rareChunks().includes(file.replace(/^\//, "")))).toEqual([]);
    await page.close();
  });

  it("preloads the run engine's runtime once the full chat is idle, before any send", async () => {
    const runtime = Object.entries(chunkModules())
      .filter(([, ids]) =>
        ids.some((id) => id.endsWith("@threadkit/hooks/dist/engine/run-runtime.js")),
      )
      .map(([file]) => `/${file}`);
    expect(runtime).toHaveLength(1);
    const page = await open(`/?thread=${threadId}`);
    await expectHistory(page);
    const fetched = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname),
      );
    await expect
      .poll(async () => (await fetched()).filter((file) => runtime.includes(file)))
      .toEqual(runtime);
    await page.close();
  });

  it("loads the run engine on the thread view once it is idle, before any action", async () => {
    const holding = (pattern: RegExp) =>
      Object.entries(chunkModules())
        .filter(([, ids]) => ids.some((id) => pattern.test(id)))
        .map(([file]) => `/${file}`);
    const engine = [
      ...holding(/@threadkit\/hooks\/dist\/engine\/run-runtime\.js$/),
      ...holding(/@threadkit\/hooks\/dist\/engine\/run-engine\.js$/),
    ];
    expect(engine).toHaveLength(2);
    const page = await open(`/thread.html?thread=${threadId}`);
    await expectHistory(page);
    const fetched = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname),
      );
    await expect
      .poll(async () => (await fetched()).filter((file) => engine.includes(file)).sort())
      .toEqual([...engine].sort());
    await page.close();
  });

  it("lets Tailwind utilities win on threadkit parts", async () => {
    const page = await open(`/?thread=${threadId}`);
    await expectHistory(page);
    await expectTailwindWins(page);
    await page.close();
  });

  it("ran without page or console errors", () => {
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Weight: initial JS of each page = the entry script plus every chunk its HTML modulepreloads,
// each gzipped (level 9) on its own; lazy chunks are not counted. kB = 1,000 bytes.

type Metric = "threadView" | "chat" | "files";
/** The targets: over the React-only page, and files the build emits. */
const TARGETS: Record<Metric, number> = { threadView: 50_000, chat: 70_000, files: 50 };
/** Targets met today; these must stay met. Add a metric here once its target is reached. */
const TARGET_MET = new Set<Metric>(["files", "chat", "threadView"]);
/**
 * Until then, a ceiling near what was recorded keeps it from growing (BENCHMARKS.md "Consumer
 * weight"): 126.9 kB (thread view) and 133.3 kB (full chat) over React on 2026-12-02, after the
 * per-module publish, the lazy widget catalogue and the one-chunk icon set; the full chat 146.6 kB
 * once the composer gained its tools and model menus, dictation and @-mentions (a Radix dropdown
 * menu and the recorder ship with every composer until they load on first use); the thread view
 * 109.1 kB and the full chat 148.5 kB once the Radix tooltip and dialog of previews load on first
 * use (the full chat's history and composer menu still need that code up front, now split over
 * more chunks); the thread view 95.7 kB and the full chat 108.0 kB once the thread list's delete
 * dialog and the composer's menus load on first use, core and hooks publish one file per module
 * and the REST and Assistants code loads only with those clients; the thread view 99.3 kB and the
 * full chat 114.3 kB with the composer's inline tag tokens and `/` commands, the shared widget-action
 * and composer rules and the lazy REST/Assistants backends (one chunk each) merged on top; the
 * thread view 65.7 kB and the full chat 91.8 kB once the thread history loads without TanStack
 * Query, TanStack Virtual loads only for long threads, markdown is lexed by threadkit's own lexer
 * instead of marked, the rarer item renderers load on first sight and the overlays (delete dialog,
 * composer menus, image and source previews) share one lazy chunk; the thread view 59.9 kB and
 * the full chat 72.0 kB once the thread list and its mutations left TanStack Query, the run
 * engine's runtime loads on the first run, the composer's namespaces tree-shake and its tag
 * features load on first use, Radix's slot gave way to threadkit's own and markdown shrank; the
 * thread view 57.1 kB and the full chat 71.7 kB once the thread view's run actions, the stream-event
 * schemas, the composer's attachment lists and the thread list's rename form load on first use;
 * the thread view 52.0 kB (the full chat 66.1 kB, its target met) once the answer checks load with
 * the first request, the stream reducer with the run runtime and the thread mutations on first call;
 * the thread view 46.9 kB (its target met) and the full chat 61.3 kB on 2026-12-03 once markdown
 * shrank in place, the upload and widget action rules load with their first use, the row
 * virtualizer's work with TanStack Virtual, the run status display and unknown items with the
 * rarer renderers, and PersistentMap, the catalogs and createTheme got smaller.
 */
const CEILINGS: Record<Metric, number> = { threadView: 50_000, chat: 70_000, files: 50 };

function initialJs(htmlFile: string): { bytes: number; gzip: number; files: string[] } {
  const html = readFileSync(path.join(dist, htmlFile), "utf8");
  const files = [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  let bytes = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const content = readFileSync(path.join(dist, file));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { bytes, gzip, files };
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (count, entry) =>
      count +
      (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : entry.isFile() ? 1 : 0),
    0,
  );
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The source modules of each emitted chunk, written by the app's build (vite.config.ts). */
function chunkModules(): Record<string, string[]> {
  return JSON.parse(
    readFileSync(path.join(appDir, "node_modules", ".cache", "chunk-modules.json"), "utf8"),
  );
}

/**
 * The chunks holding the rarer item renderers (task, workflow, tool call, …, and the fallback of
 * unknown item types with its JSON printer; loaded on first sight).
 */
function rareChunks(): string[] {
  const rare =
    /@threadkit\/components\/dist\/(items\/(task|workflow|client-tool-call|structured-input|generated-image)|thread-item\/unknown-item|internal\/json)\.js$/;
  return Object.entries(chunkModules())
    .filter(([, ids]) => ids.some((id) => rare.test(id)))
    .map(([file]) => file);
}

describe("what the pages of a ChatKit-only app ship", () => {
  it("keeps the rarer item renderers in one chunk that no page preloads", () => {
    const chunks = rareChunks();
    expect(chunks).toHaveLength(1);
    for (const html of ["thread.html", "index.html"]) {
      const initial = initialJs(html).files.map((file) => file.replace(/^\//, ""));
      expect(
        initial.filter((file) => chunks.includes(file)),
        html,
      ).toEqual([]);
    }
  });

  it("ships what shows a run's notices, progress and errors with the rarer renderers, not with a page", () => {
    const chunks = chunkModules();
    const rare = rareChunks();
    const runStatus = /@threadkit\/components\/dist\/(items\/notice|thread\/run-status-body)\.js$/;
    for (const html of ["thread.html", "index.html"]) {
      const initial = initialJs(html).files.map((file) => file.replace(/^\//, ""));
      const modules = initial.flatMap((file) => chunks[file] ?? []);
      // The list is real: the page ships Thread.RunStatus itself.
      expect(
        modules.some((id) => id.endsWith("/thread/thread-run-status.js")),
        html,
      ).toBe(true);
      expect(
        modules.filter((id) => runStatus.test(id)),
        html,
      ).toEqual([]);
    }
    expect(rare).toHaveLength(1);
    expect(chunks[rare[0]!]!.filter((id) => runStatus.test(id))).toHaveLength(2);
  });

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])("%s (%s) loads the entity previews of input tags only on first use", (htmlFile) => {
    const chunks = chunkModules();
    const modules = initialJs(htmlFile).files.flatMap((file) => {
      const ids = chunks[file.replace(/^\//, "")];
      if (!ids) throw new Error(`no module list for ${file}`);
      return ids;
    });
    const dist = "@threadkit/components/dist/";
    // The list is real: the page ships the user message, whose interactive tags show previews.
    expect(modules.some((id) => id.endsWith(`${dist}items/user-message.js`))).toBe(true);
    // A sent message's tag preview and the composer's share one loader; both load with the
    // composer's tag features, on a tag's first hover or focus, in the chunk that already holds them.
    const previews = /\/(internal\/entity-preview|items\/input-tag-preview)\.js$/;
    expect(modules.filter((id) => previews.test(id))).toEqual([]);
    const holding = Object.values(chunks).filter((ids) => ids.some((id) => previews.test(id)));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.filter((id) => previews.test(id))).toHaveLength(2);
    expect(holding[0]!.some((id) => id.endsWith(`${dist}composer/composer-tokens.js`))).toBe(true);
  });

  // Core's REST and Assistants modules (dist/ mirrors src/, one file per module).
  const restOrAssistants = /@threadkit\/core\/dist\/(rest|assistants)\//;

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])("%s (%s) carries no REST or Assistants code", (htmlFile) => {
    const chunks = chunkModules();
    const initial = initialJs(htmlFile).files.map((file) => file.replace(/^\//, ""));
    const modules = initial.flatMap((file) => {
      const ids = chunks[file];
      if (!ids) throw new Error(`no module list for ${file}`);
      return ids;
    });
    // The list is real: the page ships core's ChatKit protocol client.
    expect(modules.some((id) => id.includes("@threadkit/core/dist/chatkit/"))).toBe(true);
    expect(modules.filter((id) => restOrAssistants.test(id))).toEqual([]);
  });

  it("thread.html (thread view) loads the action wiring it only needs on a first action later", () => {
    const chunks = chunkModules();
    const initial = initialJs("thread.html").files.flatMap((file) => {
      const ids = chunks[file.replace(/^\//, "")];
      if (!ids) throw new Error(`no module list for ${file}`);
      return ids;
    });
    const lazyHolding = (module: string) =>
      Object.entries(chunks)
        .filter(([, ids]) => ids.some((id) => id.endsWith(module)))
        .map(([, ids]) => ids);
    // The check is real: the page routes widget actions and shows a run's load failure.
    expect(
      initial.some((id) => id.endsWith("@threadkit/core/dist/chatkit/widgets/action-route.js")),
    ).toBe(true);
    expect(initial.some((id) => id.endsWith("@threadkit/hooks/dist/engine/run-errors.js"))).toBe(
      true,
    );
    // The widget action rules (form values, loading, dispatch) load with the widget catalogue,
    // the run failure descriptions with the run engine, the protocol client's upload with the
    // answer checks it awaits.
    const moved: [string, string][] = [
      ["@threadkit/core/dist/http/upload.js", "@threadkit/core/dist/chatkit/parse-thread-item.js"],
      [
        "@threadkit/core/dist/chatkit/upload-attachment.js",
        "@threadkit/core/dist/chatkit/parse-thread-item.js",
      ],
      ["@threadkit/core/dist/chatkit/widgets/actions.js", "/widgets/widget-root-impl.js"],
      ["@threadkit/hooks/dist/engine/run-failure.js", "@threadkit/hooks/dist/engine/run-engine.js"],
    ];
    for (const [module, hub] of moved) {
      expect(initial.filter((id) => id.endsWith(module))).toEqual([]);
      const holding = lazyHolding(module);
      expect(holding, module).toHaveLength(1);
      expect(
        holding[0]!.some((id) => id.endsWith(hub)),
        module,
      ).toBe(true);
    }
  });

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])(
    "%s (%s) loads the item checks with the first request and stream events only with the stream reader",
    (htmlFile) => {
      const chunks = chunkModules();
      const initial = initialJs(htmlFile).files.flatMap((file) => {
        const ids = chunks[file.replace(/^\//, "")];
        if (!ids) throw new Error(`no module list for ${file}`);
        return ids;
      });
      const holding = (pattern: RegExp) =>
        Object.entries(chunks).filter(([, ids]) => ids.some((id) => pattern.test(id)));
      // The check is real: the page ships the protocol client whose answers are checked.
      expect(initial.some((id) => id.endsWith("@threadkit/core/dist/chatkit/client.js"))).toBe(
        true,
      );
      // The item schemas, their parsers and valibot load with the first request (in parallel
      // with it), not with the page: each is built, in one chunk no page preloads.
      const itemChecks = /@threadkit\/core\/dist\/chatkit\/(schema|parse-thread-item)\.js$/;
      const valibot = /\/node_modules\/valibot\//;
      expect(initial.filter((id) => itemChecks.test(id) || valibot.test(id))).toEqual([]);
      const checks = holding(itemChecks);
      expect(checks).toHaveLength(1);
      expect(checks[0]![1].filter((id) => itemChecks.test(id))).toHaveLength(2);
      expect(holding(valibot)).toHaveLength(1);
      // The stream-event schemas sit in a chunk loaded with the stream reader.
      const streamSchemas = "@threadkit/core/dist/chatkit/stream-event-schema.js";
      const stream = holding(/@threadkit\/core\/dist\/chatkit\/stream-event-schema\.js$/);
      expect(stream).toHaveLength(1);
      expect(stream[0]![1].some((id) => id.endsWith("chatkit/parse-stream-event.js"))).toBe(true);
      expect(initial.filter((id) => id.endsWith(streamSchemas))).toEqual([]);
      // A server reads request params; no client page bundles their schemas.
      const requestSchemas = Object.values(chunks)
        .flat()
        .filter((id) => id.endsWith("@threadkit/core/dist/chatkit/request-schema.js"));
      expect(requestSchemas).toEqual([]);
    },
  );

  it("builds valibot with only the schemas some chunk uses", () => {
    // valibot is one module in one chunk the lazy checks share (the protocol client's, the
    // stream reader's, the REST and Assistants code), so it keeps every schema any of them uses:
    // core writes "optional or null" as `v.nullish` everywhere, never `v.nullable`.
    const chunks = Object.entries(chunkModules()).filter(([, ids]) =>
      ids.some((id) => /\/node_modules\/valibot\//.test(id)),
    );
    expect(chunks).toHaveLength(1);
    const code = readFileSync(path.join(dist, chunks[0]![0]), "utf8");
    const schemaType = (type: string) => new RegExp(`type:\\s*[\`"']${type}[\`"']`).test(code);
    // The check is real: the chunk holds valibot's object and nullish schemas.
    expect(schemaType("loose_object")).toBe(true);
    expect(schemaType("nullish")).toBe(true);
    expect(schemaType("nullable")).toBe(false);
  });

  const tanstackQuery = /@tanstack\/(react-query|query-core)\//;

  it("no page bundles TanStack Query: the thread list and its mutations run on threadkit's cache", () => {
    const chunks = chunkModules();
    const initial = initialJs("index.html").files.flatMap((file) => {
      const ids = chunks[file.replace(/^\//, "")];
      if (!ids) throw new Error(`no module list for ${file}`);
      return ids;
    });
    // The check is real: the full chat ships the history list (`useThreads`, `ThreadList`) and
    // the cache it loads into.
    expect(initial.some((id) => id.includes("@threadkit/hooks/dist/threads/use-threads.js"))).toBe(
      true,
    );
    expect(initial.some((id) => id.includes("@threadkit/hooks/dist/threads/thread-lists.js"))).toBe(
      true,
    );
    // Not in a page's first chunks, nor in any chunk loaded later.
    const holding = Object.entries(chunks).filter(([, ids]) =>
      ids.some((id) => tanstackQuery.test(id)),
    );
    expect(holding.map(([file]) => file)).toEqual([]);
  });

  it("<ChatKit> bundles no TanStack Query module", async () => {
    const vite = await import(
      pathToFileURL(path.join(appDir, "node_modules", "vite", "dist", "node", "index.js")).href
    );
    const entry = "\0chatkit-entry";
    const output = await vite.build({
      root: appDir,
      configFile: false,
      logLevel: "silent",
      plugins: [
        {
          name: "chatkit-entry",
          resolveId: (id: string) => (id === "chatkit-entry" ? entry : undefined),
          load: (id: string) =>
            id === entry
              ? [
                  'import { ChatKit, ThreadList, useChatKit } from "@threadkit/components";',
                  'import { useDeleteThread, useRenameThread, useThreads } from "@threadkit/hooks";',
                  // An app's entry keeps no exports: what it uses must be used.
                  "globalThis.used = [ChatKit, ThreadList, useChatKit, useDeleteThread, useRenameThread, useThreads];",
                ].join("\n")
              : undefined,
        },
      ],
      build: { write: false, rolldownOptions: { input: "chatkit-entry" } },
    });
    const bundles = (Array.isArray(output) ? output : [output]) as {
      output: { type: string; moduleIds?: string[] }[];
    }[];
    const modules = bundles.flatMap((bundle) =>
      bundle.output.flatMap((chunk) => (chunk.type === "chunk" ? (chunk.moduleIds ?? []) : [])),
    );
    // The bundle is real: it holds <ChatKit> and the history hooks.
    expect(modules.some((id) => id.includes("@threadkit/components/dist/chatkit/chatkit.js"))).toBe(
      true,
    );
    expect(modules.some((id) => id.includes("@threadkit/hooks/dist/threads/use-threads.js"))).toBe(
      true,
    );
    expect(modules.filter((id) => tanstackQuery.test(id))).toEqual([]);
  });

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])("%s (%s) preloads no Radix module", (htmlFile) => {
    const chunks = chunkModules();
    const modules = initialJs(htmlFile).files.flatMap(
      (file) => chunks[file.replace(/^\//, "")] ?? [],
    );
    // `asChild` and the screen-reader-only text use threadkit's own slot; Radix (menus, dialogs,
    // tooltips) loads with the overlays on first use.
    expect(modules.some((id) => id.includes("@threadkit/components/dist/internal/slot"))).toBe(
      true,
    );
    expect(modules.filter((id) => id.includes("/@radix-ui/"))).toEqual([]);
    const radix = Object.entries(chunks).filter(([, ids]) =>
      ids.some((id) => id.includes("/@radix-ui/")),
    );
    expect(radix.length).toBeGreaterThan(0);
  });

  it("thread.html (thread view) does not preload TanStack Virtual", () => {
    const chunks = chunkModules();
    const initial = initialJs("thread.html").files.map((file) => file.replace(/^\//, ""));
    const modules = initial.flatMap((file) => chunks[file] ?? []);
    const virtual = /@tanstack\/(virtual-core|react-virtual)\//;
    expect(modules.some((id) => id.includes("@threadkit/components/dist/"))).toBe(true);
    expect(modules.filter((id) => virtual.test(id))).toEqual([]);
    // It is built, in a chunk of its own that long threads load.
    const lazy = Object.entries(chunks).filter(([, ids]) => ids.some((id) => virtual.test(id)));
    expect(lazy).toHaveLength(1);
    // The thread's row virtualizer over it (direct DOM writes, measuring) loads with it.
    const rowVirtualizer = /@threadkit\/components\/dist\/thread\/row-virtualizer\.js$/;
    expect(modules.filter((id) => rowVirtualizer.test(id))).toEqual([]);
    expect(lazy[0]![1].some((id) => rowVirtualizer.test(id))).toBe(true);
  });

  // What only a running response needs: the run engine's stream loop and client tool loop, and
  // core's ChatKit stream reading with its SSE decoding.
  const runtimeModules =
    /@threadkit\/hooks\/dist\/engine\/(run-operation|stream-loop|client-tool-loop|idle-watch|frame-batcher)\.js$|@threadkit\/core\/dist\/(chatkit\/(chatkit-run|read-thread-stream|parse-stream-event)|sse\/decode-server-sent-events)\.js$|eventsource-parser\//;

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])("%s (%s) loads the run engine's runtime only on first use", (htmlFile) => {
    const chunks = chunkModules();
    const initial = initialJs(htmlFile).files.map((file) => file.replace(/^\//, ""));
    const modules = initial.flatMap((file) => chunks[file] ?? []);
    // The list is real: the page ships the code that loads the runtime.
    expect(
      modules.some((id) => id.includes("@threadkit/hooks/dist/engine/load-run-runtime.js")),
    ).toBe(true);
    expect(modules.filter((id) => runtimeModules.test(id))).toEqual([]);
  });

  // The run machinery a thread view needs only once the user retries, answers, acts on a widget
  // or gives feedback: the run engine's shell with its failure policy and request building, the
  // run hooks, and the widget action and feedback hooks.
  const runMachinery =
    /@threadkit\/hooks\/dist\/(engine\/(run-engine|failure-policy|run-request|run-activity|retry-items)|run\/(use-run-stream|use-retry-after-item|use-submit-structured-input)|widgets\/use-widget-action|threads\/use-item-feedback)\.js$/;

  it("thread.html (thread view) loads the run engine with the first action on the thread", () => {
    const chunks = chunkModules();
    const initial = initialJs("thread.html").files.map((file) => file.replace(/^\//, ""));
    const modules = initial.flatMap((file) => chunks[file] ?? []);
    // The list is real: the page wires its actions and shows runs started elsewhere.
    expect(
      modules.some((id) => id.includes("@threadkit/hooks/dist/run/use-thread-run-actions.js")),
    ).toBe(true);
    expect(
      modules.some((id) => id.includes("@threadkit/hooks/dist/run/use-thread-run-status.js")),
    ).toBe(true);
    expect(modules.filter((id) => runMachinery.test(id))).toEqual([]);
    // The engine is built, and the full chat (which sends) ships it.
    const chat = initialJs("index.html").files.flatMap(
      (file) => chunks[file.replace(/^\//, "")] ?? [],
    );
    expect(chat.some((id) => id.includes("@threadkit/hooks/dist/engine/run-engine.js"))).toBe(true);
  });

  it("keeps the run engine's runtime in one chunk (its SSE decoder shared with the Assistants code)", () => {
    const chunks = Object.entries(chunkModules());
    const holding = (pattern: RegExp) =>
      chunks.filter(([, ids]) => ids.some((id) => pattern.test(id))).map(([file]) => file);
    const runtime = holding(/@threadkit\/hooks\/dist\/engine\/run-runtime\.js$/);
    expect(runtime).toHaveLength(1);
    for (const pattern of [
      /@threadkit\/hooks\/dist\/engine\/(run-operation|stream-loop|client-tool-loop)\.js$/,
      /@threadkit\/core\/dist\/chatkit\/(chatkit-run|read-thread-stream|parse-stream-event)\.js$/,
    ]) {
      expect(holding(pattern)).toEqual(runtime);
    }
  });

  // Core's stream reducer: only a run produces stream events for a provider's store, so it sits
  // in the run engine's runtime chunk; page merges (live-thread, thread-state) stay.
  const streamReducer =
    /@threadkit\/core\/dist\/state\/(reduce-thread-stream|apply-item-update|apply-thread-events)\.js$/;

  it.each([
    ["thread.html", "thread view"],
    ["index.html", "full chat"],
  ])("%s (%s) applies stream events with code the run engine's runtime brings", (htmlFile) => {
    const chunks = Object.entries(chunkModules());
    const initial = initialJs(htmlFile).files.map((file) => file.replace(/^\//, ""));
    const modules = initial.flatMap((file) => chunkModules()[file] ?? []);
    // The list is real: the page merges loaded pages into its thread stores.
    expect(modules.some((id) => id.endsWith("@threadkit/core/dist/state/live-thread.js"))).toBe(
      true,
    );
    expect(modules.filter((id) => streamReducer.test(id))).toEqual([]);
    const holding = chunks
      .filter(([, ids]) => ids.some((id) => streamReducer.test(id)))
      .map(([file]) => file);
    const runtime = chunks
      .filter(([, ids]) =>
        ids.some((id) => id.endsWith("@threadkit/hooks/dist/engine/run-runtime.js")),
      )
      .map(([file]) => file);
    expect(holding).toEqual(runtime);
  });

  it("index.html (full chat) ships only the composer parts it renders", () => {
    const chunks = chunkModules();
    const modules = initialJs("index.html").files.flatMap((file) => {
      const ids = chunks[file.replace(/^\//, "")];
      if (!ids) throw new Error(`no module list for ${file}`);
      return ids;
    });
    const composer = "@threadkit/components/dist/composer/";
    // The list is real: the page renders `Composer.Root` with its own Input, Stop and Submit.
    expect(modules.some((id) => id.includes(`${composer}composer.js`))).toBe(true);
    // `Composer.*` is a namespace the bundler drops unused members of: the @-mentions and `/`
    // commands, the tools and model menus and dictation stay out of a page that does not use them.
    const unused = /\/composer\/(composer-mentions|composer-options|composer-dictation)\.js$/;
    expect(modules.filter((id) => id.includes(composer) && unused.test(id))).toEqual([]);
    // A composer without tags or tag and command searches never loads the autocompletes' state or
    // the tag tokens: they are one chunk, loaded once a composer has tags or searches for them.
    const tagFeatures = /\/composer\/(composer-tags|composer-tokens|mention-store|tag-tokens)\.js$/;
    expect(modules.filter((id) => id.includes(composer) && tagFeatures.test(id))).toEqual([]);
    const lazy = Object.entries(chunks).filter(([, ids]) =>
      ids.some((id) => id.endsWith(`${composer}composer-tokens.js`)),
    );
    expect(lazy.map(([, ids]) => ids.filter((id) => tagFeatures.test(id)).sort())).toEqual([
      [
        expect.stringContaining("composer-tags.js"),
        expect.stringContaining("composer-tokens.js"),
        expect.stringContaining("mention-store.js"),
        expect.stringContaining("tag-tokens.js"),
      ],
    ]);
    // The attachment chips and refused-file lines (only shown once a file is picked, pasted or
    // dropped) are one chunk of their own, loaded on idle by a composer that takes files.
    const attachmentLists = /\/composer\/composer-attachment-lists\.js$/;
    expect(modules.filter((id) => attachmentLists.test(id))).toEqual([]);
    expect(
      Object.values(chunks)
        .filter((ids) => ids.some((id) => attachmentLists.test(id)))
        .map((ids) => ids.filter((id) => id.includes("@threadkit/")).length),
    ).toEqual([1]);
  });

  it("index.html (full chat) ships the history's list state but not its mutations' work", () => {
    const chunks = chunkModules();
    const initial = initialJs("index.html").files;
    const modules = initial.flatMap((file) => chunks[file.replace(/^\//, "")] ?? []);
    const threads = "@threadkit/hooks/dist/threads/";
    // The page lists the history (`useThreads`); `ThreadList`'s connected branch references the
    // rename and delete hooks, whose work (optimistic change, request, rollback) loads on their
    // first call, in a chunk holding nothing else of threadkit.
    expect(modules.some((id) => id.endsWith(`${threads}thread-lists.js`))).toBe(true);
    expect(modules.filter((id) => id.endsWith(`${threads}thread-mutations.js`))).toEqual([]);
    const mutations = Object.values(chunks).filter((ids) =>
      ids.some((id) => id.endsWith(`${threads}thread-mutations.js`)),
    );
    expect(mutations.map((ids) => ids.filter((id) => id.includes("@threadkit/")))).toEqual([
      [expect.stringContaining(`${threads}thread-mutations.js`)],
    ]);
    // Focus after a confirmed deletion moves in the delete dialog's lazy module.
    const focusAfterDeletion = '[data-tk-part="thread-list-trigger"]';
    const text = (file: string) => readFileSync(path.join(dist, file), "utf8");
    expect(initial.filter((file) => text(file).includes(focusAfterDeletion))).toEqual([]);
    const overlays = Object.entries(chunks).find(([, ids]) =>
      ids.some((id) => id.endsWith("/thread-list/delete-dialog.js")),
    );
    expect(overlays && text(overlays[0])).toContain(focusAfterDeletion);
  });

  it("keeps the REST and the Assistants code each in a chunk loaded only with its client", () => {
    const chunks = Object.entries(chunkModules());
    const holding = (pattern: RegExp) =>
      chunks.filter(([, ids]) => ids.some((id) => pattern.test(id))).map(([file]) => file);
    const rest = holding(/@threadkit\/core\/dist\/rest\//);
    const assistants = holding(/@threadkit\/core\/dist\/assistants\//);
    // The hooks reach each through its own dynamic import; no page preloads them (checked
    // above), and a REST-only app does not load the Assistants code or the other way round.
    expect(rest).toHaveLength(1);
    expect(assistants).toHaveLength(1);
    expect(rest).not.toEqual(assistants);
  });

  it("keeps the formula renderer in KaTeX's chunk, which no page preloads", () => {
    const chunks = Object.entries(chunkModules());
    const holding = (pattern: RegExp) =>
      chunks.filter(([, ids]) => ids.some((id) => pattern.test(id))).map(([file]) => file);
    const renderer = holding(/@threadkit\/components\/dist\/markdown\/math-katex\.js$/);
    // One chunk: the renderer and KaTeX load together, on the first formula.
    expect(renderer).toHaveLength(1);
    expect(holding(/\/katex\/dist\//)).toEqual(renderer);
    // The markdown lexer is up front (the list is real), the renderer is not.
    const initial = (html: string) => initialJs(html).files.map((file) => file.replace(/^\//, ""));
    for (const html of ["thread.html", "index.html"]) {
      expect(
        initial(html).some((file) =>
          chunks.some(
            ([f, ids]) => f === file && ids.some((id) => id.endsWith("markdown/lexer.js")),
          ),
        ),
        html,
      ).toBe(true);
      expect(
        initial(html).filter((file) => renderer.includes(file)),
        html,
      ).toEqual([]);
    }
  });
});

describe("weight of the Vite build", () => {
  const measured = {} as Record<Metric, number>;

  it("measures the initial JS of each page and the files emitted", () => {
    const baseline = initialJs("baseline.html");
    const thread = initialJs("thread.html");
    const chat = initialJs("index.html");
    for (const page of [baseline, thread, chat]) expect(page.files.length).toBeGreaterThan(0);
    // A production build (React's development code alone is over 100 kB gzip), the baseline
    // really is React only, and the threadkit pages really hold threadkit.
    expect(baseline.gzip).toBeLessThan(80_000);
    expect(baseline.gzip).toBeLessThan(thread.gzip);
    expect(thread.gzip).toBeLessThanOrEqual(chat.gzip);
    measured.threadView = thread.gzip - baseline.gzip;
    measured.chat = chat.gzip - baseline.gzip;
    measured.files = countFiles(dist);
    const report = {
      measuredAt: new Date().toISOString(),
      gzipBytes: { baseline: baseline.gzip, threadView: thread.gzip, chat: chat.gzip },
      rawBytes: { baseline: baseline.bytes, threadView: thread.bytes, chat: chat.bytes },
      initialChunks: {
        baseline: baseline.files.length,
        threadView: thread.files.length,
        chat: chat.files.length,
      },
      overReact: { threadView: measured.threadView, chat: measured.chat },
      emittedFiles: measured.files,
      targets: TARGETS,
    };
    const out = path.join(repoRoot, "node_modules", ".cache", "threadkit");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "consumer-weight.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        "Consumer weight (Vite 8 production build, initial JS, gzip -9):",
        `  React-only page     ${kB(baseline.gzip)} (${baseline.files.length} chunks)`,
        `  thread view page    ${kB(thread.gzip)} = React + ${kB(measured.threadView)} (target ≤ +${kB(TARGETS.threadView)})`,
        `  full chat page      ${kB(chat.gzip)} = React + ${kB(measured.chat)} (target ≤ +${kB(TARGETS.chat)})`,
        `  files emitted       ${measured.files} (target ≤ ${TARGETS.files})`,
      ].join("\n"),
    );
  });

  it.each([
    ["threadView", "thread view over React"],
    ["chat", "full chat over React"],
    ["files", "files emitted"],
  ] as const)("%s (%s) within budget", (metric, _label) => {
    const value = measured[metric];
    expect(value, "measured above").toBeGreaterThan(0);
    const show = (n: number) => (metric === "files" ? String(n) : kB(n));
    if (TARGET_MET.has(metric)) {
      expect(value).toBeLessThanOrEqual(TARGETS[metric]);
    } else {
      if (value <= TARGETS[metric]) {
        console.log(
          `${metric}: target ${show(TARGETS[metric])} now met (${show(value)}); add it to TARGET_MET`,
        );
      } else {
        console.warn(
          `${metric}: target not met yet: ${show(value)} > ${show(TARGETS[metric])} (recorded, not failing)`,
        );
      }
      expect(value).toBeLessThanOrEqual(CEILINGS[metric]);
    }
  });
});
