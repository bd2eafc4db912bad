import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildDemo } from "./build-demo";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder holding the production build of the demo. */
    demoDist: string;
  }
}

/** Builds the demo once for every end-to-end file; removes the build afterwards. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(tmpdir(), "threadkit-demo-"));
  await buildDemo(outDir);
  project.provide("demoDist", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
