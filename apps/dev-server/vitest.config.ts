import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources. Only that condition is added: Vitest
// passes the conditions on to Node, and a forced "import" makes pg's CommonJS
// `require("pg-pool")` load pg-pool's ESM wrapper, which breaks `new pg.Pool()`.
const conditions = ["@threadkit/source"];

export default defineConfig({
  resolve: { conditions },
  // The node environment resolves through Vite's SSR environment, which has its own conditions.
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "dev-server",
    environment: "node",
    globals: true,
    include: ["src/**/*.test.ts"],
    testTimeout: 15_000,
  },
});
