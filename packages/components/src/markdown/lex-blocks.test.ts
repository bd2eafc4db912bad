import fc from "fast-check";
import { type BlockLexState, lexBlocks, type MarkdownBlock } from "./lex-blocks";
import { lex } from "./lexer";
import type { CodeToken, LinkToken, Token } from "./tokens";

/** A whole-text parse in one call. */
const fullLexer = () => ({ lex: (text: string) => lex(text).tokens });

const SAMPLE = `# Title

Intro paragraph with **bold** and a [link](https://example.com).

- one
- two

| a | b |
| - | - |
| 1 | 2 |

\`\`\`ts
const x = 1;
\`\`\`

> quote

Last paragraph.`;

function fullTypes(text: string) {
  return fullLexer()
    .lex(text)
    .map((t) => [t.type, t.raw]);
}

/** Every token down to the inline ones, as plain data. */
function fullTree(text: string): unknown {
  return JSON.parse(JSON.stringify([...fullLexer().lex(text)]));
}

function streamedTree(state: BlockLexState): unknown {
  return JSON.parse(JSON.stringify(state.blocks.map((b) => b.token)));
}

function linkIn(token: Token | undefined): LinkToken | undefined {
  return (token?.type === "paragraph" ? token.tokens : undefined)?.find(
    (t): t is LinkToken => t.type === "link",
  );
}

