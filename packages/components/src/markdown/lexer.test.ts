import { lexBlocks, MAX_MARKDOWN_NESTING } from "./lex-blocks";
import { lex } from "./lexer";
import type { TableToken } from "./tokens";

describe("lex: GFM tables", () => {
  it("reads every alignment of a delimiter row", () => {
    const [table] = lex("| a | b | c | d |\n| --- | :-- | --: | :-: |\n| 1 | 2 | 3 | 4 |").tokens;
    expect(table?.type).toBe("table");
    expect((table as TableToken).header.map((cell) => cell.align)).toEqual([
      null,
      "left",
      "right",
      "center",
    ]);
    expect((table as TableToken).rows[0]?.map((cell) => cell.text)).toEqual(["1", "2", "3", "4"]);
  });

  it.each([
    ["colons only", "| a |\n| : |"],
    ["a cell without dashes", "| a | b |\n| --- | |"],
    ["a cell with other text", "| a |\n| -x- |"],
    ["more cells than the header", "| a |\n| - | - |"],
  ])("is no table with %s", (_name, text) => {
    expect(lex(text).tokens.map((token) => token.type)).not.toContain("table");
  });
});

describe("lexBlocks: deeply nested sections", () => {
  const deep = `${">".repeat(MAX_MARKDOWN_NESTING + 10)} deep`;

  it("keeps a deep line inside fenced code as code, up to the closing fence", () => {
    const text = `\`\`\`\n${deep}\n\n\`\`\`\`\n\n# after\n`;
    const types = lexBlocks(text).blocks.map((block) => block.token.type);
    expect(types).toEqual(["code", "space", "heading"]);
  });

  it("shows the section of a deep line as plain text after a fence closed by a longer one", () => {
    const text = `~~~\ncode\n~~~~\n\n${deep}\n\n# after\n`;
    const types = lexBlocks(text).blocks.map((block) => block.token.type);
    expect(types).toEqual(["code", "space", "paragraph", "space", "heading"]);
    expect(lexBlocks(text).blocks[2]?.token.raw).toBe(deep);
  });
});

describe("lex: link reference definitions", () => {
  it("reads a definition after another one, and none indented by four spaces", () => {
    const { tokens, links } = lex("[a]: /one\n[b]: /two 'Two'\n    [c]: /three\n\n[a] [b] [c]");
    expect(tokens.filter((token) => token.type === "def").map((token) => token.raw)).toEqual([
      "[a]: /one\n",
      "[b]: /two 'Two'\n",
    ]);
    expect(links).toEqual({
      a: { href: "/one", title: null },
      b: { href: "/two", title: "Two" },
    });
  });

  it("reads code spans closed by a run of the same length only", () => {
    const [paragraph] = lex("``a`b`` `c`` ``` d").tokens;
    const inline = paragraph?.type === "paragraph" ? paragraph.tokens : [];
    expect(inline.filter((token) => token.type === "codespan").map((token) => token.raw)).toEqual([
      "``a`b``",
    ]);
  });
});
