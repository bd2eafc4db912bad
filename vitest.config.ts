import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (no build needed first); global setup
// files are loaded through this root config, so it needs the condition as well.
const conditions = ["@threadkit/source", "module", "import", "default"];

// Each package's own vitest.config.ts is a project; `pnpm test` runs them all.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "tests/*/vitest.config.ts",
    ],
  },
});
