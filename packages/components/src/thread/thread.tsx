import type { ThreadItem as ThreadItemData } from "@threadkit/core";
import { ArrowDown } from "lucide-react";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { isTheme, type ThreadUIOptions, ThreadUIProvider, useThreadUI } from "../context";
import { composeRefs } from "../internal/compose-refs";
import { parseDeeplink } from "../internal/deeplink";
import { Slot } from "../internal/slot";
import { createTheme, type Theme, type ThemeOptions } from "../theme/create-theme";
import { LiveAnnouncer } from "./live-announcer";
import {
  BOTTOM_THRESHOLD,
  ThreadContext,
  type ThreadLoadFailure,
  useThreadContext,
} from "./thread-context";
import {
  fromItems,
  fromThreadStore,
  type ThreadSource,
  type ThreadStoreSubscription,
} from "./thread-source";

/** Distance from the top (px) at which older items are requested. */
const TOP_THRESHOLD = 400;

/** Props of {@link ThreadRoot}. */
export interface ThreadRootProps
  extends ThreadUIOptions,
    Omit<ComponentPropsWithoutRef<"div">, "onCopy"> {
  /** Items to show (static or controlled). Ignored when `store` or `source` is given. */
  items?: readonly ThreadItemData[];
  /** With `items`: ids of items that still stream. */
  streamingItemIds?: readonly string[];
  /**
   * A live per-thread store of `@threadkit/hooks` (`createThreadStore`, or `useThreadStore`);
   * only its `getState` and `subscribe` are used.
   */
  store?: ThreadStoreSubscription;
  /** A custom item source. */
  source?: ThreadSource;
  /** Whether older items exist before the first one. @default false */
  hasOlder?: boolean;
  /** Whether older items are being loaded. @default false */
  loadingOlder?: boolean;
  /** Loads the previous page; called when the user nears the top. */
  onLoadOlder?: () => void;
  /**
   * A failed history load, shown by `Thread.LoadError` with its retry (the connected
   * `Thread.Root threadId` sets it by itself). While an older page failed, nearing the top does
   * not load again. `Thread.Empty` hides while it is set.
   */
  loadError?: ThreadLoadFailure | null;
  /** A theme from `createTheme()`, its options, or a color scheme. */
  theme?: Theme | ThemeOptions | "light" | "dark";
  /** Virtualize the list: always, never, or above 60 items. @default "auto" */
  virtualize?: boolean | "auto";
  asChild?: boolean;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches
  );
}

/**
 * The thread container: provides items, scrolling state, locale, renderer registry and theme to
 * the other parts, and hosts the polite live region that announces each finished assistant reply
 * once.
 *
 * @selector [data-tk-part="thread"][data-tk-theme][dir]
 * @example
 * <Thread.Root items={items}>
 *   <Thread.Viewport>
 *     <Thread.Empty>Ask anything</Thread.Empty>
 *     <Thread.Items />
 *   </Thread.Viewport>
 *   <Thread.ScrollToBottom />
 * </Thread.Root>
 */
