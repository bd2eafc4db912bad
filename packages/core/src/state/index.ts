export { applyThreadItemUpdate, updateWidgetNode } from "./apply-item-update";
export {
  reduceThreadStream,
  reduceThreadStreamEvents,
  type ThreadStreamReducerEvent,
} from "./reduce-thread-stream";
export {
  acknowledgeThreadEffects,
  createThreadState,
  dismissThreadNotices,
  finishThreadStream,
  isThreadItemStreaming,
  type MergeThreadItemsOptions,
  mergeThreadItems,
  removeThreadItem,
  selectThreadItem,
  selectThreadItems,
  startThreadStream,
  type ThreadClientEffect,
  type ThreadNotice,
  type ThreadProgress,
  type ThreadState,
  type ThreadStreamError,
  upsertThreadItem,
} from "./thread-state";
