import type { ComposerEntity } from "./mention-state";

/** Where a tag's `@title` stands in the composer's text: `[start, end)`. */
export interface TagToken {
  start: number;
  end: number;
  tag: ComposerEntity;
}

/**
 * The tokens of `tags` in `text`, in text order. A tag's token is the first `@title` that
 * overlaps no other token (text typed right before it, as in `x@Ada`, does not break it); longer
 * titles claim first, so `@Alan Turing` is not read as `@Alan`. A tag without a token is left
 * out.
 */
export function findTagTokens(text: string, tags: readonly ComposerEntity[]): TagToken[] {
  const tokens: TagToken[] = [];
  const byLength = [...tags].sort((a, b) => b.title.length - a.title.length);
  for (const tag of byLength) {
    if (tag.title === "") continue;
    const needle = `@${tag.title}`;
    for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) {
      const end = index + needle.length;
      if (!tokens.some((token) => index < token.end && end > token.start)) {
        tokens.push({ start: index, end, tag });
        break;
      }
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** The token a collapsed caret sits inside (not at its edges), if any. */
export function tokenInside(tokens: readonly TagToken[], caret: number): TagToken | undefined {
  return tokens.find((token) => caret > token.start && caret < token.end);
}

/**
 * The text and caret after Backspace (`"backward"`) or Delete (`"forward"`) at a collapsed
 * caret that touches a token: the whole token goes, with one space after it. `null` when the
 * key deletes a single character as usual.
 */
export function deleteToken(
  text: string,
  tokens: readonly TagToken[],
  caret: number,
  direction: "backward" | "forward",
): { text: string; caret: number; token: TagToken } | null {
  const token = tokens.find((item) =>
    direction === "backward"
      ? caret > item.start && caret <= item.end
      : caret >= item.start && caret < item.end,
  );
  if (!token) return null;
  const end = text[token.end] === " " ? token.end + 1 : token.end;
  return { text: text.slice(0, token.start) + text.slice(end), caret: token.start, token };
}
