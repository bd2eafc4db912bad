import { describe, expect, it } from "vitest";
import { deleteToken, findTagTokens, tokenInside } from "./tag-tokens";

const alan = { id: "p_alan", title: "Alan" };
const turing = { id: "p_turing", title: "Alan Turing" };
const ada = { id: "p_ada", title: "Ada" };

describe("findTagTokens", () => {
  it("finds each tag's @title in text order, longer titles first", () => {
    const text = "Ask @Alan Turing and @Ada, cc @Alan";
    expect(findTagTokens(text, [ada, alan, turing]).map((t) => [t.tag.id, t.start, t.end])).toEqual(
      [
        ["p_turing", 4, 16],
        ["p_ada", 21, 25],
        ["p_alan", 30, 35],
      ],
    );
  });

  it("leaves out a tag whose token was edited away", () => {
    expect(findTagTokens("Ask @Ad and @Alan", [ada, alan]).map((t) => t.tag.id)).toEqual([
      "p_alan",
    ]);
  });
});

describe("deleteToken", () => {
  const text = "Ask @Ada then";
  const tokens = findTagTokens(text, [ada]);

  it("removes the whole token and its space on Backspace at its end", () => {
    expect(deleteToken(text, tokens, 8, "backward")).toMatchObject({ text: "Ask then", caret: 4 });
  });

  it("removes it on Delete at its start", () => {
    expect(deleteToken(text, tokens, 4, "forward")).toMatchObject({ text: "Ask then", caret: 4 });
  });

  it("leaves ordinary characters to the textarea", () => {
    expect(deleteToken(text, tokens, 4, "backward")).toBeNull();
    expect(deleteToken(text, tokens, 8, "forward")).toBeNull();
    expect(tokenInside(tokens, 6)?.tag.id).toBe("p_ada");
    expect(tokenInside(tokens, 8)).toBeUndefined();
  });
});
