import { defineConfig } from "tsdown";

// dependencies and peerDependencies stay external by default.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    "chatkit/index": "src/chatkit/index.ts",
    "rest/index": "src/rest/index.ts",
    "assistants/index": "src/assistants/index.ts",
    "internal/index": "src/internal/index.ts",
    "server/index": "src/server/index.ts",
    "testing/index": "src/testing/index.ts",
  },
  // One file per source module (dist/ mirrors src/), so an app's bundler keeps only the modules
  // it reaches: a ChatKit-only app gets none of rest/ or assistants/.
  unbundle: true,
  format: "esm",
  platform: "neutral",
  dts: true,
  clean: true,
});
