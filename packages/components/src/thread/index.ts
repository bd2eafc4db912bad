export {
  type ConnectedThreadRootProps as ConnectedRootProps,
  type ThreadRootAnyProps as RootProps,
  ThreadRootSwitch as Root,
} from "./connected-thread";
export {
  ThreadEmpty as Empty,
  type ThreadEmptyProps as EmptyProps,
  type ThreadRootProps as StaticRootProps,
  ThreadScrollToBottom as ScrollToBottom,
  type ThreadScrollToBottomProps as ScrollToBottomProps,
  ThreadViewport as Viewport,
  type ThreadViewportProps as ViewportProps,
} from "./thread";
export { ThreadItems as Items, type ThreadItemsProps as ItemsProps } from "./thread-items";
export {
  ThreadLoadError as LoadError,
  type ThreadLoadErrorProps as LoadErrorProps,
  type ThreadLoadFailure as LoadFailure,
} from "./thread-load-error";
export {
  ThreadRunStatus as RunStatus,
  type ThreadRunStatusProps as RunStatusProps,
} from "./thread-run-status";
