/**
 * @threadkit/components — Radix-based, themable parts that render every ChatKit thread item.
 */

export * as Composer from "./composer";
export type {
  ComposerAttachment,
  ComposerRootProps,
  ComposerSubmission,
} from "./composer/composer";
export type { ConnectedComposerRootProps } from "./composer/connected-composer";
export {
  type CodeHighlighter,
  type FeedbackKind,
  type ItemRendererProps,
  type ItemRenderers,
  type ItemStatus,
  type ThreadUIContextValue,
  type ThreadUIOptions,
  ThreadUIProvider,
  type ThreadUIProviderProps,
  type ToolRenderers,
  useThreadUI,
  type WidgetItemRenderer,
} from "./context";
export {
  ar,
  catalogFor,
  catalogs,
  de,
  directionOf,
  en,
  type MessageKey,
  type Messages,
  type PluralCategory,
  type PluralMessageKey,
} from "./i18n/messages";
export { type SafeUrlOptions, safeUrl, type UrlUsage } from "./internal/safe-url";
export { AssistantMessage } from "./items/assistant-message";
export {
  ClientToolCall,
  type ClientToolCallProps,
  type ToolCallDisplayStatus,
  toolCallStatus,
} from "./items/client-tool-call";
export { EndOfTurn } from "./items/end-of-turn";
export { GeneratedImage, type GeneratedImageProps } from "./items/generated-image";
export {
  Notice,
  type NoticeProps,
  ProgressUpdate,
  type ProgressUpdateProps,
  StreamError,
  type StreamErrorProps,
} from "./items/notice";
export { StructuredInputView, type StructuredInputViewProps } from "./items/structured-input";
export { TaskItemView, TaskView } from "./items/task";
export { AttachmentView, UserMessage } from "./items/user-message";
export { WidgetItemFallback } from "./items/widget-item";
export { formatDuration, WorkflowView } from "./items/workflow";
export { CodeBlock, type CodeBlockProps } from "./markdown/code-block";
export {
  type BlockLexState,
  lexBlocks,
  MARKDOWN_CHUNK_LENGTH,
  MAX_MARKDOWN_NESTING,
  type MarkdownBlock,
} from "./markdown/lex-blocks";
export { Markdown, type MarkdownProps } from "./markdown/markdown";
export type { MarkdownMarker } from "./markdown/render-tokens";
export * as Message from "./message";
export { collectSources, type PlacedCitation, type SourceEntry } from "./message/sources";
export { createTheme, readableOn, type Theme, type ThemeOptions } from "./theme/create-theme";
export * as Thread from "./thread";
export type { ConnectedThreadRootProps } from "./thread/connected-thread";
export type { ThreadRootProps } from "./thread/thread";
export {
  fromItems,
  fromThreadStore,
  type ThreadRunStatusSnapshot,
  type ThreadSource,
  type ThreadStoreLike,
} from "./thread/thread-source";
export { defaultItemRenderers, ThreadItem, type ThreadItemProps } from "./thread-item/thread-item";
export { UnknownItem, type UnknownItemProps } from "./thread-item/unknown-item";
export { ThreadList, type ThreadListProps } from "./thread-list/thread-list";
export * as Widget from "./widgets";
export {
  ConnectedWidget,
  type ConnectedWidgetProps,
  createWidgetItemRenderer,
  defaultWidgetRegistry,
  type WidgetActionContext,
  type WidgetActionHandler,
  type WidgetComponentProps,
  type WidgetRegistry,
  type WidgetRootProps,
  WidgetRootView,
} from "./widgets";
