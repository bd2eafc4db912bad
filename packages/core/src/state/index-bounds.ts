/**
 * The rule for indexes a stream event names (content parts, annotations, tool calls, code
 * interpreter outputs): an event may name an existing entry, the next one, or at most
 * {@link MAX_INDEX_GAP} past the next one (the gap is padded with empty entries). Anything else
 * (an index further out, a negative or fractional one) is a malformed event: the readers report
 * it as `stream.malformed` with `reason: "invalid_index"` and the reducers never apply it, so no
 * event can make them allocate more than a few entries.
 */

/** How many entries past the next one a stream event may name (they are padded empty). */
export const MAX_INDEX_GAP = 3;

/** Whether `index` may be applied to a list of `length` entries (see {@link MAX_INDEX_GAP}). */
export function isIndexInBounds(index: unknown, length: number): index is number {
  return (
    typeof index === "number" &&
    Number.isInteger(index) &&
    index >= 0 &&
    index <= length + MAX_INDEX_GAP
  );
}

/** @internal The message of an out-of-bounds index. */
export function indexError(field: string, index: unknown, length: number): RangeError {
  return new RangeError(
    `${field} ${String(index)} is out of bounds: ${length} entries, so at most ${length + MAX_INDEX_GAP} is accepted.`,
  );
}
