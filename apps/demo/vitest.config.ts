import { defineConfig } from "vitest/config";

// End-to-end tests: the real dev server and the built demo, driven in headless Chromium.
export default defineConfig({
  resolve: { conditions: ["@threadkit/source", "module", "import", "default"] },
  test: {
    name: "demo",
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    // One Chromium and one build shared by a few files: run them one after another on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
