import { defineConfig } from "vitest/config";

// Each package's own vitest.config.ts is a project; `pnpm test` runs them all.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
