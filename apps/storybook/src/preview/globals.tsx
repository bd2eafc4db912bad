/**
 * Storybook's toolbar globals for threadkit: theme (light, dark, ChatKit presets through
 * `createTheme`, a design-system bridge), density and locale (with its writing direction). Lives
 * in the Storybook app so that it resolves the workspace packages like the stories do.
 */
import "@threadkit/components/styles.css";
import "./preview.css";
import type { Decorator } from "@storybook/react-vite";
import {
  createTheme,
  directionOf,
  type Theme,
  type ThemeOptions,
  ThreadUIProvider,
} from "@threadkit/components";

type Density = NonNullable<ThemeOptions["density"]>;

/**
 * The toolbar's themes. `light` and `dark` are threadkit's defaults; the `chatkit-*` entries are
 * ChatKit theme options passed unchanged to `createTheme`; `shadcn` maps threadkit's tokens onto
 * a design system's variables (see preview.css and the Theming page).
 */
export const THEMES: Record<
  string,
  { title: string; options: ThemeOptions; designSystem?: string }
> = {
  light: { title: "Light", options: { colorScheme: "light" } },
  dark: { title: "Dark", options: { colorScheme: "dark" } },
  "chatkit-soft": {
    title: "ChatKit preset: soft, teal",
    options: {
      colorScheme: "light",
      radius: "soft",
      color: {
        accent: { primary: "#0f766e", level: 2 },
        grayscale: { hue: 180, tint: 2 },
      },
      typography: { baseSize: 16 },
    },
  },
  "chatkit-pill-dark": {
    title: "ChatKit preset: pill, dark, violet",
    options: {
      colorScheme: "dark",
      radius: "pill",
      color: {
        accent: { primary: "#a78bfa", level: 1 },
        grayscale: { hue: 260, tint: 3, shade: -1 },
      },
    },
  },
  shadcn: {
    title: "Design-system bridge (shadcn tokens)",
    options: { colorScheme: "light" },
    designSystem: "shadcn",
  },
};

export const LOCALES: Record<string, string> = {
  en: "English",
  ar: "العربية (RTL)",
  de: "Deutsch",
  es: "Español",
  fr: "Français",
  he: "עברית (RTL)",
  hi: "हिन्दी",
  it: "Italiano",
  ja: "日本語",
  ko: "한국어",
  nl: "Nederlands",
  pl: "Polski",
  "pt-BR": "Português (Brasil)",
  ru: "Русский",
  tr: "Türkçe",
  "zh-CN": "简体中文",
  "zh-TW": "繁體中文",
};

function themeFor(name: string, density: Density): { theme: Theme; designSystem?: string } {
  const entry = THEMES[name] ?? THEMES.light;
  const theme = createTheme({ ...entry?.options, density });
  return entry?.designSystem === undefined
    ? { theme }
    : { theme, designSystem: entry.designSystem };
}

/** Applies the toolbar's theme, density and locale to every story and docs example. */
export const withThreadkitGlobals: Decorator = (Story, context) => {
  const name = String(context.globals.theme ?? "light");
  const density = (context.globals.density ?? "normal") as Density;
  const locale = String(context.globals.locale ?? "en");
  const { theme, designSystem } = themeFor(name, density);
  return (
    <ThreadUIProvider locale={locale}>
      <div
        className="tk-preview"
        {...theme.attributes}
        data-tk-density={density}
        data-design-system={designSystem}
        dir={directionOf(locale)}
        lang={locale}
        style={theme.style}
      >
        <Story />
      </div>
    </ThreadUIProvider>
  );
};
