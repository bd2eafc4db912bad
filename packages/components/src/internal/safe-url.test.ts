import { hostOf, imageDomainAllowed, safeUrl } from "./safe-url";

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

describe("allowedImageDomains", () => {
  const png = "data:image/png;base64,iVBORw0KGgo=";

  it("restricts nothing when null or absent", () => {
    expect(safeUrl("https://any.example/a.png", "image", { allowedImageDomains: null })).toBe(
      "https://any.example/a.png",
    );
    expect(safeUrl("https://any.example/a.png", "image", {})).toBe("https://any.example/a.png");
  });

  it("allows listed hosts and their subdomains, case-insensitively, on any port", () => {
    const options = { allowedImageDomains: ["Example.com", "images.cdn.test."] };
    for (const url of [
      "https://example.com/a.png",
      "https://EXAMPLE.com./a.png",
      "http://img.example.com/a.png",
      "https://a.b.example.com:8443/a.png",
      "https://images.cdn.test/x.webp",
    ]) {
      expect(safeUrl(url, "image", options), url).toBe(url);
    }
  });

  it("blocks every other host, look-alikes included", () => {
    const options = { allowedImageDomains: ["example.com"] };
    for (const url of [
      "https://evil.test/a.png",
      "https://notexample.com/a.png",
      "https://example.com.evil.test/a.png",
      "https://evil.test/?u=https://example.com/a.png",
      "https://example.com@evil.test/a.png",
      "//evil.test/a.png",
      "https://127.0.0.1/a.png",
    ]) {
      expect(safeUrl(url, "image", options), url).toBeUndefined();
    }
  });

  it("blocks every remote image with an empty list", () => {
    expect(
      safeUrl("https://example.com/a.png", "image", { allowedImageDomains: [] }),
    ).toBeUndefined();
  });

  it("leaves data: images to allowDataImages and links alone", () => {
    expect(safeUrl(png, "image", { allowedImageDomains: [], allowDataImages: true })).toBe(png);
    expect(safeUrl(png, "image", { allowedImageDomains: ["example.com"] })).toBeUndefined();
    expect(safeUrl("https://evil.test/", "link", { allowedImageDomains: [] })).toBe(
      "https://evil.test/",
    );
  });

  it("accepts entries written as URLs or wildcards", () => {
    expect(imageDomainAllowed("cdn.example.com", ["https://example.com/path"])).toBe(true);
    expect(imageDomainAllowed("cdn.example.com", ["*.example.com"])).toBe(true);
    expect(imageDomainAllowed("example.com", ["*.example.com"])).toBe(true);
    expect(imageDomainAllowed("example.org", ["*.example.com", "", "  "])).toBe(false);
  });
});
