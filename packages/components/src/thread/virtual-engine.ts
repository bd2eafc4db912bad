// The runtime of TanStack Virtual, loaded with `import()` only once a thread is long enough to
// window its rows (see `load-virtual-engine.ts`): short threads never download it.
export {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
} from "@tanstack/react-virtual";
