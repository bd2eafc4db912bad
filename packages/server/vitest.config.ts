import { defineConfig } from "vitest/config";

const conditions = ["@threadkit/source", "module", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  // The node environment resolves through Vite's SSR environment, which has its own conditions.
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "server",
    environment: "node",
    globals: true,
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // One throw-away PostgreSQL cluster per run (see test/helpers/postgres.ts).
    globalSetup: ["test/global-postgres.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
