// biome-ignore-all lint/correctness/noComponentHookFactories: parts are created once at module level
import { type ComponentPropsWithoutRef, type ElementRef, forwardRef } from "react";
import { Slot } from "./slot";

type Tag =
  | "div"
  | "span"
  | "article"
  | "section"
  | "p"
  | "ul"
  | "ol"
  | "li"
  | "button"
  | "form"
  | "header"
  | "footer";

/** Props of every part: the element's props plus `asChild`. */
export type PrimitiveProps<T extends Tag> = ComponentPropsWithoutRef<T> & {
  /** Render the single child element instead, merging props and behaviour (like Radix `Slot`). */
  asChild?: boolean;
};

/**
 * Creates a part that renders one `tag` element with `data-tk-part`, accepts `asChild` and
 * forwards its ref. User props come after ours, so they win.
 */
export function createPart<T extends Tag>(tag: T, part: string, displayName: string) {
  const Part = forwardRef<ElementRef<T>, PrimitiveProps<T>>(function Part(
    { asChild, ...props },
    ref,
  ) {
    const Comp = (asChild ? Slot : tag) as "div";
    return (
      <Comp
        data-tk-part={part}
        {...(props as ComponentPropsWithoutRef<"div">)}
        ref={ref as never}
      />
    );
  });
  Part.displayName = displayName;
  return Part;
}
