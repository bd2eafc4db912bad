import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type PartialKeys,
  Virtualizer,
  type VirtualizerOptions,
} from "@tanstack/react-virtual";
import { flushSync } from "react-dom";

// Loaded with TanStack Virtual (the "virtual-engine" chunk): a short thread never runs this.

/** What `useRowVirtualizer` takes: TanStack Virtual's options for an element scroller. */
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
  /** Takes this render's options. */
  update: (options: RowVirtualizerOptions) => void;
  /** After a commit: records the rows it rendered, sizes the sizer and lets TanStack Virtual update. */
  commit: () => void;
  /** Writes the rows' positions and the sizer's height to the DOM. */
  applyDirectStyles: () => void;
};

type Instance = Virtualizer<HTMLElement, HTMLElement>;

/**
 * Whether the rows of the last commit no longer serve: a visible row, or one of the first half of
 * the overscan on either side, is not mounted. Rows that scrolled out stay mounted until then (a
 * commit renders the virtualizer's current range again), so a view that follows a growing reply
 * down, or moves back and forth within the overscan, needs no render. The rendered indexes are
 * contiguous (both range extractors of the thread give a run of indexes).
 */
function needsRender(instance: Instance, rendered: readonly number[] | null): boolean {
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
 * Creates the thread's row virtualizer (see `useRowVirtualizer`): it writes the rows' positions
 * and the sizer's height to the DOM itself, and calls `rerender` only when the mounted rows no
 * longer cover the visible range.
 */
export function createRowVirtualizer(
  options: RowVirtualizerOptions,
  rerender: () => void,
): RowVirtualizer {
  let container: HTMLElement | null = null;
  let lastSize: number | null = null;
  const lastPositions = new WeakMap<HTMLElement, number>();
  // The row indexes of the last commit.
  let rendered: readonly number[] | null = null;
  // Inside `measureElement` (a ref callback during a commit): no `flushSync` there.
  let measuring = false;

  const applyContainerSize = (instance: Instance) => {
    if (!container) return;
    if (instance.options.enabled === false) {
      // Rows in flow (`virtualize={false}`, or before hydration) size the list themselves: a
      // height written while measuring must not stay behind and clip them.
      if (lastSize !== null) container.style.removeProperty("height");
      lastSize = null;
      return;
    }
    const totalSize = instance.getTotalSize();
    if (totalSize === lastSize) return;
    lastSize = totalSize;
    container.style.height = `${totalSize}px`;
  };
  const applyRowPosition = (instance: Instance, start: number, el: HTMLElement) => {
    const next = start - instance.options.scrollMargin;
    if (lastPositions.get(el) === next) return;
    lastPositions.set(el, next);
    // The same form the rows render with, so either writer leaves the same value.
    el.style.transform = `translate3d(0, ${next}px, 0)`;
  };
  const applyDirectStyles = (instance: Instance) => {
    if (!container) return;
    applyContainerSize(instance);
    if (instance.options.enabled === false) return;
    for (const item of instance.getVirtualItems()) {
      const el = instance.elementsCache.get(item.key);
      if (el) applyRowPosition(instance, item.start, el);
    }
  };
  const resolve = (
    options: RowVirtualizerOptions,
  ): VirtualizerOptions<HTMLElement, HTMLElement> => ({
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (instance, sync) => {
      applyDirectStyles(instance);
      if (needsRender(instance, rendered)) {
        if (sync && !measuring) flushSync(rerender);
        else rerender();
      }
      options.onChange?.(instance, sync);
    },
  });

  const virtualizer = new Virtualizer<HTMLElement, HTMLElement>(resolve(options));
  const measureElement = virtualizer.measureElement;
  virtualizer.measureElement = (node) => {
    measuring = true;
    try {
      measureElement(node);
    } finally {
      measuring = false;
    }
    if (node !== null && container && virtualizer.options.enabled !== false) {
      const item = virtualizer.measurementsCache[virtualizer.indexFromElement(node)];
      if (item) applyRowPosition(virtualizer, item.start, node);
    }
  };
  return Object.assign(virtualizer, {
    containerRef: (node: HTMLElement | null) => {
      container = node;
      lastSize = null;
      if (node !== null) applyDirectStyles(virtualizer);
    },
    syncScrollOffset: (scrollTop: number) => {
      // TanStack Virtual reads the offset only in its scroll listener; the field is private.
      (virtualizer as unknown as { scrollOffset: number | null }).scrollOffset = scrollTop;
    },
    update: (next: RowVirtualizerOptions) => virtualizer.setOptions(resolve(next)),
    commit: () => {
      // What this commit rendered; a change of it is what needs the next render.
      rendered = virtualizer.getVirtualIndexes();
      applyContainerSize(virtualizer);
      return virtualizer._willUpdate();
    },
    applyDirectStyles: () => applyDirectStyles(virtualizer),
  });
}

/** Records the height of each plain row (by item id) before the rows are windowed. */
export function readRowHeights(
  sizer: HTMLElement | null,
  ids: readonly string[],
  into: Map<string, number>,
): void {
  if (!sizer) return;
  for (const row of sizer.children) {
    const id = ids[Number(row.getAttribute("data-index"))];
    if (id !== undefined) into.set(id, Math.round(row.getBoundingClientRect().height));
  }
}
