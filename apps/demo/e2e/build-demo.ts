/**
 * Builds the demo for the end-to-end tests. Kept apart from the harness: global setup loads this
 * file, and it must not pull in the dev server or the workspace sources.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

/** The demo app's folder. */
export const demoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the demo for production into `outDir`. */
export async function buildDemo(outDir: string): Promise<void> {
  await build({
    root: demoRoot,
    configFile: path.join(demoRoot, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
}
