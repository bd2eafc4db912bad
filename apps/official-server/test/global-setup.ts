import type { TestProject } from "vitest/node";
import { assertChatKitPythonInstalled, startPythonServer } from "./python-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the scripted official-SDK server (its protocol endpoint is `/chatkit`). */
    officialServerUrl: string;
  }
}

/** Starts the Python server once for every file of the project; stops it afterwards. */
export default async function setup(project: TestProject) {
  assertChatKitPythonInstalled();
  const server = await startPythonServer();
  project.provide("officialServerUrl", server.url);
  return () => server.close();
}
