import type { AssistantMessageContent, Source } from "@threadkit/core";

/** One distinct cited source with its display number. */
export interface SourceEntry {
  /** 1-based number shown in markers and the list. */
  number: number;
  key: string;
  source: Source;
}

/** An annotation placed inside one content part. */
export interface PlacedCitation {
  entry: SourceEntry;
  /** Character offset in the part's text. */
  index: number;
  /** Position of the annotation within the part, for stable React keys. */
  ordinal: number;
}

/** Identity of a source: the same page, file or entity cited twice gets one number. */
export function sourceKey(source: Source): string {
  switch (source.type) {
    case "url":
      return `url:${source.url}`;
    case "file":
      return `file:${source.filename}`;
    case "entity":
      return `entity:${source.id}`;
    default:
      return `other:${(source as { title?: string }).title ?? ""}`;
  }
}

/**
 * Numbers the distinct sources of a reply in order of first citation and places every annotation
 * that has an index into its content part.
 */
export function collectSources(content: readonly AssistantMessageContent[]): {
  entries: SourceEntry[];
  placedByPart: PlacedCitation[][];
} {
  const byKey = new Map<string, SourceEntry>();
  const entries: SourceEntry[] = [];
  const placedByPart = content.map((part) => {
    const placed: PlacedCitation[] = [];
    (part.annotations ?? []).forEach((annotation, ordinal) => {
      const source = annotation?.source;
      if (!source || typeof source !== "object") return;
      const key = sourceKey(source);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { number: entries.length + 1, key, source };
        byKey.set(key, entry);
        entries.push(entry);
      }
      const index = annotation.index;
      if (typeof index === "number" && Number.isFinite(index) && index >= 0) {
        placed.push({ entry, index: Math.min(index, part.text.length), ordinal });
      }
    });
    placed.sort((a, b) => a.index - b.index || a.ordinal - b.ordinal);
    return placed;
  });
  return { entries, placedByPart };
}
