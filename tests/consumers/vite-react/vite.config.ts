import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes which source modules each emitted chunk holds to node_modules/.cache (outside `dist`, so
 * the build's file count is unchanged): the consumer test checks what each page ships from it.
 */
function chunkModules(): Plugin {
  return {
    name: "threadkit-chunk-modules",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === "chunk") chunks[fileName] = output.moduleIds;
      }
      const out = path.resolve("node_modules/.cache");
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, "chunk-modules.json"), JSON.stringify(chunks, null, 1));
    },
  };
}

// Three pages, so the build shows what each costs: a full chat, a read-only thread view and a
// React-only baseline.
export default defineConfig({
  plugins: [react(), tailwindcss(), chunkModules()],
  build: {
    rolldownOptions: {
      input: { chat: "index.html", thread: "thread.html", baseline: "baseline.html" },
    },
  },
});
