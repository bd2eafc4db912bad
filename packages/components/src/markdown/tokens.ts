/**
 * The token shapes the markdown lexer produces and the renderer consumes. Every token keeps `raw`,
 * the exact source text it was read from (for nested blocks: with the container markup of each
 * line removed), so citation markers can be placed by character offset.
 */

/** A link reference definition's target. */
export interface LinkTarget {
  href: string;
  title: string | null;
}

/** Link reference definitions by normalized label. */
export type Links = Record<string, LinkTarget>;

interface Base {
  raw: string;
}

export interface SpaceToken extends Base {
  type: "space";
}
export interface ParagraphToken extends Base {
  type: "paragraph";
  text: string;
  tokens: InlineToken[];
}
/** A tight list item's paragraph, or plain text. */
export interface TextToken extends Base {
  type: "text";
  text: string;
  tokens?: InlineToken[];
}
export interface HeadingToken extends Base {
  type: "heading";
  depth: number;
  text: string;
  tokens: InlineToken[];
}
export interface CodeToken extends Base {
  type: "code";
  /** The info string of a fenced block. */
  lang: string;
  text: string;
  codeBlockStyle?: "indented";
}
export interface BlockquoteToken extends Base {
  type: "blockquote";
  tokens: BlockToken[];
}
export interface ListItemToken extends Base {
  type: "list_item";
  task: boolean;
  checked?: boolean | undefined;
  tokens: BlockToken[];
}
export interface ListToken extends Base {
  type: "list";
  ordered: boolean;
  /** The first number of an ordered list, `""` for a bullet list. */
  start: number | "";
  loose: boolean;
  items: ListItemToken[];
}
export type Align = "left" | "right" | "center" | null;
export interface TableCell {
  text: string;
  tokens: InlineToken[];
  align: Align;
}
export interface TableToken extends Base {
  type: "table";
  header: TableCell[];
  rows: TableCell[][];
}
export interface HrToken extends Base {
  type: "hr";
}
/** Raw HTML (block or inline): always shown as the text it is. */
export interface HtmlToken extends Base {
  type: "html";
  text: string;
}
export interface DefToken extends Base {
  type: "def";
  tag: string;
  href: string;
  title: string | null;
}
/**
 * A LaTeX formula in markdown: `$…$` and `\(…\)` inline, `$$…$$` display (inline or as its own
 * block), `\[…\]` display as its own block.
 */
export interface MathToken extends Base {
  type: "math";
  /** The LaTeX source between the delimiters. */
  text: string;
  /** Display (block) math rather than inline. */
  display: boolean;
  /**
   * `false` for a display block whose closing delimiter has not arrived (a reply still
   * streaming): it shows as the text it is, never as a half-parsed formula.
   */
  closed: boolean;
}

export type BlockToken =
  | SpaceToken
  | ParagraphToken
  | TextToken
  | HeadingToken
  | CodeToken
  | BlockquoteToken
  | ListToken
  | TableToken
  | HrToken
  | HtmlToken
  | DefToken
  | MathToken;

/** A character taken literally (`\*`). */
export interface EscapeToken extends Base {
  type: "escape";
  text: string;
}
export interface EmphasisToken extends Base {
  type: "strong" | "em" | "del";
  /** The source between the delimiter runs. */
  text: string;
  tokens: InlineToken[];
}
export interface CodespanToken extends Base {
  type: "codespan";
  text: string;
}
export interface BrToken extends Base {
  type: "br";
}
export interface LinkToken extends Base {
  type: "link";
  href: string;
  title: string | null;
  text: string;
  tokens: InlineToken[];
}
export interface ImageToken extends Base {
  type: "image";
  href: string;
  title: string | null;
  /** The alternative text, as plain text. */
  text: string;
  tokens: InlineToken[];
}

export type InlineToken =
  | TextToken
  | EscapeToken
  | EmphasisToken
  | CodespanToken
  | BrToken
  | LinkToken
  | ImageToken
  | HtmlToken
  | MathToken;

export type Token = BlockToken | InlineToken | ListItemToken;
