/**
 * Builds the three packages and packs them (pnpm pack applies each publishConfig) into
 * tests/consumers/.packs/, where the scratch apps' package.json files point. `pnpm test` sets
 * THREADKIT_PACKAGES_BUILT=1 when it has just run `pnpm build`.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exec, PACKAGES, packsDir, repoRoot, tarballOf } from "./harness";

export default async function setup() {
  if (process.env.THREADKIT_PACKAGES_BUILT !== "1")
    await exec("pnpm", ["build"], { cwd: repoRoot });
  const scratch = mkdtempSync(path.join(tmpdir(), "threadkit-packs-"));
  try {
    mkdirSync(packsDir, { recursive: true });
    for (const name of PACKAGES) {
      const out = await exec("pnpm", ["pack", "--pack-destination", scratch], {
        cwd: path.join(repoRoot, "packages", name),
      });
      const tarball = out.trim().split("\n").at(-1)?.trim() ?? "";
      if (!tarball.endsWith(".tgz")) throw new Error(`pnpm pack printed no tarball:\n${out}`);
      renameSync(tarball, tarballOf(name));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
