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
  format: "esm",
  platform: "neutral",
  dts: true,
  clean: true,
});
