import { normalizeLabel } from "./inline";
import { lex } from "./lexer";
import type { BlockToken, Links, LinkTarget } from "./tokens";

type Token = BlockToken;

/** One top-level markdown block with its character range in the source text. */
export interface MarkdownBlock {
  token: Token;
  /** Offset of the block's first character in the (newline-normalized) text. */
  start: number;
  end: number;
}

/** The result of {@link lexBlocks}; pass it back in for the next, longer text. */
export interface BlockLexState {
  text: string;
  blocks: readonly MarkdownBlock[];
  /**
   * Blocks before this index are final: later text cannot change their structure, so their token
   * objects are reused by the next call and their React elements never re-render. The one
   * exception is a link reference definition (`[x]: https://…`) arriving after a finished block
   * that uses `[x]`: only the blocks that mention that label are lexed again (new token objects).
   */
  stableCount: number;
  /** Link reference bookkeeping carried from one call to the next. */
  references: ReferenceState;
}

type Definitions = Links;
type Definition = LinkTarget;

/**
 * Link reference definitions as the lexer saw them. Opaque: it only exists so the next call can
 * tell which finished blocks a new or changed definition affects.
 */
export interface ReferenceState {
  /** Definitions made by finished blocks; the first definition of a label wins. */
  readonly stable: Readonly<Definitions>;
  /** Every definition the last call saw, including those in the unfinished tail. */
  readonly all: Readonly<Definitions>;
  /**
   * Label → indices of finished blocks whose text mentions it. Append-only and shared by the
   * states of one stream; entries are checked against the block before use.
   */
  readonly uses: Map<string, Set<number>>;
}

/** Labels a finished block's text mentions, by token object (tokens are immutable once final). */
const LABELS = new WeakMap<Token, ReadonlySet<string>>();

// A reference label is a bracket-free run (backslash escapes allowed) between "[" and "]", both
// where it is used and where it is defined, so this finds every label a block can look up.
const BRACKETED = /\[((?:\\[\s\S]|[^[\]\\])+)\]/g;

function labelsOf(token: Token): ReadonlySet<string> {
  let labels = LABELS.get(token);
  if (!labels) {
    const found = new Set<string>();
    // Code, HTML and math blocks have no inline content, so they never look a label up.
    if (
      token.type !== "code" &&
      token.type !== "html" &&
      token.type !== "math" &&
      token.raw.includes("[")
    ) {
      for (const match of token.raw.matchAll(BRACKETED))
        found.add(normalizeLabel(match[1] as string));
    }
    labels = found;
    LABELS.set(token, labels);
  }
  return labels;
}

/** Adds the definitions inside `token` (also nested in quotes and lists) to `into`, first wins. */
function collectDefinitions(token: Token, into: Definitions): void {
  if (token.type === "def") {
    if (!(token.tag in into)) into[token.tag] = { href: token.href, title: token.title };
    return;
  }
  if (token.type === "blockquote") {
    for (const child of token.tokens) collectDefinitions(child, into);
  } else if (token.type === "list") {
    for (const item of token.items)
      for (const child of item.tokens) collectDefinitions(child, into);
  }
}

function sameDefinition(a: Definition | undefined, b: Definition | undefined): boolean {
  return a === b || (!!a && !!b && a.href === b.href && a.title === b.title);
}

/**
 * Text longer than this is lexed in chunks of about this many characters, cut at blank lines
 * outside fenced code, so no single lexer call works on a few-MB message at once.
 */
export const MARKDOWN_CHUNK_LENGTH = 64 * 1024;

/**
 * How deeply a line may nest containers (each `>`, each list marker, every two columns of
 * indentation) and still be lexed as markdown. The lexer reads nested containers recursively, so
 * a line like 100,000 `>` would overflow the stack; the blank-line-delimited section holding a deeper
 * line is shown as plain text instead.
 */
export const MAX_MARKDOWN_NESTING = 64;

// A line nesting deeper than the limit starts with more than that many of these characters.
const DEEP_PREFIX = new RegExp(`^[ \\t>*+\\-0-9.)]{${MAX_MARKDOWN_NESTING + 1},}`, "m");
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

