import type { KatexOptions } from "katex";
import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";

type Katex = typeof import("katex").default;

let katex: Katex | undefined;
let loading: Promise<Katex> | undefined;

/**
 * KaTeX, loaded on the first formula (its own chunk). Resolves with the renderer, rejects when
 * the chunk cannot load (the formulas then stay as their source text).
 */
export function loadMathRenderer(): Promise<Katex> {
  loading ??= import("katex").then(
    (module) => {
      katex = (module.default ?? module) as Katex;
      return katex;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

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

// Layout effects warn during server rendering; formulas render in the browser only.
const useClientLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** Props of {@link MathFormula}. */
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

/**
 * One formula. Until KaTeX has loaded (and during server rendering) it shows its source; then
 * KaTeX's MathML (parsed in an inert `<template>`, never the formula's text as markup). A
 * formula KaTeX cannot parse shows its source with the error as its title.
 *
 * @selector [data-tk-part="math"][data-display][data-status="loading"|"done"|"error"]
 */
export const MathFormula = memo(function MathFormula({
  tex,
  display,
  source,
  block = false,
}: MathFormulaProps) {
  const [renderer, setRenderer] = useState<Katex | undefined>(katex);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (renderer) return;
    let live = true;
    loadMathRenderer().then(
      (loaded) => {
        if (live) setRenderer(() => loaded);
      },
      () => {
        // The chunk did not load: the source stays.
      },
    );
    return () => {
      live = false;
    };
  }, [renderer]);
  // An error belongs to the formula it came from; a changed formula is tried again.
  const key = `${display ? "display" : "inline"}:${tex}`;
  const failed = error !== null && error.key === key;
  useClientLayoutEffect(() => {
    const element = ref.current;
    if (!renderer || !element || failed) return;
    try {
      // `renderToString` rather than `render`, which refuses documents in quirks mode. The
      // markup is KaTeX's own (the formula's text escaped in it); it is parsed in an inert
      // template, so nothing in it could run or load even if it tried.
      const template = element.ownerDocument.createElement("template");
      template.innerHTML = renderer.renderToString(tex, { ...OPTIONS, displayMode: display });
      element.replaceChildren(template.content);
    } catch (caught) {
      element.textContent = "";
      setError({ key, message: caught instanceof Error ? caught.message : String(caught) });
    }
  }, [renderer, tex, display, failed, key]);
  const Tag = block ? "div" : "span";
  const status = !renderer ? "loading" : failed ? "error" : "done";
  if (status !== "done")
    return (
      <Tag
        data-tk-part="math"
        data-display={display ? "" : undefined}
        data-status={status}
        title={failed ? error?.message : undefined}
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