describe("lexBlocks", () => {
  it("block ranges cover the text exactly", () => {
    const state = lexBlocks(SAMPLE);
    expect(state.blocks.map((b) => b.token.raw).join("")).toBe(SAMPLE);
    for (const block of state.blocks) {
      expect(SAMPLE.slice(block.start, block.end)).toBe(block.token.raw);
    }
  });

  it("streams to the same blocks as a full parse, delta by delta", () => {
    let state = lexBlocks("");
    for (let i = 1; i <= SAMPLE.length; i += 3) {
      state = lexBlocks(SAMPLE.slice(0, i), state);
      expect(state.blocks.map((b) => [b.token.type, b.token.raw])).toEqual(
        fullTypes(SAMPLE.slice(0, i)),
      );
    }
  });

  it("reuses the token objects of finished blocks on a delta", () => {
    const first = lexBlocks(SAMPLE);
    const next = lexBlocks(`${SAMPLE} More words`, first);
    expect(first.stableCount).toBeGreaterThan(5);
    for (let i = 0; i < first.stableCount; i++) {
      expect(next.blocks[i]?.token).toBe(first.blocks[i]?.token);
    }
    expect(next.blocks.at(-1)?.token.raw).toBe("Last paragraph. More words");
  });

  it("re-lexes everything when the text is not an extension", () => {
    const first = lexBlocks(SAMPLE);
    const replaced = lexBlocks(`Different\n\n${SAMPLE}`, first);
    expect(replaced.blocks[0]?.token).not.toBe(first.blocks[0]?.token);
    expect(replaced.blocks[0]?.token.raw).toBe("Different\n");
  });

  it("matches a full parse for any split of arbitrary markdown-ish text", () => {
    const alphabet = fc.constantFrom(
      "a",
      " ",
      "\n",
      "#",
      "-",
      "*",
      "`",
      "|",
      ">",
      "1",
      ".",
      "[",
      "]",
      "(",
      ")",
      "$",
      "$$",
      "\\",
      "5",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }),
        fc.array(fc.nat(120), { maxLength: 6 }),
        (chars, cuts) => {
          const text = chars.join("");
          let state = lexBlocks("");
          for (const cut of [...cuts].sort((a, b) => a - b))
            state = lexBlocks(text.slice(0, cut), state);
          state = lexBlocks(text, state);
          expect(state.blocks.map((b) => [b.token.type, b.token.raw])).toEqual(fullTypes(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  describe("link reference definitions", () => {
    it("re-lexes only the finished block that uses a label defined later", () => {
      const start = "Intro.\n\nSee [the docs].\n\nOther [thing](https://b.example).\n\n";
      const before = lexBlocks(`${start}More`);
      const [intro, uses, other] = before.blocks.filter((b) => b.token.type !== "space");
      expect(linkIn(uses?.token)).toBeUndefined();

      const after = lexBlocks(`${start}More\n\n[The  Docs]: https://docs.example "Docs"\n`, before);
      const blocks = after.blocks.filter((b) => b.token.type !== "space");
      expect(blocks[0]?.token).toBe(intro?.token);
      expect(blocks[2]?.token).toBe(other?.token);
      expect(blocks[1]?.token).not.toBe(uses?.token);
      expect(blocks[1]?.start).toBe(uses?.start);
      expect(linkIn(blocks[1]?.token)).toMatchObject({
        href: "https://docs.example",
        title: "Docs",
      });
      expect(streamedTree(after)).toEqual(fullTree(after.text));
    });

    it("follows a definition while it streams and when it stops being one", () => {
      const use = "Read [x].\n\n";
      let state = lexBlocks(use);
      for (const tail of [
        "[x]: https://a",
        "[x]: https://a.example/long",
        "[x]: https://a.example/long\n\nEnd",
      ]) {
        state = lexBlocks(use + tail, state);
        expect(streamedTree(state)).toEqual(fullTree(use + tail));
      }
      expect(linkIn(state.blocks[0]?.token)?.href).toBe("https://a.example/long");
      // A text that is not an extension starts over and drops the definition.
      state = lexBlocks(`${use}[x]`, state);
      expect(linkIn(state.blocks[0]?.token)).toBeUndefined();
    });

    it("lets the first definition win, also from inside a finished quote", () => {
      const text = "> [x]: https://first.example\n\n[x] and [y]\n\n[x]: https://second.example\n";
      let state = lexBlocks("");
      for (let i = 1; i <= text.length; i++) {
        state = lexBlocks(text.slice(0, i), state);
        expect(streamedTree(state)).toEqual(fullTree(text.slice(0, i)));
      }
      const paragraph = state.blocks.find((b) => b.token.type === "paragraph");
      expect(linkIn(paragraph?.token)?.href).toBe("https://first.example");
    });

    it("matches a full parse, inline tokens included, when definitions follow their use", () => {
      const piece = fc.constantFrom(
        "a",
        " ",
        "\n",
        "\n\n",
        "#",
        "- ",
        "> ",
        "*",
        "`",
        "```\n",
        "|",
        "\\",
        "!",
        "[",
        "]",
        "(",
        ")",
        "[x]",
        "[X  ]",
        "[y]",
        "[x][]",
        "[a][y]",
        "![i][y]",
        "[x]: https://a.example\n",
        "[X]: /relative 'T'\n",
        "[y]: javascript:alert(1)\n",
        "[y]: <https://b.example>\n",
        "$",
        "$$\n",
        "\\[\n",
        "\\]\n",
        "\\(",
        "\\)",
        "x^2",
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 40 }),
          fc.array(fc.nat(200), { maxLength: 8 }),
          (pieces, cuts) => {
            const text = pieces.join("");
            let state = lexBlocks("");
            for (const cut of [...cuts].sort((a, b) => a - b)) {
              state = lexBlocks(text.slice(0, cut), state);
              expect(streamedTree(state)).toEqual(fullTree(text.slice(0, cut)));
            }
            state = lexBlocks(text, state);
            expect(streamedTree(state)).toEqual(fullTree(text));
          },
        ),
        { numRuns: 1500 },
      );
    });
  });
});

// A single message of a few MB, or a deeply nested one, overflowed a recursive lexer
// ("Maximum call stack size exceeded"); the item's error boundary then hid the whole message.
describe("lexBlocks on very long and deeply nested text", () => {
  const realistic = [
    "# Trip notes",
    "",
    "Some **bold**, _italic_ and `code` with a [link](https://example.com).",
    "",
    "- one",
    "- two",
    "",
    "```js",
    "const x = 1;",
    "",
    "console.log(x);",
    "```",
    "",
    "> a quote",
    "",
  ].join("\n");

  function covers(state: BlockLexState, text: string) {
    let position = 0;
    for (const block of state.blocks) {
      expect(block.start).toBe(position);
      position = block.end;
    }
    expect(position).toBe(text.length);
    expect(state.blocks.map((b) => b.token.raw).join("")).toBe(text);
  }

  it.each([
    ["100,000 `>`", `${">".repeat(100_000)} deep`],
    ["100,000 `> ` on one line", `${"> ".repeat(100_000)}deep\n`],
    ["100,000 nested list markers", `${"- ".repeat(100_000)}deep\n`],
    ["3 MB of `*`", "*".repeat(3_000_000)],
    ["1 MB of `*a `", "*a ".repeat(350_000)],
    ["1 MB of prices", "$5 and ".repeat(150_000)],
    ["500 kB of unclosed `\\(`", "\\(".repeat(250_000)],
    ["1 MB of plain words in one paragraph", "word ".repeat(200_000)],
    ["100,000 `$$` lines", "$$5 and $$10\n".repeat(100_000)],
  ])(
    "lexes %s without overflowing the stack and keeps every character",
    (_name, text) => {
      const state = lexBlocks(text);
      covers(state, text);
    },
    60_000,
  );

  it("keeps markdown around a pathological part of a few-MB message", () => {
    const text = `${realistic.repeat(4_000)}${">".repeat(100_000)} deep\n\n${"- ".repeat(50_000)}x\n\n${realistic.repeat(4_000)}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const state = lexBlocks(text);
    covers(state, text);
    const types = new Set(state.blocks.map((b) => b.token.type));
    expect(types).toEqual(new Set(["heading", "paragraph", "list", "code", "blockquote", "space"]));
    // The fenced code keeps its blank line: chunks never split inside a fence.
    const code = state.blocks.find((b) => b.token.type === "code")?.token as CodeToken;
    expect(code.text).toBe("const x = 1;\n\nconsole.log(x);");
    // The section holding the deep line (from the blank line before it) is plain text.
    const deep = state.blocks.filter((b) => b.token.raw.includes(">".repeat(1000)));
    expect(deep.map((b) => b.token.type)).toEqual(["paragraph"]);
    expect((deep[0] as MarkdownBlock).token).toHaveProperty("tokens", [
      expect.objectContaining({ type: "text", text: `> a quote\n${">".repeat(100_000)} deep` }),
    ]);
  }, 60_000);

  it("streams a long message with the same blocks as lexing it whole", () => {
    const text = realistic.repeat(2_000);
    let state: BlockLexState | undefined;
    for (let end = 50_000; end < text.length; end += 50_000)
      state = lexBlocks(text.slice(0, end), state);
    state = lexBlocks(text, state);
    expect(state.blocks.map((b) => b.token.raw)).toEqual(
      lexBlocks(text).blocks.map((b) => b.token.raw),
    );
  }, 60_000);
});
