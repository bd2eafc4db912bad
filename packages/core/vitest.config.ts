import { defineConfig } from "vitest/config";

const conditions = ["@threadkit/source", "module", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  // The node environment resolves through Vite's SSR environment, which has its own conditions.
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "core",
    environment: "node",
    globals: true,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
