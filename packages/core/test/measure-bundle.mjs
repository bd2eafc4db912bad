/**
 * Measures what runtime validation adds to a browser bundle: the schemas written with valibot
 * (as shipped) against the same schemas mechanically ported to zod/mini. Prints minified and
 * gzipped sizes. Run: node packages/core/test/measure-bundle.mjs
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const core = path.resolve(here, "..");
const require = createRequire(path.join(core, "../../node_modules/.pnpm/node_modules/"));
const esbuild = require("esbuild");

const schemaFiles = ["src/chatkit/schema.ts", "src/assistants/schema.ts", "src/rest/schema.ts"];

/** valibot → zod/mini, good enough for a size comparison (same structure, same checks). */
function toZodMini(source) {
  return source
    .replace('import * as v from "valibot";', 'import * as z from "zod/mini";')
    .replaceAll("v.GenericSchema", "z.ZodMiniType")
    .replaceAll("v.variant(", "z.discriminatedUnion(")
    .replaceAll("v.picklist(", "z.enum(")
    .replaceAll("v.nullable(", "z.nullable(")
    .replaceAll("v.", "z.");
}

const tmp = mkdtempSync(path.join(tmpdir(), "tk-bundle-"));
const zodFiles = schemaFiles.map((file, i) => {
  const out = path.join(tmp, `schema-${i}.ts`);
  writeFileSync(out, toZodMini(readFileSync(path.join(core, file), "utf8")));
  return out;
});

async function size(entries, label) {
  const entry = path.join(tmp, `${label}.ts`);
  writeFileSync(
    entry,
    entries.map((f, i) => `export * as s${i} from ${JSON.stringify(f)};`).join("\n"),
  );
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    nodePaths: [path.join(core, "node_modules")],
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const lib = Object.entries(result.metafile.outputs)[0][1].inputs;
  const libBytes = Object.entries(lib)
    .filter(([file]) => file.includes("node_modules"))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  return { label, min: code.length, gzip: gzipSync(code).length, libraryMin: libBytes };
}

const rows = [
  await size(
    schemaFiles.map((f) => path.join(core, f)),
    "valibot",
  ),
  await size(zodFiles, "zod-mini"),
  await size(
    [
      path.join(core, "src/chatkit/parse-thread-item.ts"),
      path.join(core, "src/chatkit/parse-stream-event.ts"),
      path.join(core, "src/chatkit/parse-request.ts"),
      path.join(core, "src/assistants/parse-stream-event.ts"),
    ],
    "validation-entry",
  ),
];
console.table(rows);
