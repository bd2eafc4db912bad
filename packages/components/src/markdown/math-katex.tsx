import katex, { type KatexOptions } from "katex";
import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";

/**
 * KaTeX options: MathML output (rendered by the browser itself, so no stylesheet or fonts to
 * load), nothing trusted (`\href`, `\htmlClass` and the like are refused), errors thrown so the
 * source shows instead, and bounded macro expansion and sizes.
 */
const OPTIONS: KatexOptions = {
  output: "mathml",
  trust: false,
  throwOnError: true,
  strict: "ignore",
  maxExpand: 500,
  maxSize: 50,
};

/** Props of `MathFormula` (and of {@link KatexFormula}). */
export interface MathFormulaProps {
  /** The LaTeX source. */
  tex: string;
  /** Display (block) math. */
  display: boolean;
  /** The source as written, delimiters included: shown until KaTeX loads, and on errors. */
  source: string;
  /** Render as a block element (a display block of its own) rather than inline. */
  block?: boolean;
}

// Layout effects warn during server rendering; formulas render in the browser only.
const useClientLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * One formula once KaTeX has loaded (this module and KaTeX are one lazy chunk): KaTeX's MathML,
 * parsed in an inert `<template>`, never the formula's text as markup. A formula KaTeX cannot
 * parse shows its source with the error as its title.
 */
export const KatexFormula = memo(function KatexFormula({
  tex,
  display,
  source,
  block = false,
}: MathFormulaProps) {
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const ref = useRef<HTMLElement>(null);
  // An error belongs to the formula it came from; a changed formula is tried again.
  const key = `${display ? "display" : "inline"}:${tex}`;
  const failed = error !== null && error.key === key;
  useClientLayoutEffect(() => {
    const element = ref.current;
    if (!element || failed) return;
    try {
      // `renderToString` rather than `render`, which refuses documents in quirks mode. The
      // markup is KaTeX's own (the formula's text escaped in it); it is parsed in an inert
      // template, so nothing in it could run or load even if it tried.
      const template = element.ownerDocument.createElement("template");
      template.innerHTML = katex.renderToString(tex, { ...OPTIONS, displayMode: display });
      element.replaceChildren(template.content);
    } catch (caught) {
      element.textContent = "";
      setError({ key, message: caught instanceof Error ? caught.message : String(caught) });
    }
  }, [tex, display, failed, key]);
  const Tag = block ? "div" : "span";
  if (failed)
    return (
      <Tag
        data-tk-part="math"
        data-display={display ? "" : undefined}
        data-status="error"
        title={error.message}
      >
        <code>{source}</code>
      </Tag>
    );
  // KaTeX owns this element's children; React renders none, so it never touches them.
  return (
    <Tag
      key="math"
      ref={ref as never}
      data-tk-part="math"
      data-display={display ? "" : undefined}
      data-status="done"
    />
  );
});
