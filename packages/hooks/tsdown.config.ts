import { defineConfig } from "tsdown";

// React runs here: every chunk starts with "use client" for React Server Components hosts.
export default defineConfig({
  entry: ["src/index.ts"],
  // One file per source module, so an app's bundler keeps only the hooks a page uses (a thread
  // view gets no run, composer or session code).
  unbundle: true,
  format: "esm",
  platform: "neutral",
  dts: true,
  clean: true,
  // Declaration files get none: TypeScript rejects a directive there under skipLibCheck: false.
  outputOptions: {
    banner: (chunk) => (chunk.fileName.endsWith(".d.ts") ? "" : '"use client";'),
  },
});
