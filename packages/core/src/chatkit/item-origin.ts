import type { ItemOrigin, JsonObject, UnknownThreadItem } from "./thread-item";

/** The largest distance from the epoch a `Date` can hold, in milliseconds (±100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

/**
 * Unix seconds → ISO-8601 (`2024-04-05T19:33:20.000Z`). Input that is not a number, is not
 * finite, or lies outside the range of `Date` (e.g. `9007199254740991`) gives `""` (unknown
 * time) rather than an exception.
 */
export function unixToIso(seconds: number): string {
  if (typeof seconds !== "number") return "";
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return "";
  return new Date(ms).toISOString();
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

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** Wraps an item of a type this version does not know, keeping it whole under `raw`. */
export function toUnknownThreadItem(raw: JsonObject, originalType: string): UnknownThreadItem {
  return {
    type: "unknown",
    original_type: originalType,
    id: stringOr(raw.id, ""),
    thread_id: stringOr(raw.thread_id, ""),
    created_at: stringOr(raw.created_at, ""),
    raw,
  };
}
