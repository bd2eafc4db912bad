/** Joins truthy class names. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

/** `""` when `condition` holds, else `undefined`: boolean data attributes are present or absent. */
export function flag(condition: boolean | undefined): "" | undefined {
  return condition ? "" : undefined;
}
