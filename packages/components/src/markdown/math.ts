import type { MathToken } from "./tokens";

export type { MathToken } from "./tokens";

// Openers of display blocks at the start of a line, and what closes each.
const BLOCK_OPEN = /^ {0,3}(\$\$|\\\[)/;
/**
 * The longest formula looked for, display and inline: an unclosed delimiter never scans a long
 * text to its end, so lexing stays linear.
 */
const MAX_DISPLAY = 4096;
const MAX_INLINE = 1024;

/** The first `needle` in `src` from `from`, looking at most `length` characters ahead, or -1. */
function indexWithin(src: string, needle: string, from: number, length: number): number {
  const at = src.slice(from, from + length + needle.length).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

/**
 * A display block: the opener at the start of a line, the closer ending a line (only spaces
 * after it). While no closer has arrived, an opener alone on its line (or `$$` starting the
 * last line, the formula being typed) makes the rest of the text one unclosed, pending block;
 * any other shape is left to the paragraph rules, so `$$5 and $$10` or an escaped `\[1\]`
 * stays text.
 */
export function tokenizeMathBlock(src: string): MathToken | undefined {
  const open = BLOCK_OPEN.exec(src);
  if (!open) return undefined;
  const opener = open[1] as string;
  const closer = opener === "$$" ? "$$" : "\\]";
  const from = open[0].length;
  const at = indexWithin(src, closer, from, MAX_DISPLAY);
  if (at !== -1) {
    const lineEnd = src.indexOf("\n", at);
    const rest = src.slice(at + closer.length, lineEnd === -1 ? src.length : lineEnd);
    // A closer followed by more text on its line: `$$5 and $$10`, not a block.
    if (rest.trim() !== "") return undefined;
    const text = src.slice(from, at);
    // `$$$$` or `$$ $$` is no formula; a blank line ends a block as it ends a paragraph.
    if (text.trim() === "" || /\n[ \t]*\n/.test(text)) return undefined;
    const raw = src.slice(0, lineEnd === -1 ? src.length : lineEnd + 1);
    return { type: "math", raw, text: text.trim(), display: true, closed: true };
  }
  const firstLineEnd = src.indexOf("\n", from);
  const firstLine = src.slice(from, firstLineEnd === -1 ? src.length : firstLineEnd);
  const alone = firstLine.trim() === "";
  const typing = opener === "$$" && firstLineEnd === -1 && /^[^\s\d$]/.test(firstLine);
  if (!alone && !typing) return undefined;
  return { type: "math", raw: src, text: src.slice(from).trim(), display: true, closed: false };
}

/**
 * The end of a `$`-delimited formula opened by `open` (`$` or `$$`) at the start of `src`, or
 * -1. Common rules keep prices out: no space right after the opener, none right before the
 * closer, and no digit right after it ("$5 and $10", "$5-$10" stay text). `\$` is an escaped
 * dollar inside the formula.
 */
function dollarClose(src: string, open: "$" | "$$"): number {
  const from = open.length;
  const first = src[from];
  if (!first || /[$\s]/.test(first)) return -1;
  const limit = Math.min(src.length, from + MAX_INLINE);
  for (let i = from; i < limit; i++) {
    const c = src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    // A code span binds tighter than a formula: `$x$` in backticks stays code.
    if (c === "`") return -1;
    if (c !== "$") continue;
    if (open === "$$" && src[i + 1] !== "$") return -1;
    if (/\s/.test(src[i - 1] as string)) return -1;
    const after = src[i + open.length];
    if (/[$\d]/.test(after ?? "")) return -1;
    return i;
  }
  return -1;
}

/** Inline math at the start of `src`: `$$…$$` (display), `$…$` or `\(…\)`. */
export function tokenizeMathInline(src: string): MathToken | undefined {
  if (src[0] === "$") {
    const open = src[1] === "$" ? "$$" : "$";
    const close = dollarClose(src, open);
    if (close === -1) return undefined;
    return {
      type: "math",
      raw: src.slice(0, close + open.length),
      text: src.slice(open.length, close),
      display: open === "$$",
      closed: true,
    };
  }
  if (src[0] === "\\" && src[1] === "(") {
    const close = indexWithin(src, "\\)", 2, MAX_INLINE);
    if (close === -1) return undefined;
    const text = src.slice(2, close).trim();
    if (text === "") return undefined;
    return { type: "math", raw: src.slice(0, close + 2), text, display: false, closed: true };
  }
  return undefined;
}