export const ThreadRoot = forwardRef<HTMLDivElement, ThreadRootProps>(function ThreadRoot(
  {
    items,
    streamingItemIds,
    store,
    source: sourceProp,
    hasOlder = false,
    loadingOlder = false,
    onLoadOlder,
    loadError = null,
    theme,
    virtualize = "auto",
    asChild,
    locale,
    messages,
    renderers,
    toolRenderers,
    onEntityClick,
    onEntityPreview,
    onFeedback,
    onRetry,
    onRegenerate,
    onDeeplink,
    onCopy,
    onStructuredInputSubmit,
    allowDataImages,
    allowedImageDomains,
    highlightCode,
    children,
    style,
    ...props
  },
  ref,
) {
  const source = useMemo(
    () => sourceProp ?? (store ? fromThreadStore(store) : fromItems(items ?? [], streamingItemIds)),
    [sourceProp, store, items, streamingItemIds],
  );
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState<HTMLDivElement | null>(null);
  const stickRef = useRef(true);
  const [atBottom, setAtBottomState] = useState(true);
  const setAtBottom = useCallback((value: boolean) => setAtBottomState(value), []);
  const scrollToBottom = useCallback((behavior: ScrollBehavior = "auto") => {
    const viewport = viewportRef.current;
    stickRef.current = true;
    if (!viewport) return;
    viewport.scrollTo({
      top: viewport.scrollHeight,
      behavior: behavior === "smooth" && prefersReducedMotion() ? "auto" : behavior,
    });
    setAtBottomState(true);
  }, []);
  const context = useMemo(
    () => ({
      source,
      viewportRef,
      viewport,
      setViewport,
      stickRef,
      atBottom,
      setAtBottom,
      scrollToBottom,
      // A failed older page waits for its retry.
      hasOlder: hasOlder && loadError?.page !== "older",
      loadingOlder,
      loadOlder: onLoadOlder,
      virtualize,
      loadError,
    }),
    [
      source,
      viewport,
      atBottom,
      setAtBottom,
      scrollToBottom,
      hasOlder,
      loadingOlder,
      onLoadOlder,
      virtualize,
      loadError,
    ],
  );
  const inherited = useThreadUI().resolvedTheme;
  const resolvedTheme =
    theme === undefined ? inherited : isTheme(theme) ? theme : createTheme(theme);
  const options: ThreadUIOptions = {};
  if (theme !== undefined) options.theme = theme;
  if (locale !== undefined) options.locale = locale;
  if (messages !== undefined) options.messages = messages;
  if (renderers !== undefined) options.renderers = renderers;
  if (toolRenderers !== undefined) options.toolRenderers = toolRenderers;
  if (onEntityClick !== undefined) options.onEntityClick = onEntityClick;
  if (onEntityPreview !== undefined) options.onEntityPreview = onEntityPreview;
  if (onFeedback !== undefined) options.onFeedback = onFeedback;
  if (onRetry !== undefined) options.onRetry = onRetry;
  if (onRegenerate !== undefined) options.onRegenerate = onRegenerate;
  if (onDeeplink !== undefined) options.onDeeplink = onDeeplink;
  if (onCopy !== undefined) options.onCopy = onCopy;
  if (onStructuredInputSubmit !== undefined)
    options.onStructuredInputSubmit = onStructuredInputSubmit;
  if (allowDataImages !== undefined) options.allowDataImages = allowDataImages;
  if (allowedImageDomains !== undefined) options.allowedImageDomains = allowedImageDomains;
  if (highlightCode !== undefined) options.highlightCode = highlightCode;
  const [rootElement, setRootElement] = useState<HTMLDivElement | null>(null);
  const rootRef = useMemo(() => composeRefs(setRootElement, ref), [ref]);
  options.portalContainer = rootElement;
  const Comp = asChild ? Slot : "div";
  return (
    <ThreadUIProvider {...options}>
      <ThreadContext.Provider value={context}>
        <ThreadRootElement
          Comp={Comp}
          props={{
            "data-tk-part": "thread",
            ...(resolvedTheme?.attributes ?? {}),
            ...props,
            style: resolvedTheme ? { ...resolvedTheme.style, ...style } : style,
          }}
          forwardedRef={rootRef}
        >
          {children}
          <LiveAnnouncer source={source} />
        </ThreadRootElement>
      </ThreadContext.Provider>
    </ThreadUIProvider>
  );
});
ThreadRoot.displayName = "Thread.Root";

