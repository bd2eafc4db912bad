import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Everything the hooks and components send goes through a `ThreadBackend`. Only the route
// module picks a backend from the provider's clients; any other file that branches on
// `clients.backend`, `.protocol`, `.rest` or `.assistants` builds a second road.
const packagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Files that may read the clients, relative to `packages/`, each with why. */
const ROUTE_MODULE = new Map<string, string>([
  ["hooks/src/engine/run-route.ts", "the run's route"],
  ["hooks/src/internal/thread-backend.ts", "the thread list's and history's backend"],
]);

const READS_CLIENT =
  /clients\??\.(backend|protocol|rest|assistants)\b|\{[^}=;]*\b(backend|protocol|rest|assistants)\b[^}=;]*\}\s*=\s*[^;]*\bclients\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(entry.name) || /\.(test|stories)\.tsx?$/.test(entry.name)) return [];
    return [full];
  });
}

/** The code of a file without its comments (a doc comment may name a client). */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** The files outside the route module that read a client, with the offending line. */
function offRoadFiles(roots: readonly string[]): string[] {
  const found: string[] = [];
  for (const root of roots) {
    for (const file of sourceFiles(path.join(packagesDir, root))) {
      const name = path.relative(packagesDir, file).split(path.sep).join("/");
      if (ROUTE_MODULE.has(name)) continue;
      const line = code(file)
        .split("\n")
        .find((text) => READS_CLIENT.test(text));
      if (line !== undefined) found.push(`${name}: ${line.trim()}`);
    }
  }
  return found;
}

describe("one route from the clients to a backend", () => {
  it("no file outside the route module branches on a client", () => {
    expect(offRoadFiles(["hooks/src", "components/src"])).toEqual([]);
  });

  it("catches a file that does", () => {
    expect(READS_CLIENT.test("const protocol = context.clients.protocol;")).toBe(true);
    expect(READS_CLIENT.test('const { protocol } = useThreadkitContext("x").clients;')).toBe(true);
    expect(READS_CLIENT.test("if (clients?.rest) load();")).toBe(true);
    expect(READS_CLIENT.test("return clients.backend.listThreads();")).toBe(true);
    expect(READS_CLIENT.test("const backend = getRunBackend(run, context.clients);")).toBe(false);
  });
});
