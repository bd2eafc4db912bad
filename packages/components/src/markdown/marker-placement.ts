/**
 * Where citation markers go inside nested markdown blocks: each nested token's `raw` is located
 * in the message text (as pieces, since nested blocks lose their container markup on every line)
 * and every marker is handed to the child whose text holds its index.
 */

import type { MarkdownMarker } from "./markdown-marker";
import type { TableToken, Token } from "./tokens";

/**
 * A run of a nested token's `raw` that appears verbatim in the message text: `raw[local + i]` is
 * `text[abs + i]` for `i < length`. Nested blocks lose their container markup (`> `, list
 * indentation) on every line, so a multi-line block is several pieces.
 */
export interface Piece {
  local: number;
  abs: number;
  length: number;
}

/** The markers a nested token owns (absolute indices, sorted) and where its `raw` lies in the text. */
export interface Placement {
  markers: readonly MarkdownMarker[];
  pieces: readonly Piece[];
}

const CONTAINER_MARKUP = /^[ \t>]*$/;

/**
 * Finds `raw` in `parent` at or after `from`, as pieces whose `abs` is an offset in `parent`: the
 * whole string when it is a substring, otherwise line by line, where only container markup may
 * stand between one line and the next.
 */
export function findPieces(raw: string, parent: string, from: number): Piece[] | null {
  if (raw.length === 0) return null;
  const at = parent.indexOf(raw, from);
  if (at >= 0) return [{ local: 0, abs: at, length: raw.length }];
  const lines = raw.split("\n");
  const pieces: Piece[] = [];
  let local = 0;
  let position = from;
  for (let i = 0; i < lines.length; i++) {
    const last = i === lines.length - 1;
    const line = last ? (lines[i] as string) : `${lines[i]}\n`;
    if (line.length === 0) break;
    const found = parent.indexOf(line, position);
    if (found < 0 || (i > 0 && !CONTAINER_MARKUP.test(parent.slice(position, found)))) return null;
    pieces.push({ local, abs: found, length: line.length });
    local += line.length;
    position = found + line.length;
  }
  return pieces;
}

/** Maps pieces located in a parent's `raw` to the message text through the parent's pieces. */
export function toText(inner: readonly Piece[], outer: readonly Piece[]): Piece[] {
  const pieces: Piece[] = [];
  for (const piece of inner) {
    let local = piece.local;
    let at = piece.abs;
    let left = piece.length;
    for (const o of outer) {
      if (left === 0) break;
      if (at >= o.local + o.length) continue;
      const length = Math.min(left, o.local + o.length - at);
      pieces.push({ local, abs: o.abs + at - o.local, length });
      local += length;
      at += length;
      left -= length;
    }
  }
  return pieces;
}

/**
 * The offset in a token's `raw` of a message text index. An index in markup a line lost moves to
 * the next line's first character; one past the end stays past the end.
 */
export function toLocal(pieces: readonly Piece[], index: number): number {
  for (const piece of pieces) {
    if (index < piece.abs) return piece.local;
    if (index < piece.abs + piece.length) return piece.local + index - piece.abs;
  }
  const last = pieces[pieces.length - 1];
  return last ? last.local + last.length + Math.max(0, index - last.abs - last.length) : 0;
}

/**
 * Hands each child the markers from its own start up to the next located child's start, so a
 * marker in the markup between two children ends the first one. Markers before the first located
 * child go to it; with no child located, all of them are `unplaced`.
 */
export function assignMarkers(
  located: readonly (readonly Piece[] | undefined)[],
  place: Placement,
  unplaced: MarkdownMarker[],
): (Placement | undefined)[] {
  const places: (Placement | undefined)[] = [];
  const order = located.flatMap((pieces, i) => (pieces && pieces.length > 0 ? [i] : []));
  if (order.length === 0) {
    unplaced.push(...place.markers);
    return places;
  }
  let next = 0;
  order.forEach((i, k) => {
    const following = order[k + 1];
    const until =
      following === undefined
        ? Number.POSITIVE_INFINITY
        : (located[following]?.[0]?.abs ?? Number.POSITIVE_INFINITY);
    const owned: MarkdownMarker[] = [];
    while (next < place.markers.length && (place.markers[next] as MarkdownMarker).index < until)
      owned.push(place.markers[next++] as MarkdownMarker);
    if (owned.length > 0) places[i] = { markers: owned, pieces: located[i] as Piece[] };
  });
  return places;
}

/** Places the children of a container token (`raw` is the container's) in order. */
export function placeChildren(
  children: readonly Token[],
  raw: string,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): (Placement | undefined)[] {
  if (!place?.markers.length) return [];
  let from = 0;
  const located = children.map((child) => {
    // Blank lines hold no text: markers there go to a neighbour.
    if (child.type === "space") return undefined;
    const found = findPieces(child.raw, raw, from);
    if (!found) return undefined;
    const end = found[found.length - 1] as Piece;
    from = end.abs + end.length;
    return toText(found, place.pieces);
  });
  return assignMarkers(located, place, unplaced);
}

/**
 * Finds each cell's text in its own line of the table source (header, delimiter row, then one
 * line per body row). Cells whose text differs from the source (an escaped `\|`) are not found.
 */
export function locateCells(
  table: TableToken,
  place: Placement | undefined,
  unplaced: MarkdownMarker[],
): (Placement | undefined)[] {
  if (!place?.markers.length) return [];
  const located: (Piece[] | undefined)[] = [];
  const lines = table.raw.split("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  [table.header, ...table.rows].forEach((row, r) => {
    // The delimiter row sits between the header and the body.
    const lineIndex = r === 0 ? 0 : r + 1;
    const lineStart = lineStarts[lineIndex] ?? table.raw.length;
    const line = lines[lineIndex] ?? "";
    let from = 0;
    for (const cell of row) {
      const at = cell.text.length > 0 ? line.indexOf(cell.text, from) : -1;
      if (at < 0) {
        located.push(undefined);
        continue;
      }
      from = at + cell.text.length;
      located.push(
        toText([{ local: 0, abs: lineStart + at, length: cell.text.length }], place.pieces),
      );
    }
  });
  return assignMarkers(located, place, unplaced);
}
