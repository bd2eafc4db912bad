import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@threadkit/source", "module", "import", "default"] },
  test: {
    name: "core",
    environment: "node",
    globals: true,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
