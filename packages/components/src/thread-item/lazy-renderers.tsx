import type { ThreadItem as ThreadItemData } from "@threadkit/core";
import {
  type ComponentType,
  forwardRef,
  type HTMLAttributes,
  type LazyExoticComponent,
  lazy,
  memo,
  Suspense,
  useState,
} from "react";
import type { ItemRendererProps } from "../context";
import { preloadWidgetIcons } from "../widgets/icon";

type AnyRenderer = ComponentType<ItemRendererProps<ThreadItemData> & { progress?: number }>;
/** A lazy type, or `unknown`: the fallback of item types this version does not know. */
type Loadable = LazyItemType | "unknown";

/** The item types whose default renderer loads on first sight (see {@link preloadItemRenderers}). */
export type LazyItemType =
  | "client_tool_call"
  | "generated_image"
  | "structured_input"
  | "task"
  | "workflow";

/** Every {@link LazyItemType}. */
export const lazyItemTypes: readonly LazyItemType[] = [
  "client_tool_call",
  "generated_image",
  "structured_input",
  "task",
  "workflow",
];

// The rarer renderers are one chunk (items/rare-renderers.ts), loaded the first time a thread
// shows any of their item types (or an item type this version does not know): a thread of
// messages alone never loads it. One chunk rather than one per type keeps an app's build within a
// few files; together they are about 4 kB gzip.
let loaded: Record<Loadable, AnyRenderer> | undefined;
let pending: Promise<Record<Loadable, AnyRenderer>> | undefined;
const deferred: Partial<Record<Loadable, LazyExoticComponent<AnyRenderer>>> = {};

function load(): Promise<Record<Loadable, AnyRenderer>> {
  pending ??= import("../items/rare-renderers").then(
    (module) => {
      loaded = module as unknown as Record<Loadable, AnyRenderer>;
      // Already downloaded with the renderers (rare-renderers.ts): this only registers it.
      void preloadWidgetIcons().catch(() => undefined);
      return loaded;
    },
    (error: unknown) => {
      // A failed download can be tried again (the item's error boundary offers a retry).
      pending = undefined;
      for (const type in deferred) delete deferred[type as Loadable];
      throw error;
    },
  );
  return pending;
}

/**
 * Starts loading the default renderers of the rarer item types (`client_tool_call`,
 * `generated_image`, `structured_input`, `task`, `workflow`, and the fallback of item types this
 * version does not know; one chunk) ahead of their first item,
 * e.g. when a thread that holds them opens or before a run that will stream them. Without it they
 * load the first time such an item renders, which shows a placeholder
 * (`[data-tk-part="item-placeholder"]`) for that moment. Resolves when they render without waiting.
 *
 * @example
 * preloadItemRenderers();
 */
export function preloadItemRenderers(): Promise<void> {
  return load().then(() => undefined);
}

function deferredRenderer(type: Loadable): LazyExoticComponent<AnyRenderer> {
  let component = deferred[type];
  if (!component) {
    component = lazy(() => load().then((renderers) => ({ default: renderers[type] })));
    deferred[type] = component;
  }
  return component;
}

/** Props of {@link ItemPlaceholder}. */
export interface ItemPlaceholderProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * The item type whose renderer is loading (`unknown` for a type this version does not know);
   * sets the reserved height.
   */
  type: LazyItemType | "unknown";
}

/**
 * Holds a rarer item's place while its renderer loads: as tall as the renderer's usual first
 * state (a collapsed workflow or tool call, a task's title, a question, an image frame; set by
 * `--tk-item-placeholder-height`), `aria-busy` and empty, so nothing is announced before the item
 * itself. `ThreadItem` renders it on its own; it is exported for custom renderers that load
 * lazily too.
 *
 * @selector [data-tk-part="item-placeholder"][data-item-type][aria-busy="true"]
 */
export const ItemPlaceholder = forwardRef<HTMLDivElement, ItemPlaceholderProps>(
  function ItemPlaceholder({ type, ...props }, ref) {
    return (
      <div
        data-tk-part="item-placeholder"
        data-item-type={type}
        aria-busy="true"
        {...props}
        ref={ref}
      />
    );
  },
);

function createLazyRenderer(type: Loadable): AnyRenderer {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per item type when the module loads
  const LazyRenderer = memo(function LazyRenderer(props: ItemRendererProps<ThreadItemData>) {
    // Decided once per instance: switching from the lazy path to the loaded one would remount it.
    const [Ready] = useState(() => loaded?.[type]);
    if (Ready) return <Ready {...props} />;
    const Deferred = deferredRenderer(type);
    return (
      <Suspense fallback={<ItemPlaceholder type={type} />}>
        <Deferred {...props} />
      </Suspense>
    );
  });
  LazyRenderer.displayName = `LazyItemRenderer(${type})`;
  return LazyRenderer as AnyRenderer;
}

/**
 * The default renderers of the {@link LazyItemType}s and of unknown item types, each loading on
 * first render.
 */
export const lazyItemRenderers = Object.fromEntries(
  [...lazyItemTypes, "unknown"].map((type) => [type, createLazyRenderer(type as Loadable)]),
) as Record<Loadable, AnyRenderer>;
