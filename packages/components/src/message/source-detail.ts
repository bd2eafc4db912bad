import type { Source } from "@threadkit/core";
import { hostOf } from "../internal/safe-url";

/** Secondary line of a source: host, file name or entity label. */
export function sourceDetail(source: Source): string | undefined {
  if (source.type === "url") return source.attribution ?? hostOf(source.url) ?? undefined;
  if (source.type === "file") return source.filename;
  return source.label ?? source.group ?? undefined;
}
