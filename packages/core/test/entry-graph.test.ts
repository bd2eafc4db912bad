/**
 * Each wire format has its own entry point, and each entry pulls in only its own wire format and
 * the shared pieces: `@threadkit/core/chatkit` never reaches REST or Assistants code, so an app
 * that speaks only the ChatKit protocol does not bundle them. Walks the relative imports of the
 * sources from each entry.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

/** Every source file reachable from `entry` through relative imports and re-exports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"?]+)"/g)) {
      const base = path.resolve(path.dirname(file), match[1] as string);
      const target = [`${base}.ts`, path.join(base, "index.ts")].find((c) => existsSync(c));
      if (target) visit(target);
    }
  };
  visit(path.join(src, entry));
  return [...seen].map((file) => path.relative(src, file).split(path.sep).join("/"));
}

const folders = (files: string[]) =>
  [...new Set(files.map((f) => f.split("/")[0] as string))].sort();

describe("entry points by wire format", () => {
  it("@threadkit/core/chatkit reaches no REST or Assistants code", () => {
    const files = reachable("chatkit/index.ts");
    expect(files).toContain("chatkit/client.ts");
    expect(folders(files)).toEqual(["chatkit", "errors", "http", "sse", "state"]);
  });

  it("@threadkit/core/rest reaches no Assistants code", () => {
    const files = reachable("rest/index.ts");
    expect(files).toContain("rest/normalize.ts");
    expect(folders(files).filter((f) => f === "assistants")).toEqual([]);
  });

  it("@threadkit/core/assistants reaches no REST code", () => {
    const files = reachable("assistants/index.ts");
    expect(files).toContain("assistants/read-assistant-stream.ts");
    expect(folders(files).filter((f) => f === "rest")).toEqual([]);
  });

  it("the shared pieces import no wire format", () => {
    for (const shared of ["http", "sse", "errors"]) {
      const files = reachable(`${shared}/index.ts`);
      expect(folders(files).filter((f) => ["chatkit", "rest", "assistants"].includes(f))).toEqual(
        [],
      );
    }
  });
});
