/** The reports of one package: `{ name, files: Map<absolute path, text> }`. */
export declare function packageApiReports(pkgDir: string): {
  name: string;
  files: Map<string, string>;
};
/** Entries whose checked-in report differs from the surface (missing, changed or stale files). */
export declare function checkPackageApiReports(pkgDir: string): string[];
