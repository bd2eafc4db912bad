import path from "node:path";
import { defineConfig, type UserConfig } from "tsdown";

/** The namespaces of `src/index.ts` (`export * as Composer from "./composer"` …) and their folders. */
const NAMESPACE_BARRELS = ["composer", "message", "thread", "widgets"] as const;
const INDEX = path.resolve(import.meta.dirname, "src/index.ts");

/**
 * Keeps `export * as Composer from "./composer/index.js"` as ES syntax in `dist/index.js`.
 * Bundled, a namespace becomes an object of getters that an app's bundler cannot tree-shake (every
 * `Composer.*` part would ship with `Composer.Root`); as a re-export of a module it can: an app
 * keeps only the members it reads. The barrels are entries of their own, so they are still built.
 */
const namespaceBarrels: NonNullable<UserConfig["plugins"]> = {
  name: "threadkit:namespace-barrels",
  resolveId: {
    filter: { id: new RegExp(`^\\./(${NAMESPACE_BARRELS.join("|")})$`) },
    handler(source: string, importer: string | undefined) {
      if (importer === undefined || path.resolve(importer) !== INDEX) return null;
      return { id: `${source}/index.js`, external: true };
    },
  },
};

// React runs here: every chunk starts with "use client" for React Server Components hosts.
export default defineConfig({
  // `highlight` is its own entry so the main bundle never grows with it; shiki, an optional
  // peer, stays external and is only reached through `import()`.
  entry: {
    index: "src/index.ts",
    highlight: "src/markdown/highlight/index.ts",
    ...Object.fromEntries(
      NAMESPACE_BARRELS.map((name) => [`${name}/index`, `src/${name}/index.ts`]),
    ),
  },
  plugins: [namespaceBarrels],
  // One file per source module, so an app's bundler keeps only the modules a page uses (a page
  // that imports `Markdown` gets the markdown modules, not the thread view) and can split them
  // between pages and lazy chunks.
  unbundle: true,
  format: "esm",
  platform: "neutral",
  dts: true,
  clean: true,
  // Declaration files get none: TypeScript rejects a directive there under skipLibCheck: false.
  outputOptions: {
    banner: (chunk) => (chunk.fileName.endsWith(".d.ts") ? "" : '"use client";'),
    // Message catalogs load on demand, one chunk each, under `dist/locales/` (size-limit leaves
    // them out of the main bundle's weight by that path).
    chunkFileNames: (chunk) =>
      chunk.moduleIds.some((id) => id.includes("/i18n/locales/"))
        ? "locales/[name]-[hash].js"
        : "[name]-[hash].js",
  },
});
