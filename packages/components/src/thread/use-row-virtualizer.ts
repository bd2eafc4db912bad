import { useReducer, useRef } from "react";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import type { VirtualEngine } from "./load-virtual-engine";
import type { RowVirtualizer, RowVirtualizerOptions } from "./row-virtualizer";

export type { RowVirtualizer, RowVirtualizerOptions };

/**
 * TanStack Virtual for the thread's rows, with one React render per change of the mounted rows.
 *
 * Like `useVirtualizer({ directDomUpdates: true })`, the virtualizer writes the rows' positions
 * (`translate3d`) and the sizer's height to the DOM itself when a row is measured or the view
 * scrolls. Unlike it, it re-renders neither when the `isScrolling` flag changes (nothing rendered
 * reads it) nor when the visible range moves while the mounted rows still cover it with half the
 * overscan to spare (below the windowing threshold every row is mounted whatever the range). So
 * following the bottom of a streaming reply, which scrolls on every wrapped line, costs no render
 * besides the delta's own.
 *
 * TanStack Virtual and the virtualizer over it (`row-virtualizer.ts`) are passed in once loaded
 * (`engine`): until then, and while `enabled` has never been true, there is no virtualizer
 * (`null`). The hooks called are the same either way, so the component that holds the rows keeps
 * them mounted when the virtualizer arrives.
 */
export function useRowVirtualizer(
  engine: VirtualEngine | null,
  options: RowVirtualizerOptions,
): RowVirtualizer | null {
  const rerender = useReducer((x: number) => x + 1, 0)[1];
  const held = useRef<RowVirtualizer | null>(null);
  if (held.current === null && engine !== null && options.enabled !== false) {
    held.current = engine.createRowVirtualizer(options, rerender);
  }
  const instance = held.current;
  instance?.update(options);

  useIsomorphicLayoutEffect(() => instance?._didMount(), [instance]);
  useIsomorphicLayoutEffect(() => instance?.commit());
  useIsomorphicLayoutEffect(() => instance?.applyDirectStyles());
  return instance;
}
