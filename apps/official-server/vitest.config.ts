import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// threadkit against a server built on OpenAI's official Python ChatKit SDK. Global setup starts
// that server (from .venv-chatkit/); the protocol tests run in node, the hook tests in happy-dom
// (per file), the demo tests build the demo and drive it in headless Chromium.
const conditions = ["@threadkit/source", "module", "import", "default"];

export default defineConfig({
  plugins: [react()],
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "official-server",
    environment: "node",
    globals: true,
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["../../vitest.setup.ts"],
    globalSetup: ["test/global-setup.ts"],
    // One Python server for every file: one file at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
