import { Lexer, type Token } from "marked";

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
   * Blocks before this index are final: later text cannot change them, so their token objects are
   * reused by the next call and their React elements never re-render.
   */
  stableCount: number;
}

const OPTIONS = { gfm: true, breaks: false } as const;

/** Normalizes line endings the way marked does, so offsets match the lexed text. */
export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * Splits markdown into top-level blocks. When `previous` lexed a prefix of `text` (the streaming
 * case), only the text after its last stable block is lexed again: the cost of a delta is the size
 * of the unfinished tail, not of the whole reply.
 */
export function lexBlocks(rawText: string, previous?: BlockLexState): BlockLexState {
  const text = normalizeNewlines(rawText);
  if (previous && previous.text === text) return previous;
  let blocks: MarkdownBlock[] = [];
  let offset = 0;
  if (previous && text.startsWith(previous.text) && previous.stableCount > 0) {
    blocks = previous.blocks.slice(0, previous.stableCount);
    offset = blocks[blocks.length - 1]?.end ?? 0;
  }
  const tail = new Lexer(OPTIONS).lex(text.slice(offset));
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
      (token.type === "code" &&
        (token as { codeBlockStyle?: string }).codeBlockStyle !== "indented");
    if (!final) break;
    stable++;
  }
  return { text, blocks, stableCount: stable };
}
