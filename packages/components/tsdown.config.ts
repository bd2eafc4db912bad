import { defineConfig } from "tsdown";

// React runs here: every chunk starts with "use client" for React Server Components hosts.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  dts: true,
  clean: true,
  outputOptions: { banner: '"use client";' },
});
