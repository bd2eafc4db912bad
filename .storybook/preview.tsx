import "@threadkit/components/styles.css";
import "./preview.css";
import type { Decorator, Preview } from "@storybook/react-vite";
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
const THEMES: Record<string, { title: string; options: ThemeOptions; designSystem?: string }> = {
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

const LOCALES: Record<string, string> = {
  en: "English",
  de: "Deutsch",
  ar: "العربية (RTL)",
};

function themeFor(name: string, density: Density): { theme: Theme; designSystem?: string } {
  const entry = THEMES[name] ?? THEMES.light;
  const theme = createTheme({ ...entry?.options, density });
  return entry?.designSystem === undefined
    ? { theme }
    : { theme, designSystem: entry.designSystem };
}

/** Applies the toolbar's theme, density and locale to every story and docs example. */
const withThreadkitGlobals: Decorator = (Story, context) => {
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

const preview: Preview = {
  decorators: [withThreadkitGlobals],
  globalTypes: {
    theme: {
      description: "threadkit theme",
      toolbar: {
        title: "Theme",
        icon: "paintbrush",
        items: Object.entries(THEMES).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    density: {
      description: "Spacing density (ChatKit's density option)",
      toolbar: {
        title: "Density",
        icon: "component",
        items: [
          { value: "compact", title: "Compact" },
          { value: "normal", title: "Normal" },
          { value: "spacious", title: "Spacious" },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "UI language and writing direction",
      toolbar: {
        title: "Locale",
        icon: "globe",
        items: Object.entries(LOCALES).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light", density: "normal", locale: "en" },
  parameters: {
    layout: "padded",
    // Any axe violation fails the story's test.
    a11y: { test: "error" },
    options: {
      storySort: {
        order: [
          "Docs",
          [
            "Introduction",
            "Getting started",
            "Connecting a backend",
            "Theming",
            "Widgets gallery",
            "Accessibility",
            "Localization",
          ],
          "Streaming",
          "Thread",
          "Items",
          "Widgets",
        ],
      },
    },
  },
};
export default preview;