function ThreadRootElement({
  Comp,
  props,
  forwardedRef,
  children,
}: {
  Comp: typeof Slot | "div";
  props: Record<string, unknown>;
  forwardedRef: React.Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const { dir, locale, onDeeplink } = useThreadUI();
  const C = Comp as "div";
  const onClick = props.onClick as ((event: MouseEvent<HTMLDivElement>) => void) | undefined;
  return (
    <C
      dir={dir}
      lang={locale}
      {...props}
      onClick={(event: MouseEvent<HTMLDivElement>) => {
        onClick?.(event);
        // `chatkit-link://` links in messages and widgets go to `onDeeplink`, never to the browser.
        const link = (event.target as Element | null)?.closest?.("a[data-tk-deeplink]");
        if (!link || !event.currentTarget.contains(link)) return;
        event.preventDefault();
        const parsed = parseDeeplink(link.getAttribute("href"));
        if (parsed) onDeeplink?.(parsed);
      }}
      ref={forwardedRef}
    >
      {children}
    </C>
  );
}

/** Props of {@link ThreadViewport}. */
export interface ThreadViewportProps extends ComponentPropsWithoutRef<"div"> {
  asChild?: boolean;
}

/**
 * The scroll container. It follows new content while the user is at the bottom, stops following
 * as soon as they scroll up, and asks for older items near the top.
 *
 * @selector [data-tk-part="thread-viewport"][data-at-bottom]
 */
export const ThreadViewport = forwardRef<HTMLDivElement, ThreadViewportProps>(
  function ThreadViewport({ asChild, onScroll, onWheel, onKeyDown, onTouchMove, ...props }, ref) {
    const ctx = useThreadContext("Thread.Viewport");
    const { t } = useThreadUI();
    const { viewportRef, setViewport, stickRef, setAtBottom, hasOlder, loadingOlder, loadOlder } =
      ctx;
    const lastTop = useRef(0);
    const refs = useMemo(
      () => composeRefs(viewportRef, setViewport, ref),
      [viewportRef, setViewport, ref],
    );
    const unstickIfUp = (delta: number) => {
      if (delta < 0) stickRef.current = false;
    };
    const Comp = (asChild ? Slot : "div") as "div";
    return (
      <Comp
        data-tk-part="thread-viewport"
        data-at-bottom={ctx.atBottom ? "" : undefined}
        role="region"
        aria-label={t("thread.label")}
        // Keyboard users can scroll the conversation (axe: scrollable-region-focusable).
        tabIndex={0}
        {...props}
        ref={refs}
        onWheel={(event) => {
          onWheel?.(event);
          unstickIfUp(event.deltaY);
        }}
        onTouchMove={(event) => {
          onTouchMove?.(event);
          stickRef.current = false;
        }}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (["ArrowUp", "PageUp", "Home"].includes(event.key)) stickRef.current = false;
        }}
        onScroll={(event) => {
          onScroll?.(event);
          const el = event.currentTarget;
          const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
          const bottom = distance <= BOTTOM_THRESHOLD;
          // Scrolling up by hand (scrollbar drag included) stops following; reaching the bottom resumes.
          if (el.scrollTop < lastTop.current - 2 && !bottom) stickRef.current = false;
          if (bottom) stickRef.current = true;
          lastTop.current = el.scrollTop;
          setAtBottom(bottom);
          if (el.scrollTop < TOP_THRESHOLD && hasOlder && !loadingOlder && loadOlder) loadOlder();
        }}
      />
    );
  },
);
ThreadViewport.displayName = "Thread.Viewport";

/** Props of {@link ThreadEmpty}. */
export interface ThreadEmptyProps extends ComponentPropsWithoutRef<"div"> {
  asChild?: boolean;
}

/**
 * Rendered only while the thread has no items (the start screen), and not while its history
 * failed to load. Without children it shows the catalog greeting.
 *
 * @selector [data-tk-part="thread-empty"]
 */
export const ThreadEmpty = forwardRef<HTMLDivElement, ThreadEmptyProps>(function ThreadEmpty(
  { asChild, children, ...props },
  ref,
) {
  const { source, loadError } = useThreadContext("Thread.Empty");
  const { t } = useThreadUI();
  const ids = useSyncExternalStore(source.subscribe, source.getItemIds, source.getItemIds);
  if (ids.length > 0 || loadError) return null;
  const Comp = (asChild ? Slot : "div") as "div";
  return (
    <Comp data-tk-part="thread-empty" {...props} ref={ref}>
      {children ?? <p data-tk-part="thread-empty-greeting">{t("thread.empty")}</p>}
    </Comp>
  );
});
ThreadEmpty.displayName = "Thread.Empty";

/** Props of {@link ThreadScrollToBottom}. */
export interface ThreadScrollToBottomProps extends ComponentPropsWithoutRef<"button"> {
  asChild?: boolean;
}

/**
 * "Jump to latest": visible while the view is scrolled away from the bottom; scrolls down (at once
 * when the user prefers reduced motion) and resumes following. The button goes away once the view
 * is at the bottom, so when it had focus, focus moves to the viewport.
 *
 * @selector [data-tk-part="thread-scroll-to-bottom"][data-visible]
 */
export const ThreadScrollToBottom = forwardRef<HTMLButtonElement, ThreadScrollToBottomProps>(
  function ThreadScrollToBottom({ asChild, children, onClick, ...props }, ref) {
    const { atBottom, scrollToBottom, viewportRef } = useThreadContext("Thread.ScrollToBottom");
    const { t } = useThreadUI();
    const Comp = (asChild ? Slot : "button") as "button";
    if (atBottom) return null;
    return (
      <Comp
        type="button"
        data-tk-part="thread-scroll-to-bottom"
        data-visible=""
        aria-label={t("thread.jumpToLatest")}
        {...props}
        ref={ref}
        onClick={(event) => {
          onClick?.(event);
          if (event.defaultPrevented) return;
          const button = event.currentTarget;
          const hadFocus = button.contains(button.ownerDocument.activeElement);
          scrollToBottom("smooth");
          if (hadFocus) viewportRef.current?.focus({ preventScroll: true });
        }}
      >
        {children ?? <ArrowDown aria-hidden size={18} />}
      </Comp>
    );
  },
);
ThreadScrollToBottom.displayName = "Thread.ScrollToBottom";
