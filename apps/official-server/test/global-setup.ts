import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildDemo } from "../../demo/e2e/build-demo";
import { assertChatKitPythonInstalled, startPythonServer } from "./python-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the scripted official-SDK server (its protocol endpoint is `/chatkit`). */
    officialServerUrl: string;
    /** Folder holding the production build of the demo. */
    officialDemoDist: string;
  }
}

/** Starts the Python server and builds the demo (in parallel) for every file of the project. */
export default async function setup(project: TestProject) {
  assertChatKitPythonInstalled();
  const outDir = mkdtempSync(path.join(tmpdir(), "threadkit-official-demo-"));
  const [started, built] = await Promise.allSettled([startPythonServer(), buildDemo(outDir)]);
  if (started.status === "rejected" || built.status === "rejected") {
    if (started.status === "fulfilled") await started.value.close();
    rmSync(outDir, { recursive: true, force: true });
    throw started.status === "rejected" ? started.reason : (built as PromiseRejectedResult).reason;
  }
  const server = started.value;
  project.provide("officialServerUrl", server.url);
  project.provide("officialDemoDist", outDir);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
