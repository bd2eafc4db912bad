import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  cloneElement,
  Fragment,
  forwardRef,
  isValidElement,
  type ReactElement,
  type ReactNode,
  type Ref,
  useMemo,
} from "react";
import { composeRefs } from "./compose-refs";

type AnyProps = Record<string, unknown>;

function describedBy(...values: unknown[]): string | undefined {
  const ids = new Set<string>();
  for (const value of values) {
    if (typeof value !== "string") continue;
    for (const id of value.trim().split(/\s+/)) if (id) ids.add(id);
  }
  return ids.size > 0 ? [...ids].join(" ") : undefined;
}

/**
 * The slot's props merged into its child's, as Radix `Slot` merges them: the child's win, except
 * that both handlers run (the child's first), styles merge, class names and `aria-describedby`
 * ids join.
 */
function mergeProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const name in childProps) {
    const ours = slotProps[name];
    const theirs = childProps[name];
    if (/^on[A-Z]/.test(name)) {
      if (typeof ours === "function" && typeof theirs === "function") {
        merged[name] = (...args: unknown[]) => {
          const result = theirs(...args);
          ours(...args);
          return result;
        };
      } else if (ours) merged[name] = theirs ?? ours;
    } else if (name === "style") {
      merged[name] = { ...(ours as CSSProperties), ...(theirs as CSSProperties) };
    } else if (name === "className") {
      merged[name] = [ours, theirs].filter(Boolean).join(" ");
    } else if (name === "aria-describedby") {
      merged[name] = describedBy(theirs, ours);
    }
  }
  return merged;
}

type WarningGetter = { get?: { isReactWarning?: boolean } };

/**
 * The ref an element was given: React 19 keeps it in `props`, React 18 on the element. Each
 * version warns when the other place is read in development, so the warning getter is skipped.
 */
function elementRef(element: ReactElement): Ref<unknown> | undefined {
  const props = element.props as { ref?: Ref<unknown> };
  const onElement = element as unknown as { ref?: Ref<unknown> };
  const propGetter = Object.getOwnPropertyDescriptor(props, "ref") as WarningGetter | undefined;
  if (propGetter?.get?.isReactWarning) return onElement.ref;
  const elementGetter = Object.getOwnPropertyDescriptor(element, "ref") as
    | WarningGetter
    | undefined;
  if (elementGetter?.get?.isReactWarning) return props.ref;
  return props.ref ?? onElement.ref;
}

/**
 * Renders its single child element with the slot's props merged in and both refs set: what
 * `asChild` does on every part. Behaves like Radix `Slot` for one element child (without
 * `Slottable`), so the thread's parts need none of Radix's code.
 */
export const Slot = forwardRef<unknown, { children?: ReactNode } & AnyProps>(function Slot(
  { children, ...slotProps },
  forwardedRef,
) {
  const child = isValidElement(children) ? (children as ReactElement<AnyProps>) : null;
  const childRef = child ? elementRef(child) : undefined;
  const ref = useMemo(
    () =>
      forwardedRef && childRef ? composeRefs(forwardedRef, childRef) : forwardedRef || childRef,
    [forwardedRef, childRef],
  );
  if (!child) {
    if (children || children === 0) {
      throw new Error(
        "Slot failed to slot onto its children. Expected a single React element child (asChild).",
      );
    }
    return null;
  }
  const merged = mergeProps(slotProps, child.props);
  if (child.type !== Fragment) merged.ref = ref;
  return cloneElement(child, merged);
});
Slot.displayName = "Slot";

const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  border: 0,
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  wordWrap: "normal",
};

/** Text for screen readers only: a span (or, with `asChild`, its child) hidden from sight. */
export const VisuallyHidden = forwardRef<
  HTMLSpanElement,
  ComponentPropsWithoutRef<"span"> & { asChild?: boolean }
>(function VisuallyHidden({ asChild, style, ...props }, ref) {
  const Comp = (asChild ? Slot : "span") as "span";
  return <Comp {...props} style={{ ...VISUALLY_HIDDEN, ...style }} ref={ref} />;
});

/** `Slot` under Radix's name, for `import * as Slot` and `Slot.Root`. */
export { Slot as Root };
