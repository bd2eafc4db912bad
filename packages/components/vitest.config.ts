import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@threadkit/source", "module", "browser", "import", "default"] },
  // Server-rendering tests (`@vitest-environment node`) resolve through Vite's SSR environment.
  ssr: { resolve: { conditions: ["@threadkit/source", "module", "import", "default"] } },
  test: {
    name: "components",
    environment: "happy-dom",
    globals: true,
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    setupFiles: ["../../vitest.setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
