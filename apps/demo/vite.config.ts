import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The demo resolves the workspace packages from source (`@threadkit/source` first), so nothing
 * needs building before `pnpm dev`.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: [
      "@threadkit/source",
      "module",
      "browser",
      "development|production",
      "import",
      "default",
    ],
  },
  // The code highlighter loads shiki lazily; pre-bundling it up front keeps Vite from reloading
  // the page the first time a reply contains code.
  optimizeDeps: {
    include: ["shiki/core", "shiki/engine/javascript", "shiki/langs", "shiki/themes"],
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 4173, strictPort: false },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1500 },
});
