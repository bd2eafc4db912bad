/** Pretty-prints any value as JSON without throwing (cycles and BigInts included). */
export function prettyJson(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  // The objects on the path from the root to the value being written. Only these make a cycle:
  // an object reached twice through different keys (a shared reference) is printed each time.
  const ancestors: object[] = [];
  try {
    return (
      JSON.stringify(
        value,
        function (this: unknown, _key, v: unknown) {
          if (typeof v === "bigint") return v.toString();
          if (typeof v === "object" && v !== null) {
            // `this` is the object that holds `v`; whatever was pushed after it is a finished sibling.
            while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) {
              ancestors.pop();
            }
            if (ancestors.includes(v)) return "[Circular]";
            ancestors.push(v);
          }
          return v;
        },
        2,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
