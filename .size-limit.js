// size-limit budgets, one per public entry point and per part an app imports alone. Entries marked
// "lazy chunks excluded" measure what loads up front: every import() stays outside the bundle
// (the widget catalogue, its icons, recharts, shiki).
const initialOnly = (config) => {
  config.plugins = [
    ...(config.plugins ?? []),
    {
      name: "lazy-chunks-excluded",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) =>
          args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ];
  return config;
};

const entries = [
  {
    name: "@threadkit/core",
    path: "packages/core/dist/index.js",
    limit: "40 kB",
  },
  {
    name: "@threadkit/core { createChatKitClient } (what a ChatKit-only app takes: no REST or Assistants code)",
    path: "packages/core/dist/index.js",
    import: "{ createChatKitClient }",
    limit: "10 kB",
  },
  {
    name: "@threadkit/core { createChatKitClient } up front (its answer checks, valibot and the item schemas, load with the first request; lazy chunks excluded)",
    path: "packages/core/dist/index.js",
    import: "{ createChatKitClient }",
    limit: "5 kB",
  },
  {
    name: "@threadkit/hooks (own code)",
    path: "packages/hooks/dist/index.js",
    limit: "25 kB",
    ignore: ["@threadkit/core", "react", "react-dom", "@tanstack/react-query", "zustand"],
  },
  {
    name: "@threadkit/hooks (own code; the run runtime loads on the first run, lazy chunks excluded)",
    path: "packages/hooks/dist/index.js",
    // 15.2 kB: the provider's stores wait for the stream reducer, which comes with the runtime.
    limit: "15.5 kB",
    ignore: ["@threadkit/core", "react", "react-dom", "@tanstack/react-query", "zustand"],
  },
  {
    name: "@threadkit/components, every export (own code)",
    path: "packages/components/dist/index.js",
    import: "*",
    // 58.7 KiB (60.1 kB): Thread.LoadError and the ChatKit options the audit of the drop-in
    // completed (fontSources, client tool errors, history events) took it past 60 kB.
    limit: "62 kB",
    ignore: [
      "@threadkit/core",
      "@threadkit/hooks",
      "react",
      "react-dom",
      "@tanstack/react-query",
      "zustand",
      "radix-ui",
      "marked",
      "lucide-react",
      "@tanstack/react-virtual",
      "recharts",
      "react-is",
      "katex",
      "./locales/*",
    ],
  },
  {
    name: "@threadkit/components, every export (with its dependencies, lazy chunks excluded)",
    path: "packages/components/dist/index.js",
    import: "*",
    limit: "100 kB",
    ignore: [
      "@threadkit/core",
      "@threadkit/hooks",
      "react",
      "react-dom",
      "@tanstack/react-query",
      "zustand",
    ],
  },
  {
    name: "@threadkit/components { Markdown } alone (with its lexer; no thread view, query cache, dialogs or widget icons; lazy chunks excluded)",
    path: "packages/components/dist/index.js",
    import: "{ Markdown }",
    limit: "18 kB",
    ignore: ["react", "react-dom"],
  },
  {
    name: "@threadkit/components { ThreadRoot, ThreadViewport, ThreadItems }: the thread view (with its dependencies but core, hooks and the query cache; lazy chunks excluded)",
    path: "packages/components/dist/index.js",
    import: "{ ThreadRoot, ThreadViewport, ThreadItems }",
    limit: "40 kB",
    ignore: [
      "@threadkit/core",
      "@threadkit/hooks",
      "react",
      "react-dom",
      "@tanstack/react-query",
      "zustand",
    ],
  },
  {
    name: "@threadkit/components { ChatKit, useChatKit }: the drop-in chat with every dependency but React (core, hooks; no query library; lazy chunks excluded)",
    path: "packages/components/dist/index.js",
    import: "{ ChatKit, useChatKit }",
    limit: "85 kB",
    ignore: ["react", "react-dom"],
  },
  {
    name: "@threadkit/components { ComposerRoot, ComposerInput, ComposerSubmit }: a composer with its own parts (own code; no @-mentions, commands, tag tokens, menus or dictation; lazy chunks excluded)",
    path: "packages/components/dist/index.js",
    import: "{ ComposerRoot, ComposerInput, ComposerSubmit }",
    limit: "25 kB",
    ignore: [
      "@threadkit/core",
      "@threadkit/hooks",
      "react",
      "react-dom",
      "@tanstack/react-query",
      "zustand",
      "radix-ui",
      "lucide-react",
    ],
  },
  {
    name: "@threadkit/components/highlight (own code; shiki is imported on first use)",
    path: "packages/components/dist/highlight.js",
    import: "*",
    limit: "3 kB",
    ignore: ["react", "shiki"],
  },
];

export default entries.map((entry) =>
  entry.name.includes("lazy chunks excluded")
    ? { ...entry, modifyEsbuildConfig: initialOnly }
    : entry,
);
