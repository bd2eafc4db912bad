import {
  type ComponentType,
  forwardRef,
  lazy,
  type RefAttributes,
  Suspense,
  useState,
} from "react";
import { preloadWidgetIcons } from "./icon";
import type { WidgetRootProps } from "./widget-root-props";

export type { WidgetRootProps } from "./widget-root-props";

type Impl = ComponentType<WidgetRootProps & RefAttributes<HTMLDivElement>>;

// The catalogue (every widget component, Radix fields, actions, validation) is its own chunk: a
// page whose thread shows no widget never loads it.
let impl: Impl | undefined;
let implPromise: Promise<Impl> | undefined;

/**
 * Starts loading the widget catalogue (and the icons of ChatKit's built-in names) ahead of the
 * first widget, e.g. when a thread that holds widget items opens. Resolves when widgets render
 * without waiting.
 */
export function preloadWidgets(): Promise<void> {
  implPromise ??= import("./widget-root-impl").then((module) => {
    impl = module.WidgetRootImpl;
    return impl;
  });
  void preloadWidgetIcons().catch(() => undefined);
  return implPromise.then(() => undefined);
}

const LazyImpl = lazy(async () => {
  await preloadWidgets();
  return { default: impl as Impl };
});

/**
 * Renders a ChatKit widget tree: validates it, renders each node with the registry's component,
 * gathers form values into actions and shows their loading states. A streamed update that copies
 * only the changed path re-renders only that path.
 *
 * The catalogue loads with the first widget ({@link preloadWidgets} starts it earlier); until then
 * the root element is there, empty, with `data-loading` and the same `className` and `style`.
 *
 * @selector [data-tk-part="widget"] [data-widget-type] [data-loading]
 * @selector [data-tk-part="widget-error"]
 * @example
 * <Widget.Root widget={item.widget} itemId={item.id} onAction={(action) => sendCustomAction(action)} />
 */
export const WidgetRootView = forwardRef<HTMLDivElement, WidgetRootProps>(
  function WidgetRootView(props, ref) {
    // Decided once per instance: switching from the lazy path to the loaded one would remount it.
    const [Ready] = useState(() => impl);
    if (Ready !== undefined) return <Ready {...props} ref={ref} />;
    return (
      <Suspense
        fallback={
          <div
            data-tk-part="widget"
            data-loading=""
            aria-busy="true"
            id={props.id}
            className={props.className}
            style={props.style}
          />
        }
      >
        <LazyImpl {...props} ref={ref} />
      </Suspense>
    );
  },
);
WidgetRootView.displayName = "Widget.Root";
