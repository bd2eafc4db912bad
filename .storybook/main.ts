import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../apps/storybook/src/**/*.mdx", "../apps/storybook/src/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => {
    // Workspace packages resolve to their TypeScript sources: no build needed first.
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = [
      "@threadkit/source",
      "module",
      "browser",
      "development|production",
      "import",
      "default",
    ];
    // The optional highlighter imports shiki lazily; pre-bundle it up front so its first use does
    // not make Vite re-optimize and reload the page (which fails a running story test).
    viteConfig.optimizeDeps ??= {};
    viteConfig.optimizeDeps.include = [
      ...(viteConfig.optimizeDeps.include ?? []),
      ...["core", "engine/javascript", "langs", "themes"].map(
        (entry) => `@threadkit/components > shiki/${entry}`,
      ),
    ];
    viteConfig.build ??= {};
    viteConfig.build.chunkSizeWarningLimit = 4096;
    viteConfig.build.rolldownOptions ??= {};
    const previous = viteConfig.build.rolldownOptions.onwarn;
    viteConfig.build.rolldownOptions.onwarn = (warning, warn) => {
      // radix-ui ships "use client" directives; they are noise in a client bundle.
      if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
      if (previous) previous(warning, warn);
      else warn(warning);
    };
    return viteConfig;
  },
};
export default config;
