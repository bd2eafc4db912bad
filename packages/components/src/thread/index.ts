export {
  ThreadEmpty as Empty,
  type ThreadEmptyProps as EmptyProps,
  ThreadRoot as Root,
  type ThreadRootProps as RootProps,
  ThreadScrollToBottom as ScrollToBottom,
  type ThreadScrollToBottomProps as ScrollToBottomProps,
  ThreadViewport as Viewport,
  type ThreadViewportProps as ViewportProps,
} from "./thread";
export { ThreadItems as Items, type ThreadItemsProps as ItemsProps } from "./thread-items";
