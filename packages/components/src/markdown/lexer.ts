/**
 * threadkit's markdown lexer: CommonMark blocks (headings, paragraphs, fenced and indented code,
 * block quotes, lists with loose/tight and task items, thematic breaks, HTML blocks kept as inert
 * text, link reference definitions), GFM tables, and display math. Blocks keep their exact source
 * in `raw`, so top-level raws add up to the text (see `lex-blocks.ts` for streaming).
 */
import {
  HTML_TAG,
  lexInline,
  normalizeLabel,
  parseDestination,
  parseLabel,
  parseTitle,
  skipBlanks,
  skipSpace,
  unescapeText,
} from "./inline";
import { tokenizeMathBlock } from "./math";
import type {
  Align,
  BlockToken,
  InlineToken,
  Links,
  ListItemToken,
  MathToken,
  TableCell,
} from "./tokens";

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^\n]*)/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t\n]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const QUOTE = /^ {0,3}>/;
const ITEM = /^ {0,3}([-+*]|(\d{1,9})([.)]))(?=[ \t]|$)/;
const BLANK = /^[ \t]*$/;
const BLOCK_TAGS =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
/** HTML block starts and ends (CommonMark conditions 1–7); `null`: ends at a blank line. */
const HTML_BLOCKS: readonly [RegExp, RegExp | null][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?:[ \\t>]|/>|$)`, "i"), null],
  [new RegExp(`^ {0,3}(?:${HTML_TAG})[ \\t]*$`), null],
];

/** A thematic break: three or more of one of `-`, `*`, `_`, spaces and tabs between them. */
function isHr(text: string): boolean {
  if (!/^ {0,3}[-*_]/.test(text)) return false;
  const compact = text.replace(/[ \t]+/g, "");
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact);
}

/** Splits text into lines that keep their `\n`. */
function splitLines(src: string): string[] {
  return src.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A line without its line ending. */
const body = (line: string) => (line.endsWith("\n") ? line.slice(0, -1) : line);
const isBlank = (line: string) => BLANK.test(body(line));

/** Columns of leading whitespace (tabs to the next multiple of 4), the line starting at column `start`. */
function indentOf(line: string, start = 0): number {
  let columns = start;
  for (const c of line) {
    if (c === " ") columns++;
    else if (c === "\t") columns += 4 - (columns % 4);
    else break;
  }
  return columns - start;
}

/** Removes `n` columns of indentation (a tab only partly removed leaves its other columns as spaces). */
function stripColumns(line: string, n: number, start = 0): string {
  let columns = start;
  let i = 0;
  while (columns - start < n && i < line.length) {
    const c = line[i];
    if (c === " ") columns++;
    else if (c === "\t") {
      const width = 4 - (columns % 4);
      if (columns - start + width > n) {
        const left = columns - start + width - n;
        return " ".repeat(left) + line.slice(i + 1);
      }
      columns += width;
    } else break;
    i++;
  }
  return line.slice(i);
}

/** The HTML block condition `line` starts (the 7th cannot interrupt a paragraph), or -1. */
function htmlBlockKind(line: string, inParagraph: boolean): number {
  return HTML_BLOCKS.findIndex(([start], k) => k < (inParagraph ? 6 : 7) && start.test(line));
}

/** Splits a table row into trimmed cells (a leading and a trailing `|` are optional). */
function splitRow(line: string): string[] {
  let row = body(line).trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === "\\" && row[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** The alignments of a delimiter row, or undefined when `line` is not one. */
function delimiterRow(line: string | undefined): Align[] | undefined {
  // Every cell needs a `-`, so the line has one.
  if (!line?.includes("|") || !/^[ \t|:-]+$/.test(body(line))) return undefined;
  const align: Align[] = [];
  for (const cell of splitRow(line)) {
    if (!/^:?-+:?$/.test(cell)) return undefined;
    // Colons: none, left, right, both.
    align.push(
      ([null, "left", "right", "center"] as const)[
        (cell[0] === ":" ? 1 : 0) + (cell.endsWith(":") ? 2 : 0)
      ] as Align,
    );
  }
  return align;
}

/** Whether a table starts at `lines[i]`: a row with a `|`, then a delimiter row of as many cells. */
function tableAlign(lines: readonly string[], i: number): Align[] | undefined {
  const line = lines[i] as string;
  if (!line.includes("|") || indentOf(line) >= 4) return undefined;
  const align = delimiterRow(lines[i + 1]);
  return align && splitRow(line).length === align.length ? align : undefined;
}

interface ItemMarker {
  ordered: boolean;
  /** The bullet character or the ordered delimiter. */
  kind: string;
  start: number;
  /** Columns up to the item's content. */
  width: number;
  /** The first line has no content. */
  empty: boolean;
  /** The first line's content, indentation up to `width` removed. */
  content: string;
}

function itemMarker(line: string): ItemMarker | undefined {
  const match = ITEM.exec(body(line));
  if (!match) return undefined;
  const marker = match[0];
  const rest = line.slice(marker.length);
  const markerColumns = indentOf(line) + match[1]!.length;
  const empty = isBlank(rest);
  const spaces = indentOf(rest, markerColumns);
  const width = empty || spaces > 4 ? markerColumns + 1 : markerColumns + spaces;
  return {
    content: empty ? "\n" : stripColumns(rest, width - markerColumns, markerColumns),
    ordered: match[2] !== undefined,
    kind: match[3] ?? match[1]!,
    start: match[2] !== undefined ? Number.parseInt(match[2], 10) : 0,
    width,
    empty,
  };
}

/**
 * A display math block at `lines[i]`. The text looked at is a window a little longer than the
 * longest formula, so a run of `$$` lines costs linear time; only a block that is still open
 * (it takes the rest of the text) needs the whole rest.
 */
function mathAt(lines: readonly string[], i: number): MathToken | undefined {
  if (!/^ {0,3}(?:\$\$|\\\[)/.test(lines[i] as string)) return undefined;
  let rest = "";
  let k = i;
  while (k < lines.length && rest.length < 4200) rest += lines[k++];
  const math = tokenizeMathBlock(rest);
  return math && !math.closed && k < lines.length
    ? tokenizeMathBlock(rest + lines.slice(k).join(""))
    : math;
}

/** Whether `line` opens a block that ends a paragraph (or a lazy continuation line). */
function interrupts(lines: readonly string[], i: number): boolean {
  const line = lines[i] as string;
  if (indentOf(line) >= 4) return false;
  const text = body(line);
  if (FENCE_OPEN.test(text) || ATX.test(text) || isHr(text) || QUOTE.test(text)) return true;
  if (htmlBlockKind(text, true) >= 0) return true;
  const item = itemMarker(text);
  if (item && !item.empty && (!item.ordered || item.start === 1)) return true;
  if (mathAt(lines, i)) return true;
  return tableAlign(lines, i) !== undefined;
}

/** A link reference definition at the start of `src`: its length and target, or undefined. */
function parseDefinition(
  src: string,
): { length: number; label: string; href: string; title: string | null } | undefined {
  const label = parseLabel(src, /^ {0,3}/.exec(src)![0].length);
  if (!label || src[label[0]] !== ":" || label[1].trim() === "") return undefined;
  const dest = parseDestination(src, skipSpace(src, label[0] + 1));
  if (!dest) return undefined;
  // Where the definition ends: only spaces may follow `at` on its line.
  const lineEnd = (at: number) => {
    const j = skipBlanks(src, at);
    return j >= src.length || src[j] === "\n" ? Math.min(src.length, j + 1) : -1;
  };
  const spaced = skipSpace(src, dest[0]);
  const title = spaced > dest[0] ? parseTitle(src, spaced) : undefined;
  const titled = title ? lineEnd(title[0]) : -1;
  const end = titled === -1 ? lineEnd(dest[0]) : titled;
  return end === -1
    ? undefined
    : { length: end, label: label[1], href: dest[1], title: titled === -1 ? null : title![1] };
}

/** Lexes blocks from `lines`, adding the link definitions it finds to `links` (first one wins). */
function lexLines(lines: readonly string[], links: Links): BlockToken[] {
  const out: BlockToken[] = [];
  const join = (from: number, to: number) => lines.slice(from, to).join("");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const text = body(line);
    const start = i;
    if (BLANK.test(text)) {
      while (i < lines.length && isBlank(lines[i] as string)) i++;
      out.push({ type: "space", raw: join(start, i) });
      continue;
    }
    const indent = indentOf(text);
    if (indent >= 4) {
      i++;
      while (i < lines.length && (isBlank(lines[i] as string) || indentOf(lines[i] as string) >= 4))
        i++;
      while (isBlank(lines[i - 1] as string)) i--;
      const code = lines
        .slice(start, i)
        .map((l) => stripColumns(l, 4))
        .join("");
      out.push({
        type: "code",
        raw: join(start, i),
        lang: "",
        codeBlockStyle: "indented",
        text: code.replace(/\n$/, ""),
      });
      continue;
    }
    const math = mathAt(lines, i);
    if (math) {
      // A math block ends at a line end (or with the text), so its raw is whole lines.
      for (let length = 0; length < math.raw.length; ) length += (lines[i++] as string).length;
      out.push(math);
      continue;
    }
    const fence = FENCE_OPEN.exec(text);
    if (fence && !(fence[2]![0] === "`" && fence[3]!.includes("`"))) {
      const marker = fence[2] as string;
      const close = new RegExp(
        `^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`,
      );
      i++;
      const content: string[] = [];
      while (i < lines.length) {
        const l = lines[i++] as string;
        if (close.test(body(l))) break;
        content.push(stripColumns(l, fence[1]!.length));
      }
      out.push({
        type: "code",
        raw: join(start, i),
        lang: unescapeText(fence[3]!.trim()),
        text: content.join("").replace(/\n$/, ""),
      });
      continue;
    }
    const atx = ATX.exec(text);
    if (atx) {
      const content = text
        .slice(atx[0].length)
        .replace(/^[ \t]+/, "")
        .replace(/(?:^|[ \t]+)#+[ \t]*$/, "")
        .replace(/[ \t]+$/, "");
      out.push({ type: "heading", raw: line, depth: atx[1]!.length, text: content, tokens: [] });
      i++;
      continue;
    }
    if (isHr(text)) {
      out.push({ type: "hr", raw: line });
      i++;
      continue;
    }
    if (QUOTE.test(text)) {
      i = lexQuote(lines, i, links, out);
      continue;
    }
    if (ITEM.test(text)) {
      i = lexList(lines, i, links, out);
      continue;
    }
    const html = htmlBlockKind(text, false);
    if (html >= 0) {
      const end = (HTML_BLOCKS[html] as [RegExp, RegExp | null])[1];
      if (end) {
        while (i < lines.length && !end.test(lines[i] as string)) i++;
        i = Math.min(lines.length, i + 1);
      } else while (i < lines.length && !isBlank(lines[i] as string)) i++;
      const raw = join(start, i);
      out.push({ type: "html", raw, text: raw });
      continue;
    }
    const align = tableAlign(lines, i);
    if (align) {
      i += 2;
      while (i < lines.length && !isBlank(lines[i] as string) && !interrupts(lines, i)) i++;
      const row = (l: string): TableCell[] => {
        const cells = splitRow(l);
        return align.map((a, c) => ({ text: cells[c] ?? "", tokens: [], align: a }));
      };
      out.push({
        type: "table",
        raw: join(start, i),
        header: row(line),
        rows: lines.slice(start + 2, i).map(row),
      });
      continue;
    }
    // A paragraph (possibly opened by link reference definitions, or a setext heading).
    i++;
    let setext = 0;
    while (i < lines.length) {
      const l = body(lines[i] as string);
      if (BLANK.test(l)) break;
      const underline = SETEXT.exec(l);
      if (underline) {
        setext = underline[1]![0] === "=" ? 1 : 2;
        break;
      }
      if (interrupts(lines, i)) break;
      i++;
    }
    let from = start;
    if (/^ {0,3}\[/.test(text)) {
      let src = join(start, i);
      for (;;) {
        const def = parseDefinition(src);
        if (!def) break;
        const raw = src.slice(0, def.length);
        const tag = normalizeLabel(def.label);
        if (!(tag in links)) links[tag] = { href: def.href, title: def.title };
        out.push({ type: "def", raw, tag, href: def.href, title: def.title });
        from += splitLines(raw).length;
        src = src.slice(def.length);
        if (src === "") break;
      }
    }
    if (from === i) continue;
    const raw = join(from, i);
    if (setext) {
      out.push({
        type: "heading",
        raw: raw + (lines[i] as string),
        depth: setext,
        text: raw.replace(/^[ \t]+/, "").replace(/\s+$/, ""),
        tokens: [],
      });
      i++;
    } else out.push({ type: "paragraph", raw, text: raw.replace(/\s+$/, ""), tokens: [] });
  }
  return out;
}

/** Whether a line (without its line ending) can be paragraph text, which lazy lines continue. */
const paragraphText = (text: string) =>
  !BLANK.test(text) &&
  indentOf(text) < 4 &&
  !FENCE_OPEN.test(text) &&
  !ATX.test(text) &&
  !isHr(text);

function lexQuote(
  lines: readonly string[],
  start: number,
  links: Links,
  out: BlockToken[],
): number {
  const inner: string[] = [];
  let i = start;
  let fenced = false;
  let lazyOk = false;
  while (i < lines.length) {
    const line = lines[i] as string;
    const marker = QUOTE.exec(line);
    if (marker) {
      let rest = line.slice(marker[0].length);
      if (rest[0] === " ") rest = rest.slice(1);
      else if (rest[0] === "\t") rest = stripColumns(rest, 1, indentOf(marker[0]) + 1);
      inner.push(rest);
      const content = body(rest);
      if (FENCE_OPEN.test(content)) fenced = !fenced;
      lazyOk = !fenced && paragraphText(content);
      i++;
      continue;
    }
    // A `---` underline is a rule here, which `interrupts` covers.
    if (!lazyOk || isBlank(line) || interrupts(lines, i)) break;
    inner.push(line);
    i++;
  }
  out.push({
    type: "blockquote",
    raw: lines.slice(start, i).join(""),
    tokens: lexLines(inner, links),
  });
  return i;
}

const TASK = /^\[([ xX])\][ \t]+(?=\S)/;

function lexList(lines: readonly string[], start: number, links: Links, out: BlockToken[]): number {
  const first = itemMarker(lines[start] as string) as ItemMarker;
  const items: ListItemToken[] = [];
  let loose = false;
  let i = start;
  let marker = first;
  // Each pass reads one item; another pass only follows when the next item belongs to this list.
  for (;;) {
    const itemStart = i;
    const inner: string[] = [marker.content];
    i++;
    let lastBlank = marker.empty;
    while (i < lines.length) {
      const line = lines[i] as string;
      if (isBlank(line)) {
        // An item can begin with at most one blank line.
        if (marker.empty && inner.length === 1) break;
        inner.push(stripColumns(line, marker.width));
        lastBlank = true;
        i++;
        continue;
      }
      if (indentOf(line) >= marker.width) {
        inner.push(stripColumns(line, marker.width));
        lastBlank = false;
        i++;
        continue;
      }
      // A lazy continuation line of a paragraph.
      if (
        !lastBlank &&
        paragraphText(body(inner[inner.length - 1] as string)) &&
        !interrupts(lines, i) &&
        !ITEM.test(body(line)) &&
        !SETEXT.test(body(line))
      ) {
        inner.push(line);
        i++;
        continue;
      }
      break;
    }
    // Trailing blank lines belong to the item only when another item follows.
    let end = i;
    while (end > itemStart + 1 && isBlank(lines[end - 1] as string)) end--;
    let k = i;
    while (k < lines.length && isBlank(lines[k] as string)) k++;
    const next = k < lines.length ? itemMarker(lines[k] as string) : undefined;
    const continues =
      next !== undefined &&
      next.kind === first.kind &&
      next.ordered === first.ordered &&
      !isHr(body(lines[k] as string));
    if (continues && k > end) loose = true;
    i = continues ? k : end;
    const content = inner.slice(0, end - itemStart);
    const tokens = lexLines(content, links);
    let task = false;
    let checked: boolean | undefined;
    const lead = tokens[0];
    if (lead?.type === "paragraph") {
      const box = TASK.exec(lead.raw);
      if (box) {
        task = true;
        checked = box[1] !== " ";
        lead.raw = lead.raw.slice(box[0].length);
        lead.text = lead.text.slice(box[0].length);
      }
    }
    // A blank line between two of the item's blocks makes the list loose.
    if (tokens.slice(1, -1).some((t) => t.type === "space")) loose = true;
    items.push({
      type: "list_item",
      raw: lines.slice(itemStart, i).join(""),
      task,
      checked,
      tokens,
    });
    if (!continues) break;
    marker = next as ItemMarker;
  }
  if (!loose)
    for (const item of items)
      item.tokens = item.tokens.map((t) =>
        t.type === "paragraph" ? { type: "text", raw: t.raw, text: t.text, tokens: t.tokens } : t,
      );
  out.push({
    type: "list",
    raw: lines.slice(start, i).join(""),
    ordered: first.ordered,
    start: first.ordered ? first.start : "",
    loose,
    items,
  });
  return i;
}

/** Runs the inline lexer over every block that holds inline content. */
function lexInlines(tokens: readonly BlockToken[], links: Readonly<Links>): void {
  for (const token of tokens) {
    switch (token.type) {
      case "paragraph":
      case "heading":
      case "text":
        token.tokens = lexInline(token.text, links);
        break;
      case "blockquote":
        lexInlines(token.tokens, links);
        break;
      case "list":
        for (const item of token.items) lexInlines(item.tokens, links);
        break;
      case "table":
        for (const cell of [...token.header, ...token.rows.flat()])
          cell.tokens = lexInline(cell.text, links);
        break;
    }
  }
}

/**
 * Lexes markdown into block tokens. `links` are definitions known from earlier text (they win
 * over later ones with the same label); the result holds them plus those found in `src`.
 */
export function lex(src: string, links?: Readonly<Links>): { tokens: BlockToken[]; links: Links } {
  const all: Links = Object.assign(Object.create(null), links);
  const tokens = lexLines(splitLines(src), all);
  lexInlines(tokens, all);
  return { tokens, links: all };
}

export type { InlineToken };
