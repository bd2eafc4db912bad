/**
 * What a registry user downloads: publint and @arethetypeswrong/cli on each packed tarball must
 * report nothing. The packages are ESM-only, so attw checks them with its `esm-only` profile
 * (node16 from ESM and bundler resolution; CommonJS `require` and node10 are not supported), and
 * skips `./styles.css`, which is a stylesheet and has no types.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";
import { exec, PACKAGES, repoRoot, tarballOf } from "./harness";

const attwBin = path.join(repoRoot, "node_modules", ".bin", "attw");
const IGNORED_RESOLUTIONS = new Set(["node10", "node16-cjs"]);

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

describe.each(PACKAGES)("@threadkit/%s tarball", (name) => {
  it("passes publint (strict, suggestions included)", async () => {
    const tarball = readFileSync(tarballOf(name));
    const { messages, pkg } = await publint({
      pack: {
        tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length),
      },
      level: "suggestion",
      strict: true,
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual(
      [],
    );
  });

  it("passes @arethetypeswrong/cli (esm-only profile)", async () => {
    const output = await exec(
      attwBin,
      [
        tarballOf(name),
        "--profile",
        "esm-only",
        "--exclude-entrypoints",
        "./styles.css",
        "--format",
        "json",
      ],
      { cwd: repoRoot },
    );
    const { analysis, problems } = JSON.parse(output) as {
      analysis: { packageName: string; types: unknown };
      problems: Record<string, AttwProblem[]>;
    };
    expect(analysis.packageName).toBe(`@threadkit/${name}`);
    expect(analysis.types, "ships its own types").toBeTruthy();
    const reported = Object.values(problems)
      .flat()
      .filter((problem) => !IGNORED_RESOLUTIONS.has(problem.resolutionKind ?? ""));
    expect(reported).toEqual([]);
  });
});
