/**
 * The thread state the per-thread store is built on, from `@threadkit/core`: one place the
 * store reads the state shape and the pure reducers from.
 */
export {
  acknowledgeThreadEffects,
  addOptimisticThreadMessage,
  applyThreadEvents,
  completeThreadToolCall,
  createThreadState,
  dismissThreadNotices,
  finishThreadStream,
  isThreadToolCallCompleted,
  mergeThreadItems,
  mergeThreadPage,
  reduceThreadStream,
  removeThreadItem,
  selectThreadItem,
  startThreadStream,
  type ThreadClientEffect,
  type ThreadNotice,
  type ThreadProgress,
  type ThreadState,
  type ThreadStreamError,
  type ThreadStreamReducerEvent,
  upsertLiveThreadItem,
  upsertLiveThreadItems,
} from "@threadkit/core";
