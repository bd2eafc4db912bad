import { describe, expect, it } from "vitest";
import { decodeEntities } from "./entities";

describe("decodeEntities", () => {
  it("decodes decimal and hexadecimal references, either case of x", () => {
    expect(decodeEntities("&#38;&#x26;&#X26;&#0038;&#x1F600;")).toBe("&&&&😀");
  });

  it("replaces a reference to no character with U+FFFD", () => {
    expect(decodeEntities("&#0;&#x0;&#xD800;&#xDFFF;&#1114112;&#x110000;")).toBe(
      "\ufffd".repeat(6),
    );
  });

  it("decodes the common named references in any case and leaves others as typed", () => {
    expect(decodeEntities("&amp;&LT;&gt;&quot;&apos;&nbsp;&copy;&euro;&mdash;&bull;")).toBe(
      "&<>\"'\u00a0©€—•",
    );
    expect(decodeEntities("&bogus; &ampx; & amp; &constructor; &tostring;")).toBe(
      "&bogus; &ampx; & amp; &constructor; &tostring;",
    );
  });
});
