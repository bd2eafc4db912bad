import type {
  AssistantMessageItem,
  StructuredInputItem,
  StructuredInputSubmission,
  UserMessageItem,
} from "@threadkit/core";
import {
  ThreadProvider,
  type ThreadStore,
  useThread,
  useThreadItems,
  useThreadRunActions,
  useThreadStore,
} from "@threadkit/hooks";
import { forwardRef, useCallback, useMemo, useRef } from "react";
import { type FeedbackKind, useThreadUI } from "../context";
import { PENDING_IMAGE_DOMAINS } from "../internal/safe-url";
import { createWidgetItemRenderer } from "../widgets/widget-item";
import { ThreadRoot, type ThreadRootProps } from "./thread";

/** Props of {@link ConnectedThreadRoot}. */
export interface ConnectedThreadRootProps
  extends Omit<
    ThreadRootProps,
    "items" | "store" | "source" | "hasOlder" | "loadingOlder" | "onLoadOlder" | "loadError"
  > {
  /** The thread to show (`null` for a new thread). */
  threadId: string | null;
  /** Items per page loaded from the server. @default 20 */
  pageSize?: number;
  /**
   * The actions under assistant replies that the thread wires by itself (as ChatKit's
   * `threadItemActions`): `feedback` sends `items.feedback`, `retry` sends
   * `threads.retry_after_item` on the user message the reply answers. An `onFeedback` or
   * `onRetry` of the app (here or on an enclosing `ThreadUIProvider`) replaces the built-in one.
   * @default { feedback: true, retry: true }
   */
  threadItemActions?: { feedback?: boolean; retry?: boolean };
}

/** The user message a reply answers: the last confirmed one before it. */
function userMessageBefore(store: ThreadStore, itemId: string): string | null {
  const { itemIds, itemsById } = store.getState();
  for (let index = itemIds.indexOf(itemId); index >= 0; index -= 1) {
    const item = itemsById.get(itemIds[index] ?? "");
    if (item?.type === "user_message" && !item.id.startsWith("optimistic_")) return item.id;
  }
  return null;
}

/**
 * `Thread.Root` fed by `@threadkit/hooks`: pages through `useThreadItems(threadId)`, live items
 * from the thread's store, older pages when the user scrolls up. Must be inside
 * `ThreadkitProvider`. Children can use `useThreadItem` and the other thread hooks.
 *
 * A history that fails to load (its first page, or an older one) shows as an alert above the items
 * (`Thread.LoadError`) with "Try again"; the live items stay.
 *
 * Whatever runs stream into the thread (`useRunStream`, `useComposer`, widget actions, from any
 * component) shows without wiring: `Thread.Items` ends with `Thread.RunStatus` — the notices,
 * the live progress update and the run's error with a retry button.
 *
 * Widget server actions (`threads.custom_action`, or `threads.sync_custom_action` with
 * `streaming: false`), feedback (`items.feedback`) and retry (`threads.retry_after_item` on the
 * user message before the reply) work without wiring as well, unless the app gives its own
 * `renderers.widget`, `onFeedback` or `onRetry` (see `threadItemActions` to turn the buttons off).
 * Client widget actions need the app: give a widget renderer made with
 * `createWidgetItemRenderer({ onClientAction })`.
 *
 * A thread that ends with a user message no reply followed (the server crashed mid-turn) offers
 * "Get a reply" in `Thread.RunStatus`, which sends `threads.retry_after_item` on that message
 * unless the app handles it with its own `onRegenerate`.
 *
 * Structured input items are answered through the hooks as well:
 * Submit and Skip send `threads.add_structured_input` and stream the reply into the thread,
 * unless the app handles them with its own `onStructuredInputSubmit` (here or on an enclosing
 * `ThreadUIProvider`). What the thread offers follows its backend's `capabilities` (`run`,
 * `feedback`, `customActions`); without a backend that can run (a `protocol` client) it is read-only.
 *
 * On a backend that can run, the thread's `allowed_image_domains` (from `threads.get_by_id`, kept
 * current by `thread.updated`) is enforced for every image in it; until it is known, no remote
 * image loads. An `allowedImageDomains` prop (or one on an enclosing `ThreadUIProvider`) replaces
 * the thread's list.
 *
 * Retry, structured input, widget server actions and feedback go through `useThreadRunActions`:
 * the run engine is not part of the first page; it loads once the browser is idle, on the first
 * pointer or focus in the thread, or with the first action (a failed load shows on the thread
 * with a retry, nothing is lost).
 */
