import { defineConfig } from "tsdown";

// dependencies and peerDependencies (better-sqlite3, pg) stay external by default.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    "node/index": "src/node/index.ts",
    "sqlite/index": "src/sqlite/index.ts",
    "postgres/index": "src/postgres/index.ts",
  },
  format: "esm",
  platform: "node",
  dts: true,
  // "type": "module", so plain .js and .d.ts (the exports map names them).
  fixedExtension: false,
  clean: true,
});
