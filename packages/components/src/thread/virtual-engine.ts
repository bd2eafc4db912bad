// The runtime of TanStack Virtual and the thread's row virtualizer over it, loaded with `import()`
// only once a thread is long enough to window its rows (see `load-virtual-engine.ts`): short
// threads never download it.
export { defaultRangeExtractor } from "@tanstack/react-virtual";
export { createRowVirtualizer, readRowHeights } from "./row-virtualizer";
