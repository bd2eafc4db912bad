export { applyThreadItemUpdate, updateWidgetNode } from "./apply-item-update";
export { applyThreadEvents, completeThreadToolCall } from "./apply-thread-events";
export {
  addOptimisticThreadMessage,
  isThreadToolCallCompleted,
  type MergeThreadPageOptions,
  mergeThreadPage,
  upsertLiveThreadItem,
  upsertLiveThreadItems,
} from "./live-thread";
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
  type ThreadLiveMarks,
  type ThreadNotice,
  type ThreadProgress,
  type ThreadState,
  type ThreadStreamError,
  upsertThreadItem,
} from "./thread-state";