// One piece of a line's container prefix: a space, a tab, a `>`, or a list marker.
const NESTING = /( )|(\t)|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])/y;

/** The container nesting a line opens (see {@link MAX_MARKDOWN_NESTING}). */
function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  NESTING.lastIndex = 0;
  for (let m = NESTING.exec(line); m; m = NESTING.exec(line)) {
    if (m[1]) columns++;
    else if (m[2]) columns += 4;
    else depth++;
  }
  return depth + Math.floor(columns / 2);
}

interface Section {
  text: string;
  /** Holds a line nesting deeper than {@link MAX_MARKDOWN_NESTING}. */
  deep: boolean;
}

/**
 * Cuts text into sections that end after a run of blank lines outside fenced code (the last
 * section ends with the text), marking those that nest too deeply.
 */
function sectionsOf(text: string): Section[] {
  const sections: Section[] = [];
  let start = 0;
  let deep = false;
  // The open fence's marker ("" outside fenced code).
  let fence = "";
  let blank = false;
  let position = 0;
  while (position < text.length) {
    const newline = text.indexOf("\n", position);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(position, newline === -1 ? end : newline);
    const isBlank = line.trim() === "";
    if (blank && !isBlank && !fence) {
      sections.push({ text: text.slice(start, position), deep });
      start = position;
      deep = false;
    }
    const open = FENCE.exec(line)?.[1] ?? "";
    if (!fence) {
      if (open) fence = open;
      else if (!deep) deep = nestingOf(line) > MAX_MARKDOWN_NESTING;
    } else if (open[0] === fence[0] && open.length >= fence.length && line.trim() === open)
      fence = "";
    blank = isBlank;
    position = end;
  }
  if (start < text.length) sections.push({ text: text.slice(start), deep });
  return sections;
}

/** A section shown as plain text: one paragraph holding it literally, then its blank lines. */
function plainTokens(section: string): Token[] {
  const body = section.replace(/\n+$/, "");
  const tokens: Token[] = [
    { type: "paragraph", raw: body, text: body, tokens: [{ type: "text", raw: body, text: body }] },
  ];
  if (body.length < section.length) tokens.push({ type: "space", raw: section.slice(body.length) });
  return tokens;
}

/**
 * Lexes the unfinished tail. Short text without deeply nested lines is lexed in one call
 * (the streaming case); longer text is lexed in chunks of about {@link MARKDOWN_CHUNK_LENGTH}
 * characters cut between sections, each chunk seeing the link definitions of the chunks before
 * it, and sections nested too deeply are plain text.
 */
function lexTail(
  text: string,
  definitions: Readonly<Definitions>,
): { tokens: Token[]; links: Definitions } {
  if (text.length <= MARKDOWN_CHUNK_LENGTH && !DEEP_PREFIX.test(text))
    return lex(text, definitions);
  const tokens: Token[] = [];
  let links: Definitions = Object.assign(Object.create(null), definitions);
  let chunk = "";
  const flush = () => {
    if (chunk === "") return;
    const lexed = lex(chunk, links);
    tokens.push(...lexed.tokens);
    links = lexed.links;
    chunk = "";
  };
  for (const section of sectionsOf(text)) {
    if (section.deep) {
      flush();
      tokens.push(...plainTokens(section.text));
      continue;
    }
    if (chunk.length > 0 && chunk.length + section.text.length > MARKDOWN_CHUNK_LENGTH) flush();
    chunk += section.text;
  }
  flush();
  return { tokens, links };
}

