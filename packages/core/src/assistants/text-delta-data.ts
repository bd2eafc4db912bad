/**
 * Reading the data of the dominant Assistants stream event, a plain text message delta, without
 * `JSON.parse`.
 */

import type { MessageDeltaEvent } from "./types";

/**
 * A plain text `thread.message.delta` exactly as the API serialises it (these keys in this order,
 * no whitespace, one content part without annotations), with a message id and a value of plain
 * JSON string characters or standard escapes, and an `index` of at most 15 digits without a
 * leading zero. Anything else (the first delta of a message usually carries `"annotations":[]`,
 * other key orders, whitespace, extra keys, several parts) does not match and goes through
 * `JSON.parse` and the schema.
 */
const TEXT_DELTA_DATA =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what JSON strings may not hold.
  /^\{"id":"([^"\\\u0000-\u001f]*)","object":"thread\.message\.delta","delta":\{"content":\[\{"index":(0|[1-9]\d{0,14}),"type":"text","text":\{"value":"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"\}\}\]\}\}$/;

/**
 * Longer data is left to `JSON.parse`: the pattern's repeated group keeps a backtracking entry
 * per character, and a delta this long is rare enough that the saving does not matter.
 */
const MAX_LENGTH = 4096;

/**
 * @internal The `data` of a `thread.message.delta` SSE event that is a plain text delta in the
 * form above, built as `JSON.parse` would build it (the same keys in the same order, the same
 * values); `undefined` for any other data. The pattern accepts only valid JSON and decodes the
 * one value that can hold escapes with `JSON.parse`, so every string it accepts gives exactly
 * `JSON.parse(data)`.
 */
export function readTextDeltaData(data: string): MessageDeltaEvent | undefined {
  if (data.length > MAX_LENGTH) return undefined;
  const match = TEXT_DELTA_DATA.exec(data);
  if (match === null) return undefined;
  const raw = match[3] as string;
  return {
    id: match[1] as string,
    object: "thread.message.delta",
    delta: {
      content: [
        {
          index: Number(match[2]),
          type: "text",
          text: { value: raw.indexOf("\\") === -1 ? raw : (JSON.parse(`"${raw}"`) as string) },
        },
      ],
    },
  };
}
