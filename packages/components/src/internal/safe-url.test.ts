import { hostOf, safeUrl } from "./safe-url";

describe("safeUrl", () => {
  it("keeps http, https and mailto links", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl("http://example.com")).toBe("http://example.com");
    expect(safeUrl("mailto:team@example.com")).toBe("mailto:team@example.com");
  });

  it("rejects script and unknown schemes, including obfuscated ones", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0000javascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "file:///etc/passwd",
      "chatkit-unknown://x",
    ]) {
      expect(safeUrl(url), url).toBeUndefined();
    }
  });

  it("allows data: images only when configured and only raster types", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    expect(safeUrl(png, "image")).toBeUndefined();
    expect(safeUrl(png, "image", { allowDataImages: true })).toBe(png);
    expect(
      safeUrl("data:image/svg+xml;base64,PHN2Zz4=", "image", { allowDataImages: true }),
    ).toBeUndefined();
    expect(safeUrl(png, "link", { allowDataImages: true })).toBeUndefined();
  });

  it("keeps relative URLs as written and rejects empty input", () => {
    expect(safeUrl("/docs/page")).toBe("/docs/page");
    expect(safeUrl("")).toBeUndefined();
    expect(safeUrl(null)).toBeUndefined();
  });

  it("reads host names without www", () => {
    expect(hostOf("https://www.example.com/x")).toBe("example.com");
    expect(hostOf("mailto:a@b.c")).toBeUndefined();
  });
});
