/**
 * @threadkit/hooks — React hooks for ChatKit threads: zustand (one live store per thread, which
 * a thread's history pages load into) and a cache the provider keeps of what it loaded (the
 * thread list, threads' pages and metadata), with plain requests and no query library.
 */

export type {
  UploadFile,
  UploadStrategy,
} from "./composer/attachment-upload";
export {
  type AttachmentLimits,
  type AttachmentRejection,
  type AttachmentRejectionReason,
  type ComposerAttachment,
  type ComposerAttachmentStatus,
  type ComposerDraft,
  canSubmitDraft,
  checkAttachmentLimits,
  formatBytes,
  limitsFromFileUpload,
  restoreDraft,
} from "./composer/composer-rules";
export {
  type UseComposerOptions,
  type UseComposerResult,
  useComposer,
} from "./composer/use-composer";
export type { AssistantRunOptions } from "./engine/backends";
export type { RunStatus } from "./engine/run-engine";
export { DEFAULT_STREAM_IDLE_TIMEOUT_MS } from "./engine/run-engine-deps";
export {
  ClientToolError,
  type ClientToolHandler,
  RunEngineLoadError,
  RunStreamError,
} from "./engine/run-errors";
export {
  describeRunFailure,
  type RunFailureInfo,
  type RunFailureReason,
  StreamIdleTimeoutError,
  UnconfirmedMessageError,
} from "./engine/run-failure";
export { type RunInput, type SendOptions, toUserMessageInput } from "./engine/run-request";
export type { RunResult } from "./engine/run-result";
export {
  type PrimeThreadItemsOptions,
  primeThreadItems,
  type ThreadItemsListPage,
} from "./prime-thread-items";
export type {
  AssistantsClient,
  ProtocolClient,
  RestClient,
  ThreadkitClients,
} from "./provider/clients";
export { useThreadkitQueryClient } from "./provider/query-client";
export {
  type ThreadkitCallbacks,
  type ThreadkitContextValue,
  type ThreadkitEffect,
  type ThreadkitLog,
  type ThreadStoreRegistry,
  useThreadkitContext,
} from "./provider/threadkit-context";
export {
  createThreadStoreRegistry,
  ThreadkitProvider,
  type ThreadkitProviderProps,
  type ThreadStoreRegistryOptions,
} from "./provider/threadkit-provider";
export { threadkitKeys } from "./query-keys";
export { type RetryAfterItem, useRetryAfterItem } from "./run/use-retry-after-item";
export {
  type UseRunStreamOptions,
  type UseRunStreamResult,
  useRunStream,
} from "./run/use-run-stream";
export { useRunningToolCallId } from "./run/use-running-tool-call-id";
export {
  type SubmitStructuredInput,
  useSubmitStructuredInput,
} from "./run/use-submit-structured-input";
export { type ThreadRunActions, useThreadRunActions } from "./run/use-thread-run-actions";
export {
  selectThreadRunError,
  selectUnansweredMessage,
  type ThreadRunError,
  type ThreadRunStatus,
  useThreadRunStatus,
} from "./run/use-thread-run-status";
export {
  type ChatKitClientSecret,
  type ChatKitSessionSnapshot,
  type ChatKitSessionStatus,
  createSessionController,
  type GetClientSecret,
  type SessionController,
  type SessionControllerOptions,
} from "./session/session-controller";
export {
  type UseChatKitSessionOptions,
  type UseChatKitSessionResult,
  useChatKitSession,
} from "./session/use-chatkit-session";
export {
  ThreadProvider,
  type ThreadProviderProps,
  useThreadContext,
  useThreadItem,
  useThreadState,
  useThreadStore,
} from "./thread/thread-context";
export {
  createThreadStore,
  type ThreadRunFailure,
  type ThreadRunIncomplete,
  type ThreadStore,
  type ThreadStoreActions,
  type ThreadStoreState,
} from "./thread/thread-store";
export { type UseThreadResult, useThread } from "./thread/use-thread";
export {
  type UseThreadItemsOptions,
  type UseThreadItemsResult,
  useThreadItems,
} from "./thread/use-thread-items";
export {
  type ItemFeedbackInput,
  type UseItemFeedbackResult,
  useItemFeedback,
} from "./threads/use-item-feedback";
export {
  type RenameThreadInput,
  type ThreadMutationCallbacks,
  type ThreadMutationResult,
  type UseDeleteThreadResult,
  type UseRenameThreadResult,
  type UseThreadsOptions,
  type UseThreadsResult,
  useDeleteThread,
  useRenameThread,
  useThreads,
} from "./threads/use-threads";
export {
  type ClientWidgetActionHandler,
  type DispatchWidgetActionOptions,
  type UseWidgetActionOptions,
  type UseWidgetActionResult,
  useWidgetAction,
  type WidgetActionSource,
  widgetActionKey,
} from "./widgets/use-widget-action";
