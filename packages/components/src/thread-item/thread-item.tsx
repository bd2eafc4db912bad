import type { ThreadItem as ThreadItemData } from "@threadkit/core";
import { TriangleAlert } from "lucide-react";
import { type ComponentType, forwardRef, type HTMLAttributes, memo } from "react";
import { type ItemRendererProps, type ItemStatus, useThreadUI } from "../context";
import { ItemErrorBoundary } from "../internal/error-boundary";
import { AssistantMessage } from "../items/assistant-message";
import { EndOfTurn } from "../items/end-of-turn";
import { UserMessage } from "../items/user-message";
import { createWidgetItemRenderer } from "../widgets/widget-item";
import { lazyItemRenderers } from "./lazy-renderers";

type AnyRenderer = ComponentType<ItemRendererProps<ThreadItemData> & { progress?: number }>;

/**
 * The renderer used for each item type when the app registers none. Messages, widgets and
 * end-of-turn render at once; the rarer types (`client_tool_call`, `generated_image`,
 * `structured_input`, `workflow`, `task`) and the fallback of item types this version does not
 * know load their renderer the first time one renders, with a placeholder until then
 * (`preloadItemRenderers()` loads them earlier).
 */
export const defaultItemRenderers = {
  user_message: UserMessage,
  assistant_message: AssistantMessage,
  client_tool_call: lazyItemRenderers.client_tool_call,
  widget: createWidgetItemRenderer(),
  generated_image: lazyItemRenderers.generated_image,
  structured_input: lazyItemRenderers.structured_input,
  workflow: lazyItemRenderers.workflow,
  task: lazyItemRenderers.task,
  end_of_turn: EndOfTurn,
  unknown: lazyItemRenderers.unknown as ComponentType<ItemRendererProps<ThreadItemData>>,
} as const;

/** Props of {@link ThreadItem}. */
export interface ThreadItemProps extends HTMLAttributes<HTMLDivElement> {
  /** Any canonical thread item. */
  item: ThreadItemData;
  /** @default "done" */
  status?: ItemStatus;
  /** Generation progress (0..1) of a streaming generated image. */
  progress?: number;
}

function ItemFallback({ reset }: { reset: () => void }) {
  const { t } = useThreadUI();
  return (
    <div data-tk-part="item-error" role="alert">
      <TriangleAlert aria-hidden size={16} />
      <span>{t("item.error")}</span>
      <button type="button" data-tk-part="button" data-variant="ghost" onClick={reset}>
        {t("item.errorRetry")}
      </button>
    </div>
  );
}

/**
 * Renders any canonical thread item with the renderer registered for its type (`renderers`, and
 * `toolRenderers` by tool name for client tool calls) or the default one. Works from props alone,
 * without a store. Each item renders inside its own error boundary: a broken item shows a fallback
 * and the rest of the thread stays.
 *
 * @selector [data-tk-part="thread-item"][data-item-type][data-status="streaming"|"done"|"error"]
 */
export const ThreadItem = memo(
  forwardRef<HTMLDivElement, ThreadItemProps>(function ThreadItem(
    { item, status = "done", progress, ...props },
    ref,
  ) {
    const { renderers, toolRenderers } = useThreadUI();
    const type = (
      item && typeof item === "object" ? item.type : "unknown"
    ) as ThreadItemData["type"];
    let Renderer = (renderers?.[type] ?? defaultItemRenderers[type]) as AnyRenderer | undefined;
    if (type === "client_tool_call" && toolRenderers) {
      const byName = toolRenderers[(item as { name: string }).name];
      if (byName) Renderer = byName as AnyRenderer;
    }
    const known = Renderer !== undefined;
    const Resolved: AnyRenderer = Renderer ?? (defaultItemRenderers.unknown as AnyRenderer);
    const rendered = known
      ? item
      : ({
          type: "unknown",
          id: String((item as { id?: unknown })?.id ?? ""),
          thread_id: String((item as { thread_id?: unknown })?.thread_id ?? ""),
          created_at: String((item as { created_at?: unknown })?.created_at ?? ""),
          original_type: String(type),
          raw: item as unknown as Record<string, unknown>,
        } as ThreadItemData);
    return (
      <div
        data-tk-part="thread-item"
        data-item-type={type}
        data-status={status}
        {...props}
        ref={ref}
      >
        <ItemErrorBoundary
          resetKey={item}
          fallback={(_error, reset) => <ItemFallback reset={reset} />}
        >
          <Resolved
            item={rendered}
            status={status}
            {...(progress !== undefined ? { progress } : {})}
          />
        </ItemErrorBoundary>
      </div>
    );
  }),
);
ThreadItem.displayName = "ThreadItem";
