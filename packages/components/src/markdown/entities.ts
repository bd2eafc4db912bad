/** The named references decoded: each name followed by its (one) character. */
const NAMED: Readonly<Record<string, string>> = Object.fromEntries(
  "amp&lt<gt>quot\"apos'nbsp\u00a0copy©reg®trade™hellip…mdash—ndash–lsquo‘rsquo’ldquo“rdquo”laquo«raquo»times×deg°middot·bull•euro€"
    .match(/[a-z]+[^a-z]/g)!
    .map((entry) => [entry.slice(0, -1), entry.slice(-1)]),
);

/** A character reference (`&amp;`, `&#38;`, `&#x26;`), the source of a regular expression. */
export const REFERENCE = "&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});";
const REFERENCES = new RegExp(REFERENCE, "gi");

/** Decodes HTML character references in markdown text into the characters they stand for (as text, never markup). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCES, (match, body: string) => {
    if (body[0] === "#") {
      // `0x26` and `038` both read as numbers (a leading zero is no octal prefix for `Number`).
      const code = Number(`0${body.slice(1)}`);
      if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? match;
  });
}
