import { defineConfig } from "vitest/config";

// End-to-end tests: the real dev server and the built demo, driven in headless Chromium.
const conditions = ["@threadkit/source", "module", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  // The node environment resolves through Vite's SSR environment, which has its own conditions.
  ssr: { resolve: { conditions, externalConditions: conditions } },
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
