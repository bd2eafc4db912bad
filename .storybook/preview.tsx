import type { Preview } from "@storybook/react-vite";
import { preloadWidgets } from "@threadkit/components";
import { LOCALES, THEMES, withThreadkitGlobals } from "../apps/storybook/src/preview/globals";

const preview: Preview = {
  decorators: [withThreadkitGlobals],
  // Widgets and their icons load on first use in an app; stories show them drawn from the start.
  loaders: [
    async () => {
      await preloadWidgets();
      return {};
    },
  ],
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
