import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPackageApiReports } from "../../../scripts/api-report.mjs";

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The public surface is checked in as api/*.api.md. When this fails, run `pnpm api:report` and
// review the change of the surface with the rest of the change.
it("the API report matches the surface of every entry point", () => {
  expect(checkPackageApiReports(pkgDir)).toEqual([]);
}, 180_000);
