import type { ItemOrigin, JsonObject } from "../protocol/thread-item";

/**
 * Unix seconds → ISO-8601 (`2024-04-05T19:33:20.000Z`). Non-finite input gives `""` (unknown
 * time) rather than an exception.
 */
export function unixToIso(seconds: number): string {
  if (!Number.isFinite(seconds)) return "";
  return new Date(seconds * 1000).toISOString();
}

/** The fields of `source` whose keys are not in `mapped`, unchanged. */
export function pickExtra(source: JsonObject, mapped: readonly string[]): JsonObject {
  const extra: JsonObject = {};
  for (const key of Object.keys(source)) {
    if (!mapped.includes(key)) extra[key] = source[key];
  }
  return extra;
}

/** Builds an `origin` record. */
export function origin(api: ItemOrigin["api"], type: string, extra: JsonObject): ItemOrigin {
  return { api, type, extra };
}
