import { defineConfig } from "vitest/config";

// The consumer test: the packed tarballs in a Vite app (on React 19 and, copied, on React 18.3)
// and a Next.js app, each type-checked, built, served and driven in headless Chromium; publint and
// attw on the tarballs; the weight of the Vite build. Run alone with `pnpm test:consumers`.
const conditions = ["@threadkit/source", "module", "import", "default"];

export default defineConfig({
  // The test itself runs the dev server from its sources.
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "consumers",
    environment: "node",
    include: ["*.test.ts"],
    globalSetup: ["pack.setup.ts"],
    // Each file installs, builds and runs a browser: one after another on 2 cores.
    fileParallelism: false,
    testTimeout: 480_000,
    hookTimeout: 900_000,
  },
});
