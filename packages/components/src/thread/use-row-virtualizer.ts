import type { PartialKeys, Virtualizer, VirtualizerOptions } from "@tanstack/react-virtual";
import { useReducer, useRef } from "react";
import { flushSync } from "react-dom";
import { useIsomorphicLayoutEffect } from "../internal/use-layout-effect";
import type { VirtualEngine } from "./load-virtual-engine";

/** What {@link useRowVirtualizer} takes: TanStack Virtual's options for an element scroller. */
export type RowVirtualizerOptions = PartialKeys<
  VirtualizerOptions<HTMLElement, HTMLElement>,
  "observeElementRect" | "observeElementOffset" | "scrollToFn"
>;

/** A virtualizer whose rows are positioned in the DOM directly, and the ref of the rows' sizer. */
export type RowVirtualizer = Virtualizer<HTMLElement, HTMLElement> & {
  /** Ref of the element that holds the rows: the virtualizer writes its height. */
  containerRef: (node: HTMLElement | null) => void;
  /**
   * Takes the viewport's scroll position as the virtualizer's own, once the rows have been put
   * back in place after a commit (before its scroll listener has seen that scroll), so that its
   * next scroll adjustment starts from there.
   */
  syncScrollOffset: (scrollTop: number) => void;
};

interface DirectState {
  container: HTMLElement | null;
  lastSize: number | null;
  lastPositions: WeakMap<HTMLElement, number>;
  /** The row indexes of the last commit. */
  rendered: readonly number[] | null;
  /** Inside `measureElement` (a ref callback during a commit): no `flushSync` there. */
  measuring: boolean;
}

/**
 * Whether the rows of the last commit no longer serve: a visible row, or one of the first half of
 * the overscan on either side, is not mounted. Rows that scrolled out stay mounted until then (a
 * commit renders the virtualizer's current range again), so a view that follows a growing reply
 * down, or moves back and forth within the overscan, needs no render. The rendered indexes are
 * contiguous (both range extractors of the thread give a run of indexes).
 */
function needsRender(
  instance: Virtualizer<HTMLElement, HTMLElement>,
  rendered: readonly number[] | null,
): boolean {
  const next = instance.getVirtualIndexes();
  if (rendered === null || rendered.length === 0) return next.length > 0;
  const range = instance.range;
  if (!range) return false;
  const margin = Math.ceil(instance.options.overscan / 2);
  const first = Math.max(0, range.startIndex - margin);
  const last = Math.min(instance.options.count - 1, range.endIndex + margin);
  return first < (rendered[0] as number) || last > (rendered[rendered.length - 1] as number);
}

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
 * TanStack Virtual itself is passed in once loaded (`engine`): until then, and while `enabled` has
 * never been true, there is no virtualizer (`null`). The hooks called are the same either way, so
 * the component that holds the rows keeps them mounted when the virtualizer arrives.
 */
export function useRowVirtualizer(
  engine: VirtualEngine | null,
  options: RowVirtualizerOptions,
): RowVirtualizer | null {
  const rerender = useReducer((x: number) => x + 1, 0)[1];
  const direct = useRef<DirectState>({
    container: null,
    lastSize: null,
    lastPositions: new WeakMap(),
    rendered: null,
    measuring: false,
  }).current;

  const applyContainerSize = (instance: Virtualizer<HTMLElement, HTMLElement>) => {
    if (!direct.container) return;
    if (instance.options.enabled === false) {
      // Rows in flow (`virtualize={false}`, or before hydration) size the list themselves: a
      // height written while measuring must not stay behind and clip them.
      if (direct.lastSize !== null) direct.container.style.removeProperty("height");
      direct.lastSize = null;
      return;
    }
    const totalSize = instance.getTotalSize();
    if (totalSize === direct.lastSize) return;
    direct.lastSize = totalSize;
    direct.container.style.height = `${totalSize}px`;
  };
  const applyRowPosition = (
    instance: Virtualizer<HTMLElement, HTMLElement>,
    start: number,
    el: HTMLElement,
  ) => {
    const next = start - instance.options.scrollMargin;
    if (direct.lastPositions.get(el) === next) return;
    direct.lastPositions.set(el, next);
    // The same form the rows render with, so either writer leaves the same value.
    el.style.transform = `translate3d(0, ${next}px, 0)`;
  };
  const applyDirectStyles = (instance: Virtualizer<HTMLElement, HTMLElement>) => {
    if (!direct.container) return;
    applyContainerSize(instance);
    if (instance.options.enabled === false) return;
    for (const item of instance.getVirtualItems()) {
      const el = instance.elementsCache.get(item.key);
      if (el) applyRowPosition(instance, item.start, el);
    }
  };

  function create(engine: VirtualEngine): RowVirtualizer {
    const virtualizer = new engine.Virtualizer<HTMLElement, HTMLElement>(resolve(engine));
    const measureElement = virtualizer.measureElement;
    virtualizer.measureElement = (node) => {
      direct.measuring = true;
      try {
        measureElement(node);
      } finally {
        direct.measuring = false;
      }
      if (node !== null && direct.container && virtualizer.options.enabled !== false) {
        const item = virtualizer.measurementsCache[virtualizer.indexFromElement(node)];
        if (item) applyRowPosition(virtualizer, item.start, node);
      }
    };
    return Object.assign(virtualizer, {
      containerRef: (node: HTMLElement | null) => {
        direct.container = node;
        direct.lastSize = null;
        if (node !== null) applyDirectStyles(virtualizer);
      },
      syncScrollOffset: (scrollTop: number) => {
        // TanStack Virtual reads the offset only in its scroll listener; the field is private.
        (virtualizer as unknown as { scrollOffset: number | null }).scrollOffset = scrollTop;
      },
    });
  }

  function resolve(engine: VirtualEngine): VirtualizerOptions<HTMLElement, HTMLElement> {
    return {
      observeElementRect: engine.observeElementRect,
      observeElementOffset: engine.observeElementOffset,
      scrollToFn: engine.elementScroll,
      ...options,
      onChange: (instance, sync) => {
        applyDirectStyles(instance);
        if (needsRender(instance, direct.rendered)) {
          if (sync && !direct.measuring) flushSync(rerender);
          else rerender();
        }
        options.onChange?.(instance, sync);
      },
    };
  }

  const held = useRef<RowVirtualizer | null>(null);
  if (held.current === null && engine !== null && options.enabled !== false) {
    held.current = create(engine);
  }
  const instance = held.current;
  if (instance !== null && engine !== null) instance.setOptions(resolve(engine));

  useIsomorphicLayoutEffect(() => instance?._didMount(), [instance]);
  useIsomorphicLayoutEffect(() => {
    if (instance === null) return;
    // What this commit rendered; a change of it is what needs the next render.
    direct.rendered = instance.getVirtualIndexes();
    applyContainerSize(instance);
    return instance._willUpdate();
  });
  useIsomorphicLayoutEffect(() => {
    if (instance !== null) applyDirectStyles(instance);
  });
  return instance;
}
