/**
 * `@threadkit/components/highlight`: optional syntax highlighting for markdown code blocks.
 * A separate entry so the main bundle never contains it; shiki itself loads on first use.
 */
export {
  createShikiHighlighter,
  type ShikiHighlighterOptions,
  type ShikiThemeInput,
} from "./shiki-highlighter";

import type { CodeHighlighter } from "../../context";
import { createShikiHighlighter } from "./shiki-highlighter";

/**
 * A ready {@link createShikiHighlighter} with the default themes (`github-light-high-contrast` / `github-dark-default`)
 * and every bundled language, shared by all threads: `<Thread.Root highlightCode={shikiHighlighter}>`.
 * Creating it loads nothing; shiki is imported when the first finished code block asks for it.
 */
export const shikiHighlighter: CodeHighlighter = /* @__PURE__ */ createShikiHighlighter();
