import { defineConfig } from "tsdown";

// React runs here: every chunk starts with "use client" for React Server Components hosts.
export default defineConfig({
  // `highlight` is its own entry so the main bundle never grows with it; shiki, an optional
  // peer, stays external and is only reached through `import()`.
  entry: { index: "src/index.ts", highlight: "src/markdown/highlight/index.ts" },
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