/** Normalizes line endings (CR LF and CR become LF), so offsets match the lexed text. */
export function normalizeNewlines(text: string): string {
  // The check first: a reply streams in many deltas and rarely has a CR to replace.
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * Splits markdown into top-level blocks. When `previous` lexed a prefix of `text` (the streaming
 * case), only the text after its last stable block is lexed again: the cost of a delta is the size
 * of the unfinished tail, not of the whole reply. Link reference definitions apply across blocks
 * as in a full parse: a finished block that uses `[x]` is lexed again when a definition of `x`
 * arrives (or changes) later in the text, and no other finished block is.
 */
export function lexBlocks(rawText: string, previous?: BlockLexState): BlockLexState {
  const text = normalizeNewlines(rawText);
  if (previous && previous.text === text) return previous;
  // The state whose finished blocks are kept.
  const reuse =
    previous && previous.stableCount > 0 && text.startsWith(previous.text) ? previous : undefined;
  const reused = reuse?.stableCount ?? 0;
  const blocks: MarkdownBlock[] = reuse ? reuse.blocks.slice(0, reused) : [];
  const offset = blocks[reused - 1]?.end ?? 0;
  const stableDefinitions: Definitions = reuse?.references.stable ?? Object.create(null);
  const uses = reuse?.references.uses ?? new Map<string, Set<number>>();
  // The tail sees the definitions of the finished blocks before it, as in a full parse.
  const { tokens: tail, links: all } = lexTail(text.slice(offset), stableDefinitions);
  let position = offset;
  for (const token of tail) {
    const end = position + token.raw.length;
    blocks.push({ token, start: position, end });
    position = end;
  }
  // A block is final once later text cannot change it: it is followed by a blank line, or it is
  // a kind that never absorbs the next line (ATX heading, rule, closed fence). A paragraph directly
  // followed by "#" may still turn back into one paragraph ("aa\n#" + "a"), and "---" can make it
  // a setext heading, so the unfinished tail always starts at the first block that is not final.
  let last = blocks.length - 1;
  while (last >= 0 && blocks[last]?.token.type === "space") last--;
  let stable = 0;
  while (stable < last) {
    const token = (blocks[stable] as MarkdownBlock).token;
    const next = blocks[stable + 1]?.token;
    const final =
      token.type === "space" ||
      next?.type === "space" ||
      token.type === "heading" ||
      token.type === "hr" ||
      (token.type === "math" && token.closed) ||
      (token.type === "code" && token.codeBlockStyle !== "indented");
    if (!final) break;
    stable++;
  }

  if (reuse && !relexReferences(blocks, reused, reuse.references.all, all, uses))
    return lexBlocks(text);

  // Blocks that just became final: index the labels they use and keep the definitions they make.
  let grown: Definitions | undefined;
  for (let i = reused; i < stable; i++) {
    const token = (blocks[i] as MarkdownBlock).token;
    for (const label of labelsOf(token)) {
      let indices = uses.get(label);
      if (!indices) {
        indices = new Set();
        uses.set(label, indices);
      }
      indices.add(i);
    }
    if (token.type === "def" || token.type === "blockquote" || token.type === "list") {
      // Copied on write: a previous state may still be handed a different continuation.
      grown ??= Object.assign(Object.create(null), stableDefinitions) as Definitions;
      collectDefinitions(token, grown);
    }
  }
  return {
    text,
    blocks,
    stableCount: stable,
    references: { stable: grown ?? stableDefinitions, all, uses },
  };
}

/**
 * Lexes again the reused finished blocks (`blocks[0..reused)`) that mention a label whose
 * definition differs between `before` (what they were lexed with) and `after`. Returns `false`
 * when a block lexed alone no longer gives the same single block; the caller then lexes the whole
 * text (never seen in property tests, kept so a lexer change cannot corrupt the blocks).
 */
function relexReferences(
  blocks: MarkdownBlock[],
  reused: number,
  before: Readonly<Definitions>,
  after: Readonly<Definitions>,
  uses: ReadonlyMap<string, ReadonlySet<number>>,
): boolean {
  let affected: Set<number> | undefined;
  const check = (label: string) => {
    if (sameDefinition(before[label], after[label])) return;
    for (const index of uses.get(label) ?? []) {
      const block = blocks[index];
      if (index < reused && block && LABELS.get(block.token)?.has(label)) {
        affected ??= new Set();
        affected.add(index);
      }
    }
  };
  for (const label in { ...before, ...after }) check(label);
  if (!affected) return true;
  for (const index of affected) {
    const block = blocks[index] as MarkdownBlock;
    const raw = block.token.raw;
    const [token, ...rest] = lex(raw, after).tokens;
    if (!token || rest.length > 0 || token.type !== block.token.type || token.raw !== raw)
      return false;
    LABELS.set(token, labelsOf(block.token));
    blocks[index] = { token, start: block.start, end: block.end };
  }
  return true;
}
