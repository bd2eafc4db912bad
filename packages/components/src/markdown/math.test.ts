import { lexBlocks } from "./lex-blocks";
import type { Token } from "./tokens";

/** The math tokens of `text` (block and inline), as [text, display, closed]. */
function math(text: string): [string, boolean, boolean][] {
  const found: [string, boolean, boolean][] = [];
  const walk = (tokens: readonly Token[] | undefined) => {
    for (const token of tokens ?? []) {
      if (token.type === "math") {
        found.push([token.text, token.display, token.closed]);
      }
      if ("tokens" in token) walk(token.tokens as Token[] | undefined);
      if (token.type === "list") for (const item of token.items) walk(item.tokens);
    }
  };
  walk(lexBlocks(text).blocks.map((b) => b.token));
  return found;
}

describe("math in markdown", () => {
  it("reads $…$ and \\(…\\) inline, $$…$$ and \\[…\\] as display", () => {
    expect(math("Euler: $e^{i\\pi} + 1 = 0$, and \\(a^2\\).")).toEqual([
      ["e^{i\\pi} + 1 = 0", false, true],
      ["a^2", false, true],
    ]);
    expect(math("Sum:\n\n$$\n\\sum_{k=1}^n k = \\frac{n(n+1)}{2}\n$$\n\nDone.")).toEqual([
      ["\\sum_{k=1}^n k = \\frac{n(n+1)}{2}", true, true],
    ]);
    expect(math("\\[\nx = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}\n\\]")).toEqual([
      ["x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}", true, true],
    ]);
    expect(math("Inline display $$x^2$$ here.")).toEqual([["x^2", true, true]]);
    expect(math("$$ a + b $$")).toEqual([["a + b", true, true]]);
  });

  it("starts a display block right after a paragraph line", () => {
    const blocks = lexBlocks("So:\n$$\nx^2\n$$\nthen more").blocks.map((b) => b.token.type);
    expect(blocks).toEqual(["paragraph", "math", "paragraph"]);
  });

  it.each([
    ["It costs $5 and $10."],
    ["Between $5-$10 a day."],
    ["Pay $5, $10, or $20."],
    ["From US$5 to US$10"],
    ["Empty $$ and $ $ pairs"],
    ["A lone $ sign"],
    ["An escaped \\$x\\$ pair"],
    ["$$5 and $$10 on one line"],
    ["\\[1\\] is a bracketed footnote"],
  ])("leaves prices and stray dollars as text: %s", (text) => {
    expect(math(text)).toEqual([]);
  });

  it("never reads math inside code", () => {
    expect(math("Use `$x$` or\n\n```\n$$\ny\n$$\n```\n\n    $z$")).toEqual([]);
  });

  it("keeps an escaped dollar inside a formula", () => {
    expect(math("$a \\$ b$")).toEqual([["a \\$ b", false, true]]);
  });

  it("reads math inside lists, quotes and emphasis", () => {
    expect(math("- item $x$\n\n> quote $y$\n\n**bold $z$**")).toEqual([
      ["x", false, true],
      ["y", false, true],
      ["z", false, true],
    ]);
  });

  it("makes an unclosed display block pending while it streams, then one formula", () => {
    expect(math("Here:\n\n$$\n\\frac{a}{")).toEqual([["\\frac{a}{", true, false]]);
    expect(math("Here:\n\n$$\\frac{a}{")).toEqual([["\\frac{a}{", true, false]]);
    expect(math("Here:\n\n$$\n\\frac{a}{b}\n$")).toEqual([["\\frac{a}{b}\n$", true, false]]);
    expect(math("Here:\n\n$$\n\\frac{a}{b}\n$$")).toEqual([["\\frac{a}{b}", true, true]]);
    // An unclosed inline formula is text until its closing dollar.
    expect(math("Now $x^")).toEqual([]);
  });

  it("streams to the same blocks as a whole parse, and only the tail changes", () => {
    const text =
      "Intro with $a$.\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$\n\nPrices: $5 and $10.\n\n\\[\nE = mc^2\n\\]\n\nEnd $b$.";
    let state = lexBlocks("");
    const finals = new Map<number, Token>();
    for (let end = 1; end <= text.length; end++) {
      state = lexBlocks(text.slice(0, end), state);
      expect(state.blocks.map((b) => b.token.raw)).toEqual(
        lexBlocks(text.slice(0, end)).blocks.map((b) => b.token.raw),
      );
      // A block once final keeps its token object: finished formulas never render again.
      for (let i = 0; i < state.stableCount; i++) {
        const token = state.blocks[i]?.token as Token;
        const seen = finals.get(i);
        if (seen) expect(token).toBe(seen);
        else finals.set(i, token);
      }
    }
    expect(math(text)).toEqual([
      ["a", false, true],
      ["\\int_0^1 x\\,dx = \\tfrac12", true, true],
      ["E = mc^2", true, true],
      ["b", false, true],
    ]);
  });
});
