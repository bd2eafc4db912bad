import { createTheme, readableOn } from "./create-theme";

describe("createTheme", () => {
  it("defaults to light, round and normal density without colors", () => {
    const theme = createTheme();
    expect(theme.colorScheme).toBe("light");
    expect(theme.attributes).toEqual({ "data-tk-theme": "light" });
    expect(theme.vars).toEqual({
      "--tk-radius": "12px",
      "--tk-radius-sm": "8px",
      "--tk-radius-lg": "20px",
      "--tk-composer-radius": "20px",
      "--tk-button-radius": "9999px",
      "--tk-space": "4px",
    });
    expect(theme.style).toEqual({ ...theme.vars, colorScheme: "light" });
  });

  it("maps colorScheme onto the attribute and the style's color-scheme", () => {
    for (const theme of [createTheme("dark"), createTheme({ colorScheme: "dark" })]) {
      expect(theme.colorScheme).toBe("dark");
      expect(theme.attributes).toEqual({ "data-tk-theme": "dark" });
      expect(theme.style.colorScheme).toBe("dark");
    }
  });

  it("maps each radius onto the radius tokens, the composer and the buttons", () => {
    expect(createTheme({ radius: "pill" }).vars).toMatchObject({
      "--tk-radius": "16px",
      "--tk-radius-sm": "10px",
      "--tk-radius-lg": "24px",
      "--tk-composer-radius": "28px",
      "--tk-button-radius": "9999px",
    });
    expect(createTheme({ radius: "soft" }).vars).toMatchObject({
      "--tk-radius": "8px",
      "--tk-composer-radius": "12px",
      "--tk-button-radius": "8px",
    });
    expect(createTheme({ radius: "sharp" }).vars).toMatchObject({
      "--tk-radius": "2px",
      "--tk-radius-sm": "2px",
      "--tk-radius-lg": "4px",
      "--tk-button-radius": "2px",
    });
  });

  it("maps density onto the spacing step", () => {
    expect(createTheme({ density: "compact" }).vars["--tk-space"]).toBe("3px");
    expect(createTheme({ density: "normal" }).vars["--tk-space"]).toBe("4px");
    expect(createTheme({ density: "spacious" }).vars["--tk-space"]).toBe("5px");
  });

  it("maps the accent onto accent, info and the focus ring with readable foregrounds", () => {
    const vars = createTheme({ color: { accent: { primary: "#7c3aed" } } }).vars;
    expect(vars["--tk-color-accent"]).toBe("#7c3aed");
    expect(vars["--tk-color-accent-fg"]).toBe("#ffffff");
    expect(vars["--tk-color-info"]).toBe("#7c3aed");
    expect(vars["--tk-color-info-fg"]).toBe("#ffffff");
    expect(vars["--tk-color-ring"]).toBe("color-mix(in srgb, #7c3aed 55%, transparent)");
    // Level 1 (the default) tints nothing else.
    expect(vars["--tk-message-user-bg"]).toBeUndefined();
    expect(vars["--tk-color-muted"]).toBeUndefined();

    const light = createTheme({ color: { accent: { primary: "#fde047" } } }).vars;
    expect(light["--tk-color-accent-fg"]).toBe("#0b0b0f");
  });

  it("tints user messages from accent level 2 and muted fills at level 3", () => {
    const level0 = createTheme({ color: { accent: { primary: "#0f766e", level: 0 } } }).vars;
    expect(level0["--tk-message-user-bg"]).toBeUndefined();
    const level2 = createTheme({ color: { accent: { primary: "#0f766e", level: 2 } } }).vars;
    expect(level2["--tk-message-user-bg"]).toBe(
      "color-mix(in srgb, #0f766e 12%, var(--tk-color-bg))",
    );
    expect(level2["--tk-color-muted"]).toBeUndefined();
    const level3 = createTheme({ color: { accent: { primary: "#0f766e", level: 3 } } }).vars;
    expect(level3["--tk-message-user-bg"]).toBe(
      "color-mix(in srgb, #0f766e 22%, var(--tk-color-bg))",
    );
    expect(level3["--tk-color-muted"]).toBe("color-mix(in srgb, #0f766e 8%, var(--tk-color-bg))");
  });

  it("maps grayscale onto a tinted ramp that is light or dark with the scheme", () => {
    const light = createTheme({ color: { grayscale: { hue: 220, tint: 3 } } }).vars;
    expect(light).toMatchObject({
      "--tk-color-bg": "hsl(220 9% 100%)",
      "--tk-color-fg": "hsl(220 3% 11%)",
      "--tk-color-surface": "hsl(220 9% 100%)",
      "--tk-color-surface-fg": "hsl(220 3% 11%)",
      "--tk-color-muted": "hsl(220 9% 95.5%)",
      "--tk-color-muted-fg": "hsl(220 4.5% 38%)",
      "--tk-color-border": "hsl(220 9% 89%)",
      "--tk-color-border-strong": "hsl(220 9% 79%)",
    });
    const dark = createTheme({
      colorScheme: "dark",
      color: { grayscale: { hue: 220, tint: 3, shade: 2 } },
    }).vars;
    expect(dark["--tk-color-bg"]).toBe("hsl(220 9% 11%)");
    expect(dark["--tk-color-fg"]).toBe("hsl(220 3% 95%)");
    // Out-of-range input is clamped.
    const clamped = createTheme({ color: { grayscale: { hue: 400, tint: 20, shade: -9 } } }).vars;
    expect(clamped["--tk-color-muted"]).toBe("hsl(360 27% 100%)");
  });

  it("maps surface onto background and surface pairs, winning over grayscale", () => {
    const vars = createTheme({
      color: {
        grayscale: { hue: 30, tint: 5 },
        surface: { background: "#fdf6e3", foreground: "#073642" },
      },
    }).vars;
    expect(vars).toMatchObject({
      "--tk-color-bg": "#fdf6e3",
      "--tk-color-fg": "#073642",
      "--tk-color-surface": "#fdf6e3",
      "--tk-color-surface-fg": "#073642",
    });
    // Grayscale still supplies the tokens surface does not cover.
    expect(vars["--tk-color-muted"]).toBe("hsl(30 15% 95.5%)");
  });

  it("maps typography onto the font size scale and families", () => {
    const vars = createTheme({
      typography: {
        baseSize: 17,
        fontFamily: "Inter, sans-serif",
        fontFamilyMono: "JetBrains Mono",
      },
    }).vars;
    expect(vars).toMatchObject({
      "--tk-font-size": "17px",
      "--tk-font-size-sm": "15px",
      "--tk-font-size-lg": "20px",
      "--tk-font-sans": "Inter, sans-serif",
      "--tk-font-mono": "JetBrains Mono",
    });
    expect(createTheme().vars["--tk-font-size"]).toBeUndefined();
  });
});

describe("readableOn", () => {
  it("picks white on dark colors and near-black on light ones, in hex and rgb()", () => {
    expect(readableOn("#000")).toBe("#ffffff");
    expect(readableOn("#1f6feb")).toBe("#ffffff");
    expect(readableOn("#ffffff")).toBe("#0b0b0f");
    expect(readableOn("rgb(250, 250, 210)")).toBe("#0b0b0f");
  });

  it("falls back to white for syntaxes it cannot read", () => {
    expect(readableOn("oklch(70% 0.1 200)")).toBe("#ffffff");
  });
});
