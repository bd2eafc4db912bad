import { boxStyle, dimension, radius, resolveColor, seriesColor, space } from "./style";

describe("resolveColor", () => {
  it("maps text tokens to widget variables", () => {
    expect(resolveColor("secondary")).toBe("var(--tk-widget-text-secondary)");
    expect(resolveColor("danger")).toBe("var(--tk-widget-text-danger)");
  });
  it("maps surfaces, borders and primitive palette tokens", () => {
    expect(resolveColor("surface-elevated", "background")).toBe(
      "var(--tk-widget-surface-elevated)",
    );
    expect(resolveColor("subtle", "border")).toBe("var(--tk-widget-border-subtle)");
    expect(resolveColor("red-100", "background")).toBe("var(--tk-widget-red-100)");
    expect(resolveColor("blue-900", "background")).toBe("var(--tk-widget-blue-900)");
  });
  it("clamps palette text colors to a legible lightness per scheme", () => {
    expect(resolveColor("blue-400")).toBe(
      "light-dark(oklch(from var(--tk-widget-palette-blue-400) min(l, 0.55) c h), oklch(from var(--tk-widget-palette-blue-600) max(l, 0.75) c h))",
    );
    expect(resolveColor("alpha-70")).toBe(
      "color-mix(in srgb, var(--tk-widget-text-primary) 70%, transparent)",
    );
  });
  it("maps chart series names only for series", () => {
    expect(resolveColor("purple", "series")).toBe("var(--tk-widget-chart-purple)");
    expect(resolveColor("purple", "text")).toBe("purple");
    expect(seriesColor(8)).toBe("var(--tk-widget-chart-purple)");
  });
  it("turns {light, dark} pairs into light-dark()", () => {
    expect(resolveColor({ light: "yellow-50", dark: "yellow-900" }, "background")).toBe(
      "light-dark(var(--tk-widget-palette-yellow-50), var(--tk-widget-palette-yellow-900))",
    );
  });
  it("passes CSS colors and gradients through but rejects resource loads and injection", () => {
    expect(resolveColor("#ff0000")).toBe("#ff0000");
    expect(resolveColor("linear-gradient(135deg, #fff6d9 0%, #ceb0fb 100%)", "background")).toBe(
      "linear-gradient(135deg, #fff6d9 0%, #ceb0fb 100%)",
    );
    expect(resolveColor("url(https://x.test/a.png)", "background")).toBeUndefined();
    expect(resolveColor("red; position: fixed")).toBeUndefined();
    expect(resolveColor(42)).toBeUndefined();
  });
});

describe("scales", () => {
  it("maps spacing units, px dimensions and radius names", () => {
    expect(space(4)).toBe("calc(var(--tk-widget-space) * 4)");
    expect(space(0)).toBe("0");
    expect(space("12px")).toBe("12px");
    expect(dimension(90)).toBe("90px");
    expect(radius("3xl")).toBe("var(--tk-widget-radius-3xl)");
    expect(radius("none")).toBe("0");
    expect(radius("huge")).toBeUndefined();
  });
  it("builds flex styles from box props", () => {
    expect(
      boxStyle({
        padding: { x: 4, top: 2 },
        gap: 2,
        align: "center",
        justify: "between",
        border: { size: 1, color: "subtle", style: "dashed" },
        radius: "full",
        size: 25,
      }),
    ).toEqual({
      width: "25px",
      height: "25px",
      borderRadius: "var(--tk-widget-radius-full)",
      alignItems: "center",
      justifyContent: "space-between",
      gap: "calc(var(--tk-widget-space) * 2)",
      paddingTop: "calc(var(--tk-widget-space) * 2)",
      paddingLeft: "calc(var(--tk-widget-space) * 4)",
      paddingRight: "calc(var(--tk-widget-space) * 4)",
      border: "1px dashed var(--tk-widget-border-subtle)",
    });
  });
});
