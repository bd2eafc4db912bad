import { type ComponentType, memo, useEffect, useState } from "react";
import type { MathFormulaProps } from "./math-katex";

export type { MathFormulaProps } from "./math-katex";

type Renderer = ComponentType<MathFormulaProps>;

let renderer: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/**
 * The formula renderer with KaTeX, loaded on the first formula (one lazy chunk). Resolves with
 * it, rejects when the chunk cannot load (the formulas then stay as their source text, and the
 * next formula tries again).
 */
export function loadMathRenderer(): Promise<Renderer> {
  loading ??= import("./math-katex").then(
    (module) => {
      renderer = module.KatexFormula;
      return renderer;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * One formula. Until KaTeX has loaded (and during server rendering) it shows its source; then
 * KaTeX's MathML (see `math-katex.tsx`).
 *
 * @selector [data-tk-part="math"][data-display][data-status="loading"|"done"|"error"]
 */
export const MathFormula = memo(function MathFormula(props: MathFormulaProps) {
  const [Loaded, setLoaded] = useState<Renderer | undefined>(() => renderer);
  useEffect(() => {
    if (Loaded) return;
    let live = true;
    loadMathRenderer().then(
      (loaded) => {
        if (live) setLoaded(() => loaded);
      },
      () => {
        // The chunk did not load: the source stays.
      },
    );
    return () => {
      live = false;
    };
  }, [Loaded]);
  if (Loaded) return <Loaded {...props} />;
  const Tag = props.block ? "div" : "span";
  return (
    <Tag data-tk-part="math" data-display={props.display ? "" : undefined} data-status="loading">
      <code>{props.source}</code>
    </Tag>
  );
});