export const ConnectedThreadRoot = forwardRef<HTMLDivElement, ConnectedThreadRootProps>(
  function ConnectedThreadRoot(
    {
      threadId,
      pageSize,
      threadItemActions,
      onStructuredInputSubmit,
      onRegenerate,
      onFeedback,
      onRetry,
      renderers,
      allowedImageDomains,
      onPointerEnter,
      onFocusCapture,
      ...props
    },
    ref,
  ) {
    const { hasOlder, fetchOlder, isFetchingOlder, status, error, refetch } = useThreadItems(
      threadId,
      pageSize === undefined ? {} : { pageSize },
    );
    // With pages loaded (one before it named a cursor), the page that failed was an older one.
    const loadError = useMemo(
      () =>
        status === "error" && error
          ? hasOlder
            ? { error, page: "older" as const, retry: fetchOlder }
            : { error, page: "first" as const, retry: refetch }
          : null,
      [status, error, hasOlder, fetchOlder, refetch],
    );
    const store = useThreadStore(threadId);
    // Retry, answers, widget actions and feedback: their runners (and the run engine) load on
    // idle after the first paint, or on the first pointer or focus in the thread.
    const actions = useThreadRunActions(threadId);
    const { submitStructuredInput, retryAfterItem, sendServerAction, sendFeedback } = actions;
    const connectedSubmit = useCallback(
      async (item: StructuredInputItem, submission: StructuredInputSubmission) => {
        const result = await submitStructuredInput(item.id, submission);
        // Rejecting opens the form again; once the server took the answers, they are stored.
        if (result.status !== "done" && !result.accepted) {
          throw result.error ?? new Error("The structured input was not sent");
        }
      },
      [submitStructuredInput],
    );
    const connectedRegenerate = useCallback(
      (item: UserMessageItem) => void retryAfterItem(item.id),
      [retryAfterItem],
    );
    const ui = useThreadUI();
    // Server widget actions stream into this thread through a run of its own; its backend says
    // what the thread view may offer (no backend: the provider's clients cannot run, read-only).
    const capabilities = actions.backend?.capabilities;
    const canRun = capabilities?.run === true;
    // Widget.Root routes each action once; the routed server action is only sent here.
    const sendRef = useRef(sendServerAction);
    sendRef.current = sendServerAction;
    const widgetRenderer = useMemo(
      () =>
        createWidgetItemRenderer({
          onAction: (action, context) => sendRef.current(action, context.itemId ?? null),
          // Failures are reported to the provider's `onError` already.
          onActionError: () => {},
        }),
      [],
    );
    const ownWidgets = renderers?.widget !== undefined || ui.renderers?.widget !== undefined;
    const connectedRenderers = useMemo(
      () =>
        ownWidgets || capabilities?.customActions !== true
          ? renderers
          : { ...ui.renderers, ...renderers, widget: widgetRenderer },
      [ownWidgets, capabilities, renderers, ui.renderers, widgetRenderer],
    );
    const connectedFeedback = useCallback(
      (item: AssistantMessageItem, kind: FeedbackKind) =>
        // Failures are reported to the provider's `onError`.
        void sendFeedback([item.id], kind).catch(() => {}),
      [sendFeedback],
    );
    const connectedRetry = useCallback(
      (item: AssistantMessageItem) => {
        const userMessageId = userMessageBefore(store, item.id);
        if (userMessageId !== null) void retryAfterItem(userMessageId);
      },
      [store, retryAfterItem],
    );
    const feedbackHandler =
      onFeedback ??
      (ui.onFeedback === undefined &&
      capabilities?.feedback === true &&
      threadId !== null &&
      threadItemActions?.feedback !== false
        ? connectedFeedback
        : undefined);
    const retryHandler =
      onRetry ??
      (ui.onRetry === undefined && canRun && threadItemActions?.retry !== false
        ? connectedRetry
        : undefined);
    // Threads a run can answer carry `allowed_image_domains` (ChatKit protocol threads).
    const metadata = useThread(canRun ? threadId : null);
    const threadDomains =
      !canRun || metadata.status === "error"
        ? null
        : metadata.status === "pending"
          ? PENDING_IMAGE_DOMAINS // not known yet: no remote image loads
          : (metadata.thread?.allowed_image_domains ?? null);
    const imageDomains = allowedImageDomains ?? ui.allowedImageDomains ?? threadDomains;
    const submit =
      onStructuredInputSubmit ??
      (ui.onStructuredInputSubmit === undefined && canRun ? connectedSubmit : undefined);
    const regenerate =
      onRegenerate ?? (ui.onRegenerate === undefined && canRun ? connectedRegenerate : undefined);
    return (
      <ThreadProvider threadId={threadId} store={store}>
        <ThreadRoot
          {...props}
          // Pointer or focus in the thread: its actions' code loads before the first click.
          onPointerEnter={(event) => {
            onPointerEnter?.(event);
            if (canRun) actions.preload();
          }}
          onFocusCapture={(event) => {
            onFocusCapture?.(event);
            if (canRun) actions.preload();
          }}
          {...(submit !== undefined ? { onStructuredInputSubmit: submit } : {})}
          allowedImageDomains={imageDomains}
          {...(regenerate !== undefined ? { onRegenerate: regenerate } : {})}
          {...(feedbackHandler !== undefined ? { onFeedback: feedbackHandler } : {})}
          {...(retryHandler !== undefined ? { onRetry: retryHandler } : {})}
          {...(connectedRenderers !== undefined ? { renderers: connectedRenderers } : {})}
          ref={ref}
          store={store}
          hasOlder={hasOlder}
          loadingOlder={isFetchingOlder}
          loadError={loadError}
          onLoadOlder={() => void fetchOlder()}
        />
      </ThreadProvider>
    );
  },
);
ConnectedThreadRoot.displayName = "Thread.Root";

/** Props of `Thread.Root`: items from props, a store or a source — or `threadId` for the hooks. */
export type ThreadRootAnyProps = ThreadRootProps | ConnectedThreadRootProps;

/**
 * `Thread.Root`. With `threadId` it reads the thread through `@threadkit/hooks` (inside
 * `ThreadkitProvider`); otherwise it renders `items`, a `store` or a `source` from props.
 *
 * @selector [data-tk-part="thread"][data-tk-theme][dir]
 */
export const ThreadRootSwitch = forwardRef<HTMLDivElement, ThreadRootAnyProps>(
  function ThreadRootSwitch(props, ref) {
    if ("threadId" in props && props.threadId !== undefined) {
      return <ConnectedThreadRoot {...(props as ConnectedThreadRootProps)} ref={ref} />;
    }
    return <ThreadRoot {...(props as ThreadRootProps)} ref={ref} />;
  },
);
ThreadRootSwitch.displayName = "Thread.Root";
