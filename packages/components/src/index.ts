/**
 * @threadkit/components — Radix-based, themable parts that render every ChatKit thread item.
 *
 * Every part of the `Thread`, `Composer`, `Message` and `Widget` namespaces also has a flat name
 * (`Thread.Root` is `ThreadRoot`): a React Server Component can render a client part only through
 * a named export, never as a property of a namespace.
 */

export * from "./chatkit";
export * as Composer from "./composer";
export {
  AddAttachment as ComposerAddAttachment,
  Attachments as ComposerAttachments,
  Commands as ComposerCommands,
  Dictation as ComposerDictation,
  Input as ComposerInput,
  MentionButton as ComposerMentionButton,
  Mentions as ComposerMentions,
  ModelPicker as ComposerModelPicker,
  Rejections as ComposerRejections,
  Root as ComposerRoot,
  Status as ComposerStatus,
  Stop as ComposerStop,
  Submit as ComposerSubmit,
  Tags as ComposerTags,
  ToolMenu as ComposerToolMenu,
} from "./composer";
export type {
  ComposerAttachment,
  ComposerRootProps,
  ComposerSubmission,
} from "./composer/composer";
export type { ComposerDictationProps } from "./composer/composer-dictation";
export type {
  ComposerModel,
  ComposerModelPickerProps,
  ComposerTool,
  ComposerToolMenuProps,
} from "./composer/composer-options";
export {
  type ComposerRootBinding,
  type ConnectedComposerRootProps,
  useComposerRootProps,
} from "./composer/connected-composer";
export type {
  ComposerCommand,
  ComposerCommandSelection,
  ComposerEntity,
} from "./composer/mention-state";
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
  browserLanguages,
  LOCALES,
  loadLocale,
  pickLocale,
  resolveLocale,
  type ShippedLocale,
} from "./i18n/locales";
export {
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
export { MARKDOWN_CHUNK_LENGTH, MAX_MARKDOWN_NESTING } from "./markdown/lex-blocks";
export { Markdown, type MarkdownProps } from "./markdown/markdown";
export type { MarkdownMarker } from "./markdown/render-tokens";
export * as Message from "./message";
export {
  ActionBar as MessageActionBar,
  Actions as MessageActions,
  Citation as MessageCitation,
  Content as MessageContent,
  Root as MessageRoot,
  Sources as MessageSources,
  Text as MessageText,
} from "./message";
export { collectSources, type PlacedCitation, type SourceEntry } from "./message/sources";
export { createTheme, readableOn, type Theme, type ThemeOptions } from "./theme/create-theme";
export * as Thread from "./thread";
export {
  Empty as ThreadEmpty,
  Items as ThreadItems,
  LoadError as ThreadLoadError,
  Root as ThreadRoot,
  RunStatus as ThreadRunStatus,
  ScrollToBottom as ThreadScrollToBottom,
  Viewport as ThreadViewport,
} from "./thread";
export type { ConnectedThreadRootProps } from "./thread/connected-thread";
export type { ThreadRootProps } from "./thread/thread";
export type { ThreadLoadErrorProps, ThreadLoadFailure } from "./thread/thread-load-error";
export {
  fromItems,
  fromThreadStore,
  type ThreadRunStatusSnapshot,
  type ThreadSource,
  type ThreadStoreSubscription,
} from "./thread/thread-source";
export {
  ItemPlaceholder,
  type ItemPlaceholderProps,
  type LazyItemType,
  preloadItemRenderers,
} from "./thread-item/lazy-renderers";
export { defaultItemRenderers, ThreadItem, type ThreadItemProps } from "./thread-item/thread-item";
export { UnknownItem, type UnknownItemProps } from "./thread-item/unknown-item";
export {
  type ConnectedThreadListProps,
  type ThreadListAnyProps,
  ThreadListSwitch as ThreadList,
} from "./thread-list/connected-thread-list";
export type { ThreadListProps } from "./thread-list/thread-list";
export * as Widget from "./widgets";
export {
  Children as WidgetChildren,
  ConnectedWidget,
  type ConnectedWidgetProps,
  createWidgetItemRenderer,
  defaultWidgetRegistry,
  Node as WidgetNode,
  preloadWidgetIcons,
  preloadWidgets,
  Root as WidgetRoot,
  registerWidgetIcons,
  type WidgetActionContext,
  type WidgetActionHandler,
  type WidgetComponentProps,
  type WidgetIconResolver,
  type WidgetIconSource,
  type WidgetRegistry,
  type WidgetRootProps,
  WidgetRootView,
} from "./widgets";
