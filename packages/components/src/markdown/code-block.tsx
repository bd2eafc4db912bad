import { Check, Copy } from "lucide-react";
import { memo, type ReactNode, useEffect, useState } from "react";
import { useThreadUI } from "../context";
import { useCopy } from "../internal/use-copy";

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  code: string;
  /** Info string of the fence (first word), e.g. `ts`. */
  language: string;
  /** `false` while the fence is still open; highlighting waits for the final text. @default true */
  final?: boolean;
}

/**
 * A fenced code block with its language and a copy button. With `highlightCode` configured on a
 * {@link ThreadUIProvider}, finished blocks are highlighted lazily; until then (and while the
 * block streams) the plain text shows, so nothing flickers.
 *
 * @selector [data-tk-part="code-block"] the figure
 * @selector [data-tk-part="code-block"][data-highlighted] once highlighted nodes replaced the text
 */
export const CodeBlock = memo(function CodeBlock({ code, language, final = true }: CodeBlockProps) {
  const { t, highlightCode } = useThreadUI();
  const { copied, copy } = useCopy();
  const [highlighted, setHighlighted] = useState<{ code: string; nodes: ReactNode } | null>(null);

  useEffect(() => {
    if (!final || !highlightCode) return;
    let cancelled = false;
    Promise.resolve()
      .then(() => highlightCode(code, language))
      .then(
        (nodes) => {
          if (!cancelled) setHighlighted({ code, nodes });
        },
        () => {},
      );
    return () => {
      cancelled = true;
    };
  }, [final, highlightCode, code, language]);

  const nodes = highlighted && highlighted.code === code ? highlighted.nodes : null;
  return (
    <figure
      data-tk-part="code-block"
      aria-label={language ? t("code.language", { language }) : t("code.plain")}
      data-language={language || undefined}
      data-highlighted={nodes ? "" : undefined}
    >
      <figcaption data-tk-part="code-block-header">
        <span data-tk-part="code-block-language">{language || t("code.plain")}</span>
        <button
          type="button"
          data-tk-part="code-block-copy"
          data-copied={copied ? "" : undefined}
          onClick={() => void copy(code)}
          aria-label={copied ? t("code.copied") : t("code.copy")}
        >
          {copied ? <Check aria-hidden size={14} /> : <Copy aria-hidden size={14} />}
          <span aria-hidden>{copied ? t("code.copied") : t("action.copy")}</span>
        </button>
      </figcaption>
      {/* A long line scrolls horizontally; keyboard users must be able to reach and scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (axe scrollable-region-focusable) */}
      <pre data-tk-part="code-block-pre" tabIndex={0}>
        <code>{nodes ?? code}</code>
      </pre>
    </figure>
  );
});
