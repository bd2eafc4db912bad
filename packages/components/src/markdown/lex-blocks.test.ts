import fc from "fast-check";
import { Lexer } from "marked";
import { lexBlocks } from "./lex-blocks";

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
  return new Lexer({ gfm: true }).lex(text).map((t) => [t.type, t.raw]);
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
    expect(replaced.blocks[0]?.token.raw).toBe("Different");
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
});
