/**
 * Reading the data of the dominant ChatKit stream event, a text delta, without `JSON.parse`.
 */

import type { ThreadStreamEvent } from "./stream-event";

/**
 * A text delta exactly as servers serialise it (the official Python SDK and threadkit's own
 * server: these keys in this order, no whitespace), with an item id and a delta of plain JSON
 * string characters or standard escapes, and a `content_index` of at most 15 digits without a
 * leading zero. Anything else (other key orders, whitespace, extra keys, `\u` in the id, a
 * negative or fractional index) does not match and goes through `JSON.parse` and the schema.
 */
const TEXT_DELTA_DATA =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what JSON strings may not hold.
  /^\{"type":"thread\.item\.updated","item_id":"([^"\\\u0000-\u001f]*)","update":\{"type":"assistant_message\.content_part\.text_delta","content_index":(0|[1-9]\d{0,14}),"delta":"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"\}\}$/;

/**
 * Longer data is left to `JSON.parse`: the pattern's repeated group keeps a backtracking entry
 * per character, and a delta this long is rare enough that the saving does not matter.
 */
const MAX_LENGTH = 4096;

/**
 * @internal The event of an SSE `data` string that is a text delta in the form above, built as
 * `JSON.parse` would build it (the same keys in the same order, the same values); `undefined` for
 * any other data. The pattern accepts only what is valid JSON and decodes the one value that can
 * hold escapes with `JSON.parse`, so every string it accepts gives exactly `JSON.parse(data)`.
 */
export function readTextDeltaData(data: string): ThreadStreamEvent | undefined {
  if (data.length > MAX_LENGTH) return undefined;
  const match = TEXT_DELTA_DATA.exec(data);
  if (match === null) return undefined;
  const raw = match[3] as string;
  return {
    type: "thread.item.updated",
    item_id: match[1] as string,
    update: {
      type: "assistant_message.content_part.text_delta",
      content_index: Number(match[2]),
      delta: raw.indexOf("\\") === -1 ? raw : (JSON.parse(`"${raw}"`) as string),
    },
  };
}
